"""Schema versions: frozen history.

A step never reads today's model classes (they change; a shipped step must not): it says what it does in
SQL, or through peewee's migrator with fields written out in the step. Step 1 is the first release's
schema, forever. Every step runs in one transaction with its version row, with foreign keys switched off
around it (SQLite ignores that switch inside a transaction, and a table rebuild would otherwise cascade
deletes into every child table). Before the step commits, ``PRAGMA foreign_key_check`` must come back
empty and no table may hold fewer rows than before; otherwise the step is rolled back and the clerk is
told in Chinese.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from app.store.errors import MigrationError
from app.store.health import row_counts

logger = logging.getLogger(__name__)

SCHEMA_VERSION_TABLE = (
    'CREATE TABLE IF NOT EXISTS "schema_version" '  # as release 0.1.0 made it
    '("version" INTEGER NOT NULL PRIMARY KEY, "applied_at" DATETIME NOT NULL)'
)

# Exactly what release 0.1.0 created (read back from a database it made).
FIRST_SCHEMA = (
    'CREATE TABLE "audit_entry" ("id" TEXT NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "actor" TEXT NOT NULL, '
    '"table" TEXT NOT NULL, "record_id" TEXT NOT NULL, "village_id" TEXT, "action" TEXT NOT NULL, "before" TEXT, '
    '"after" TEXT)',
    'CREATE TABLE "village" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "township" TEXT NOT NULL, '
    '"county" TEXT NOT NULL, "households" INTEGER NOT NULL, "adult_population" INTEGER NOT NULL, '
    '"representatives" INTEGER NOT NULL, "supervision_phone" TEXT NOT NULL, "venue_area_standard" TEXT NOT NULL, '
    '"created_at" DATETIME NOT NULL)',
    'CREATE TABLE "checklist_item" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"checklist" TEXT NOT NULL, "position" INTEGER NOT NULL, "text" TEXT NOT NULL, "met" INTEGER NOT NULL, '
    '"note" TEXT NOT NULL, "photo" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "checklist_item_village_id" ON "checklist_item" ("village_id")',
    'CREATE TABLE "facility" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "name" TEXT NOT NULL, '
    '"quantity" INTEGER NOT NULL, "model_number" TEXT NOT NULL, "amount" TEXT NOT NULL, "purchased_on" DATE, '
    '"status" TEXT NOT NULL, FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "facility_village_id" ON "facility" ("village_id")',
    'CREATE TABLE "issued_sheet" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "kind" TEXT NOT NULL, '
    '"record_id" TEXT NOT NULL, "title" TEXT NOT NULL, "action" TEXT NOT NULL, "issued_at" DATETIME NOT NULL, '
    '"sha256" TEXT NOT NULL, "path" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "issued_sheet_village_id" ON "issued_sheet" ("village_id")',
    'CREATE TABLE "outreach_activity" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"held_on" DATE NOT NULL, "kind" TEXT NOT NULL, "topic" TEXT NOT NULL, "speaker" TEXT NOT NULL, '
    '"attendance" INTEGER NOT NULL, "place" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "outreach_activity_village_id" ON "outreach_activity" ("village_id")',
    'CREATE TABLE "venue" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "name" TEXT NOT NULL, '
    '"area" TEXT NOT NULL, "work_type" TEXT NOT NULL, "year" INTEGER, "investment" TEXT NOT NULL, '
    '"centres" TEXT NOT NULL, FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "venue_village_id" ON "venue" ("village_id")',
    'CREATE TABLE "wall_rule" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "title" TEXT NOT NULL, '
    '"body" TEXT NOT NULL, "adopted_on" DATE, "status" TEXT NOT NULL, "merged_into_id" TEXT, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("merged_into_id") REFERENCES "wall_rule" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "wall_rule_village_id" ON "wall_rule" ("village_id")',
    'CREATE INDEX "wall_rule_merged_into_id" ON "wall_rule" ("merged_into_id")',
)


def _create_first_schema(db: SqliteDatabase) -> None:
    for statement in FIRST_SCHEMA:
        db.execute_sql(statement)


ROSTER_SCHEMA = (
    'CREATE TABLE "party_member" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "name" TEXT NOT NULL, '
    '"gender" TEXT NOT NULL, "ethnicity" TEXT NOT NULL, "birth_date" DATE, "id_number" TEXT NOT NULL, '
    '"education" TEXT NOT NULL, "stage" TEXT NOT NULL, "applied_on" DATE, "activist_on" DATE, "candidate_on" DATE, '
    '"joined_on" DATE, "converted_on" DATE, "party_group" TEXT NOT NULL, "phone" TEXT NOT NULL, '
    '"address" TEXT NOT NULL, "occupation" TEXT NOT NULL, "status" TEXT NOT NULL, "status_since" DATE, '
    '"status_note" TEXT NOT NULL, "hardship" INTEGER NOT NULL, "veteran" INTEGER NOT NULL, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "party_member_village_id" ON "party_member" ("village_id")',
    'CREATE INDEX "party_member_village_id_id_number" ON "party_member" ("village_id", "id_number")',
)


def _create_roster(db: SqliteDatabase) -> None:
    for statement in ROSTER_SCHEMA:
        db.execute_sql(statement)


CADRES_SCHEMA = (
    'CREATE TABLE "cadre" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "name" TEXT NOT NULL, '
    '"gender" TEXT NOT NULL, "birth_date" DATE, "ethnicity" TEXT NOT NULL, "education" TEXT NOT NULL, '
    '"id_number" TEXT NOT NULL, "phone" TEXT NOT NULL, "member_id" TEXT, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("member_id") REFERENCES "party_member" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "cadre_village_id" ON "cadre" ("village_id")',
    'CREATE INDEX "cadre_member_id" ON "cadre" ("member_id")',
    'CREATE TABLE "cadre_post" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"cadre_id" TEXT NOT NULL, "post" TEXT NOT NULL, "term" TEXT NOT NULL, "started_on" DATE, "ended_on" DATE, '
    '"duties" TEXT NOT NULL, "allowance" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "cadre_post_village_id" ON "cadre_post" ("village_id")',
    'CREATE INDEX "cadre_post_cadre_id" ON "cadre_post" ("cadre_id")',
    'CREATE TABLE "cadre_relation" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"cadre_id" TEXT NOT NULL, "relative_id" TEXT NOT NULL, "relation" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("relative_id") REFERENCES "cadre" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "cadre_relation_village_id" ON "cadre_relation" ("village_id")',
    'CREATE INDEX "cadre_relation_cadre_id" ON "cadre_relation" ("cadre_id")',
    'CREATE INDEX "cadre_relation_relative_id" ON "cadre_relation" ("relative_id")',
)


def _create_cadres(db: SqliteDatabase) -> None:
    for statement in CADRES_SCHEMA:
        db.execute_sql(statement)


MEETINGS_SCHEMA = (
    'CREATE TABLE "meeting" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "kind" TEXT NOT NULL, '
    '"held_on" DATE NOT NULL, "place" TEXT NOT NULL, "host" TEXT NOT NULL, "recorder" TEXT NOT NULL, '
    '"party_group" TEXT NOT NULL, "topics" TEXT NOT NULL, "minutes" TEXT NOT NULL, "decisions" TEXT NOT NULL, '
    '"election" INTEGER NOT NULL, "votes_for" INTEGER, "votes_against" INTEGER, "votes_abstain" INTEGER, '
    '"observers" TEXT NOT NULL, "entered_on" DATE NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "meeting_village_id" ON "meeting" ("village_id")',
    'CREATE TABLE "attendance" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"meeting_id" TEXT NOT NULL, "member_id" TEXT NOT NULL, "status" TEXT NOT NULL, "reason" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("member_id") REFERENCES "party_member" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "attendance_village_id" ON "attendance" ("village_id")',
    'CREATE INDEX "attendance_meeting_id" ON "attendance" ("meeting_id")',
    'CREATE INDEX "attendance_member_id" ON "attendance" ("member_id")',
)


def _create_meetings(db: SqliteDatabase) -> None:
    for statement in MEETINGS_SCHEMA:
        db.execute_sql(statement)


REVIEW_AND_DUES_SCHEMA = (
    'CREATE TABLE "appraisal" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "year" INTEGER NOT NULL, '
    '"member_id" TEXT NOT NULL, "self_assessed" INTEGER NOT NULL, "excellent" INTEGER NOT NULL, '
    '"qualified" INTEGER NOT NULL, "basic" INTEGER NOT NULL, "unqualified" INTEGER NOT NULL, "grade" TEXT NOT NULL, '
    '"follow_up" TEXT NOT NULL, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("member_id") REFERENCES "party_member" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "appraisal_village_id" ON "appraisal" ("village_id")',
    'CREATE INDEX "appraisal_member_id" ON "appraisal" ("member_id")',
    'CREATE TABLE "dues_standard" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"year" INTEGER NOT NULL, "member_id" TEXT NOT NULL, "category" TEXT NOT NULL, "base" TEXT NOT NULL, '
    '"monthly" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("member_id") REFERENCES "party_member" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "dues_standard_village_id" ON "dues_standard" ("village_id")',
    'CREATE INDEX "dues_standard_member_id" ON "dues_standard" ("member_id")',
    'CREATE TABLE "dues_payment" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"member_id" TEXT NOT NULL, "month" TEXT NOT NULL, "amount" TEXT NOT NULL, "paid_on" DATE NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("member_id") REFERENCES "party_member" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "dues_payment_village_id" ON "dues_payment" ("village_id")',
    'CREATE INDEX "dues_payment_member_id" ON "dues_payment" ("member_id")',
)


def _create_review_and_dues(db: SqliteDatabase) -> None:
    for statement in REVIEW_AND_DUES_SCHEMA:
        db.execute_sql(statement)


SETTINGS_SCHEMA = (
    'CREATE TABLE "setting" ("id" TEXT NOT NULL PRIMARY KEY, "key" TEXT NOT NULL, "value" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "setting_key" ON "setting" ("key")',
)


def _create_settings(db: SqliteDatabase) -> None:
    for statement in SETTINGS_SCHEMA:
        db.execute_sql(statement)


FOUR_TWO_SCHEMA = (
    'CREATE TABLE "matter" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "title" TEXT NOT NULL, '
    '"category" TEXT NOT NULL, "origin" TEXT NOT NULL, "planned_amount" TEXT NOT NULL, "status" TEXT NOT NULL, '
    '"round" INTEGER NOT NULL, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "matter_village_id" ON "matter" ("village_id")',
    'CREATE TABLE "matter_step" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"matter_id" TEXT NOT NULL, "round" INTEGER NOT NULL, "number" INTEGER NOT NULL, "held_on" DATE NOT NULL, '
    '"form" TEXT NOT NULL, "content" TEXT NOT NULL, "expected" INTEGER NOT NULL, "present" INTEGER NOT NULL, '
    '"votes_for" INTEGER NOT NULL, "votes_against" INTEGER NOT NULL, "votes_abstain" INTEGER NOT NULL, '
    '"township_staff" TEXT NOT NULL, "body" TEXT NOT NULL, "basis" TEXT NOT NULL, "authorised" INTEGER NOT NULL, '
    '"merged" INTEGER NOT NULL, "meeting_id" TEXT, "spent" TEXT NOT NULL, "acceptance" TEXT NOT NULL, '
    '"supervision" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("matter_id") REFERENCES "matter" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "matter_step_village_id" ON "matter_step" ("village_id")',
    'CREATE INDEX "matter_step_matter_id" ON "matter_step" ("matter_id")',
    'CREATE INDEX "matter_step_meeting_id" ON "matter_step" ("meeting_id")',
)


def _create_four_two(db: SqliteDatabase) -> None:
    for statement in FOUR_TWO_SCHEMA:
        db.execute_sql(statement)


MONEY_SCHEMA = (
    'CREATE TABLE "account" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "code" TEXT NOT NULL, '
    '"name" TEXT NOT NULL, "category" TEXT NOT NULL, "direction" TEXT NOT NULL, "statement_line" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "account_village_id" ON "account" ("village_id")',
    'CREATE TABLE "journal_entry" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"entry_date" DATE NOT NULL, "voucher_no" TEXT NOT NULL, "summary" TEXT NOT NULL, "account_id" TEXT NOT NULL, '
    '"income" TEXT NOT NULL, "expense" TEXT NOT NULL, "handler" TEXT NOT NULL, "reviewer" TEXT NOT NULL, '
    '"reviewed_on" DATE, "cosigned_by" TEXT NOT NULL, "cosigned_on" DATE, "voucher_scan" TEXT NOT NULL, '
    '"reverses_id" TEXT, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("account_id") REFERENCES "account" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("reverses_id") REFERENCES "journal_entry" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "journal_entry_village_id" ON "journal_entry" ("village_id")',
    'CREATE INDEX "journal_entry_village_date" ON "journal_entry" ("village_id", "entry_date")',
    'CREATE INDEX "journal_entry_account_id" ON "journal_entry" ("account_id")',
    'CREATE INDEX "journal_entry_reverses_id" ON "journal_entry" ("reverses_id")',
    'CREATE TABLE "month_close" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "month" TEXT NOT NULL, '
    '"closed_on" DATE NOT NULL, "closed_by" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "month_close_village_month" ON "month_close" ("village_id", "month")',
    'CREATE TABLE "money_year" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "year" INTEGER NOT NULL, '
    '"opening_balance" TEXT, "opening_undistributed" TEXT NOT NULL, "reserve" TEXT NOT NULL, "welfare" TEXT NOT NULL, '
    '"households" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "money_year_village_year" ON "money_year" ("village_id", "year")',
)


def _create_money(db: SqliteDatabase) -> None:
    for statement in MONEY_SCHEMA:
        db.execute_sql(statement)


COMPACT_SCHEMA = (
    'CREATE TABLE "compact" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "title" TEXT NOT NULL, '
    '"note" TEXT NOT NULL, FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "compact_village_id" ON "compact" ("village_id")',
    'CREATE TABLE "compact_version" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"compact_id" TEXT NOT NULL, "number" INTEGER NOT NULL, "body" TEXT NOT NULL, "solicited_on" DATE, '
    '"opinions" INTEGER NOT NULL, "drafted_on" DATE, "reviewed_on" DATE, "review_verdict" TEXT NOT NULL, '
    '"review_note" TEXT NOT NULL, "voted_on" DATE, "vote_basis" TEXT NOT NULL, "expected" INTEGER NOT NULL, '
    '"present" INTEGER NOT NULL, "votes_for" INTEGER NOT NULL, "votes_against" INTEGER NOT NULL, '
    '"votes_abstain" INTEGER NOT NULL, "published_on" DATE, "filed_on" DATE, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("compact_id") REFERENCES "compact" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "compact_version_village_id" ON "compact_version" ("village_id")',
    'CREATE INDEX "compact_version_compact_id" ON "compact_version" ("compact_id")',
    'CREATE TABLE "compact_print" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"version_id" TEXT NOT NULL, "kind" TEXT NOT NULL, "copies" INTEGER NOT NULL, "printed_at" DATETIME NOT NULL, '
    '"sha256" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("version_id") REFERENCES "compact_version" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "compact_print_village_id" ON "compact_print" ("village_id")',
    'CREATE INDEX "compact_print_version_id" ON "compact_print" ("version_id")',
)


def _create_compacts(db: SqliteDatabase) -> None:
    for statement in COMPACT_SCHEMA:
        db.execute_sql(statement)


HOUSEHOLD_SCHEMA = (
    'CREATE TABLE "household_contact" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"name" TEXT NOT NULL, "kind" TEXT NOT NULL, "member_id" TEXT, "phone" TEXT NOT NULL, "area" TEXT NOT NULL, '
    '"cadre_id" TEXT, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("member_id") REFERENCES "party_member" ("id") ON DELETE SET NULL, '
    'FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "household_contact_village_id" ON "household_contact" ("village_id")',
    'CREATE INDEX "household_contact_member_id" ON "household_contact" ("member_id")',
    'CREATE INDEX "household_contact_cadre_id" ON "household_contact" ("cadre_id")',
    'CREATE TABLE "household" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"head_name" TEXT NOT NULL, "members" INTEGER NOT NULL, "group_name" TEXT NOT NULL, '
    '"group_order" INTEGER NOT NULL, "address" TEXT NOT NULL, '
    '"phone" TEXT NOT NULL, "id_number" TEXT NOT NULL, "marks" TEXT NOT NULL, "contact_id" TEXT, '
    '"search_key" TEXT NOT NULL, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("contact_id") REFERENCES "household_contact" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "household_village_id" ON "household" ("village_id")',
    'CREATE INDEX "household_contact_id" ON "household" ("contact_id")',
    # the list's order, and its search read from the index alone (a county's copy: 150,000 households)
    'CREATE INDEX "household_list" ON "household" '
    '("village_id", "group_order", "group_name", "head_name", "search_key")',
    'CREATE TABLE "household_visit" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"household_id" TEXT NOT NULL, "visited_on" DATE NOT NULL, "visitor" TEXT NOT NULL, "found" TEXT NOT NULL, '
    '"follow_up" TEXT NOT NULL, "done" INTEGER NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "household_visit_village_id" ON "household_visit" ("village_id")',
    'CREATE INDEX "household_visit_household_id" ON "household_visit" ("household_id")',
)


def _create_households(db: SqliteDatabase) -> None:
    for statement in HOUSEHOLD_SCHEMA:
        db.execute_sql(statement)


SERVICE_SCHEMA = (
    'CREATE TABLE "service_item" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "name" TEXT NOT NULL, '
    '"area" TEXT NOT NULL, "mode" TEXT NOT NULL, "materials" TEXT NOT NULL, "limit_days" INTEGER NOT NULL, '
    '"office" TEXT NOT NULL, FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "service_item_village_id" ON "service_item" ("village_id")',
    'CREATE TABLE "service_request" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"item_id" TEXT NOT NULL, "applicant" TEXT NOT NULL, "household_id" TEXT, "received_on" DATE NOT NULL, '
    '"handler" TEXT NOT NULL, "status" TEXT NOT NULL, "started_on" DATE, "finished_on" DATE, '
    '"returned_before" INTEGER NOT NULL, "reason" TEXT NOT NULL, "result" TEXT NOT NULL, '
    '"satisfaction" TEXT NOT NULL, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("item_id") REFERENCES "service_item" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "service_request_village_id" ON "service_request" ("village_id", "received_on")',
    'CREATE INDEX "service_request_item_id" ON "service_request" ("item_id")',
    'CREATE INDEX "service_request_household_id" ON "service_request" ("household_id")',
)


def _create_services(db: SqliteDatabase) -> None:
    for statement in SERVICE_SCHEMA:
        db.execute_sql(statement)


DIBAO_SCHEMA = (
    'CREATE TABLE "dibao_review" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"held_on" DATE NOT NULL, "panel" TEXT NOT NULL, "present" INTEGER NOT NULL, "township_staff" TEXT NOT NULL, '
    '"published_on" DATE, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "dibao_review_village_id" ON "dibao_review" ("village_id")',
    'CREATE TABLE "dibao_application" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"household_id" TEXT NOT NULL, "reason" TEXT NOT NULL, "covered" INTEGER NOT NULL, "category" TEXT NOT NULL, '
    '"applied_on" DATE NOT NULL, "review_id" TEXT, "votes_for" INTEGER, "votes_against" INTEGER NOT NULL, '
    '"votes_abstain" INTEGER NOT NULL, "monthly_amount" TEXT, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("household_id") REFERENCES "household" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("review_id") REFERENCES "dibao_review" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "dibao_application_village_id" ON "dibao_application" ("village_id")',
    'CREATE INDEX "dibao_application_household_id" ON "dibao_application" ("household_id")',
    'CREATE INDEX "dibao_application_review_id" ON "dibao_application" ("review_id")',
    'CREATE TABLE "dibao_objection" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"application_id" TEXT NOT NULL, "received_on" DATE NOT NULL, "from_whom" TEXT NOT NULL, '
    '"content" TEXT NOT NULL, "answer" TEXT NOT NULL, "answered_on" DATE, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("application_id") REFERENCES "dibao_application" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "dibao_objection_village_id" ON "dibao_objection" ("village_id")',
    'CREATE INDEX "dibao_objection_application_id" ON "dibao_objection" ("application_id")',
)


def _create_dibao(db: SqliteDatabase) -> None:
    for statement in DIBAO_SCHEMA:
        db.execute_sql(statement)


TRAINING_AND_ECONOMY_SCHEMA = (
    'CREATE TABLE "trainer" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "name" TEXT NOT NULL, '
    '"unit" TEXT NOT NULL, "specialty" TEXT NOT NULL, "phone" TEXT NOT NULL, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "trainer_village_id" ON "trainer" ("village_id")',
    'CREATE TABLE "training_session" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"held_on" DATE NOT NULL, "place" TEXT NOT NULL, "topic" TEXT NOT NULL, "organiser" TEXT NOT NULL, '
    '"method" TEXT NOT NULL, "hours" TEXT NOT NULL, "trainers" TEXT NOT NULL, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "training_session_village_id" ON "training_session" ("village_id", "held_on")',
    'CREATE TABLE "trainee" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"session_id" TEXT NOT NULL, "member_id" TEXT, "cadre_id" TEXT, "score" TEXT, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("session_id") REFERENCES "training_session" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("member_id") REFERENCES "party_member" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("cadre_id") REFERENCES "cadre" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "trainee_village_id" ON "trainee" ("village_id")',
    'CREATE INDEX "trainee_session_id" ON "trainee" ("session_id")',
    'CREATE INDEX "trainee_member_id" ON "trainee" ("member_id")',
    'CREATE INDEX "trainee_cadre_id" ON "trainee" ("cadre_id")',
    'CREATE TABLE "economy_year" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"year" INTEGER NOT NULL, "target" TEXT, "per_capita" TEXT, "measures" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "economy_year_village_id_year" ON "economy_year" ("village_id", "year")',
    'CREATE TABLE "economy_project" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"name" TEXT NOT NULL, "model" TEXT NOT NULL, "partners" TEXT NOT NULL, "started_year" INTEGER, '
    '"investment" TEXT NOT NULL, "expected_income" TEXT NOT NULL, "actual_income" TEXT NOT NULL, '
    '"state" TEXT NOT NULL, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "economy_project_village_id" ON "economy_project" ("village_id")',
)


def _create_training_and_economy(db: SqliteDatabase) -> None:
    for statement in TRAINING_AND_ECONOMY_SCHEMA:
        db.execute_sql(statement)


BOARD_SCHEMA = (
    'CREATE TABLE "publication" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, "kind" TEXT NOT NULL, '
    '"record_id" TEXT NOT NULL, "title" TEXT NOT NULL, "panel" TEXT NOT NULL, "period" TEXT NOT NULL, '
    '"sha256" TEXT NOT NULL, "page" TEXT NOT NULL, "made_from" TEXT NOT NULL, "reviewed_by" TEXT NOT NULL, '
    '"reviewed_on" DATE, "posted_on" DATE, "minimum_days" INTEGER NOT NULL, "take_down_on" DATE, '
    '"taken_down_on" DATE, "photo" TEXT NOT NULL, "corrects_id" TEXT, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("corrects_id") REFERENCES "publication" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "publication_village_id" ON "publication" ("village_id", "kind", "record_id")',
    'CREATE INDEX "publication_corrects_id" ON "publication" ("corrects_id")',
    'CREATE TABLE "publication_objection" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"publication_id" TEXT NOT NULL, "received_on" DATE NOT NULL, "from_whom" TEXT NOT NULL, '
    '"content" TEXT NOT NULL, "answer" TEXT NOT NULL, "answered_by" TEXT NOT NULL, "answered_on" DATE, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("publication_id") REFERENCES "publication" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "publication_objection_village_id" ON "publication_objection" ("village_id")',
    'CREATE INDEX "publication_objection_publication_id" ON "publication_objection" ("publication_id")',
    'CREATE TABLE "archived_pdf" ("sha256" TEXT NOT NULL PRIMARY KEY, "pdf" BLOB NOT NULL, "size" INTEGER NOT NULL, '
    '"stored_at" DATETIME NOT NULL)',
)


def _create_board(db: SqliteDatabase) -> None:
    for statement in BOARD_SCHEMA:
        db.execute_sql(statement)


SESSION_TRAINER_SCHEMA = (
    'CREATE TABLE "session_trainer" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"session_id" TEXT NOT NULL, "trainer_id" TEXT NOT NULL, "position" INTEGER NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("session_id") REFERENCES "training_session" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("trainer_id") REFERENCES "trainer" ("id") ON DELETE RESTRICT)',
    'CREATE INDEX "session_trainer_village_id" ON "session_trainer" ("village_id")',
    'CREATE INDEX "session_trainer_session_id" ON "session_trainer" ("session_id")',
    'CREATE INDEX "session_trainer_trainer_id" ON "session_trainer" ("trainer_id")',
)
# training_session as step 13 made it, less the JSON list of trainers; rebuilt by hand, because the
# SQLite of older systems (Debian 11: 3.34) has no ALTER TABLE … DROP COLUMN
TRAINING_SESSION_WITHOUT_TRAINERS = (
    'CREATE TABLE "training_session_15" ("id" TEXT NOT NULL PRIMARY KEY, "village_id" TEXT NOT NULL, '
    '"held_on" DATE NOT NULL, "place" TEXT NOT NULL, "topic" TEXT NOT NULL, "organiser" TEXT NOT NULL, '
    '"method" TEXT NOT NULL, "hours" TEXT NOT NULL, "note" TEXT NOT NULL, '
    'FOREIGN KEY ("village_id") REFERENCES "village" ("id") ON DELETE CASCADE)',
    'INSERT INTO "training_session_15" ("id", "village_id", "held_on", "place", "topic", "organiser", "method", '
    '"hours", "note") SELECT "id", "village_id", "held_on", "place", "topic", "organiser", "method", "hours", "note" '
    'FROM "training_session"',
    'DROP TABLE "training_session"',
    'ALTER TABLE "training_session_15" RENAME TO "training_session"',
    'CREATE INDEX "training_session_village_id" ON "training_session" ("village_id", "held_on")',
)


def _trainer_key(text: str) -> str | None:
    """A trainer id as the JSON list kept it (str(UUID)) → as the trainer table keeps it (UUID hex)."""
    try:
        return uuid.UUID(str(text)).hex
    except ValueError:
        return None


def _session_trainers(db: SqliteDatabase) -> None:
    """Each session's JSON list of trainer ids becomes rows of a table (the list was scanned in Python
    to learn whom a trainer taught); an id naming no trainer of the session's village is dropped, as the
    list of a session's trainers always left it out."""
    for statement in SESSION_TRAINER_SCHEMA:
        db.execute_sql(statement)
    trainers = {(village, key) for key, village in db.execute_sql('SELECT "id", "village_id" FROM "trainer"')}
    sessions = db.execute_sql('SELECT "id", "village_id", "trainers" FROM "training_session"').fetchall()
    for session_id, village_id, listed in sessions:
        kept = [key for key in map(_trainer_key, json.loads(listed or "[]")) if (village_id, key) in trainers]
        for position, trainer_id in enumerate(dict.fromkeys(kept)):
            db.execute_sql(
                'INSERT INTO "session_trainer" ("id", "village_id", "session_id", "trainer_id", "position") '
                "VALUES (?, ?, ?, ?, ?)",
                (uuid.uuid4().hex, village_id, session_id, trainer_id, position),
            )
    for statement in TRAINING_SESSION_WITHOUT_TRAINERS:
        db.execute_sql(statement)


@dataclass(frozen=True)
class Step:
    version: int
    title: str  # what it does, for the log and for messages
    apply: Callable[[SqliteDatabase], None]


# Append only; never edit a step that has shipped.
MIGRATIONS: list[Step] = [
    Step(1, "首个数据结构", _create_first_schema),
    Step(2, "党员花名册", _create_roster),
    Step(3, "班子成员", _create_cadres),
    Step(4, "三会一课", _create_meetings),
    Step(5, "民主评议和党费", _create_review_and_dues),
    Step(6, "可调整的规则", _create_settings),
    Step(7, "四议两公开", _create_four_two),
    Step(8, "村级财务", _create_money),
    Step(9, "村规民约", _create_compacts),
    Step(10, "农户和分组联片", _create_households),
    Step(11, "便民服务", _create_services),
    Step(12, "低保评议", _create_dibao),
    Step(13, "教育培训和集体经济", _create_training_and_economy),
    Step(14, "公开栏", _create_board),
    Step(15, "培训授课人单列成表", _session_trainers),
]


def latest_version() -> int:
    return MIGRATIONS[-1].version


def current_version(db: SqliteDatabase) -> int:
    if not db.table_exists("schema_version"):
        return 0
    return db.execute_sql('SELECT max("version") FROM "schema_version"').fetchone()[0] or 0


def pending(db: SqliteDatabase) -> list[int]:
    version = current_version(db)
    return [step.version for step in MIGRATIONS if step.version > version]


def migrate(db: SqliteDatabase) -> list[int]:
    applied = []
    for step in MIGRATIONS:
        if step.version > current_version(db):
            _apply(db, step)
            applied.append(step.version)
            _fold_log(db)
    return applied


WAL_FOLDED_AT = 256 * 1024  # bytes


def _fold_log(db: SqliteDatabase) -> None:
    """The steps' pages go into the file as the log grows: every step in the log at once (about 1 MB for a new
    database) would need that much room twice over on a nearly full disk."""
    log = Path(f"{db.database}-wal")
    if log.exists() and log.stat().st_size > WAL_FOLDED_AT:
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _apply(db: SqliteDatabase, step: Step) -> None:
    db.execute_sql("PRAGMA foreign_keys = OFF")  # outside the transaction, or SQLite ignores it
    try:
        with db.atomic(lock_type="IMMEDIATE"):
            db.execute_sql(SCHEMA_VERSION_TABLE)
            before = row_counts(db.connection())
            step.apply(db)
            _refuse_broken_links(db, step)
            _refuse_lost_rows(before, row_counts(db.connection()), step)
            db.execute_sql(
                'INSERT INTO "schema_version" ("version", "applied_at") VALUES (?, datetime(\'now\', \'localtime\'))',
                (step.version,),
            )
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")
    logger.info("applied migration %s: %s", step.version, step.title)


def _refuse_broken_links(db: SqliteDatabase, step: Step) -> None:
    broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = "、".join(sorted({row[0] for row in broken}))
        raise MigrationError(
            f"升级数据结构（第 {step.version} 步：{step.title}）时发现 {len(broken)} 条记录的关联断开（{tables}），"
            "升级已撤回，资料保持原样。请把 backups 文件夹交给技术人员。"
        )


def _refuse_lost_rows(before: dict[str, int], after: dict[str, int], step: Step) -> None:
    lost = {table: (count, after.get(table, 0)) for table, count in before.items() if after.get(table, 0) < count}
    if lost:
        detail = "；".join(f"{table}：{old} 条变成 {new} 条" for table, (old, new) in lost.items())
        raise MigrationError(
            f"升级数据结构（第 {step.version} 步：{step.title}）会丢失记录（{detail}），升级已撤回，资料保持原样。"
            "请不要继续使用这个版本的程序，并把 backups 文件夹交给技术人员。"
        )
