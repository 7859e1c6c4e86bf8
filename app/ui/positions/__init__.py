"""强阵地 tab: venues, the standard self-check, facilities, rules on the wall, outreach activities."""
