"""Mode kabupaten: the district's own X25519 key, to which offices may seal their packets.

Like the office's signing key it lives in the database (``district_keys``, one row) and travels with its backups.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from sqlalchemy.orm import Session

from koperasi.db.models import DistrictKey
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.district.mode import require_district_mode
from koperasi.services.office import audit
from koperasi.services.transaction import write
from koperasi import clock


def held_key(session: Session) -> X25519PrivateKey | None:
    """The district's key if it made one (an import never makes it: no key, no sealed packet can be for us)."""
    row = session.get(DistrictKey, 1)
    return X25519PrivateKey.from_private_bytes(row.private_key) if row is not None else None


def district_public_key(session: Session, actor: Actor) -> str:
    """The key offices type into Pengaturan > Laporan kabupaten (64 hex digits); made now if the district has none."""
    with write(session):
        authorize(session, actor, Permission.EXCHANGE_REPORTS)
        require_district_mode(session)
        row = session.get(DistrictKey, 1)
        if row is None:
            key = X25519PrivateKey.generate()
            row = DistrictKey(id=1, private_key=key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
                              public_key=key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw), created_at=clock.now())
            session.add(row)
            session.flush()
            audit.record(session, actor, action=AuditAction.DISTRICT_KEY_CREATED, entity="district_key", entity_id="1",
                         after={"kunci kabupaten": row.public_key.hex()})
        return row.public_key.hex()
