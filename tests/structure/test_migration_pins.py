"""Shipped migration steps are frozen: each step's SHA-256 is pinned here, so editing one fails this test,
and a new step fails it too until its fingerprint is pinned (the message says what to add)."""

import hashlib
import inspect
import types

import pytest

from app.store import migrations

# version: SHA-256 of the step (see fingerprint). Append only, in the same commit as the step.
PINNED = {
    1: "e8c68a99760c14b369c88197ea3ab5488cccc21143b6ace0d3a4cf8ea5b29632",
    2: "223589636c2d11cfd50d067368f0a94cfcc26a44cb76893fb9770c7449019b97",
    3: "ad0fe9b353c803bdb72ddabeda4d4a36161dd4d29fb43263eb4b14281b7e3fa2",
    4: "a0546f8c64122c02c74e45c1d4a37cac1f5dacaecaf20a6f5354a6a5ea0cc206",
    5: "577f3d0a2895c184098b6bbfa439357360ab69738e2992c08aa5f744ae59e1f8",
    6: "8366f17182845df9b9d746933e6921d10b2a2e268e059780d6a4fadf43142749",
    7: "bfbb664250d1b88a775e60260ad62cb59eb333776d16bc46aa46fa3f7d00074e",
    8: "7f43448a1c3a9bb8403a75927ea236bd27d8c480b944ec0e1fa78852bb5baa5d",
    9: "c7c64f92b545542dfe45d3b2e3a4716089f58973579ac901572b9118c057ae40",
    10: "024a95992eff484a439804828fea40581bf52fe3f35ba7306249e1a4faf537ec",
    11: "6a0180dffdfb41e69bc0555b9151bbf0af9fbaa39dfc976f07f93518075f7de1",
    12: "5fa1a809de2c8025f8ee4a62e78c5751b16c3399ab9ba550e0837503cc2bf7a6",
    13: "75e7d5a8eb8754d3fd753cbe23726f474facca4cc018abfe6c0f9ba7e415654b",
    14: "8441de0aeca2b0515802c1d232e9ad672128d1b6ada5c6f9bef537a6b22d3d3e",
    15: "57a1e5b255db5e2e062c7cf066e70258d07ec11971e6e4c9b09eafb0bc23f21b",
}


def fingerprint(step: migrations.Step) -> str:
    """The step's number and title, the source of its function and of every function of migrations.py it calls,
    and the value of every constant they name (the SQL): what the step does, not where it sits in the file."""
    parts = [f"{step.version} {step.title}"]
    seen: set[str] = set()

    def add(function: types.FunctionType) -> None:
        parts.append(inspect.getsource(function))
        for name in function.__code__.co_names:
            if name in seen or not hasattr(migrations, name):
                continue
            seen.add(name)
            value = getattr(migrations, name)
            if isinstance(value, types.FunctionType) and value.__module__ == migrations.__name__:
                add(value)
            elif isinstance(value, str | bytes | int | tuple | list | dict | frozenset):
                parts.append(f"{name} = {value!r}")

    add(step.apply)
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def check_pins() -> None:
    unpinned = [step for step in migrations.MIGRATIONS if step.version not in PINNED]
    pins = "\n".join(f'    {step.version}: "{fingerprint(step)}",' for step in unpinned)
    assert not unpinned, f"A new migration step needs its fingerprint pinned; add to PINNED in {__name__}:\n{pins}"
    changed = [step.version for step in migrations.MIGRATIONS if fingerprint(step) != PINNED[step.version]]
    assert not changed, (
        f"Shipped migration step(s) {changed} changed. A shipped step is frozen history: undo the edit and "
        "append a new step to app/store/migrations.py instead."
    )


def test_every_shipped_step_is_unchanged_and_every_step_is_pinned():
    check_pins()


def test_a_new_step_without_its_pin_is_refused_with_the_line_to_add(monkeypatch):
    step = migrations.Step(migrations.latest_version() + 1, "新步骤", lambda db: db.execute_sql("SELECT 1"))
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step])
    with pytest.raises(AssertionError) as refused:
        check_pins()
    assert f'    {step.version}: "{fingerprint(step)}",' in str(refused.value)


def test_a_pinned_step_is_still_there():
    assert set(PINNED) <= {step.version for step in migrations.MIGRATIONS}, "a shipped step was removed"


def test_editing_the_sql_or_the_code_of_a_shipped_step_changes_its_fingerprint(monkeypatch):
    roster = migrations.MIGRATIONS[1]
    assert fingerprint(roster) == PINNED[2]
    monkeypatch.setattr(migrations, "ROSTER_SCHEMA", (*migrations.ROSTER_SCHEMA[:-1], "SELECT 1"))
    assert fingerprint(roster) != PINNED[2]
    monkeypatch.undo()
    edited = migrations.Step(2, roster.title, lambda db: migrations._create_roster(db) or db.execute_sql("SELECT 1"))
    assert fingerprint(edited) != PINNED[2]
