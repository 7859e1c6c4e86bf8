"""公开栏 sheets as PDF (reportlab): the bundled font, one page frame, one module per kind of sheet — a
dataclass with header() and body() and a render function.

Layouts only: no Qt, and nothing from the store or the publishing layer. `app.publishing` loads each sheet's
data from the records and lists, renders and issues them.
"""
