"""The tables. Every record has a UUID key (offline copies can be merged) and belongs to a village."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from peewee import (
    BlobField,
    BooleanField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    UUIDField,
)

from app.store.fields import DecimalTextField, JsonField

database = DatabaseProxy()


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    id = UUIDField(primary_key=True, default=uuid.uuid4)

    class Meta:
        database = database
        legacy_table_names = False


class Village(BaseModel):
    name = TextField()
    township = TextField()
    county = TextField()
    households = IntegerField(default=0)
    adult_population = IntegerField(default=0)
    representatives = IntegerField(default=0)
    supervision_phone = TextField(default="")
    venue_area_standard = DecimalTextField(default=Decimal("400"))
    created_at = DateTimeField(default=now)

    @property
    def display_name(self) -> str:
        return f"{self.township}{self.name}"


class VillageRecord(BaseModel):
    village = ForeignKeyField(Village, on_delete="CASCADE")


class Venue(VillageRecord):
    name = TextField()
    area = DecimalTextField()
    work_type = TextField()
    year = IntegerField(null=True)
    investment = DecimalTextField(default=Decimal("0"))
    # {centre name: rooms}, e.g. {"党员活动中心": "二楼201室"}
    centres = JsonField(default=dict)


class ChecklistItem(VillageRecord):
    checklist = TextField()
    position = IntegerField()
    text = TextField()
    met = BooleanField(default=False)
    note = TextField(default="")
    photo = TextField(default="")


class Facility(VillageRecord):
    name = TextField()
    quantity = IntegerField(default=1)
    model_number = TextField(default="")
    amount = DecimalTextField(default=Decimal("0"))
    purchased_on = DateField(null=True)
    status = TextField()


class WallRule(VillageRecord):
    title = TextField()
    body = TextField(default="")
    adopted_on = DateField(null=True)
    status = TextField()
    merged_into = ForeignKeyField("self", null=True, on_delete="SET NULL")


class OutreachActivity(VillageRecord):
    held_on = DateField()
    kind = TextField()
    topic = TextField(default="")
    speaker = TextField(default="")
    attendance = IntegerField(default=0)
    place = TextField(default="")


class PartyMember(VillageRecord):
    """One person on the 党员花名册: a member, or someone on the way to membership (app.domain.members)."""

    name = TextField()
    gender = TextField(default="")
    ethnicity = TextField(default="汉族")
    birth_date = DateField(null=True)
    id_number = TextField(default="")  # stored whole; masked wherever it is shown unless the clerk asks
    education = TextField(default="")
    stage = TextField()
    applied_on = DateField(null=True)
    activist_on = DateField(null=True)
    candidate_on = DateField(null=True)
    joined_on = DateField(null=True)  # 入党时间 (became 预备党员)
    converted_on = DateField(null=True)  # 转正时间
    party_group = TextField(default="")
    phone = TextField(default="")
    address = TextField(default="")
    occupation = TextField(default="")
    status = TextField(default="正常")
    status_since = DateField(null=True)
    status_note = TextField(default="")  # 流动 to where, 转出 to which branch …
    hardship = BooleanField(default=False)  # 困难党员
    veteran = BooleanField(default=False)  # 老党员
    note = TextField(default="")


class Cadre(VillageRecord):
    """A member of the 村“两委” or the 监委会 (a person; the posts are CadrePost rows)."""

    name = TextField()
    gender = TextField(default="")
    birth_date = DateField(null=True)
    ethnicity = TextField(default="汉族")
    education = TextField(default="")
    id_number = TextField(default="")
    phone = TextField(default="")
    member = ForeignKeyField(PartyMember, null=True, on_delete="SET NULL")  # on the 党员花名册
    note = TextField(default="")


class CadrePost(VillageRecord):
    cadre = ForeignKeyField(Cadre, on_delete="CASCADE")
    post = TextField()
    term = TextField(default="")  # 届次, e.g. 第十一届
    started_on = DateField(null=True)
    ended_on = DateField(null=True)  # none while the post is held
    duties = TextField(default="")
    allowance = DecimalTextField(default=Decimal("0"))  # 元 a month


class CadreRelation(VillageRecord):
    """Two cadres are close relatives (近亲属): the composition rules need to know."""

    cadre = ForeignKeyField(Cadre, on_delete="CASCADE")
    relative = ForeignKeyField(Cadre, on_delete="CASCADE", backref="relatives_of")
    relation = TextField()


class Meeting(VillageRecord):
    """A 三会一课 meeting or an organisation-life event (app.domain.meetings)."""

    kind = TextField()
    held_on = DateField()
    place = TextField(default="")
    host = TextField(default="")  # 主持人
    recorder = TextField(default="")  # 记录人
    party_group = TextField(default="")  # a 党小组会's group
    topics = TextField(default="")  # 议题
    minutes = TextField(default="")  # 发言要点
    decisions = TextField(default="")
    election = BooleanField(default=False)
    votes_for = IntegerField(null=True)
    votes_against = IntegerField(null=True)
    votes_abstain = IntegerField(null=True)
    observers = TextField(default="")  # 列席 (people not on the roster: township staff …)
    entered_on = DateField(default=dt.date.today)  # when it was recorded: late entries are 补录


class Attendance(VillageRecord):
    """One roster member at one meeting: 出席 or 缺席 (with the reason)."""

    meeting = ForeignKeyField(Meeting, on_delete="CASCADE")
    member = ForeignKeyField(PartyMember, on_delete="CASCADE")
    status = TextField()
    reason = TextField(default="")


class Appraisal(VillageRecord):
    """One member's 民主评议 in one year: self-assessment, the ballot counts, the branch's grade."""

    year = IntegerField()
    member = ForeignKeyField(PartyMember, on_delete="CASCADE")
    self_assessed = BooleanField(default=False)
    excellent = IntegerField(default=0)  # 测评 votes for 优秀
    qualified = IntegerField(default=0)
    basic = IntegerField(default=0)
    unqualified = IntegerField(default=0)
    grade = TextField(default="")  # 优秀 / 合格 / 基本合格 / 不合格; none for a 预备党员 (not graded)
    follow_up = TextField(default="")  # for 不合格: 限期改正 …
    note = TextField(default="")


class DuesStandard(VillageRecord):
    """A member's 党费 for a year, set (核定) in its first quarter."""

    year = IntegerField()
    member = ForeignKeyField(PartyMember, on_delete="CASCADE")
    category = TextField()
    base = DecimalTextField(default=Decimal("0"))  # monthly income, or a 农民党员's amount set by the branch
    monthly = DecimalTextField(default=Decimal("0"))


class DuesPayment(VillageRecord):
    member = ForeignKeyField(PartyMember, on_delete="CASCADE")
    month = TextField()  # the month paid for, 2026-03
    amount = DecimalTextField()
    paid_on = DateField()


class Matter(VillageRecord):
    """A major matter taken through 四议两公开 (app.domain.four_two)."""

    title = TextField()
    category = TextField()
    origin = TextField()
    planned_amount = DecimalTextField(default=Decimal("0"))
    status = TextField(default="进行中")
    round = IntegerField(default=1)  # a failed step may send the matter back to ①: a new round, the old one kept
    note = TextField(default="")


class MatterStep(VillageRecord):
    matter = ForeignKeyField(Matter, on_delete="CASCADE")
    round = IntegerField(default=1)
    number = IntegerField()  # 1–6
    held_on = DateField()
    form = TextField(default="")  # 会议形式, or how it was made public
    content = TextField(default="")
    expected = IntegerField(default=0)  # 应到, from the records
    present = IntegerField(default=0)
    votes_for = IntegerField(default=0)
    votes_against = IntegerField(default=0)
    votes_abstain = IntegerField(default=0)
    township_staff = TextField(default="")  # ③ ④: the township's people present
    body = TextField(default="")  # ④: 村民会议 or 村民代表会议
    basis = TextField(default="")  # ④ 村民会议: 18周岁以上村民 or 户代表
    authorised = BooleanField(default=False)  # ④ 代表会议 on a 第二十四条 matter: the 村民会议's authorisation
    merged = BooleanField(default=False)  # ② held together with ① (一肩挑)
    meeting = ForeignKeyField(Meeting, null=True, on_delete="SET NULL")  # ③: the 党员大会 already recorded
    spent = DecimalTextField(default=Decimal("0"))  # ⑥
    acceptance = TextField(default="")  # ⑥ 验收情况
    supervision = TextField(default="")  # ⑥ 监督意见


class Account(VillageRecord):
    """A 会计科目 of the village's chart (app.domain.money); editable, so a county's own codes fit."""

    code = TextField(default="")
    name = TextField()
    category = TextField()  # 资产类 …
    direction = TextField()  # 借 or 贷
    statement_line = TextField(default="")  # the 收益表 line it feeds, or "" for none


class JournalEntry(VillageRecord):
    """One entry of the village's 收支明细账: money in or out against an account, with its approval chain."""

    entry_date = DateField()
    voucher_no = TextField(default="")  # 凭证号
    summary = TextField()  # 摘要
    account = ForeignKeyField(Account, on_delete="RESTRICT")
    income = DecimalTextField(default=Decimal("0"))
    expense = DecimalTextField(default=Decimal("0"))
    handler = TextField(default="")  # 经手人
    reviewer = TextField(default="")  # 民主理财小组/监委会 审核人
    reviewed_on = DateField(null=True)
    cosigned_by = TextField(default="")  # 书记、主任联签
    cosigned_on = DateField(null=True)
    voucher_scan = TextField(default="")  # the scan's path inside the data folder
    reverses = ForeignKeyField("self", null=True, on_delete="RESTRICT")  # the entry a 冲销 entry corrects
    note = TextField(default="")

    # the form asks 收入 or 支出 and one amount; the table keeps two columns, one of them zero
    @property
    def money_kind(self) -> str:
        return "支出" if self.expense else "收入"

    @property
    def amount(self) -> Decimal:
        return self.income or self.expense or Decimal("0")


class MonthClose(VillageRecord):
    """A month closed (结账): its entries are no longer edited; corrections are reversing entries."""

    month = TextField()  # 2026-03
    closed_on = DateField()
    closed_by = TextField(default="")


class MoneyYear(VillageRecord):
    """What a year's books take from outside the journal: the opening balance and the 收益分配 decided."""

    year = IntegerField()
    opening_balance = DecimalTextField(null=True)  # 年初现金和银行存款余额; None: carried from the year before
    opening_undistributed = DecimalTextField(default=Decimal("0"))  # 年初未分配收益
    reserve = DecimalTextField(default=Decimal("0"))  # 提取公积公益金
    welfare = DecimalTextField(default=Decimal("0"))  # 应付福利费
    households = DecimalTextField(default=Decimal("0"))  # 农户分配


class Compact(VillageRecord):
    """A 村规民约 (or another 公约); its text lives in its versions."""

    title = TextField()
    note = TextField(default="")


class CompactVersion(VillageRecord):
    """One version of a compact's text and its adoption procedure (app.domain.compact)."""

    compact = ForeignKeyField(Compact, on_delete="RESTRICT")
    number = IntegerField(default=1)
    body = TextField()  # the text as pasted or typed; its structure is recovered from it
    solicited_on = DateField(null=True)  # 征集民意
    opinions = IntegerField(default=0)
    drafted_on = DateField(null=True)  # 拟定草案
    reviewed_on = DateField(null=True)  # 乡镇审核
    review_verdict = TextField(default="")
    review_note = TextField(default="")
    voted_on = DateField(null=True)  # 村民会议表决 (only a 村民会议 adopts a compact)
    vote_basis = TextField(default="")  # 18周岁以上村民 or 户代表
    expected = IntegerField(default=0)
    present = IntegerField(default=0)
    votes_for = IntegerField(default=0)
    votes_against = IntegerField(default=0)
    votes_abstain = IntegerField(default=0)
    published_on = DateField(null=True)  # 公布
    filed_on = DateField(null=True)  # 报乡镇备案
    note = TextField(default="")


class CompactPrint(VillageRecord):
    """A compact printed: the wall version or the household booklet, and how many copies."""

    version = ForeignKeyField(CompactVersion, on_delete="RESTRICT")
    kind = TextField()  # 上墙版 or 户册
    copies = IntegerField(default=1)
    printed_at = DateTimeField(default=now)
    sha256 = TextField(default="")


class HouseholdContact(VillageRecord):
    """A contact in the three-level chain: a party member or a 村民代表 who holds some households and answers
    to a cadre for a 片区 or 村民小组 (分组联片)."""

    name = TextField()
    kind = TextField()  # 党员 or 村民代表
    member = ForeignKeyField(PartyMember, null=True, on_delete="SET NULL")
    phone = TextField(default="")
    area = TextField(default="")  # 片区 or 村民小组
    cadre = ForeignKeyField(Cadre, null=True, on_delete="SET NULL")  # the cadre they answer to (网格长)
    note = TextField(default="")


class Household(VillageRecord):
    """A household of the village's register; its ID number is masked wherever it is shown or posted."""

    head_name = TextField()  # 户主
    members = IntegerField(default=1)
    group_name = TextField(default="")  # 村民小组
    group_order = IntegerField(default=0)  # 第二组 before 第十组: the number in the group's name
    address = TextField(default="")
    phone = TextField(default="")
    id_number = TextField(default="")
    marks = TextField(default="")  # 低保户、残疾 …
    contact = ForeignKeyField(HouseholdContact, null=True, on_delete="SET NULL")
    search_key = TextField(default="")  # name, group and marks with their pinyin initials, for the list's search
    note = TextField(default="")

    def prepare(self) -> None:
        """Sets what the list sorts and searches by; done on every save, and by imports before a bulk insert."""
        from app.domain.households import group_order
        from app.domain.search import pinyin_initials

        self.group_order = group_order(self.group_name)
        text = " ".join(part for part in (self.head_name, self.group_name, self.marks) if part).lower()
        self.search_key = f"{text} {pinyin_initials(text)}"

    def save(self, *args, **kwargs):
        self.prepare()
        return super().save(*args, **kwargs)


class HouseholdVisit(VillageRecord):
    """A visit to a household by its contact or a cadre: what was found, what follows, done or not."""

    household = ForeignKeyField(Household, on_delete="RESTRICT")
    visited_on = DateField()
    visitor = TextField()
    found = TextField(default="")
    follow_up = TextField(default="")
    done = BooleanField(default=False)


class ServiceItem(VillageRecord):
    """An item of the 便民服务 catalogue (app.domain.services); a township extends it."""

    name = TextField()
    area = TextField()  # one of the ten areas of 民发〔2022〕56号
    mode = TextField()  # 直办 / 代办 / 协办 / 公开告知
    materials = TextField(default="")
    limit_days = IntegerField(default=3)  # working days
    office = TextField(default="")  # where it goes


class ServiceRequest(VillageRecord):
    """A villager's request: received, in hand, then done, sent back or stopped, with dates and reasons."""

    item = ForeignKeyField(ServiceItem, on_delete="RESTRICT")
    applicant = TextField()
    household = ForeignKeyField(Household, null=True, on_delete="SET NULL")
    received_on = DateField()
    handler = TextField(default="")  # 代办人
    status = TextField(default="受理")
    started_on = DateField(null=True)
    finished_on = DateField(null=True)  # 办结, 退回 or 中止
    returned_before = BooleanField(default=False)  # was sent back once: not a 一次办结
    reason = TextField(default="")  # why sent back or stopped
    result = TextField(default="")
    satisfaction = TextField(default="")
    note = TextField(default="")


class DibaoReview(VillageRecord):
    """A 低保 民主评议 meeting: its panel (name and role of each), who came, and when its 公示 began."""

    held_on = DateField()
    panel = JsonField(default=list)  # [[name, role], …]
    present = IntegerField(default=0)
    township_staff = TextField(default="")
    published_on = DateField(null=True)  # the 公示's first day
    note = TextField(default="")


class DibaoApplication(VillageRecord):
    """An application for 低保 (or 特困): the household, why, how many it covers, and its secret-ballot counts."""

    household = ForeignKeyField(Household, on_delete="RESTRICT")
    reason = TextField(default="")
    covered = IntegerField(default=1)  # 保障人数
    category = TextField(default="农村低保")
    applied_on = DateField()
    review = ForeignKeyField(DibaoReview, null=True, on_delete="SET NULL")
    votes_for = IntegerField(null=True)
    votes_against = IntegerField(default=0)
    votes_abstain = IntegerField(default=0)
    monthly_amount = DecimalTextField(null=True)  # 月保障金额, once the county approved it
    note = TextField(default="")


class DibaoObjection(VillageRecord):
    """An objection raised during the 公示, and its answer."""

    application = ForeignKeyField(DibaoApplication, on_delete="RESTRICT")
    received_on = DateField()
    from_whom = TextField(default="")
    content = TextField()
    answer = TextField(default="")
    answered_on = DateField(null=True)


class Trainer(VillageRecord):
    """A trainer of the 师资库: their phone is for the office only, never printed."""

    name = TextField()
    unit = TextField(default="")  # 单位: 县委组织部, 乡农业站 …
    specialty = TextField(default="")  # 擅长: 党的理论, 种养技术 …
    phone = TextField(default="")
    note = TextField(default="")


class TrainingSession(VillageRecord):
    """A training session (app.domain.training): its trainers are SessionTrainer rows, its trainees Trainee rows."""

    held_on = DateField()
    place = TextField(default="")
    topic = TextField()
    organiser = TextField(default="")  # 县委党校, 乡镇党委 …
    method = TextField()  # 课堂授课 / 现场观摩 / 互动交流 / 测试检验
    hours = DecimalTextField(default=Decimal("2"))  # 学时
    note = TextField(default="")


class SessionTrainer(VillageRecord):
    """One trainer of the 师资库 teaching at one session, in the order they were picked."""

    session = ForeignKeyField(TrainingSession, on_delete="CASCADE")
    trainer = ForeignKeyField(Trainer, on_delete="RESTRICT")
    position = IntegerField(default=0)


class Trainee(VillageRecord):
    """One person at one session: a member of the roster, a cadre, or both (the cadre's own member row)."""

    session = ForeignKeyField(TrainingSession, on_delete="CASCADE")
    member = ForeignKeyField(PartyMember, null=True, on_delete="RESTRICT")
    cadre = ForeignKeyField(Cadre, null=True, on_delete="RESTRICT")
    score = DecimalTextField(null=True)  # 测试成绩, when the session tested


class EconomyYear(VillageRecord):
    """What a year of the collective economy takes from outside the journal: the 一村一策 target and measures,
    and the villagers' per-capita net income."""

    year = IntegerField()
    target = DecimalTextField(null=True)  # 经营性收入目标, 元
    per_capita = DecimalTextField(null=True)  # 农民人均纯收入, 元
    measures = TextField(default="")  # 当年主要措施


class EconomyProject(VillageRecord):
    """A project of the 一村一策 plan: who it joins, what it cost and what it brings in."""

    name = TextField()
    model = TextField(default="")  # 合作模式, app.domain.economy.PROJECT_MODELS
    partners = TextField(default="")  # the partners by name: 某某公司、某某合作社 …
    started_year = IntegerField(null=True)
    investment = DecimalTextField(default=Decimal("0"))  # 投资, 元
    expected_income = DecimalTextField(default=Decimal("0"))  # 预期年收益, 元
    actual_income = DecimalTextField(default=Decimal("0"))  # 实际收益（累计）, 元
    state = TextField(default="谋划中")
    note = TextField(default="")


class Publication(VillageRecord):
    """A sheet posted on the 公开栏: the exact PDF (by its SHA-256 in the archive) and what it was made from,
    the 监委会's review, when it went up, how long it stays, when it came down; a correction names the
    publication it corrects, which stays as it was."""

    kind = TextField()
    record_id = TextField()
    title = TextField()
    panel = TextField()  # 长期公开 / 党务公开 / 村务公开 / 财务公开 / 公告通知
    period = TextField(default="")  # the board's period, e.g. 2026Q4
    sha256 = TextField()
    page = TextField(default="")  # A4 纵向 …
    made_from = JsonField(default=dict)  # kind, record, the day it was rendered, and the figures it showed
    reviewed_by = TextField(default="")  # 监委会
    reviewed_on = DateField(null=True)
    posted_on = DateField(null=True)
    minimum_days = IntegerField(default=5)
    take_down_on = DateField(null=True)  # planned
    taken_down_on = DateField(null=True)
    photo = TextField(default="")  # the SHA-256 of a photo of the board, kept in the archive beside the PDFs
    corrects = ForeignKeyField("self", null=True, on_delete="RESTRICT")
    note = TextField(default="")


class PublicationObjection(VillageRecord):
    """An objection to a posted sheet: from whom (never shown on anything posted), what, and the answer."""

    publication = ForeignKeyField(Publication, on_delete="RESTRICT")
    received_on = DateField()
    from_whom = TextField(default="")
    content = TextField()
    answer = TextField(default="")
    answered_by = TextField(default="")
    answered_on = DateField(null=True)


class IssuedSheet(VillageRecord):
    """A notice sheet that left the program: saved as PDF or sent to a printer."""

    kind = TextField()
    record_id = TextField()
    title = TextField()
    action = TextField()
    issued_at = DateTimeField(default=now)
    sha256 = TextField()
    path = TextField(default="")


class ArchivedPdf(Model):
    """A posted sheet's exact bytes (or a photo of it on the board), addressed by their SHA-256. Kept in the
    database so that every backup carries the archive and a restore brings it back; never changed, never deleted
    by the program."""

    sha256 = TextField(primary_key=True)
    pdf = BlobField()
    size = IntegerField()
    stored_at = DateTimeField(default=now)

    class Meta:
        database = database
        legacy_table_names = False


class Setting(BaseModel):
    """A rule a township may change (meeting frequencies, the 补录 limit …), by key, as JSON."""

    key = TextField(unique=True)
    value = JsonField()


class AuditEntry(BaseModel):
    at = DateTimeField(default=now)
    actor = TextField()
    table = TextField()
    record_id = TextField()
    village_id = TextField(null=True)
    action = TextField()
    before = JsonField(null=True)
    after = JsonField(null=True)


# In the order a village's records are removed: a record before those it points to.
VILLAGE_TABLES = [
    PublicationObjection,
    Publication,
    Trainee,
    SessionTrainer,
    TrainingSession,
    Trainer,
    EconomyProject,
    EconomyYear,
    DibaoObjection,
    DibaoApplication,
    DibaoReview,
    ServiceRequest,
    ServiceItem,
    HouseholdVisit,
    Household,
    HouseholdContact,
    CompactPrint,
    CompactVersion,
    Compact,
    MonthClose,  # before the entries, so that undoing a removal restores the entries before closing their months
    JournalEntry,
    Account,
    MoneyYear,
    Venue,
    ChecklistItem,
    Facility,
    WallRule,
    OutreachActivity,
    MatterStep,
    Matter,
    Appraisal,
    DuesPayment,
    DuesStandard,
    Attendance,
    Meeting,
    CadrePost,
    CadreRelation,
    Cadre,
    PartyMember,
    IssuedSheet,
]
ALL_TABLES = [Village, *VILLAGE_TABLES, Setting, AuditEntry, ArchivedPdf]
