"""Qt only: the main window, one package per tab, shared widgets. Rules come from app.domain."""
