"""Training papers from the tab: daftar hadir, sertifikat (one or a batch's), laporan angkatan,
shown in the PDF preview. The ReportLab writers are imported when a paper is asked for."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QWidget

from koperasi.domain.errors import DomainError
from koperasi.gui.context import AppContext
from koperasi.gui.messages import show_error, show_info
from koperasi.gui.pdf_preview import PdfPreviewDialog, file_name_part, show_preview as show, write_to_bytes
from koperasi.services.trainings import papers as training_papers


def attendance_sheet_preview(parent: QWidget, context: AppContext, session_id: uuid.UUID) -> PdfPreviewDialog | None:
    from koperasi.reports.trainings.attendance_sheet import write_attendance_sheet

    try:
        with context.database.session() as session:
            sheet = training_papers.attendance_sheet(session, context.actor, session_id)
    except DomainError as error:
        show_error(parent, parent.tr("Daftar hadir"), error.message)
        return None
    name = f"daftar-hadir-{file_name_part(sheet.batch, 'pelatihan')}-sesi-{sheet.session_number}-{sheet.held_on:%Y-%m-%d}.pdf"
    return PdfPreviewDialog(
        parent.tr("Daftar hadir sesi ke-{number}: {batch}").format(number=sheet.session_number, batch=sheet.batch),
        {parent.tr("A4"): (lambda: write_to_bytes(lambda out: write_attendance_sheet(sheet, out)), name)},
        parent,
    )


def certificates_preview(
    parent: QWidget, context: AppContext, batch_id: uuid.UUID, *, participant_id: uuid.UUID | None = None
) -> PdfPreviewDialog | None:
    from koperasi.reports.trainings.certificate import write_certificate, write_certificates

    try:
        with context.database.session() as session:
            certs = training_papers.certificates(session, context.actor, batch_id, participant_id=participant_id)
    except DomainError as error:
        show_error(parent, parent.tr("Sertifikat"), error.message)
        return None
    if not certs:
        show_info(parent, parent.tr("Sertifikat"), parent.tr("Belum ada sertifikat yang diterbitkan."))
        return None
    if len(certs) == 1:
        cert = certs[0]
        title = parent.tr("Sertifikat {number}: {name}").format(number=cert.number, name=cert.name)
        layouts = {parent.tr("A4 mendatar"): (lambda: write_to_bytes(lambda out: write_certificate(cert, out)),
                                              f"sertifikat-{file_name_part(cert.number, 'pelatihan')}.pdf")}
    else:
        title = parent.tr("{count} sertifikat: {batch}").format(count=len(certs), batch=certs[0].batch)
        layouts = {parent.tr("A4 mendatar"): (lambda: write_to_bytes(lambda out: write_certificates(certs, out)),
                                              f"sertifikat-{file_name_part(certs[0].batch, 'pelatihan')}.pdf")}
    return PdfPreviewDialog(title, layouts, parent)


def batch_report_preview(parent: QWidget, context: AppContext, batch_id: uuid.UUID) -> PdfPreviewDialog | None:
    from koperasi.reports.trainings.summaries import write_batch_report

    try:
        with context.database.session() as session:
            report = training_papers.batch_report(session, context.actor, batch_id)
    except DomainError as error:
        show_error(parent, parent.tr("Laporan angkatan"), error.message)
        return None
    return PdfPreviewDialog(
        parent.tr("Laporan angkatan: {batch}").format(batch=report.batch),
        {parent.tr("A4"): (lambda: write_to_bytes(lambda out: write_batch_report(report, out)),
                           f"laporan-{file_name_part(report.programme, 'pelatihan')}-{file_name_part(report.batch, 'pelatihan')}.pdf")},
        parent,
    )
