"""Spreadsheets in and out: header mapping, row checking, all-or-nothing import."""
