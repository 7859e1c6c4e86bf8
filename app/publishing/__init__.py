"""What the program can print and what a 公开栏 carries, above the store and the layouts.

`catalogue` declares the kinds of sheet (name, paper, panel and rhythm on the board, the day its record makes
it due, the period its records are keyed by) as data; `kinds/` holds one module per feature that lists its
sheets, loads their data from the store and registers its kinds; `sheets` is the whole catalogue (list and
render by kind and id); `board` works out what a quarter's board carries, the year of postings and the whole
board in one PDF; `issued` is the one way a sheet leaves the program (saved, printed, a board's parts), used
by the window and the command line alike. No Qt here.
"""
