"""The packet's manifest: read only when well-formed and of this version; fingerprints as printed and typed."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.district import packet
from koperasi.domain.errors import ValidationError

MANIFEST = packet.Manifest(
    packet.OfficeIdentity("6f1c2d3e-0000-4000-8000-000000000001", "PAU", "Koperasi Berdaya Pauh", "15.03.04", "Pauh", "15.03"),
    datetime(2026, 11, 28, 2, 30, tzinfo=UTC), False, bytes(range(32)),
    dict.fromkeys(packet.CONTENT_FILES, "ab" * 32), dict.fromkeys(packet.CONTENT_FILES, 3),
)


def test_a_manifest_reads_back_as_written():
    document = json.loads(json.dumps(packet.manifest_document(MANIFEST)))
    assert packet.read_manifest(document) == MANIFEST


def test_a_version_1_manifest_is_still_read_as_version_1():
    older = replace(MANIFEST, version=1)
    document = json.loads(json.dumps(packet.manifest_document(older)))
    assert document["version"] == 1 and packet.read_manifest(document) == older


@pytest.mark.parametrize("change, reason", [
    (lambda d: d.update(format="lain"), "bukan paket laporan"),
    (lambda d: d.update(version=4), "versi 4"),
    (lambda d: d.update(version=True), "versi True"),
    (lambda d: d.update(as_of="2026-11-28T02:30:00"), "bukan paket laporan"),  # no time zone
    (lambda d: d.update(public_key="AAAA"), "bukan paket laporan"),
    (lambda d: d["files"]["members.jsonl"].update(rows=-1), "bukan paket laporan"),
    (lambda d: d.update(personal_data="ya"), "bukan paket laporan"),
    (lambda d: d["office"].pop("kabupaten_code"), "bukan paket laporan"),
    (lambda d: d["office"].update(name=["x"]), "bukan paket laporan"),
])
def test_a_malformed_manifest_is_refused_with_the_reason(change, reason):
    document = json.loads(json.dumps(packet.manifest_document(MANIFEST)))
    change(document)
    with pytest.raises(packet.PacketRefused, match=reason):
        packet.read_manifest(document)


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=4),
                    max_leaves=20))
def test_any_json_is_a_manifest_or_a_refusal(document):
    with pytest.raises(packet.PacketRefused):
        packet.read_manifest(document)


def test_a_fingerprint_is_typed_as_it_is_printed():
    printed = packet.fingerprint(bytes(32))
    assert len(printed) == 49 and printed.count(" ") == 9
    assert packet.normal_fingerprint(printed.lower().replace(" ", "-")) == printed
    for typed in ("", printed[:-1], printed + "0", printed.replace(printed[0], "G")):
        with pytest.raises(ValidationError, match="Sidik kunci"):
            packet.normal_fingerprint(typed)
