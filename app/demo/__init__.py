"""The demo township: villages with a few years of records, for learning the program and for the tests.

One module per feature (people, cadres, meetings, money, board …); :mod:`app.demo.township` puts them
together (``populate_demo``). Sits above ``publishing`` and ``store``: it writes through the store's
save path and may use the sheet catalogue, nothing below imports it.
"""
