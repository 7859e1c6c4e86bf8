"""Widgets shared by every tab: record tables, forms, the sheet preview, dialogs."""
