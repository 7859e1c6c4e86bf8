"""The tables. Every record has a UUID key (offline copies can be merged) and belongs to a village."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from peewee import (
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


class IssuedSheet(VillageRecord):
    """A notice sheet that left the program: saved as PDF or sent to a printer."""

    kind = TextField()
    record_id = TextField()
    title = TextField()
    action = TextField()
    issued_at = DateTimeField(default=now)
    sha256 = TextField()
    path = TextField(default="")


class AuditEntry(BaseModel):
    at = DateTimeField(default=now)
    actor = TextField()
    table = TextField()
    record_id = TextField()
    village_id = TextField(null=True)
    action = TextField()
    before = JsonField(null=True)
    after = JsonField(null=True)


VILLAGE_TABLES = [Venue, ChecklistItem, Facility, WallRule, OutreachActivity, IssuedSheet]
ALL_TABLES = [Village, *VILLAGE_TABLES, AuditEntry]
