"""Dates and numbers in words follow the language of the page (issue 13): CLDR month names in
the right context, Russian's genitive after a preposition, Azerbaijani suffixes in vowel
harmony with the number as spoken; machine formats keep EDTF."""

from decimal import Decimal

import pytest
from django.utils import translation

from archive import dates
from archive.claimvalues import number_in_words
from archive.dates.words import az_case, az_ordinal
from archive.i18n import site_name
from archive.numbers import plain
from archive.search.models import SearchDocument
from tests import factories

NBSP = "\xa0"

# EDTF → (English, Azerbaijani, Russian)
WORDS = [
    ("1990-01-19/1990-01-20", "19–20 January 1990", "19–20 yanvar 1990", "19–20 января 1990"),
    ("1990-01-21", "21 January 1990", "21 yanvar 1990", "21 января 1990"),
    ("1990-01", "January 1990", "yanvar 1990", "январь 1990"),
    ("1990-05", "May 1990", "may 1990", "май 1990"),
    ("1990-01/1990-03", "January–March 1990", "yanvar–mart 1990", "январь–март 1990"),
    (
        "1990-01-19/1990-02-02",
        "19 January – 2 February 1990",
        "19 yanvar – 2 fevral 1990",
        "19 января – 2 февраля 1990",
    ),
    (
        "1989-12-31/1990-01-01",
        "31 December 1989 – 1 January 1990",
        "31 dekabr 1989 – 1 yanvar 1990",
        "31 декабря 1989 – 1 января 1990",
    ),
    ("1987/1988", "1987–1988", "1987–1988", "1987–1988"),
    ("1987~", "about 1987", "təxminən 1987", "около 1987"),
    ("1990-01~", "about January 1990", "təxminən yanvar 1990", "около января 1990"),
    ("1988?", "perhaps 1988", "ehtimal ki, 1988", "предположительно 1988"),
    (
        "1988%",
        "perhaps about 1988",
        "ehtimal ki, təxminən 1988",
        "предположительно около 1988",
    ),
    ("1987/..", "from 1987", "1987-dən", "с 1987"),
    ("1990/..", "from 1990", "1990-dan", "с 1990"),
    ("../1990", "until 1990", "1990-a qədər", "до 1990"),
    ("../1987", "until 1987", "1987-yə qədər", "до 1987"),
    ("1990-01/..", "from January 1990", "yanvar 1990-dan", "с января 1990"),
    ("../1990-01-19", "until 19 January 1990", "19 yanvar 1990-a qədər", "до 19 января 1990"),
    ("1987~/..", "from about 1987", "təxminən 1987-dən", "с примерно 1987"),
    ("198X", "the 1980s", "1980-ci illər", "1980-е годы"),
    ("199X", "the 1990s", "1990-cı illər", "1990-е годы"),
    ("200X", "the 2000s", "2000-ci illər", "2000-е годы"),
    ("19XX", "the 20th century", "XX əsr", "XX век"),
    ("20XX", "the 21st century", "XXI əsr", "XXI век"),
    ("1990-21", "spring 1990", "1990-cı ilin yazı", "весна 1990"),
    ("1990-23/..", "from autumn 1990", "1990-cı ilin payızından", "с осени 1990"),
    ("../1990-24", "until winter 1990", "1990-cı ilin qışına qədər", "до зимы 1990"),
    ("[1987,1990]", "1987 or 1990", "1987 və ya 1990", "1987 или 1990"),
    ("{1831,1834~}", "1831 and about 1834", "1831 və təxminən 1834", "1831 и около 1834"),
    ("[1987..1990]", "some time in 1987–1990", "1987–1990 arasında", "в период 1987–1990"),
    ("-0043", "44 BCE", "e.ə. 44", "44 до н. э."),
    ("not a date", "not a date", "not a date", "not a date"),
]


@pytest.mark.parametrize(("edtf", "en", "az", "ru"), WORDS)
def test_it_writes_a_date_in_each_language(edtf, en, az, ru):
    for language, expected in (("en", en), ("az", az), ("ru", ru)):
        with translation.override(language):
            assert dates.describe(edtf) == expected, language


@pytest.mark.parametrize(
    ("year", "ablative", "dative", "ordinal"),
    [
        (1987, "1987-dən", "1987-yə", "1987-ci"),  # yeddi
        (1990, "1990-dan", "1990-a", "1990-cı"),  # doxsan
        (1980, "1980-dən", "1980-ə", "1980-ci"),  # səksən
        (2000, "2000-dən", "2000-ə", "2000-ci"),  # min
        (1986, "1986-dan", "1986-ya", "1986-cı"),  # altı
        (1983, "1983-dən", "1983-ə", "1983-cü"),  # üç
        (1989, "1989-dan", "1989-a", "1989-cu"),  # doqquz
        (1970, "1970-dən", "1970-ə", "1970-ci"),  # yetmiş
        (1960, "1960-dan", "1960-a", "1960-cı"),  # altmış
        (1940, "1940-dan", "1940-a", "1940-cı"),  # qırx
        (1930, "1930-dan", "1930-a", "1930-cu"),  # otuz
        (1910, "1910-dan", "1910-a", "1910-cu"),  # on
        (1900, "1900-dən", "1900-ə", "1900-cü"),  # yüz
        (1992, "1992-dən", "1992-yə", "1992-ci"),  # iki
        (1995, "1995-dən", "1995-ə", "1995-ci"),  # beş
        (1994, "1994-dən", "1994-ə", "1994-cü"),  # dörd
    ],
)
def test_azerbaijani_suffixes_follow_the_number_as_spoken(year, ablative, dative, ordinal):
    assert az_case(str(year), "ablative") == ablative
    assert az_case(str(year), "dative") == dative
    assert az_ordinal(year) == ordinal


def test_azerbaijani_suffixes_on_words_join_without_a_hyphen():
    assert az_case("1980-ci illər", "ablative") == "1980-ci illərdən"
    assert az_case("XX əsr", "dative") == "XX əsrə"
    assert az_case("1990-cı ilin yazı", "ablative", possessive=True) == "1990-cı ilin yazından"


@pytest.mark.parametrize(
    ("edtf", "en", "az", "ru"),
    [
        ("1987~", "approximate", "təxmini", "приблизительно"),
        ("1988?", "uncertain", "şübhəli", "под вопросом"),
        ("199X", "imprecise", "dəqiq deyil", "неточно"),
        ("1993/..", "open-ended", "sonu açıq", "открытый интервал"),
        ("1990-01-19", "", "", ""),
    ],
)
def test_a_dates_certainty_reads_in_each_language(edtf, en, az, ru):
    for language, expected in (("en", en), ("az", az), ("ru", ru)):
        with translation.override(language):
            assert dates.certainty(edtf) == expected, language


@pytest.mark.parametrize(
    ("args", "en", "az", "ru"),
    [
        ((None, 130, 170), "between 130 and 170", "130 ilə 170 arasında", "от 130 до 170"),
        ((None, 100, None), "at least 100", "ən azı 100", "не менее 100"),
        ((None, None, 300), "up to 300", "ən çoxu 300", "до 300"),
        (
            (300, 250, 350),
            "about 300 (between 250 and 350)",
            "təxminən 300 (250 ilə 350 arasında)",
            "около 300 (от 250 до 350)",
        ),
        ((Decimal("1234.0000"), None, None), "1,234", "1.234", f"1{NBSP}234"),
        ((Decimal("2.5"), None, None), "2.5", "2,5", "2,5"),
    ],
)
def test_claim_values_read_in_each_language(args, en, az, ru):
    for language, expected in (("en", en), ("az", az), ("ru", ru)):
        with translation.override(language):
            assert number_in_words(*args) == expected, language


def test_the_unit_follows_the_last_figure():
    with translation.override("az"):
        assert number_in_words(None, 131, 147, "nəfər") == "131 ilə 147 nəfər arasında"
    with translation.override("ru"):
        assert number_in_words(None, 131, 147, "человек") == "от 131 до 147 человек"


def test_grouped_numbers_follow_cldr_but_form_values_never_do():
    value = Decimal("1500000.2500")
    with translation.override("ru"):
        assert plain(value, grouping=True) == f"1{NBSP}500{NBSP}000,25"
        assert plain(value) == "1500000.25"  # a form field reads it back
    with translation.override("az"):
        assert plain(value, grouping=True) == "1.500.000,25"
    assert plain(value, grouping=True) == "1,500,000.25"


# --- at the level a visitor meets it ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "words", "certainty"),
    [
        ("", "19–20 January 1990", "approximate"),
        ("/az", "19–20 yanvar 1990", "təxmini"),
        ("/ru", "19–20 января 1990", "приблизительно"),
    ],
)
def test_an_event_page_shows_its_date_in_the_language_of_the_page(client, prefix, words, certainty):
    factories.event(slug="black-january", date="1990-01-19/1990-01-20")
    factories.event(slug="founding", date="1987~")
    html = client.get(f"{prefix}/events/black-january/").content.decode()
    assert words in html
    assert "<code>1990-01-19/1990-01-20</code>" in html  # the EDTF itself stays as catalogued
    html = client.get(f"{prefix}/events/founding/").content.decode()
    assert f'<span class="certainty">({certainty})</span>' in html


@pytest.mark.django_db
def test_search_results_write_the_date_in_the_language_of_the_page(client):
    factories.event(title="Black January", date="1990-01-19/1990-01-20")
    # The index keeps the EDTF, not words in the language it was indexed in.
    row = SearchDocument.objects.get(title="Black January")
    assert (row.date, row.date_display) == ("1990-01-19/1990-01-20", "")
    for prefix, words in (("", "19–20 January 1990"), ("/az", "19–20 yanvar 1990")):
        data = client.get(f"{prefix}/search/", {"q": "Black January", "format": "json"}).json()
        assert data["results"][0]["date"] == words
    html = client.get("/ru/search/", {"q": "Black January"}).content.decode()
    assert '<span class="result-date">19–20 января 1990</span>' in html


@pytest.mark.django_db
def test_a_free_text_date_is_shown_as_written(client):
    factories.event(title="Undated rally", date="", date_text="the winter after the war")
    data = client.get("/az/search/", {"q": "Undated rally", "format": "json"}).json()
    assert data["results"][0]["date"] == "the winter after the war"


@pytest.mark.django_db
def test_machine_formats_keep_edtf_whatever_the_language(client):
    factories.event(slug="black-january", date="1990-01-19/1990-01-20")
    for citation in ("cite.json", "cite.bib", "cite.ris"):
        english = client.get(f"/events/black-january/{citation}")
        assert english.status_code == 200
        for prefix in ("/az", "/ru"):
            # The same but for the permalink, the page's own in each language, and the
            # archive's name (its publisher), in the page's language too.
            content = client.get(f"{prefix}/events/black-january/{citation}").content
            content = content.replace(f"testserver{prefix}/".encode(), b"testserver/")
            name = site_name(prefix.strip("/")).encode()
            assert content.replace(name, site_name("en").encode()) == english.content, (
                prefix,
                citation,
            )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "decade"), [("", "1980s"), ("/az", "1980-ci illər"), ("/ru", "1980-е")]
)
def test_the_timeline_names_its_decades_in_the_language_of_the_page(client, prefix, decade):
    factories.event(date="1987~")
    html = client.get(f"{prefix}/events/timeline/").content.decode()
    assert f'{decade} <span class="count">1</span>' in html
