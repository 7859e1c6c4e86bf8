"""上墙制度 library: rules are added, merged and retired; each prints as a poster for the wall."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from app.domain import values as v
from app.domain import wall_rules as rules
from app.store import models
from app.store import wall_rules as store
from app.ui.widgets import messages
from app.ui.session import Session
from app.ui.widgets.forms import FieldSpec
from app.ui.widgets.labels import dialog_buttons, named
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column

NO_TARGET = "（无）"


def wall_rule_kind(session: Session) -> RecordKind:
    def other_titles() -> list[str]:
        query = models.WallRule.select().where(
            (models.WallRule.village == session.village) & (models.WallRule.status == rules.CURRENT)
        )
        return [NO_TARGET, *sorted(rule.title for rule in query)]

    def parse_target(title: str) -> models.WallRule | None:
        if title in ("", NO_TARGET):
            return None
        return models.WallRule.get_or_none(
            (models.WallRule.village == session.village) & (models.WallRule.title == title)
        )

    def check(row, values: dict) -> None:
        same_title = models.WallRule.select().where(
            (models.WallRule.village == session.village) & (models.WallRule.title == values["title"])
        )
        if row is not None:
            same_title = same_title.where(models.WallRule.id != row.id)
        if same_title.exists():
            raise v.InputError(f"本村已有名为“{values['title']}”的制度；请换个名称，或修改原来那一项", "title")
        target = values["merged_into"]
        if values["status"] == rules.MERGED and target is None:
            raise v.InputError("状态为“已合并”时，请选择并入哪项制度", "merged_into")
        if target is not None and row is not None and target.id == row.id:
            raise v.InputError("不能并入制度本身", "merged_into")
        if values["status"] != rules.MERGED:
            values["merged_into"] = None

    return RecordKind(
        noun="制度",
        model=models.WallRule,
        columns=[
            Column("制度名称", lambda r: r.title),
            Column(
                "状态",
                lambda r: rules.merged_label(r.status, r.merged_into.title if r.merged_into else None),
                warn=lambda r: r.status != rules.CURRENT,
            ),
            Column("施行日期", lambda r: v.format_date(r.adopted_on)),
            Column("正文字数", lambda r: str(len(r.body)), sort_key=lambda r: len(r.body)),
        ],
        fields=[
            FieldSpec("title", "制度名称", lambda t: v.required_text(t, "制度名称")),
            FieldSpec(
                "body",
                "正文",
                lambda t: v.required_text(t, "正文", rules.BODY_LENGTH).rstrip(),
                kind="text",
                extra={"height": 260},
            ),
            FieldSpec(
                "adopted_on",
                "施行日期",
                lambda t: v.date_value(t, "施行日期", required=False),
                show=v.format_date,
                placeholder="如：2021-03-01",
            ),
            FieldSpec("status", "状态", kind="choice", choices=rules.STATUSES),
            FieldSpec(
                "merged_into",
                "并入制度",
                parse_target,
                kind="choice",
                choices=other_titles,
                show=lambda rule: rule.title if rule else NO_TARGET,
                hint="仅在状态为“已合并”时选择",
            ),
        ],
        order_by=lambda: models.WallRule.title,
        describe=lambda r: r.title,
        defaults=lambda: {"status": rules.CURRENT, "merged_into": None},
        check=check,
    )


class TypicalRulesDialog(QDialog):
    """Pick rules from the typical set; each arrives with a starting text to edit."""

    def __init__(self, existing: set[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("从常用制度添加")
        named(self, "从常用制度添加")
        self.list = named(QListWidget(), "常用制度")
        for title in rules.TYPICAL_RULES:
            item = QListWidgetItem(title + ("（已有）" if title in existing else ""))
            item.setData(Qt.ItemDataRole.UserRole, title)
            item.setCheckState(Qt.CheckState.Unchecked)
            if title in existing:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        buttons = dialog_buttons(
            (QDialogButtonBox.StandardButton.Ok, "添加"), (QDialogButtonBox.StandardButton.Cancel, "取消")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("勾选要添加的制度（添加后请按本村实际修改正文）："))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(420, 480)

    def chosen(self) -> list[str]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]


class WallRulesPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet, parent=None):
        super().__init__(wall_rule_kind(session), session, parent)
        self.open_sheet = open_sheet
        self.add_action("从常用制度添加…", self.add_typical)
        self.add_action("预览上墙海报…", self.preview_poster)

    def add_typical(self) -> None:
        existing = {row.title for row in self.model.rows}
        dialog = TypicalRulesDialog(existing, self)
        self.typical_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen():
            return
        changes = store.add_typical(self.session.village, dialog.chosen())
        self.session.record(changes, f"添加常用制度 {len(changes)} 项")

    def preview_poster(self) -> None:
        rule = self.selected()
        if rule is None:
            messages.inform(self, "预览上墙海报", "请先选中一项制度。")
            return
        if rule.status != rules.CURRENT:
            messages.inform(self, "预览上墙海报", f"“{rule.title}”{rule.status}，不再上墙。")
            return
        self.open_sheet("wall_rule", str(rule.id))
