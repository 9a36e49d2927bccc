"""Markdown with [@source-slug, locator] markers: saving keeps citations in step; unknown keys
and malformed markers are admin form errors that name the marker."""

import pytest
from django.urls import reverse

from archive.citetext import find_markers, render
from archive.models import Citation, Status
from tests import factories

from .admin_forms import form_data, inline_prefix

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources():
    return factories.source(slug="report"), factories.source(slug="memoir")


def _post_description(client, record, text):
    url = reverse("admin:events_event_change", args=[record.pk])
    data = form_data(client.get(url))
    data["description"] = text
    return client.post(url, data)


def test_it_parses_pandoc_style_markers():
    markers = find_markers("A [@report, p. 4] and [see @memoir, ch. 2; @report] b.")
    assert [(c.key, c.locator, c.prefix) for m in markers for c in m.cites] == [
        ("report", "p. 4", ""),
        ("memoir", "ch. 2", "see"),
        ("report", "", ""),
    ]
    assert find_markers("Write to [me@example.org](mailto:me@example.org).") == []


def test_saving_keeps_citations_in_step_with_markers(curator_client, sources):
    event = factories.event()
    response = _post_description(curator_client, event, "A [@report, p. 4]. B [@memoir].")
    assert response.status_code == 302
    rows = {(c.source.slug, c.locator, c.from_text) for c in event.citations.all()}
    assert rows == {("report", "p. 4", True), ("memoir", "", True)}

    _post_description(curator_client, event, "Only B now [@memoir].")
    assert [(c.source.slug, c.from_text) for c in event.citations.all()] == [("memoir", True)]


def test_citations_added_by_hand_are_kept(curator_client, sources):
    event = factories.event()
    factories.citation(event, sources[0], locator="p. 9", quotation="Exact words.")
    _post_description(curator_client, event, "Text [@memoir].")
    _post_description(curator_client, event, "Text without markers.")
    assert [(c.source.slug, c.locator) for c in event.citations.all()] == [("report", "p. 9")]


def test_a_marker_whose_citation_row_was_deleted_inline_comes_back(curator_client, sources):
    event = factories.event(description="Text [@report].")
    url = reverse("admin:events_event_change", args=[event.pk])
    page = curator_client.get(url)
    data = form_data(page)
    data[f"{inline_prefix(page, 'citation')}-0-DELETE"] = "on"
    assert curator_client.post(url, data).status_code == 302
    assert event.citations.get().source.slug == "report"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Troops [@no-such-source, p. 2].", "unknown source key “no-such-source”"),
        ("Troops [@report, p. 2; @ghost].", "unknown source key “ghost”"),
        ("Troops [@Bad Key!].", "“[@Bad Key!]” is malformed"),
        ("Troops [@].", "“[@]” is malformed"),
        ("Troops [@report, p. 2 and on.", "is not closed with ]"),
    ],
)
def test_a_bad_marker_is_a_form_error_that_names_it(curator_client, sources, text, message):
    event = factories.event(description="Kept [@memoir].")
    response = _post_description(curator_client, event, text)
    assert response.status_code == 200
    assert message in response.content.decode()
    event.refresh_from_db()
    assert event.description == "Kept [@memoir]."  # nothing lost, nothing half-saved
    assert [c.source.slug for c in event.citations.all()] == ["memoir"]


def test_a_person_biography_is_checked_too(curator_client, sources):
    person = factories.person()
    url = reverse("admin:people_person_change", args=[person.pk])
    data = form_data(curator_client.get(url))
    data["biography"] = "Born [@nowhere]."
    response = curator_client.post(url, data)
    assert "unknown source key “nowhere”" in response.content.decode()


def test_it_renders_numbered_footnotes_with_quotations_and_sanitised_html(sources):
    report, memoir = sources
    event = factories.event(
        description="**Troops** [@report, p. 4] <script>alert(1)</script> then [@memoir]."
    )
    citation = event.citations.get(source=report)
    citation.quotation = "They came at night."
    citation.save()
    memoir.status = Status.DRAFT
    memoir.save()

    rendered = render(event.description, citations=event.citations.select_related("source"))

    assert "<script>" not in rendered.html
    assert "<strong>Troops</strong>" in rendered.html
    assert 'href="#fn-1"' in rendered.html and 'href="#fn-2"' in rendered.html
    first, second = rendered.footnotes
    assert first.entries[0]["source"] == report
    assert first.entries[0]["quotation"] == "They came at night."
    assert second.entries[0]["source"] is None  # a draft source is never linked publicly
    assert Citation.objects.filter(object_id=event.pk).count() == 2


def _rename(source, slug):
    source.slug = slug
    source.save()


def test_a_marker_naming_a_renamed_source_keeps_resolving_and_is_rewritten(curator_client):
    # Before: renaming a source made every record citing it unsaveable ("unknown source key").
    report = factories.source(slug="old-slug")
    event = factories.event(description="Troops [@old-slug, p. 12].")
    _rename(report, "new-slug")

    rendered = render(event.description, citations=event.citations.select_related("source"))
    assert rendered.footnotes[0].entries[0]["source"] == report

    response = _post_description(curator_client, event, "Troops [@old-slug, p. 12] came.")
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.description == "Troops [@new-slug, p. 12] came."
    assert [(c.source_id, c.locator) for c in event.citations.all()] == [(report.pk, "p. 12")]


def test_an_old_key_is_looked_up_in_one_query(django_assert_num_queries):
    from archive.models.citations import sources_by_key

    report = factories.source(slug="old-a")
    memoir = factories.source(slug="kept")
    _rename(report, "new-a")
    with django_assert_num_queries(2):  # the slugs; then the old slugs with their sources
        found = sources_by_key({"old-a", "kept", "nowhere"})
    assert found == {"old-a": report, "kept": memoir}


def test_a_renamed_cited_source_still_cannot_be_deleted(curator_client):
    report = factories.source(slug="old-slug")
    factories.event(description="Troops [@old-slug].")
    _rename(report, "new-slug")
    url = reverse("admin:archive_source_delete", args=[report.pk])
    curator_client.post(url, {"post": "yes"})
    assert type(report).objects.filter(pk=report.pk).exists()


def test_citetext_imports_no_model():
    import ast
    import inspect

    from archive import citetext

    tree = ast.parse(inspect.getsource(citetext))
    names = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert not [name for name in names if name and "models" in name], names
