"""Every public page in Azerbaijani and Russian: its interface strings are translated (a
handful known per page appear in the page's language, their English originals do not), the
page no longer marks its content as English, and the catalogues leave nothing untranslated.

The .po files are read with polib (requirements-dev.txt): a .mo holds only the translated
entries, so it cannot tell an empty or fuzzy one from a missing one."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.public.data import EVENT_SLUG, add_disagreement, add_image

pytestmark = pytest.mark.django_db

SOURCE = "/sources/azerbaijan-remembers-january-20/"
PERSON = "/people/heydar-aliyev/"


@pytest.fixture
def site(demo):
    add_disagreement()
    return add_image()


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def main_tag(html: str) -> str:
    return re.search(r'<main id="main"[^>]*>', html).group(0)


def text(html: str) -> str:
    """The page's visible text and its labels, without the switcher (it names English)."""
    html = re.sub(r'<nav class="language-switcher".*?</nav>', "", html, flags=re.S)
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", html)


# Per page type: English strings of the interface, and what each language shows instead.
# The English must be gone from the translated page (it is checked as a whole phrase, between
# tags or quotes, so a record's own English text does not count).
PAGES = {
    "home": ("/", {"Browse the collection": ("Kolleksiyaya baxış", "Обзор коллекции")}),
    "event list": (
        "/events/",
        {
            ">Filter and sort<": (">Süzgəc və sıralama<", ">Фильтры и сортировка<"),
            ">Apply<": (">Tətbiq et<", ">Применить<"),
            ">From year<": (">İldən<", ">С года<"),
            ">Any type<": (">İstənilən tip<", ">Любой тип<"),
            "Date (descending)<": ("Tarix (azalan sırada)<", "Дата (по убыванию)<"),
        },
    ),
    "person list": (
        "/people/",
        {
            ">All<": (">Hamısı<", ">Все<"),
            ">Alive from year<": (">Yaşadığı illər: ildən<", ">Годы жизни: с года<"),
        },
    ),
    "organisation list": ("/organisations/", {">Filter and sort<": (">Süzgəc", ">Фильтры")}),
    "source list": ("/sources/", {">Any kind<": (">İstənilən növ<", ">Любой вид<")}),
    "place list": ("/places/", {">Filter and sort<": (">Süzgəc", ">Фильтры")}),
    "media list": ("/media/", {">Any licence<": (">İstənilən lisenziya<", ">Любая лицензия<")}),
    "event": (
        f"/events/{EVENT_SLUG}/",
        {
            ">Cite this<": (">İstinad üçün<", ">Как ссылаться<"),
            ">Facts, as the sources give them<": (">Faktlar — ", ">Факты — "),
            "Sources disagree<": ("Mənbələr uyğun gəlmir<", "Источники расходятся<"),
            ">Permalink<": (">Daimi keçid<", ">Постоянная ссылка<"),
            ">At a glance<": (">Qısaca<", ">Кратко<"),
            ">Notes<": (">Qeydlər<", ">Примечания<"),
            ">Sources<": (">Mənbələr<", ">Источники<"),
        },
    ),
    "person": (
        PERSON,
        {
            ">At a glance<": (">Qısaca<", ">Кратко<"),
            ">Biography<": (">Tərcümeyi-hal<", ">Биография<"),
            ">Also written<": (">Başqa yazılışları<", ">Другие написания<"),
            ">Elsewhere<": (">Digər kataloqlarda<", ">В других каталогах<"),
        },
    ),
    "organisation": ("/organisations/soviet-army/", {">At a glance<": (">Qısaca<", ">Кратко<")}),
    "source": (
        SOURCE,
        {
            ">Cited by<": (">İstinad edənlər<", ">Ссылаются на источник<"),
            ">Bibliographic record<": (">Biblioqrafik təsvir<", ">Библиографическое описание<"),
            ">Source criticism<": (">Mənbənin tənqidi qeydi<", ">Источниковедческий комментарий<"),
        },
    ),
    "place": ("/places/baku/", {">Coordinates<": (">Koordinatlar<", ">Координаты<")}),
    "timeline": (
        "/events/timeline/",
        {
            ">Events per decade<": (">Onilliklər üzrə hadisələr<", ">События по десятилетиям<"),
            ">Show<": (">Göstər<", ">Показать<"),
            "1990s": ("1990-cı illər", "1990-е"),
        },
    ),
    "timeline overview of a year": (
        "/events/timeline/?year=1990",
        {"Timeline: 1990": ("Xronologiya: 1990", "Хронология: 1990")},
    ),
    "search with results": (
        "/search/?q=Baku",
        {
            ">Narrow the results<": (">Nəticələri daralt<", ">Уточнить результаты<"),
            ">Sort by<": (">Sıralama<", ">Сортировка<"),
            ">Relevance<": (">Uyğunluq<", ">По релевантности<"),
        },
    ),
    "search without results": (
        "/search/?q=zzqxnotaword",
        {">Nothing matches.<": (">Heç nə tapılmadı.<", ">Ничего не найдено.<")},
    ),
    "search without words": (
        "/search/",
        {"Type a word, a name or a phrase": ("Söz, ad və ya ifadə yazın", "Введите слово")},
    ),
}


@pytest.mark.parametrize("language", ["az", "ru"])
@pytest.mark.parametrize("name", PAGES)
def test_every_public_page_speaks_the_visitors_language(client, site, language, name):
    url, strings = PAGES[name]
    html = page(client, f"/{language}{url}")
    assert html_lang(html) == language
    assert " lang=" not in main_tag(html)  # nothing is left marked as English
    shown = text(html)
    for english, translations in strings.items():
        translated = translations[0 if language == "az" else 1]
        assert translated in shown, (name, language, translated)
        assert english not in shown, (name, language, english)


def test_english_pages_keep_their_english(client, site):
    for url, strings in PAGES.values():
        shown = text(page(client, url))
        for english in strings:
            assert english in shown, (url, english)


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_media_page_and_its_item_are_translated(client, site, language):
    html = page(client, f"/{language}{site.get_absolute_url()}")
    assert html_lang(html) == language
    assert (">Obyekt haqqında<" if language == "az" else ">Об объекте<") in html
    assert ">About the item<" not in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [("az", "Bu səhifə arxivdə yoxdur"), ("ru", "Этой страницы нет в архиве")],
)
def test_not_found_is_translated(client, db, language, expected):
    html = page(client, f"/{language}/no-such-page/", status=404)
    assert html_lang(html) == language
    assert expected in html
    assert "This page is not in the archive" not in html


@pytest.mark.parametrize("language", ["az", "ru"])
def test_a_cite_download_answers_under_the_prefix(client, site, language):
    response = client.get(f"/{language}/events/{EVENT_SLUG}/cite.ris")
    assert response.status_code == 200
    assert b"TY  -" in response.content  # a reference in its own format, no language of ours


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("az", "bu xronologiyanın tanıdığı onillik deyil"),
        ("ru", "не десятилетие, известное этой хронологии"),
    ],
)
def test_a_refused_period_is_explained_in_the_visitors_language(client, site, language, refusal):
    html = page(client, f"/{language}/events/timeline/?decade=1994", status=404)
    assert refusal in html


@pytest.mark.parametrize(
    ("language", "message"),
    [("az", "dərc olunmuş qeyd (şəxs) yoxdur"), ("ru", "нет опубликованных записей («человек»)")],
)
def test_a_filter_error_is_in_the_visitors_language(client, site, language, message):
    html = page(client, f"/{language}/events/?person=nobody-by-this-name-zzq")
    assert message in html


@pytest.mark.parametrize(
    ("count", "ru"),
    [(1, "1 запись"), (3, "3 записи"), (5, "5 записей"), (11, "11 записей"), (21, "21 запись")],
)
def test_russian_counts_take_the_three_plural_forms(count, ru):
    from django.utils import translation

    with translation.override("ru"):
        got = translation.ngettext("%(counter)s %(name)s", "%(counter)s %(name)s", count)
    assert got % {"counter": count, "name": ""} == ru


LOCALE = Path(settings.BASE_DIR) / "locale"
PLURAL_FORMS = {
    "az": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
}


def _public(entry) -> bool:
    """Entries used outside the admin; the admin's own strings are translated by its helper
    (issue 13's admin half) and checked there."""
    return any("admin" not in path for path, _line in entry.occurrences)


@pytest.mark.parametrize("language", ["az", "ru"])
def test_every_public_entry_is_translated_and_none_is_fuzzy(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert catalogue.metadata["Plural-Forms"] == PLURAL_FORMS[language]
    nplurals = int(PLURAL_FORMS[language].split("nplurals=")[1].split(";")[0])
    entries = [e for e in catalogue if not e.obsolete and _public(e)]
    assert len(entries) > 150  # the public site's strings are all in the catalogue
    assert not [e.msgid for e in entries if "fuzzy" in e.flags]
    assert not [e.msgid for e in entries if not e.translated()]
    for entry in entries:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == nplurals, entry.msgid
    # The compiled catalogue is the one committed: it is not older than its .po.
    mo = LOCALE / language / "LC_MESSAGES" / "django.mo"
    compiled = {e.msgid: e for e in polib.mofile(str(mo))}
    assert not [e.msgid for e in entries if e.msgid not in compiled]


def queries(client, url: str) -> int:
    client.get(url)  # warm caches (content types), as a running site has them
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("url", [f"/events/{EVENT_SLUG}/", SOURCE, PERSON])
def test_a_translated_record_page_runs_the_same_queries_as_english(client, site, url):
    english = queries(client, url)
    assert queries(client, f"/az{url}") == english
    assert queries(client, f"/ru{url}") == english
