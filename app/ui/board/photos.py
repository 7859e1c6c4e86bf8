"""A photo of the board with a sheet up: read from the clerk's file, made no larger than needed to read the board
(so backups stay small), kept in the archive; and a window that shows it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea

from app.domain.values import InputError
from app.store import board as store
from app.store import models
from app.ui.widgets.labels import named
from app.ui.widgets.panel_dialog import PanelDialog

LONGEST_SIDE = 2000  # pixels: every sheet's title still reads on a photo of the whole board
PHOTO_FILES = "照片 (*.jpg *.jpeg *.png *.bmp)"


def photo_from_file(path: Path) -> bytes:
    """The photo as JPEG, its longest side at most LONGEST_SIDE pixels."""
    image = QImage(str(path))
    if image.isNull():
        raise InputError(f"打不开“{Path(path).name}”：请选一张 JPG 或 PNG 照片。")
    if max(image.width(), image.height()) > LONGEST_SIDE:
        image = image.scaled(
            LONGEST_SIDE,
            LONGEST_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 85)
    return bytes(data.data())


class PhotoDialog(PanelDialog):
    def __init__(self, publication: models.Publication, parent=None):
        self.picture = named(QLabel(), "公开栏照片")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap()
        pixmap.loadFromData(store.archived(publication.photo))
        self.picture.setPixmap(pixmap.scaled(860, 560, Qt.AspectRatioMode.KeepAspectRatio))
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        super().__init__(f"照片：{publication.title}", scroll, parent, size=(900, 640), name="照片")
