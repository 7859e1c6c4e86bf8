"""Training hours and the collective economy: the rules at their thresholds, the figures from the records,
and the sheets as printed."""

import datetime as dt
from decimal import Decimal

import pytest

from app.domain import economy as e
from app.domain import members as m
from app.domain import money as mo
from app.domain import training as t
from app.publishing import sheets as catalogue
from app.store import economy, guards, models, records, settings, training
from tests.unit.test_money import entry
from tests.unit.test_notices import needs_poppler, pdf_text

D = Decimal
THIS_YEAR = dt.date.today().year


def figures(operating="0", other="0", per_capita=None, target=None, future=False) -> e.YearFigures:
    lines = {name: mo.ZERO for name in mo.INCOME_LINES}
    lines["经营收入"], lines["补助收入"] = D(operating), D(other)
    return e.YearFigures(2025, lines, None if per_capita is None else D(per_capita), target, future)


# --- the standing at its thresholds ---
@pytest.mark.parametrize(
    ("operating", "other", "per_capita", "standing"),
    [
        ("49999.99", "80000", None, e.SHELL),  # the transfers from above do not lift a village out of it
        ("50000.00", "0", None, ""),
        ("1000000.00", "0", "20000", ""),  # 100 万 is not above 100 万
        ("1000000.01", "0", "10000.00", ""),  # nor 1 万 above 1 万
        ("1000000.01", "0", "10000.01", e.DOUBLE),
        ("900000.00", "100000.01", "12000", e.DOUBLE),  # collective income counts every line
        ("1200000.00", "0", None, ""),  # per-capita income not entered: no 双超 yet
    ],
)
def test_the_standing_at_its_thresholds(operating, other, per_capita, standing):
    assert e.standing(figures(operating, other, per_capita), e.Rules()) == standing


def test_the_standing_follows_the_setting():
    total_basis = e.Rules.from_setting({"shell_basis": e.TOTAL_BASIS, "shell_below": "100000"})
    assert e.standing(figures("49999.99", "80000"), total_basis) == ""  # 129,999.99 in all
    assert e.standing(figures("49999.99", "50000"), total_basis) == e.SHELL  # 99,999.99 in all
    assert "请填写当年农民人均纯收入" in e.standing_reason(figures("1200000"), e.Rules())
    assert e.standing(figures("0", future=True), e.Rules()) == ""  # a year to come is not judged


def test_the_target_measures_the_operating_income():
    year = figures("45000", "80000", target=D("60000"))
    assert year.target_share() == D("75")
    assert figures("45000", target=D("60000"), future=True).target_share() is None


# --- the economy from the journal ---
@pytest.fixture
def books(village):
    from app.store import money

    money.ensure_chart(village)
    return village


def test_each_year_takes_its_income_from_the_booked_journal(books):
    last = THIS_YEAR - 1
    entry(books, dt.date(last - 2, 3, 1), "厂房租金", "501", income="30000")
    entry(books, dt.date(last, 3, 1), "厂房租金", "501", income="42000")
    entry(books, dt.date(last, 4, 1), "退租户多收的租金", "501", expense="2000")  # a refund lowers the line
    entry(books, dt.date(last, 5, 1), "土地发包", "511", income="18000.50")
    entry(books, dt.date(last, 6, 1), "运转经费", "522", income="80000")
    entry(books, dt.date(last, 7, 1), "村干部误工补贴", "541", expense="60000")  # not income
    entry(books, dt.date(last, 8, 1), "合作社分红", "561", income="9000", reviewer="")  # not yet reviewed
    economy.save_year(books, last, {"per_capita": D("11800"), "target": D("50000")})
    economy.save_year(books, THIS_YEAR + 1, {"target": D("90000")})

    years = {f.year: f for f in economy.years(books)}
    assert list(years) == list(range(last - 2, THIS_YEAR + 2))  # the empty year between stays in the trend
    assert years[last - 1].total == 0
    assert years[last].lines["经营收入"] == D("40000.00")
    assert years[last].lines["投资收益"] == 0  # the unreviewed entry waits
    assert years[last].operating == D("58000.50")
    assert years[last].total == D("138000.50")
    assert years[last].per_capita == D("11800") and years[last].target_share() == D("116")
    assert e.standing(years[last - 2], economy.rules()) == e.SHELL
    assert years[THIS_YEAR + 1].future and years[THIS_YEAR + 1].target == D("90000")

    settings.put(economy.RULES, {"shell_below": "60000"})
    assert e.standing(years[last], economy.rules()) == e.SHELL  # 58,000.50 is below the new line


# --- training ---
def member(village, name, stage=m.FULL, status=m.NORMAL):
    row = models.PartyMember(village=village, name=name, stage=stage, status=status, joined_on=dt.date(2010, 1, 1))
    records.save(row)
    return row


def cadre(village, name, post, linked=None):
    person = models.Cadre(village=village, name=name, member=linked)
    records.save(person)
    records.save(models.CadrePost(village=village, cadre=person, post=post, started_on=dt.date(2021, 1, 1)))
    return person


def session(village, on, hours, topic="学习"):
    row = models.TrainingSession(village=village, held_on=on, topic=topic, method=t.METHODS[0], hours=D(hours))
    records.save(row)
    return row


def test_each_person_counts_once_and_is_measured_against_the_year(village):
    secretary_member = member(village, "张书记")
    cadre(village, "张书记", "党支部书记", linked=secretary_member)
    cadre(village, "李主任", "村委会主任")
    member(village, "王党员")
    member(village, "赵流出", status=m.TRANSFERRED)  # off the roll: not offered, not counted
    on = dt.date(THIS_YEAR, 1, 10) if dt.date.today() >= dt.date(THIS_YEAR, 1, 10) else dt.date.today()

    people = training.candidates(village, on)
    assert [(p.name, p.role) for p in people] == [
        ("张书记", "班子成员、党员"),
        ("李主任", "班子成员"),
        ("王党员", "党员"),
    ]
    first, second = session(village, on, "16"), session(village, on, "15.5")
    everyone = {p.key: None for p in people}
    training.record_trainees(first, everyone, people)
    training.record_trainees(second, {people[0].key: D("88"), people[2].key: D("92.5")}, people)
    training.record_trainees(second, {people[0].key: D("88"), people[2].key: D("91")}, people)  # replaced, not added

    by_name = {p.name: p for p in training.year_people(village, THIS_YEAR)}
    assert set(by_name) == {"张书记", "李主任", "王党员"}
    assert (by_name["张书记"].sessions, by_name["张书记"].hours) == (2, D("31.5"))
    assert by_name["王党员"].average_score == D("91.0")
    assert by_name["张书记"].short_of(training.year_hours_target()) == D("0.5")
    settings.put(training.RULES, {"year_hours": "31.5"})
    assert by_name["张书记"].short_of(training.year_hours_target()) == 0  # exactly the target is enough
    assert by_name["李主任"].short_of(training.year_hours_target()) == D("15.5")
    assert [p.name for p in training.year_people(village, THIS_YEAR)][0] == "李主任"  # the furthest behind first


def test_a_trainer_or_a_person_with_training_is_kept(village):
    teacher = models.Trainer(village=village, name="王芳", unit="县委党校")
    records.save(teacher)
    person = member(village, "王党员")
    held = session(village, dt.date.today(), "4")
    training.save_session(held, [teacher.id])
    people = training.candidates(village, dt.date.today())
    training.record_trainees(held, {people[0].key: None}, people)
    assert "1 次培训" in guards.why_not_delete(teacher)
    assert "培训记录" in guards.why_not_delete(person)
    assert "1 名参训人员" in guards.why_not_delete(held)


# --- the sheets ---
@needs_poppler
def test_the_training_and_economy_sheets_show_the_records(demo, tmp_path):
    village = demo[0]
    kinds = {entry.kind: entry for entry in catalogue.list_sheets(village)}
    held = models.TrainingSession.select().where(models.TrainingSession.village == village).first()
    names = [training.trainee_name(row) for row in training.trainees_of(held)]
    text = pdf_text(catalogue.render("training_session", str(held.id)).pdf, tmp_path)
    assert held.topic in text and all(name in text for name in names) and f"参训{len(names)}人" in text
    assert "".join(training.trainers_of(held)[0].unit.split()) in text

    year = kinds["training_year"]
    text = pdf_text(catalogue.render("training_year", year.record_id).pdf, tmp_path)
    short = [p for p in training.year_people(village, held.held_on.year) if p.short_of(D("32"))]
    assert f"未达到的{len(short)}人" in text

    sheet = catalogue.render("economy_report", str(village.id), catalogue.default_page("economy_report"))
    text = pdf_text(sheet.pdf, tmp_path)
    past = [f for f in economy.years(village) if not f.future]
    assert f"{past[0].year}—{past[-1].year}年" in text and "集体经济收入走势" in text
    assert f"{past[-1].total:,.2f}" in text and "空壳村" in text
    assert "茶叶种植基地" in text
