from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain.terbilang import terbilang, terbilang_rupiah

_DIGITS = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4,
    "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
}  # fmt: skip
_SCALES = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}
# Uniform integers rarely hit the tricky groups (1, 10, 11, 100, ...), so also
# compose numbers from five thousand-groups biased towards them.
_GROUP = st.one_of(
    st.sampled_from([0, 1, 10, 11, 12, 100, 101, 110, 111, 999]), st.integers(0, 999)
)
_BELOW_TRILLION = st.one_of(
    st.integers(min_value=0, max_value=10**15 - 1),
    st.lists(_GROUP, min_size=5, max_size=5).map(
        lambda groups: sum(g * 1000**i for i, g in enumerate(groups))
    ),
)


def words_to_int(text: str) -> int:
    """Independent inverse of ``terbilang``, to check it by round trip."""
    words = text.split(" ")
    sign = 1
    if words[0] == "minus":
        sign, words = -1, words[1:]
    total = group = small = 0
    for word in words:
        if word in _DIGITS:
            small += _DIGITS[word]
        elif word == "sepuluh":
            small += 10
        elif word == "sebelas":
            small += 11
        elif word == "belas":
            small += 10
        elif word == "puluh":
            small *= 10
        elif word == "seratus":
            group += 100
        elif word == "ratus":
            group, small = group + small * 100, 0
        elif word == "seribu":
            total += 1000
        elif word in _SCALES:
            total, group, small = total + (group + small) * _SCALES[word], 0, 0
        else:
            raise AssertionError(f"unexpected word {word!r} in {text!r}")
    return sign * (total + group + small)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (15, "lima belas"),
        (20, "dua puluh"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (110, "seratus sepuluh"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (11_000, "sebelas ribu"),
        (101_000, "seratus satu ribu"),
        (111_111, "seratus sebelas ribu seratus sebelas"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (1_500_000, "satu juta lima ratus ribu"),
        (2_000_001, "dua juta satu"),
        (1_000_000_000, "satu miliar"),
        (1_000_000_000_000, "satu triliun"),
        (10**15 - 1, "sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan"
         " puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus"
         " sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan"),
        (-1_500_000, "minus satu juta lima ratus ribu"),
    ],
)
def test_terbilang_spells_known_amounts(n: int, words: str) -> None:
    assert terbilang(n) == words


def test_terbilang_rupiah_appends_currency() -> None:
    assert terbilang_rupiah(1_001_000) == "satu juta seribu rupiah"


@pytest.mark.parametrize("n", [10**15, -(10**15), 10**18])
def test_terbilang_refuses_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        terbilang(n)


@pytest.mark.parametrize("n", [1.0, True, "1", None])
def test_terbilang_refuses_non_int(n: object) -> None:
    with pytest.raises(TypeError):
        terbilang(n)  # type: ignore[arg-type]


@given(_BELOW_TRILLION)
def test_terbilang_round_trips_through_words_to_int(n: int) -> None:
    assert words_to_int(terbilang(n)) == n


@given(_BELOW_TRILLION)
def test_terbilang_negative_is_minus_positive(n: int) -> None:
    if n:
        assert terbilang(-n) == "minus " + terbilang(n)


@given(_BELOW_TRILLION)
def test_terbilang_uses_se_forms_at_group_start(n: int) -> None:
    text = terbilang(n)
    words = text.split(" ")
    for never in ("satu ratus", "satu puluh", "satu belas"):
        assert never not in text
    # "satu ribu" is right inside a group ("seratus satu ribu") but never opens one.
    assert re.search(r"(^|juta |miliar |triliun )satu ribu", text) is None
    for i, word in enumerate(words):
        if word == "seribu":
            assert i == 0 or words[i - 1] in ("juta", "miliar", "triliun")
    assert ("nol" in words) == (n == 0)


@given(_BELOW_TRILLION)
def test_terbilang_is_lowercase_single_spaced(n: int) -> None:
    text = terbilang(n)
    assert text == text.strip().lower()
    assert "  " not in text
    assert re.fullmatch(r"[a-z]+( [a-z]+)*", text)
