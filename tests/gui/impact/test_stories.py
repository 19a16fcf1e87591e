"""Kisah sukses on the Dampak tab: written with consent and a photo, printed only with consent."""

from __future__ import annotations

from datetime import date

import pytest

from koperasi.gui.impact.stories_view import StoriesView
from koperasi.gui.impact.story_dialog import StoryDialog
from koperasi.services.impact import stories
from tests.gui.impact.test_visits import member  # noqa: F401 (fixture)
from tests.services.impact.test_stories import png


@pytest.fixture
def view(qtbot, context):
    view = StoriesView(context)
    qtbot.addWidget(view)
    view.reload()
    return view


def test_a_story_without_consent_cannot_be_printed_until_consent_is_recorded(qtbot, context, member, view):  # noqa: F811
    dialog = StoryDialog(context, parent=view)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.number_edit, member.number)
    dialog.number_edit.editingFinished.emit()
    assert "Siti Aminah" in dialog.member_label.text()
    qtbot.keyClicks(dialog.title_edit, "Kopi organik sampai ke Jambi")
    dialog.text_edit.setPlainText("Dulu meminjam ke rentenir.\n\nKini warungnya berkembang.")
    dialog._show_photo(png())
    assert dialog._save_and_close(), dialog.error_label.text()
    view.reload()
    view.table.selectRow(0)
    assert not view.print_button.isEnabled() and "persetujuan" in view.print_button.toolTip()
    assert view.model.row(view.model.index(0, 0)).has_photo

    dialog = StoryDialog(context, view._selected(), parent=view)
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == "Kopi organik sampai ke Jambi" and dialog.photo == png()
    assert not dialog.consent_date.isEnabled()
    dialog.consent_check.setChecked(True)
    dialog.consent_date.setText("20-11-2026")
    assert dialog._save_and_close(), dialog.error_label.text()
    view.reload()
    view.table.selectRow(0)
    assert view.print_button.isEnabled()
    with context.database.session() as session:
        [summary] = stories.list_stories(session, context.actor)
    assert summary.consent_on == date(2026, 11, 20) and summary.consent_recorded_by == context.actor.full_name


def test_a_story_needs_a_member_and_text(qtbot, context, view):
    dialog = StoryDialog(context, parent=view)
    qtbot.addWidget(dialog)
    assert not dialog._save_and_close()
    assert "nomor anggota" in dialog.error_label.text()
