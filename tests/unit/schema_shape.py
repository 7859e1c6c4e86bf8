"""The shape of a table as SQLite reports it, and how the migrated tables differ from what the models declare."""

from __future__ import annotations

from peewee import Field, SqliteDatabase

from app.store import models


def columns(db: SqliteDatabase, table: str) -> dict[str, dict]:
    return {
        name: {"type": kind, "not null": bool(not_null), "default": default, "primary key": bool(key)}
        for _, name, kind, not_null, default, key in db.execute_sql(f'pragma table_info("{table}")')
    }


def foreign_keys(db: SqliteDatabase, table: str) -> dict[str, dict]:
    return {
        column: {"references": f"{parent}.{to}", "on update": on_update, "on delete": on_delete}
        for _, _, parent, column, to, on_update, on_delete, _ in db.execute_sql(f'pragma foreign_key_list("{table}")')
    }


def sql_literal(value) -> str | None:
    """How SQLite shows a column DEFAULT equal to the model's Python default (None: it has no SQL form)."""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return None


def declared_database() -> SqliteDatabase:
    """A scratch database holding the tables exactly as the model classes would create them."""
    scratch = SqliteDatabase(":memory:")
    with scratch.bind_ctx(models.ALL_TABLES):
        scratch.create_tables(models.ALL_TABLES)
    return scratch


def drift(migrated: SqliteDatabase) -> list[str]:
    """Every difference between the migrated tables and the models: columns, their types, NOT NULL, primary
    keys, defaults, and each foreign key's parent, ON UPDATE and ON DELETE."""
    declared = declared_database()
    found = []
    for model in models.ALL_TABLES:
        table = model._meta.table_name
        fields: dict[str, Field] = {field.column_name: field for field in model._meta.sorted_fields}
        have, want = columns(migrated, table), columns(declared, table)
        for name in sorted(set(have) | set(want)):
            if name not in have or name not in want:
                found.append(f"{table}.{name}: {'only in the models' if name in want else 'only in the database'}")
                continue
            for key in ("type", "not null", "primary key"):
                if have[name][key] != want[name][key]:
                    found.append(f"{table}.{name}: {key} is {have[name][key]!r}, the model says {want[name][key]!r}")
            # A DEFAULT in the database (needed to add a NOT NULL column) must be the model's default.
            expected = want[name]["default"] or sql_literal(fields[name].default)
            if have[name]["default"] not in (None, expected) or (want[name]["default"] and not have[name]["default"]):
                found.append(f"{table}.{name}: default is {have[name]['default']!r}, the model says {expected!r}")
        have_keys, want_keys = foreign_keys(migrated, table), foreign_keys(declared, table)
        for column in sorted(set(have_keys) | set(want_keys)):
            if have_keys.get(column) != want_keys.get(column):
                found.append(f"{table}.{column}: foreign key is {have_keys.get(column)}, the model says "
                             f"{want_keys.get(column)}")
    declared.close()
    return found
