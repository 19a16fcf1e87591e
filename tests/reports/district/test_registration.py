"""The registration sheet: the office, its kabupaten and the fingerprint the district types in; printed sheets audited."""

from __future__ import annotations

from io import BytesIO

import pypdf
from sqlalchemy import select

from koperasi.db.models import AuditEvent
from koperasi.domain.district.packet import normal_fingerprint
from koperasi.domain.office.audit import AuditAction
from koperasi.reports.district.registration import suggested_name, write_registration_pdf
from koperasi.services.district.office_key import office_fingerprint, registration_sheet
from tests.support import TODAY, set_up_office


def test_the_sheet_carries_the_fingerprint_the_district_registers_and_its_printing_is_audited(sqlite_db):
    admin = set_up_office(sqlite_db)
    with sqlite_db.session() as session:
        sheet = registration_sheet(session, admin)
        printed = office_fingerprint(session, admin)
        events = session.scalars(select(AuditEvent.action).where(
            AuditEvent.action == AuditAction.DISTRICT_SHEET_PRINTED.value)).all()
    assert sheet.fingerprint == printed and sheet.printed_on == sheet.key_made_on == TODAY
    assert sheet.kabupaten == "Kabupaten Sarolangun" and len(events) == 1
    buffer = BytesIO()
    write_registration_pdf(sheet, buffer)
    reader = pypdf.PdfReader(BytesIO(buffer.getvalue()))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 1 and "LEMBAR PENDAFTARAN KUNCI KANTOR" in text and sheet.office.name in text
    # Every group is on the paper, in order: typed back from it, it is the office's fingerprint.
    groups = printed.split()
    positions = [text.index(group) for group in groups]
    assert positions == sorted(positions)
    assert normal_fingerprint("".join(groups)) == printed
    assert suggested_name(sheet) == f"lembar-pendaftaran-kunci-{sheet.office.code}.pdf"
