"""Import in the admin: upload, preview every row, confirm; errors; valid rows only; export."""

import io

import pytest
import tablib
from django.urls import reverse

from archive.models import Status
from people.models import Person

from .conftest import DATA

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:people_person_import")
CONFIRM = reverse("admin:people_person_process_import")


def _upload(client, content: bytes, name="people.csv", fmt="0"):
    upload = io.BytesIO(content)
    upload.name = name
    return client.post(IMPORT, {"import_file": upload, "format": fmt, "resource": "0"})


def _confirm(client, response):
    form = response.context["confirm_form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    return client.post(CONFIRM, data)


def test_it_previews_then_confirms(places, curator_client):
    response = _upload(curator_client, (DATA / "people.csv").read_bytes())
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 new, 0 changed, 0 unchanged, 0 with errors" in html
    assert "c.1895" in html and "read as 1895~" in html
    assert not Person.objects.exists()  # nothing written before confirming
    response = _confirm(curator_client, response)
    assert response.status_code == 302
    assert Person.objects.count() == 3


def test_it_shows_changed_columns(places, curator_client, run_import, tmp_path):
    run_import("person", DATA / "people.csv")
    text = (DATA / "people.csv").read_text("utf-8").replace("Latvian artist", "Latvian designer")
    response = _upload(curator_client, text.encode())
    html = response.content.decode()
    assert "0 new, 1 changed, 2 unchanged" in html
    assert '<span class="changed-fields">summary</span>' in html


def test_it_shows_errors_and_offers_only_the_valid_rows(curator_client):
    content = b"slug,name,birth_place\nok,OK,\nbad,Bad,Atlantis\n"
    response = _upload(curator_client, content)
    html = response.content.decode()
    assert "Unknown place “Atlantis”" in html
    assert "<td>3</td><td>birth_place</td>" in html  # row, column, problem
    assert "Import only the valid rows" in html
    _confirm(curator_client, response)
    assert list(Person.objects.values_list("slug", flat=True)) == ["ok"]


def test_it_flags_dates_kept_as_written(curator_client):
    content = b"slug,name,birth_date_text\nx,X,early 1840s\n"
    html = _upload(curator_client, content).content.decode()
    assert "⚑ birth_date: “early 1840s” — not read as a date; kept as written" in html


def test_a_cataloguer_cannot_publish_by_import(cataloguer_client):
    content = b"slug,name,status\nx,X,published\ny,Y,\n"
    response = _upload(cataloguer_client, content)
    assert "only curators publish or withdraw" in response.content.decode()
    _confirm(cataloguer_client, response)
    assert list(Person.objects.values_list("slug", "status")) == [("y", Status.DRAFT)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("slug,name\nx,Heydər\n".encode("cp1252", errors="replace") + b"\xe6\n", "not UTF-8"),
        (b'slug,name\nx,"unclosed\n', "malformed"),
        (b"slug,name,extra\nx,X\n", "has 2 cells"),
        (b"", "empty"),
    ],
)
def test_it_refuses_unreadable_files(curator_client, content, message):
    response = _upload(curator_client, content)
    assert message in response.content.decode()
    assert "confirm_form" not in response.context or not response.context["confirm_form"]
    assert not Person.objects.exists()


def test_it_says_which_columns_are_missing(curator_client):
    response = _upload(curator_client, b"sort_name\nX\n")
    assert "Missing column(s): name" in response.content.decode()
    assert not Person.objects.exists()


def test_it_refuses_an_unknown_vocabulary_term(curator_client):
    from django.urls import reverse as r

    upload = io.BytesIO(b"slug,title,kind\nx,X,painting-of-sorts\n")
    upload.name = "sources.csv"
    response = curator_client.post(
        r("admin:archive_source_import"), {"import_file": upload, "format": "0", "resource": "1"}
    )
    assert "Unknown source kind “painting-of-sorts”" in response.content.decode()


def test_it_refuses_a_10_mb_cell(curator_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    content = b"slug,name,summary\nx,X," + b"a" * (10 * 1024 * 1024) + b"\n"
    response = _upload(curator_client, content)
    assert "the limit is 100,000" in response.content.decode()
    assert not Person.objects.exists()


def test_it_reads_xlsx(places, curator_client):
    dataset = tablib.Dataset(headers=["slug", "name", "birth_place"])
    dataset.append(["x", "X", "baku"])
    response = _upload(curator_client, dataset.export("xlsx"), name="people.xlsx", fmt="1")
    assert "1 new" in response.content.decode()


def test_export_and_reimport_round_trip_every_field(places, run_import, curator_client):
    run_import("person", DATA / "people.csv")
    response = curator_client.post(
        reverse("admin:people_person_export"),
        {"format": "0", "resource": "0", **{f"personresource_{f}": "on" for f in [
            "slug", "name", "sort_name", "status", "summary", "birth_date", "birth_date_text",
            "birth_place", "death_date", "death_date_text", "death_place", "biography",
            "portrait", "media", "name_variants", "identifiers"]}},
    )  # fmt: skip
    assert response.status_code == 200
    exported = response.content
    assert "Heydər Əliyev|az|Latn|native; Гейдар Алиев|ru|Cyrl|transliteration" in (
        exported.decode("utf-8-sig")
    )
    html = _upload(curator_client, exported).content.decode()
    assert "0 new, 0 changed, 3 unchanged, 0 with errors" in html


def test_a_confirmed_import_puts_published_rows_in_search(curator_client):
    from archive.search.models import SearchDocument

    content = b"slug,name,status\npub,Published Person,published\ndraft,Draft Person,draft\n"
    response = _upload(curator_client, content)
    assert not SearchDocument.objects.exists()  # the preview was rolled back
    _confirm(curator_client, response)
    assert list(SearchDocument.objects.values_list("title", flat=True)) == ["Published Person"]
