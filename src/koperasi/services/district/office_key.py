"""The office's signing key: made at first use, kept in the database, shown as a fingerprint.

The key lives in ``office_keys`` (one row), so a backup carries it and a restore on a new PC keeps the
fingerprint the district registered from the paper sheet. Whoever holds the database file can sign as
the office, as they could already change every record in it: the key protects the packet on its way,
not the office's own PC.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from sqlalchemy.orm import Session

from koperasi.db.models import OfficeKey
from koperasi.domain.district.packet import RegistrationSheet, fingerprint
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.regions import shipped
from koperasi.domain.office.settings import HOME_KABUPATEN
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.office.profile import current_office
from koperasi.services.office.settings import value_of
from koperasi.services.transaction import write
from koperasi import clock


def signing_key(session: Session, actor: Actor | None) -> Ed25519PrivateKey:
    """The office's key, made and stored now (audited) if the office has none yet; inside the caller's write."""
    with write(session):
        row = session.get(OfficeKey, 1)
        if row is None:
            key = Ed25519PrivateKey.generate()
            row = OfficeKey(
                id=1,
                private_key=key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
                public_key=key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
                created_at=clock.now(),
            )
            session.add(row)
            session.flush()
            audit.record(session, actor, action=AuditAction.OFFICE_KEY_CREATED, entity="office_key", entity_id="1",
                         after={"sidik kunci": fingerprint(row.public_key)})
        return Ed25519PrivateKey.from_private_bytes(row.private_key)


def office_fingerprint(session: Session, actor: Actor) -> str:
    """The fingerprint for the registration sheet (the key is made now if the office has none yet)."""
    authorize(session, actor, Permission.EXCHANGE_REPORTS)
    key = signing_key(session, actor)
    return fingerprint(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def registration_sheet(session: Session, actor: Actor) -> RegistrationSheet:
    """The registration sheet's contents (the key is made now if the office has none yet); its printing is audited,
    so the office can tell later which sheets went out."""
    with write(session):
        printed = office_fingerprint(session, actor)
        office = current_office(session)
        code = value_of(session, HOME_KABUPATEN)
        region = shipped().get(code)
        sheet = RegistrationSheet(office.profile, office.kecamatan_name or "", region.name if region else code, printed,
                                  session.get(OfficeKey, 1).created_at.astimezone().date(), clock.today())
        audit.record(session, actor, action=AuditAction.DISTRICT_SHEET_PRINTED, entity="office_key", entity_id="1",
                     after={"sidik kunci": printed})
        return sheet
