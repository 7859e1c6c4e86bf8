"""The database and nothing else: connection, models, migrations, the one save path (demo data is in app.demo).

No Qt here. Everything the village keeps goes through :mod:`app.store.records`.
"""
