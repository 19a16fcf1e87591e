"""Choosing a member's pas foto: any picture the PC has, stored as a small JPEG."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QStandardPaths, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from koperasi.domain.photos import MAX_SIDE
from koperasi.gui.messages import show_error

JPEG_QUALITY = 85


def choose_photo(parent: QWidget) -> bytes | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    chosen, _ = QFileDialog.getOpenFileName(parent, parent.tr("Pilih foto anggota"), folder, parent.tr("Gambar (*.jpg *.jpeg *.png *.bmp)"))
    if not chosen:
        return None
    image = QImage(chosen)
    if image.isNull():
        show_error(parent, parent.tr("Foto"), parent.tr("Berkas ini tidak dapat dibaca sebagai gambar."))
        return None
    return jpeg_bytes(image)


def jpeg_bytes(image: QImage) -> bytes:
    """Scale down (never up) and encode as JPEG: a phone photo of several MB becomes ~30 KB."""
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_RGB32).save(buffer, "JPEG", JPEG_QUALITY)
    return bytes(data)
