"""Standard self-check (五有 by default): tick items met, add a note and a photo, see the figure."""

from __future__ import annotations

import re
import shutil
import uuid
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from PySide6.QtWidgets import QInputDialog, QLabel

from app import paths
from app.domain import values as v
from app.domain.checklists import STANDARD_CHECKLISTS, completion
from app.store import models, records
from app.store.villages import checklist_items, checklist_name, replace_checklist
from app.ui import file_dialogs
from app.ui.widgets import messages
from app.ui.session import Session
from app.ui.widgets.forms import FieldSpec
from app.ui.widgets.labels import named, open_transient
from app.ui.widgets.record_panel import RecordKind, RecordPanel
from app.ui.widgets.table import Column

MET, NOT_MET = "已达到", "未达到"


STORED_PHOTO = re.compile(r"[0-9a-f]{32}-[0-9a-f]{8}-(?P<original>.+)")  # <item id>-<8 hex>-<clerk's name>


def photo_name(photo: str) -> str:
    """The photo's original file name, as the clerk chose it (copies made by 0.1.0 have only the stored name)."""
    if not photo:
        return ""
    stored = Path(photo).name
    match = STORED_PHOTO.fullmatch(stored)
    return match["original"] if match else stored


def checklist_kind(session: Session) -> RecordKind:
    def on_new(record: models.ChecklistItem) -> None:
        items = checklist_items(session.village)
        record.checklist = checklist_name(session.village)
        record.position = max((item.position for item in items), default=0) + 1

    return RecordKind(
        noun="自查项目",
        model=models.ChecklistItem,
        columns=[
            Column("序号", lambda r: str(r.position), sort_key=lambda r: r.position),
            Column("自查项目", lambda r: r.text),
            Column("是否达到", lambda r: "是" if r.met else "否", checkable=True),
            Column("说明", lambda r: r.note),
            Column("照片", lambda r: photo_name(r.photo)),
        ],
        fields=[
            FieldSpec("text", "自查项目", lambda t: v.required_text(t, "自查项目")),
            FieldSpec(
                "met",
                "是否达到",
                lambda t: t == MET,
                kind="choice",
                choices=(MET, NOT_MET),
                show=lambda met: MET if met else NOT_MET,
            ),
            FieldSpec("note", "说明", lambda t: v.optional_text(t, "说明", v.NOTE_LENGTH), kind="text"),
        ],
        order_by=lambda: models.ChecklistItem.position,
        describe=lambda r: r.text,
        defaults=lambda: {"met": False},
        on_new=on_new,
    )


class ChecklistPanel(RecordPanel):
    def __init__(self, session: Session, open_sheet, parent=None):
        self.figure_label = named(QLabel(), "自查完成情况")
        self.figure_label.setStyleSheet("font-size: 15px; padding: 4px 0;")
        super().__init__(checklist_kind(session), session, parent)
        self.top.addWidget(self.figure_label)
        self.model.on_check = self.set_met
        self.add_action("选择照片…", self.choose_photo, "为选中的自查项目选一张照片（会复制到数据文件夹）")
        self.add_action("查看照片", self.show_photo)
        self.add_action("移除照片", self.remove_photo, "不再用这张照片（照片文件仍保留在数据文件夹里，可撤销）")
        self.add_action("切换清单…", self.switch_checklist, "换成“五有”或“六有”标准清单")
        self.add_action("预览自查表…", lambda: open_sheet("venue_check", str(session.village.id)))

    def reload(self) -> None:
        super().reload()
        result = completion(row.met for row in self.model.rows)
        name = checklist_name(self.session.village)
        self.figure_label.setText(f"“{name}”标准自查：{result.label}")

    def set_met(self, item: models.ChecklistItem, met: bool) -> None:
        record = models.ChecklistItem.get_by_id(item.id)
        record.met = met
        self.session.save(record, f"{'勾选' if met else '取消勾选'}“{record.text}”")

    def choose_photo(self) -> None:
        item = self.selected()
        if item is None:
            messages.inform(self, "选择照片", "请先选中一个自查项目。")
            return
        pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        start = pictures if pictures and Path(pictures).is_dir() else str(Path.home())
        chosen = file_dialogs.open_file(self, "选择照片", start, "图片 (*.jpg *.jpeg *.png *.bmp)")
        if not chosen:
            return
        # A copy is kept in the data folder, so the photo survives the USB stick or camera it came from.
        source = Path(chosen)
        # the clerk's own file name is kept at the end of the copy's name, so it can be shown
        stored = f"{item.id.hex}-{uuid.uuid4().hex[:8]}-{source.stem[:60]}{source.suffix.lower()}"
        target = paths.photo_dir(self.session.data_dir) / stored
        try:
            shutil.copy2(source, target)
        except OSError as error:
            messages.warn(self, "选择照片", f"无法复制照片：\n{source}\n\n{error.strerror or error}")
            return
        record = models.ChecklistItem.get_by_id(item.id)
        record.photo = target.relative_to(self.session.data_dir).as_posix()
        self.session.save(record, f"为“{record.text}”选择照片")

    def show_photo(self) -> None:
        item = self.selected()
        if item is None or not item.photo:
            messages.inform(self, "查看照片", "请先选中一个已有照片的自查项目。")
            return
        path = self.session.data_dir / item.photo
        if not path.exists():
            messages.warn(self, "查看照片", f"找不到照片文件：\n{path}")
            return
        from app.ui.photo_viewer import PhotoViewer

        viewer = PhotoViewer(path, f"{item.text}：{photo_name(item.photo)}", self)
        self.photo_viewer = viewer
        open_transient(viewer)

    def remove_photo(self) -> None:
        item = self.selected()
        if item is None or not item.photo:
            messages.inform(self, "移除照片", "请先选中一个已有照片的自查项目。")
            return
        if messages.confirm(self, "移除照片", f"不再用“{photo_name(item.photo)}”作为“{item.text}”的照片吗？"):
            record = models.ChecklistItem.get_by_id(item.id)
            record.photo = ""
            self.session.save(record, f"移除“{record.text}”的照片", expected=records.snapshot(item))

    def switch_checklist(self) -> None:
        names = list(STANDARD_CHECKLISTS)
        current = checklist_name(self.session.village)
        name, ok = QInputDialog.getItem(
            self, "切换清单", "换成哪一套标准清单：", names, names.index(current) if current in names else 0, False
        )
        if not ok or name == current:
            return  # the list in use: nothing to replace
        if messages.confirm(
            self,
            "确认切换",
            f"切换为“{name}”后，现有的 {len(self.model.rows)} 个自查项目及其结果将被替换。\n"
            "可用“编辑 → 撤销”（Ctrl+Z）恢复。确定切换吗？",
        ):
            changes = replace_checklist(self.session.village, name)
            self.session.record(changes, f"切换为“{name}”清单")
