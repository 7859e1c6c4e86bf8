"""The window writes only through the session: no write transaction under app/ui but app/ui/session.py's. An
operation over several records is a store function that returns its changes (ARCHITECTURE.md, rule 1 and 3)."""

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "app" / "ui"
ALLOWED = {UI / "session.py"}
TRANSACTION_NAMES = {"write_transaction", "atomic", "transaction", "savepoint", "manual_commit"}


def transactions_in(source: str) -> list[str]:
    """Where a module opens (or imports the means to open) a write transaction: 'line: what'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "app.store.transactions":
            found.append(f"{node.lineno}: from app.store.transactions import …")
        elif isinstance(node, ast.Import) and any(a.name == "app.store.transactions" for a in node.names):
            found.append(f"{node.lineno}: import app.store.transactions")
        elif isinstance(node, ast.Name) and node.id in TRANSACTION_NAMES:
            found.append(f"{node.lineno}: {node.id}")
        elif isinstance(node, ast.Attribute) and node.attr in TRANSACTION_NAMES:
            found.append(f"{node.lineno}: .{node.attr}")
    return found


def test_the_scan_sees_a_write_transaction():
    opened = "from app.store.transactions import write_transaction\nwith write_transaction():\n    pass\n"
    assert transactions_in(opened) == ["1: from app.store.transactions import …", "2: write_transaction"]
    assert transactions_in("with models.database.atomic():\n    pass\n") == ["1: .atomic"]
    assert transactions_in('"""Every save is one transaction."""\n') == []  # words in a docstring are not code


def test_no_write_transaction_under_ui_but_the_sessions():
    offending = {
        str(path.relative_to(UI.parent.parent)): found
        for path in sorted(UI.rglob("*.py"))
        if path not in ALLOWED and (found := transactions_in(path.read_text(encoding="utf-8")))
    }
    assert offending == {}
    assert transactions_in((UI / "session.py").read_text(encoding="utf-8"))  # the session's own is seen
