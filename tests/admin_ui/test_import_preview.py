"""The import preview through the test client: counts at the top, errors and changed rows
first, changed columns first, long cells cut short with the full text on demand, filters."""

import io

import pytest
from django.urls import reverse

from tests.imports.conftest import DATA

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:people_person_import")
LONG = "A long biography. " * 40  # 720 characters


def upload(client, content: str):
    upload = io.BytesIO(content.encode())
    upload.name = "people.csv"
    response = client.post(IMPORT, {"import_file": upload, "format": "0", "resource": "0"})
    assert response.status_code == 200
    return response, response.content.decode()


@pytest.fixture
def existing(places, run_import):
    run_import("person", DATA / "people.csv")


def test_counts_come_before_the_rows(existing, curator_client):
    text = (DATA / "people.csv").read_text("utf-8").replace("Latvian artist", "Latvian designer")
    response, html = upload(curator_client, text)
    assert "0 new, 1 changed, 2 unchanged, 0 with errors." in html
    assert html.index('id="import-totals"') < html.index('id="import-preview"')
    rows = response.context["preview"].rows
    assert [row.import_type for row in rows] == ["update", "skip", "skip"]
    # The changed column comes first, and its cell is marked.
    assert response.context["preview"].headers[0] == "summary"
    assert rows[0].cells[0].changed


def test_errors_come_first_then_changed(existing, curator_client):
    text = (DATA / "people.csv").read_text("utf-8").replace("Latvian artist", "Latvian designer")
    text += "bad,Bad,,draft,,,,Atlantis,,,,,\n"
    response, html = upload(curator_client, text)
    assert "0 new, 1 changed, 2 unchanged, 1 with errors." in html
    rows = response.context["preview"].rows
    assert [row.import_type for row in rows][:2] == ["invalid", "update"]
    assert any("Unknown place “Atlantis”" in error for error in rows[0].errors)
    # The filters are links, with how many rows each shows.
    assert 'href="#preview-errors" id="filter-errors">Errors only (1)</a>' in html
    assert 'href="#preview-changed" id="filter-changed">Changed only (1)</a>' in html
    assert '<tr class="invalid">' in html and '<tr class="update">' in html


def test_long_cells_are_cut_short_with_the_full_text_on_demand(curator_client):
    _, html = upload(curator_client, f'slug,name,summary\nlong,Long,"{LONG}"\n')
    assert "<details><summary>A long biography. A long biography." in html
    summary = html[html.index("<details><summary>") : html.index("</summary>")]
    assert len(summary) < 120 and "…" in summary
    full = html[html.index('<div class="full-cell">') :]
    assert LONG.strip()[-40:] in full  # the whole text is there, behind the summary


def test_short_cells_are_shown_whole(curator_client):
    _, html = upload(curator_client, "slug,name,summary\nshort,Short,A painter\n")
    assert "<details>" not in html
    assert "A painter" in html
