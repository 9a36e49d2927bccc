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
