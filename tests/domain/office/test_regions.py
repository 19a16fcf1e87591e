from __future__ import annotations

import lzma
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.errors import ValidationError
from koperasi.domain.office.regions import normalise_desa_name, parse_regions, shipped, short_kabupaten_name


def _shipped_lines() -> list[str]:
    data = resources.files("koperasi") / "data" / "wilayah-kepmendagri-2025.csv.xz"
    return lzma.decompress(data.read_bytes()).decode("utf-8").splitlines()


def test_the_shipped_list_holds_all_of_indonesia_as_the_decree_counts_it():
    official = shipped()
    levels = [region.level for region in official.regions()]
    assert [levels.count(level) for level in (1, 2, 3, 4)] == [38, 514, 7285, 83762]
    assert len(official.provinces()) == 38 and len(official.all_kabupaten()) == 514


def test_sarolangun_has_its_eleven_kecamatan_and_every_desa_of_the_file():
    official = shipped()
    kecamatan = official.kecamatan("15.03")
    assert [(k.code, k.name) for k in kecamatan][:3] == [("15.03.01", "Batang Asai"), ("15.03.02", "Limun"), ("15.03.03", "Sarolangun")]
    assert len(kecamatan) == 11
    desa = [d for k in kecamatan for d in official.desa(k.code)]
    in_file = [line for line in _shipped_lines() if line.startswith("15.03.") and len(line.split(",")[0]) == 13]
    assert len(desa) == len(in_file) == 158
    assert official.get("15.03").name == "Kabupaten Sarolangun" and official.get("15.03.03.2002").name == "Bernai"


def test_the_code_tells_a_kelurahan_from_a_desa():
    official = shipped()
    assert official.get("15.03.03.1019").kind == "kelurahan"  # Sarolangun Kembang
    assert official.get("15.03.03.2002").kind == "desa"  # Bernai


def test_a_malformed_file_is_refused_with_the_line_at_fault():
    with pytest.raises(ValidationError, match="kode,nama"):
        parse_regions(["id;name", "15;Jambi"])
    with pytest.raises(ValidationError, match="Baris 3"):
        parse_regions(["kode,nama", "15,Jambi", "15.3,Salah"])
    assert [r.name for r in parse_regions(["kode,nama", "15.03, Kabupaten  Sarolangun ", ""])] == ["Kabupaten Sarolangun"]


def test_kabupaten_names_are_shortened_for_a_combo():
    assert short_kabupaten_name("Kabupaten Sarolangun") == "Kab. Sarolangun"
    assert short_kabupaten_name("Kota Jambi") == "Kota Jambi"


@given(st.text(alphabet="abcdeDESAKLURHN ", min_size=1, max_size=20))
def test_a_desa_name_matches_itself_written_with_its_prefix_case_and_spaces(name):
    if normalise_desa_name(name):
        assert normalise_desa_name(f"  DESA  {name.upper()} ") == normalise_desa_name(f"Kelurahan {name}")


def test_the_list_and_its_notice_ship_in_the_wheel_and_in_the_frozen_program():
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    package_data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert set(package_data["koperasi"]) == {"data/wilayah-kepmendagri-2025.csv.xz", "data/WILAYAH-LICENSE.txt"}
    spec = (root / "packaging" / "koperasi.spec").read_text(encoding="utf-8")
    # The spec takes every data file of the package (and the frozen self-test sets up an office with them).
    assert '*collect_data_files("koperasi")' in spec
    for name in package_data["koperasi"]:
        assert (root / "src" / "koperasi" / name).is_file()
