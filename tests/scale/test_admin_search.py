"""Admin search at scale (archive/admin/searching.py, archive/trigram.py): every searched list
reads trigram indexes on PostgreSQL, finds what Django's own search finds, and costs the same
number of queries whatever the number of matches."""

import json
import re

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from archive import paging, translations, trigram
from archive.admin.base import decades_present
from archive.admin.choosers import is_small_vocabulary
from archive.admin.searching import IndexedSearchMixin
from people.models import Person
from tests import factories

pytestmark = pytest.mark.django_db

OUR_APPS = {"archive", "people", "events"}
postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL indexes")


def searched_admins():
    """Every list of ours with a search box. Vocabularies (a few dozen rows, `Term`) are read
    whole anyway; Django's and third-party admins (users, groups, axes) are not ours."""
    return [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in OUR_APPS
        and model_admin.search_fields
        and not is_small_vocabulary(model)
    ]


def test_the_searched_lists_are_the_record_and_link_lists():
    labels = {type(model_admin).__name__ for model_admin in searched_admins()}
    assert labels == {
        "SourceAdmin", "PlaceAdmin", "MediaItemAdmin", "CitationAdmin", "ClaimAdmin",
        "PersonAdmin", "OrganisationAdmin", "EventAdmin",
    }  # fmt: skip
    assert all(isinstance(model_admin, IndexedSearchMixin) for model_admin in searched_admins())


def changelist_queryset(model_admin, user, term):
    request = RequestFactory().get("/", {"q": term})
    request.user = user
    return model_admin.get_changelist_instance(request).queryset


def plan_nodes(plan):
    yield plan
    for child in plan.get("Plans", ()):
        yield from plan_nodes(child)


def explain(queryset):
    """The plan of the list's first page as on a large table and a selective term: reading
    every row (a sequential scan, or walking a B-tree with a filter) priced out, so a search
    field without its index shows as a LIKE in a filter."""
    with transaction.atomic(), connection.cursor() as cursor:
        for method in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{method} = off")
        return json.loads(queryset[:50].explain(format="json"))[0]["Plan"]


@postgresql
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("term", ["Məmmədov", "Li"])  # a substring; a start (too short)
def test_every_search_reads_trigram_indexes(admin_user, language, term):
    for model_admin in searched_admins():
        with translation.override(language):
            plan = explain(changelist_queryset(model_admin, admin_user, term))
        nodes = list(plan_nodes(plan))
        where = f"{type(model_admin).__name__} in {language!r}"
        filtered = [n.get(key, "") for n in nodes for key in ("Filter", "Join Filter")]
        assert not [f for f in filtered if "~~" in f], f"{where}: a LIKE is read row by row"
        used = {n["Index Name"] for n in nodes if n["Node Type"] == "Bitmap Index Scan"}
        assert expected_indexes(model_admin, language) <= used, (where, used)
        assert not [n for n in nodes if n["Node Type"] == "Seq Scan"], where


def expected_indexes(model_admin, language) -> set[str]:
    """The trigram index of each search field's column, in the language's column when the
    field is translated (`title` searches `title_ru` in Russian)."""
    names = set()
    for path in model_admin.search_fields:
        *relations, name = path.split("__")
        model = model_admin.model
        for relation in relations:
            model = model._meta.get_field(relation).related_model
        if translations.is_translated(model, name):
            name = build_localized_fieldname(name, language)
        names.add(trigram.index_name(model._meta.db_table, model._meta.get_field(name).column))
    return names


def stock_search(model_admin, user, term):
    """Django's own search, as a reference for what should be found."""
    request = RequestFactory().get("/")
    request.user = user
    queryset = model_admin.get_queryset(request)
    found, duplicates = ModelAdmin.get_search_results(model_admin, None, queryset, term)
    return set(found.values_list("pk", flat=True))


def indexed_search(model_admin, user, term):
    return set(changelist_queryset(model_admin, user, term).values_list("pk", flat=True))


PEOPLE = [
    ("Əli Məmmədov", ["ƏLİ MƏMMƏDOV"]),
    ("Иван Петров", ["Ivan Petrov"]),
    ("John Smith", ["Джон Смит"]),
    ("Leyla Əliyeva", []),
]


@pytest.fixture
def people():
    return [factories.person(name=name, names=names) for name, names in PEOPLE]


def names_found(model_admin, user, term):
    pks = indexed_search(model_admin, user, term)
    return sorted(Person.objects.filter(pk__in=pks).values_list("name", flat=True))


# The same case as stored: every database. Case folded beyond ASCII: PostgreSQL's UPPER in a
# UTF-8 database folds Ə and Cyrillic; SQLite's LIKE folds ASCII only (Django's own search too).
SAME_CASE = [
    ("Məmmədov", ["Əli Məmmədov"]),
    ("Петров", ["Иван Петров"]),
    ("smith", ["John Smith"]),  # ASCII: any case on either database
    ("Смит", ["John Smith"]),  # by a name variant
    ("Əli", ["Leyla Əliyeva", "Əli Məmmədov"]),
    ("Leyla Əli", ["Leyla Əliyeva"]),  # every term must match
    ("Əliyeva Leyla", ["Leyla Əliyeva"]),
    ('"Əliyeva Leyla"', []),  # a quoted phrase is one term, in its order
    ("nobody", []),
]
OTHER_CASE = [
    ("MƏMMƏDOV", ["Əli Məmmədov"]),
    ("ПЕТРОВ", ["Иван Петров"]),
    ("ДЖОН", ["John Smith"]),
    ("ƏLI", ["Leyla Əliyeva", "Əli Məmmədov"]),
]


@pytest.mark.parametrize(("term", "expected"), SAME_CASE)
def test_the_search_finds_what_djangos_finds(admin_user, people, term, expected):
    model_admin = admin.site._registry[Person]
    assert names_found(model_admin, admin_user, term) == expected
    assert indexed_search(model_admin, admin_user, term) == stock_search(
        model_admin, admin_user, term
    )


@postgresql
@pytest.mark.parametrize(("term", "expected"), OTHER_CASE)
def test_postgresql_folds_case_beyond_ascii(admin_user, people, term, expected):
    model_admin = admin.site._registry[Person]
    assert names_found(model_admin, admin_user, term) == expected
    assert indexed_search(model_admin, admin_user, term) == stock_search(
        model_admin, admin_user, term
    )


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Jo", ["John Smith"]),  # a name that starts with it
        ("mi", []),  # not inside a name: "Smith" does not start with it
        ("Ив", ["Иван Петров"]),
        ("Iv", ["Иван Петров"]),  # by its variant "Ivan Petrov"
    ],
)
def test_a_term_of_one_or_two_letters_matches_the_start_of_a_value(
    admin_user, people, term, expected
):
    assert names_found(admin.site._registry[Person], admin_user, term) == expected


def test_a_source_is_found_by_its_creator_once_however_many_match(curator_client):
    source = factories.source(title="Letters home")
    source.creators.create(name="Anna Karimova", order=1)
    source.creators.create(name="Boris Karimov", order=2)
    html = curator_client.get(reverse("admin:archive_source_changelist"), {"q": "Karimov"})
    assert html.content.decode().count("Letters home</a>") == 1


def test_the_citations_list_is_searched_by_its_sources_title(curator_client):
    event = factories.event()
    factories.citation(event, factories.source(title="Diary of Gulnar"), locator="p. 4")
    factories.citation(event, factories.source(title="Other"), locator="Gulnar's note")
    factories.citation(event, factories.source(title="Third"), locator="p. 9")
    html = curator_client.get(reverse("admin:archive_citation_changelist"), {"q": "gulnar"})
    assert len(re.findall(r'<th class="field-source', html.content.decode())) == 2


@pytest.mark.parametrize(
    "name", ["people_person", "events_event", "archive_source", "archive_citation"]
)
def test_a_searched_list_costs_the_same_queries_however_many_match(curator_client, name):
    url = reverse(f"admin:{name}_changelist")
    key = name.split("_")[1]

    def make(n):
        for _ in range(n):
            if key == "person":
                factories.person(name="Nigar Həsənova", names=["Нигяр Гасанова"])
            elif key == "event":
                factories.event(title="Həsənova's letter")
            elif key == "source":
                factories.source(title="Həsənova papers").creators.create(name="N. Həsənova")
            else:
                factories.citation(factories.event(), factories.source(title="Həsənova"))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert curator_client.get(url, {"q": "Həsənova"}).status_code == 200
        return len(captured)

    make(1)
    few = queries()
    make(20)
    assert queries() == few


@postgresql
def test_a_search_with_many_matches_shows_an_estimate_labelled_as_one(curator_client, monkeypatch):
    for n in range(30):
        factories.person(name=f"Samir Quliyev n{n:03d}")
    with connection.cursor() as cursor:
        cursor.execute('ANALYZE "people_person"')
    monkeypatch.setattr(paging, "EXACT_COUNT_UP_TO", 10)
    url = reverse("admin:people_person_changelist")
    html = curator_client.get(url, {"q": "Quliyev"}).content.decode()
    paginator = re.search(r'<p class="paginator">(.*?)</p>', html, re.S).group(1)
    assert "about" in paginator
    html = curator_client.get(url, {"q": "Quliyev n007"}).content.decode()
    paginator = re.search(r'<p class="paginator">(.*?)</p>', html, re.S).group(1)
    assert "about" not in paginator and "1 person" in re.sub(r"\s+", " ", paginator)


def test_the_decade_filter_lists_the_decades_present_without_reading_every_row(curator_client):
    for date in ["1905", "1909-05-01", "1999", "2001-03", ""]:
        factories.person(birth_date=date)
    html = curator_client.get(reverse("admin:people_person_changelist")).content.decode()
    assert re.findall(r"\?born=(\d+)", html) == ["1900", "1990", "2000"]
    with connection.cursor() as cursor:
        table = Person._meta.db_table
        assert decades_present(connection, table, "birth_date_earliest") == [1900, 1990, 2000]
        cursor.execute(f'DELETE FROM "{table}"')
        assert decades_present(connection, table, "birth_date_earliest") == []


def test_the_language_filter_lists_the_languages_in_use(curator_client):
    for language in ["ru", "az", "ru", "", "en"]:
        factories.source(language=language)
    html = curator_client.get(reverse("admin:archive_source_changelist")).content.decode()
    assert re.findall(r"\?language=([\w-]+)", html) == ["az", "en", "ru"]
    html = curator_client.get(reverse("admin:archive_source_changelist"), {"language": "ru"})
    assert "2 sources" in re.sub(r"\s+", " ", html.content.decode())
