"""The audit log's hash chain: each event's hash covers its content and the previous event's hash.

Deleting, changing or reordering an event changes every hash after it, so ``koperasi doctor`` names
the first link that no longer matches. This is tamper-evidence, not a signature: someone who can
write the table and knows this rule can recompute the whole chain; the database roles
(``koperasi setup-postgres``) and the append-only triggers are what keep them from writing it.

Pure: the migration that fills the chain for existing events (0010) and the service that writes new
ones hash exactly the same canonical text.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from typing import Any

# The "previous hash" of an office's first event.
GENESIS = ""


def canonical_content(
    *,
    occurred_at: datetime,
    user_id: uuid.UUID | str | None,
    username: str,
    action: str,
    entity: str,
    entity_id: str,
    before: Any,
    after: Any,
    reason: str | None,
) -> str:
    """One fixed text per event: sorted JSON keys, UTC time to the microsecond, no whitespace."""
    content = {
        "occurred_at": occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "user_id": str(user_id) if user_id is not None else None,
        "username": username,
        "action": str(action),
        "entity": entity,
        "entity_id": entity_id,
        "before": before,
        "after": after,
        "reason": reason,
    }
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def chain_hash(previous: str | None, content: str) -> str:
    """SHA-256 (hex) of the previous event's hash and this event's canonical content."""
    return hashlib.sha256(f"{previous or GENESIS}\n{content}".encode()).hexdigest()
