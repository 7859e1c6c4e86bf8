"""The 管理 tab: the village's party members, cadres and party life."""
