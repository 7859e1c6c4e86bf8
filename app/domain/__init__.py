"""The rules of the "三强" work, in plain Python: no Qt, no database.

The form, the notice sheet and the command line all use the same rule from here.
"""
