"""公开栏 sheets as PDF (reportlab): the bundled font, one page frame, one module per kind of sheet.

No Qt here. `registry` lists the kinds; the UI and the command line render through it.
"""
