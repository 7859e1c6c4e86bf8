"""The demo villages' collective economy and training: five earlier years of the books (each year's income by
category, entered and approved as the journal's other entries, their months closed), the per-capita income and
the 一村一策 targets, three projects; a 师资库 and a year of training sessions with their trainees and scores."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.demo.money import number_vouchers
from app.domain import money as mo
from app.store import economy, models, money, records, training

# The operating income of each earlier year, oldest first, growing as the projects came in (the first years a 空壳村)
OPERATING_GROWTH = ((28000, 36000, 52000, 71000, 93000), (12000, 15000, 21000, 30000, 44000))
# (month, day, 摘要, account code, share of the year's operating income or a fixed amount)
EARLIER = (
    (6, 30, "{year}年上半年厂房租金", "501", Decimal("0.3")),
    (12, 20, "{year}年下半年厂房租金", "501", Decimal("0.3")),
    (3, 25, "{year}年度土地发包收入", "511", Decimal("0.4")),
    (1, 20, "上级拨付{year}年村级组织运转经费", "522", Decimal("80000")),
    (12, 22, "{year}年银行存款利息", "531", Decimal("310.50")),
    (12, 26, "付{year}年村干部误工补贴", "541", Decimal("72000")),
)
PROJECTS = (
    (
        "茶叶种植基地",
        "公司+村党支部+合作社+基地+农户",
        "黔东南茶业有限公司、涌溪茶叶专业合作社、300亩茶叶基地、52户农户",
        3,
        "800000.00",
        "60000.00",
        "96000.00",
        "已投产",
        "公司保底收购，村集体按每亩150元收取服务费",
    ),
    ("村级光伏电站", "村集体自主经营", "县供电公司（并网）", 2, "320000.00", "15000.00", "28600.00", "已投产", ""),
    (
        "闲置校舍改建农产品加工厂房",
        "资产资源发包租赁",
        "涌溪食品加工厂",
        0,
        "450000.00",
        "42000.00",
        "0.00",
        "建设中",
        "",
    ),
)
TRAINERS = (
    ("李国华", "县委组织部", "基层党建", "13908551234"),
    ("王芳", "县委党校", "党的理论", "13985511872"),
    ("赵德明", "县农业农村局", "茶叶种植技术", "15885513456"),
    ("孙晓燕", "县民政局", "社会救助政策", "18985514321"),
    ("刘建军", "涌溪乡党委", "村务管理", "13595512222"),
)
# (month, day, 主题, 主办, 方式, 学时, trainer numbers, who: "all" or "cadres", tested)
SESSIONS = (
    (3, 12, "学习贯彻党的二十届三中全会精神", "县委党校", "课堂授课", "16", (1,), "all", True),
    (4, 22, "茶园春季管护现场教学", "县直部门", "现场观摩", "8", (2,), "all", False),
    (6, 18, "村级财务管理和四议两公开", "乡镇党委", "互动交流", "4", (4, 0), "cadres", False),
    (9, 10, "低保政策和民主评议程序", "县直部门", "课堂授课", "4", (3,), "cadres", True),
    (10, 28, "党纪学习教育专题辅导和测试", "乡镇党委", "测试检验", "8", (0,), "all", True),
)


def _entry(village, by_code, on: dt.date, summary: str, code: str, amount: Decimal) -> models.JournalEntry:
    kind = "收入" if by_code[code].statement_line in mo.INCOME_LINES else "支出"
    income, expense = mo.entry_amounts(kind, amount)
    who = money.signers(village, on)
    return models.JournalEntry(
        village=village,
        entry_date=on,
        voucher_no="",
        summary=summary,
        account=by_code[code],
        income=income,
        expense=expense,
        handler=who["handler"] or "报账员",
        reviewer=who["reviewer"] or "监委会",
        reviewed_on=on,
        cosigned_by=who["cosigned_by"] or "书记、主任",
        cosigned_on=on,
    )


def add_demo_economy(village: models.Village, index: int, today: dt.date) -> None:
    """Runs after the demo books: the earlier years go before the first month those books hold."""
    first_booked = (
        models.JournalEntry.select()
        .where(models.JournalEntry.village == village)
        .order_by(models.JournalEntry.entry_date)
        .first()
    )
    before = dt.date(first_booked.entry_date.year, first_booked.entry_date.month, 1) if first_booked else today
    by_code = {a.code: a for a in money.accounts(village)}
    growth = OPERATING_GROWTH[index % 2]
    new, months = [], set()
    for number, year in enumerate(range(today.year - 5, today.year)):
        for month, day, summary, code, amount in EARLIER:
            on = dt.date(year, month, day)
            if on >= before:
                continue
            value = (growth[number] * amount).quantize(mo.CENT) if amount < 1 else amount
            new.append(_entry(village, by_code, on, summary.format(year=year), code, value))
            months.add(f"{year}-{month:02d}")
    number_vouchers(new)
    records.create_many(new)
    for month in sorted(months):
        year, number = (int(part) for part in month.split("-"))
        money.close_month(village, month, "文书", dt.date(year, number, 28))
    for number, year in enumerate(range(today.year - 5, today.year + 2)):
        per_capita = Decimal(8650 + number * 780 - index * 900) if year < today.year else None
        target = Decimal(60000 + (number - 3) * 40000) if year >= today.year - 2 else None
        measures = "茶叶基地扩面，光伏电站稳定运行" if target else ""
        economy.save_year(village, year, {"per_capita": per_capita, "target": target, "measures": measures})
    for name, model, partners, years_ago, investment, expected, actual, state, note in PROJECTS[: 3 - index % 2]:
        records.save(
            models.EconomyProject(
                village=village,
                name=name,
                model=model,
                partners=partners,
                started_year=today.year - years_ago,
                investment=Decimal(investment),
                expected_income=Decimal(expected),
                actual_income=Decimal(actual),
                state=state,
                note=note,
            ),
            expected=records.ABSENT,
        )


def add_demo_training(village: models.Village, today: dt.date) -> None:
    """This year's sessions up to today (last year's when it is still early in the year)."""
    teachers = []
    for name, unit, specialty, phone in TRAINERS:
        row = models.Trainer(village=village, name=name, unit=unit, specialty=specialty, phone=phone)
        records.save(row, expected=records.ABSENT)
        teachers.append(row)
    year = today.year if today.month >= 4 else today.year - 1
    for number, (month, day, topic, organiser, method, hours, who, people, tested) in enumerate(SESSIONS):
        held = dt.date(year, month, day)
        if held > today:
            continue
        session = models.TrainingSession(
            village=village,
            held_on=held,
            place="村党群服务中心" if organiser != "县委党校" else "县委党校",
            topic=topic,
            organiser=organiser,
            method=method,
            hours=Decimal(hours),
        )
        training.save_session(session, [teachers[n].id for n in who], expected=records.ABSENT)
        candidates = training.candidates(village, held)
        if people == "cadres":
            candidates = [c for c in candidates if c.cadre_id]
        chosen = {
            c.key: (Decimal(78 + (seat * 7 + number * 3) % 21) if tested else None)
            for seat, c in enumerate(candidates)
            if (seat + number) % 5  # one in five away each time
        }
        training.record_trainees(session, chosen, candidates)
