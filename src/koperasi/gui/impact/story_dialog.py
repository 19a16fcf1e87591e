"""Kisah sukses: write or change a member's story, its photo, and the member's written consent.

The consent box is ticked only when the member has signed the agreement; the day is the day on that paper,
and whoever saves it is recorded as the one who recorded it. Without it the story stays in the office.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from koperasi import clock
from koperasi.domain.errors import ValidationError
from koperasi.domain.impact.stories import MAX_TEXT, MAX_TITLE, StoryDraft, StorySummary
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import date_edit
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.gui.members.photos import choose_photo
from koperasi.gui.messages import set_inline_error
from koperasi.services.impact import stories
from koperasi.services.members.search import MemberFilter, member_page

_PREVIEW = 120  # px, the photo's longer side in the dialog


class StoryDialog(FormDialog):
    def __init__(self, context: AppContext, story: StorySummary | None = None, parent: QWidget | None = None) -> None:
        self.context, self.story = context, story
        self.member_id: uuid.UUID | None = story.member_id if story else None
        self.photo: bytes | None = None
        f = self.form_ = FieldForm(self.tr("Kisah hanya boleh dicetak atau dikirim ke penyandang dana bila anggota sudah "
                                           "memberi persetujuan tertulis."))
        self.number_edit = QLineEdit(objectName="storyMemberEdit")
        self.number_edit.setPlaceholderText(self.tr("nomor anggota, mis. PAU-000123"))
        self.number_edit.editingFinished.connect(self._find_member)
        self.member_label = QLabel(objectName="storyMemberLabel")
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.number_edit, 1)
        line.addWidget(self.member_label, 2)
        f.add(self.tr("&Anggota:"), row)
        f.name_field("member", self.number_edit)
        self.title_edit = f.add(self.tr("&Judul:"), QLineEdit(objectName="storyTitleEdit"), "title")
        self.title_edit.setMaxLength(MAX_TITLE)
        self.text_edit = f.add(self.tr("&Isi kisah:"), QPlainTextEdit(objectName="storyTextEdit"), "text")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setToolTip(self.tr("Paling banyak {count} karakter; baris kosong memisahkan paragraf").format(count=MAX_TEXT))
        self.text_edit.setMinimumHeight(self.text_edit.fontMetrics().height() * 9)
        self.photo_label = QLabel(objectName="storyPhotoLabel")
        self.photo_label.setFixedSize(_PREVIEW, _PREVIEW)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #bbb; color: #888;")
        self.photo_button = QPushButton(self.tr("Pilih &foto…"), objectName="storyPhotoButton")
        self.photo_button.clicked.connect(self._choose_photo)
        self.remove_photo_button = QPushButton(self.tr("&Hapus foto"), objectName="storyRemovePhotoButton")
        self.remove_photo_button.clicked.connect(lambda: self._show_photo(None))
        photo_row = QWidget()
        photo_line = QHBoxLayout(photo_row)
        photo_line.setContentsMargins(0, 0, 0, 0)
        photo_line.addWidget(self.photo_label)
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        photo_line.addLayout(photo_buttons)
        photo_line.addStretch(1)
        f.add(self.tr("Foto:"), photo_row)
        f.name_field("photo", self.photo_button)
        self.consent_check = QCheckBox(self.tr("Anggota sudah memberi &persetujuan tertulis, tanggal:"), objectName="storyConsentCheck")
        self.consent_date = date_edit("storyConsentDate")
        self.consent_date.setMaximumDate(clock.today())
        self.consent_check.toggled.connect(self.consent_date.setEnabled)
        consent_row = QWidget()
        consent_line = QHBoxLayout(consent_row)
        consent_line.setContentsMargins(0, 0, 0, 0)
        consent_line.addWidget(self.consent_check)
        consent_line.addWidget(self.consent_date)
        consent_line.addStretch(1)
        f.add("", consent_row)
        f.name_field("consent_on", self.consent_check)
        super().__init__(f, object_name="storyDialog", width=640, parent=parent)
        self.setWindowTitle(self.tr("Ubah kisah sukses") if story else self.tr("Kisah sukses baru"))
        self.consent_date.setEnabled(False)
        self._show_photo(None)
        if story is not None:
            self._load(story)

    def _load(self, story: StorySummary) -> None:
        with self.context.database.session() as session:
            draft = stories.story_draft(session, self.context.actor, story.id)
        self.number_edit.setText(story.number)
        self.number_edit.setReadOnly(True)
        self.member_label.setText(f"<b>{story.full_name}</b>")
        self.title_edit.setText(draft.title)
        self.text_edit.setPlainText(draft.text)
        self._show_photo(draft.photo)
        self.consent_check.setChecked(draft.consent_on is not None)
        if draft.consent_on is not None:
            self.consent_date.setDate(draft.consent_on)

    def _find_member(self) -> None:
        text = self.number_edit.text().strip()
        if not text or self.number_edit.isReadOnly():
            return
        with self.context.database.session() as session:
            page = member_page(session, self.context.actor, MemberFilter(text=text), limit=5)
        exact = [row for row in page.rows if row.number.casefold() == text.casefold()]
        rows = exact or page.rows
        self.member_id = rows[0].id if len(rows) == 1 else None
        if len(rows) == 1:
            self.member_label.setText(f"<b>{rows[0].full_name}</b> ({rows[0].number})")
        else:
            self.member_label.setText(self.tr("Tidak ditemukan") if not rows else
                                      self.tr("{count} anggota cocok; ketik nomor lengkap").format(count=page.total))

    def _choose_photo(self) -> None:
        photo = choose_photo(self)
        if photo is not None:
            self._show_photo(photo)

    def _show_photo(self, photo: bytes | None) -> None:
        self.photo = photo
        self.remove_photo_button.setEnabled(photo is not None)
        if photo is None:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(self.tr("Tanpa foto"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(photo)
        self.photo_label.setPixmap(pixmap.scaled(_PREVIEW, _PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))

    def draft(self) -> StoryDraft:
        consent = self.consent_date.date().toPython() if self.consent_check.isChecked() else None
        return StoryDraft(title=self.title_edit.text(), text=self.text_edit.toPlainText(), photo=self.photo, consent_on=consent)

    def save(self) -> None:
        self._find_member()
        if self.member_id is None:
            raise ValidationError(self.tr("Ketik nomor anggota yang kisahnya ditulis."), field="member")
        with self.context.database.session() as session:
            stories.save_story(session, self.context.actor, self.member_id, self.draft(),
                               story_id=self.story.id if self.story else None,
                               expected_version=self.story.version if self.story else None)
        set_inline_error(self.error_label, "")

