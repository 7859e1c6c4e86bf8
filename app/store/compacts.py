"""村规民约 and their versions: adding one from pasted text, a new version, the adoption procedure recorded step
by step (the 村民会议's 应到 from the village profile, its quorum and majority computed), what is in force,
and each print."""

from __future__ import annotations

from app.domain import compact as cp
from app.domain import four_two as f
from app.domain.meetings import Outcome
from app.domain.values import InputError
from app.store import models, records
from app.store.errors import ChangeRefusedError
from app.store.transactions import write_transaction

STEP_DATES = {
    "征集民意": "solicited_on",
    "拟定草案": "drafted_on",
    "乡镇审核": "reviewed_on",
    "村民会议表决": "voted_on",
    "公布": "published_on",
    "报乡镇备案": "filed_on",
}


def versions_of(compact: models.Compact) -> list[models.CompactVersion]:
    query = models.CompactVersion.select().where(models.CompactVersion.compact == compact)
    return list(query.order_by(models.CompactVersion.number))


def parsed(version: models.CompactVersion) -> cp.Compact:
    return cp.parse(version.body)


def add_compact(village: models.Village, title: str, body: str) -> list[records.Change]:
    """A new compact with its first version (a draft). Raises InputError when no article is found."""
    if not cp.parse(body).articles:
        raise InputError("没有找到编号的条款（如“第一条”“一、”“1.”），请检查粘贴的内容", "body")
    with write_transaction():
        compact = models.Compact(village=village, title=title)
        changes = [records.save(compact, expected=records.ABSENT)]
        version = models.CompactVersion(village=village, compact=compact, number=1, body=body)
        changes.append(records.save(version, expected=records.ABSENT))
    return changes


VOTED_TEXT_FIXED = "这一版已经村民会议表决，正文不能再改。\n要修订，请用“新版本”。"


def edit_text(version: models.CompactVersion, title: str, body: str, expected: dict) -> list[records.Change]:
    """A draft's text (and its compact's title) changed as one step; a version once voted on keeps its text."""
    with write_transaction():
        current = models.CompactVersion.get_by_id(version.id)
        if current.voted_on is not None:
            raise ChangeRefusedError(VOTED_TEXT_FIXED)
        current.body = body
        changes = [records.save(current, expected=expected)]
        compact = models.Compact.get_by_id(current.compact_id)
        if title != compact.title:
            before = records.snapshot(compact)
            compact.title = title
            changes.append(records.save(compact, expected=before))
    return changes


def add_version(compact: models.Compact, body: str) -> records.Change:
    if not cp.parse(body).articles:
        raise InputError("没有找到编号的条款（如“第一条”“一、”“1.”），请检查粘贴的内容", "body")
    number = max((v.number for v in versions_of(compact)), default=0) + 1
    version = models.CompactVersion(village=compact.village_id, compact=compact, number=number, body=body)
    return records.save(version, expected=records.ABSENT)


def vote_outcome(version: models.CompactVersion) -> Outcome | None:
    """The 村民会议's vote by the 组织法's rules (the compact is decided by a 村民会议, never its 代表会议)."""
    if version.voted_on is None:
        return None
    votes = (version.votes_for, version.votes_against, version.votes_abstain)
    return f.step_outcome(4, version.expected, version.present, votes, f.VILLAGERS, version.vote_basis)


def done_steps(version: models.CompactVersion) -> list[tuple[str, bool]]:
    done = []
    for step, key in STEP_DATES.items():
        if getattr(version, key) is None:
            break
        went_through = True
        if step == "乡镇审核":
            went_through = version.review_verdict != cp.REJECTED
        elif step == "村民会议表决":
            went_through = bool(vote_outcome(version).passed)
        done.append((step, went_through))
    return done


def adopted(version: models.CompactVersion) -> bool:
    steps = done_steps(version)
    return len(steps) == len(cp.PROCEDURE) and all(ok for _, ok in steps)


def status(version: models.CompactVersion) -> str:
    """已生效 when adopted and no later version of the compact is; 已废止 once a later one is."""
    if not adopted(version):
        return cp.DRAFT
    later = [v for v in versions_of(version.compact) if v.number > version.number]
    return cp.SUPERSEDED if any(adopted(v) for v in later) else cp.IN_FORCE


def progress(version: models.CompactVersion) -> str:
    steps = done_steps(version)
    if not steps:
        return "待征集民意"
    step, ok = steps[-1]
    return f"{step}{'' if ok else '未通过'}" + ("（已完成）" if len(steps) == len(cp.PROCEDURE) and ok else "")


def expected_voters(village: models.Village, basis: str) -> int:
    """应到 of the 村民会议, from the village profile: the villagers aged 18 and over, or the households."""
    return village.households if basis == f.HOUSEHOLDS else village.adult_population


def record_step(version: models.CompactVersion, values: dict) -> records.Change:
    """Records the next step of the procedure from the form's values; raises InputError(message, field).
    Works on the version as stored, so that a refused attempt leaves nothing behind in the caller's copy."""
    version = models.CompactVersion.get_by_id(version.id)
    step, why_not = cp.next_procedure_step(done_steps(version))
    if step is None:
        raise InputError(why_not, "on")
    on = values["on"]
    earlier = [getattr(version, STEP_DATES[name]) for name, _ in done_steps(version)]
    if earlier and on < earlier[-1]:
        raise InputError(f"不能早于上一步的日期 {earlier[-1]:%Y-%m-%d}", "on")
    before = records.snapshot(version)
    setattr(version, STEP_DATES[step], on)
    if step == "征集民意":
        version.opinions = values.get("opinions", 0)
    elif step == "乡镇审核":
        version.review_verdict = values.get("verdict", cp.APPROVED)
        version.review_note = values.get("review_note", "")
    elif step == "村民会议表决":
        version.vote_basis = values.get("basis", f.ADULTS)
        version.expected = expected_voters(version.village, version.vote_basis)
        if version.expected == 0:
            raise InputError("村庄信息里还没有填写18周岁以上村民人数或户数，请先在“村庄信息”里填写", "basis")
        version.present = values.get("present", 0)
        if version.present > version.expected:
            raise InputError(f"实到不能多于应到的 {version.expected} 人", "present")
        version.votes_for = values.get("votes_for", 0)
        version.votes_against = values.get("votes_against", 0)
        version.votes_abstain = values.get("votes_abstain", 0)
        if version.votes_for + version.votes_against + version.votes_abstain > version.present:
            raise InputError(f"赞成、反对、弃权合计不能多于实到的 {version.present} 人", "votes_for")
    return records.save(version, expected=before)


def in_force(village: models.Village) -> list[models.CompactVersion]:
    query = models.CompactVersion.select().where(models.CompactVersion.village == village)
    return [v for v in query if status(v) == cp.IN_FORCE]


def record_print(version: models.CompactVersion, kind: str, copies: int, sha256: str) -> records.Change:
    row = models.CompactPrint(village=version.village_id, version=version, kind=kind, copies=copies, sha256=sha256)
    return records.save(row, expected=records.ABSENT)


def prints_of(version: models.CompactVersion) -> list[models.CompactPrint]:
    query = models.CompactPrint.select().where(models.CompactPrint.version == version)
    return list(query.order_by(models.CompactPrint.printed_at))


def delete_version(version: models.CompactVersion) -> list[records.Change]:
    """A version, and its compact too when it was the only one."""
    with write_transaction():
        changes = [records.delete(version, expected=records.snapshot(version))]
        compact = models.Compact.get_by_id(version.compact_id)
        if not versions_of(compact):
            changes.append(records.delete(compact, expected=records.snapshot(compact)))
    return changes
