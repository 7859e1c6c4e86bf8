"""Is the database file sound? Read-only checks, and SQLite's own recovery of an interrupted write.

A crash in the middle of a write leaves a journal beside the file; rolling it back is SQLite's normal
recovery, not damage. Only what SQLite itself calls corrupt, and rows that cannot be read back, are damage.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import sqlite3
import uuid
from decimal import Decimal, InvalidOperation
from pathlib import Path

from app.store.errors import DAMAGE_CODES, DamagedDatabaseError, sqlite_code, storage_error

logger = logging.getLogger(__name__)

JOURNAL_SUFFIXES = ("-journal", "-wal")
COMPANION_SUFFIXES = ("-journal", "-wal", "-shm")

TABLE_TITLES = {
    "village": "村庄",
    "venue": "活动场所",
    "checklist_item": "标准自查",
    "facility": "设备台账",
    "wall_rule": "上墙制度",
    "outreach_activity": "思想阵地活动",
    "party_member": "党员花名册",
    "cadre": "班子成员",
    "cadre_post": "班子成员职务",
    "cadre_relation": "班子成员近亲属关系",
    "meeting": "三会一课",
    "attendance": "会议出席",
    "appraisal": "民主评议",
    "dues_standard": "党费核定",
    "dues_payment": "党费缴纳",
    "setting": "规则设置",
    "matter": "四议两公开事项",
    "matter_step": "四议两公开步骤",
    "account": "会计科目",
    "journal_entry": "收支明细账",
    "month_close": "结账月份",
    "money_year": "年度财务数据",
    "compact": "村规民约",
    "compact_version": "村规民约版本",
    "compact_print": "村规民约印制记录",
    "household": "农户",
    "household_contact": "联户联系人",
    "household_visit": "走访记录",
    "service_item": "便民服务事项",
    "service_request": "代办记录",
    "dibao_review": "低保评议会",
    "dibao_application": "低保申请",
    "dibao_objection": "低保公示异议",
    "trainer": "师资库",
    "training_session": "培训班次",
    "session_trainer": "培训授课人",
    "trainee": "参训人员",
    "economy_year": "集体经济年度数据",
    "economy_project": "一村一策项目",
    "publication": "公开栏张贴记录",
    "publication_objection": "公开异议",
    "archived_pdf": "张贴原件存档",
    "issued_sheet": "公示单发出记录",
    "audit_entry": "修改记录",
    "schema_version": "数据结构版本",
}


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def check_integrity(path: Path) -> None:
    """Raises DamagedDatabaseError (or another StorageError) unless SQLite finds the file sound."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        read_only_integrity_check(path)
    except sqlite3.DatabaseError as error:
        if sqlite_code(error) in DAMAGE_CODES or not _has_journal(path):
            raise storage_error(error, path) or DamagedDatabaseError(path, str(error)) from error
        recover_interrupted_write(path)
        try:
            read_only_integrity_check(path)
        except sqlite3.DatabaseError as again:
            raise storage_error(again, path) or DamagedDatabaseError(path, str(again)) from again


def read_only_integrity_check(path: Path) -> None:
    connection = read_only(path)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    result = "; ".join(str(row[0]) for row in rows)
    if result != "ok":
        raise DamagedDatabaseError(path, result)


def _has_journal(path: Path) -> bool:
    return any(_companion(path, suffix).exists() for suffix in JOURNAL_SUFFIXES)


def _companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def recover_interrupted_write(path: Path) -> None:
    """Lets SQLite roll back (or forward) what a crash left in the journal, keeping a copy of the
    file and its journal exactly as found, in backups/recovery-<time>/."""
    keep = path.parent / "backups" / f"recovery-{dt.datetime.now():%Y%m%d-%H%M%S-%f}"
    keep.mkdir(parents=True, exist_ok=True)
    for file in [path] + [_companion(path, s) for s in COMPANION_SUFFIXES]:
        if file.exists():
            shutil.copy2(file, keep / file.name)
    connection = sqlite3.connect(path)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        connection.close()
    logger.warning("recovered an interrupted write; the file as found is kept in %s", keep)


def row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}


def unreadable_rows(path: Path) -> list[str]:
    """Reads every row of every table and says, in Chinese, which ones cannot be read back."""
    connection = read_only(path)
    connection.text_factory = bytes
    problems = []
    try:
        tables = [name.decode() for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            if table.startswith("sqlite_"):
                continue
            cursor = connection.execute(f'SELECT * FROM "{table}"')
            columns = [description[0] for description in cursor.description]
            for number, row in enumerate(cursor, start=1):
                for column, value in zip(columns, row, strict=True):
                    reason = _unreadable(table, column, value)
                    if reason:
                        record = _record_id(columns, row)
                        title = TABLE_TITLES.get(table, table)
                        problems.append(f"{title}（表 {table}）第 {number} 行{record}的“{column}”无法读取：{reason}")
    except sqlite3.DatabaseError as error:
        problems.append(f"读取时出错：{error}")
    finally:
        connection.close()
    return problems


def _record_id(columns: list[str], row: tuple) -> str:
    if "id" not in columns:
        return ""
    value = row[columns.index("id")]
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return f"（编号 {text}）"


def _unreadable(table: str, column: str, value) -> str | None:
    if not isinstance(value, bytes) or _is_blob(table, column):
        return None
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        return "文字编码已损坏"
    return _typed_problem(table, column, text)


def _is_blob(table: str, column: str) -> bool:
    """Bytes are the value itself in a blob column (the archived PDFs), not damaged text."""
    from peewee import BlobField

    from app.store import models

    model = next((m for m in models.ALL_TABLES if m._meta.table_name == table), None)
    return bool(model) and isinstance(model._meta.columns.get(column), BlobField)


def _typed_problem(table: str, column: str, text: str) -> str | None:
    """Columns that hold a typed value as text must parse back into it."""
    from app.store import models  # the current tables, to know each column's type

    model = next((m for m in models.ALL_TABLES if m._meta.table_name == table), None)
    field = model._meta.columns.get(column) if model else None
    if field is None or text == "":
        return None
    try:
        if isinstance(field, models.UUIDField | models.ForeignKeyField):
            uuid.UUID(text)
        elif isinstance(field, models.DateTimeField):
            dt.datetime.fromisoformat(text)
        elif isinstance(field, models.DateField):
            dt.date.fromisoformat(text)
        elif isinstance(field, models.DecimalTextField):
            Decimal(text)
        elif isinstance(field, models.JsonField):
            json.loads(text)
    except (ValueError, InvalidOperation):
        return "内容不是应有的格式"
    return None
