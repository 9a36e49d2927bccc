"""Museum date texts to EDTF: every date shape in Tate's artworks, and the rules."""

import datetime

import pytest

from archive import dates
from archive.dates import bounds
from archive.imports.dates import EXACT, PARTIAL, TEXT, UNKNOWN, edtf_bounds, is_edtf, to_edtf

from .conftest import DATA


def _shapes():
    for line in (DATA / "tate_date_shapes.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text, edtf, status = line.split("\t")
            yield text, edtf, status


SHAPES = list(_shapes())


def test_it_has_all_215_tate_shapes():
    assert len(SHAPES) == 215


@pytest.mark.parametrize(("text", "edtf", "status"), SHAPES)
def test_it_reads_every_tate_shape(text, edtf, status):
    result = to_edtf(text)
    assert (result.edtf, result.status) == (edtf, status)
    assert result.text == text  # the text as written is always kept
    if result.edtf:
        bounds(result.edtf)  # the real parser accepts it
    if status in (PARTIAL, TEXT):
        assert result.flagged and result.note


@pytest.mark.parametrize(
    ("text", "edtf", "status"),
    [
        ("1819", "1819", EXACT),
        ("c.1819", "1819~", EXACT),
        ("c. 1819", "1819~", EXACT),
        ("?1819", "1819?", EXACT),
        ("?c.1819", "1819%", EXACT),
        ("c.1830–40", "1830~/1840~", EXACT),
        ("1830–4", "1830/1834", EXACT),
        ("1899–00", "1899/1900", EXACT),
        ("1830s", "183X", EXACT),
        ("1786 or 1800", "[1786,1800]", EXACT),
        ("1831 and 1834", "{1831,1834}", EXACT),
        ("exhibited 1809?", "../1809?", EXACT),
        ("before 1877", "../1876", EXACT),
        ("1828, reworked 1830", "1828", PARTIAL),
        ("date not known", "", UNKNOWN),
        ("early 1840s", "", TEXT),
        ("late 18th C", "", TEXT),
        ("c.18799–1802", "", TEXT),  # a typo is not guessed at
        ("1828 (or 1836", "", TEXT),  # an unbalanced bracket neither
        ("1990-01-19/1990-01-20", "1990-01-19/1990-01-20", EXACT),  # EDTF stays EDTF
        ("", "", EXACT),
    ],
)
def test_it_converts_only_what_has_one_reading(text, edtf, status):
    result = to_edtf(text)
    assert (result.edtf, result.status) == (edtf, status)


@pytest.mark.parametrize(
    "edtf",
    ["1819", "1819~", "183X", "183X?", "1830~/1840~", "1830/1840", "../1809", "1819/..",
     "1990-01-19", "[1786,1800]", "{1831,1834}", "1830%/1834%"],
)  # fmt: skip
def test_it_bounds_fast_what_the_parser_bounds(edtf):
    assert edtf_bounds(edtf) == bounds(edtf)


FAST_SHAPES = sorted(
    {edtf for _, edtf, _ in SHAPES if edtf and (edtf[0] in "[{" or "X" in edtf)}
    | {"183X~", "183X%", "[1760..1770,1780]", "{1831..1834}", "[1990-01,1990-02-03]"}
)


@pytest.mark.parametrize("edtf", FAST_SHAPES)
def test_it_bounds_sets_and_decades_as_the_parser_does(edtf):
    assert dates._fast_bounds(edtf) is not None  # read without the parser
    assert dates._fast_bounds(edtf) == dates._parsed_bounds(edtf)


@pytest.mark.parametrize(
    "text", ["[1786]", "[1786, 1800]", "[1786,]", "[..1760,1800]", "[1834..1831]", "000X", "{}"]
)
def test_it_leaves_what_it_cannot_read_fast_to_the_parser(text):
    assert dates._fast_bounds(text) is None


def test_it_refuses_what_is_not_edtf():
    assert not is_edtf("c.1819")
    assert not is_edtf("1830–40")
    assert edtf_bounds("1819") == (datetime.date(1819, 1, 1), datetime.date(1819, 12, 31))
