"""Admin lists at scale: the citations and claims lists filter by source without listing the
sources, and large lists on PostgreSQL show an estimated count, labelled as one."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive import paging
from archive.models import Citation, Source
from tests import factories

pytestmark = pytest.mark.django_db

CITATIONS = reverse("admin:archive_citation_changelist")
CLAIMS = reverse("admin:archive_claim_changelist")


def cite_sources(n: int) -> list[Source]:
    event = factories.event()
    sources = [factories.source(title=f"Cited source {i}") for i in range(n)]
    content_type = ContentType.objects.get_for_model(event)
    Citation.objects.bulk_create(
        Citation(content_type=content_type, object_id=event.pk, source=s) for s in sources
    )
    return sources


def sidebar(html: str) -> str:
    return re.search(r'<nav id="changelist-filter".*?</nav>', html, re.S).group(0)


def results(html: str) -> list[str]:
    return re.findall(r'<th class="field-source[^"]*"><a [^>]*>([^<]+)</a>', html)


def test_the_cited_by_link_of_a_source_still_filters(curator_client):
    wanted, other = cite_sources(2)
    response = curator_client.get(CITATIONS, {"source__id__exact": wanted.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert results(html) == [wanted.title]
    assert "Cited source 0" in sidebar(html) and "(remove)" in sidebar(html)


@pytest.mark.parametrize("by", ["slug", "pk"])
def test_it_filters_by_a_sources_slug_or_number(curator_client, by):
    wanted, other = cite_sources(2)
    html = curator_client.get(CITATIONS, {"source": getattr(wanted, by)}).content.decode()
    assert results(html) == [wanted.title]


def test_an_unknown_source_lists_nothing_and_says_so(curator_client):
    cite_sources(2)
    response = curator_client.get(CITATIONS, {"source": "no-such-source"})
    assert response.status_code == 200
    html = response.content.decode()
    assert results(html) == [] and "No source “no-such-source”" in sidebar(html)
    # A number that is not one is a bad lookup, as Django's own filters treat it.
    assert curator_client.get(CITATIONS, {"source__id__exact": "x"}).status_code == 302


def test_the_filter_keeps_the_other_filters_in_its_form(curator_client):
    (source,) = cite_sources(1)
    content_type = ContentType.objects.get_for_model(factories.event())
    html = curator_client.get(CITATIONS, {"content_type__id__exact": content_type.pk})
    form = re.search(
        r'<form method="get" class="source-filter">.*?</form>', html.content.decode(), re.S
    )
    assert f'name="content_type__id__exact" value="{content_type.pk}"' in form.group(0)


@pytest.mark.parametrize("url", [CITATIONS, CLAIMS])
def test_the_filter_lists_no_source(curator_client, url):
    def measure():
        with CaptureQueriesContext(connection) as captured:
            html = curator_client.get(url).content.decode()
        return len(sidebar(html)), len(captured)

    cite_sources(5)
    few = measure()
    cite_sources(300)
    assert measure() == few
    assert "Cited source 1" not in sidebar(curator_client.get(url).content.decode())


def test_an_unfiltered_list_counts_exactly_on_sqlite_and_when_small(curator_client):
    cite_sources(3)
    html = curator_client.get(CITATIONS).content.decode()
    assert "3 citations" in html and "about" not in html.split('class="paginator"')[1]


postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL estimates")


def analyse(model):
    with connection.cursor() as cursor:
        cursor.execute(f'ANALYZE "{model._meta.db_table}"')


def paginator_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.search(r'<p class="paginator">(.*?)</p>', html, re.S).group(1))


@postgresql
def test_a_large_unfiltered_list_shows_an_estimate_labelled_as_one(curator_client, monkeypatch):
    cite_sources(30)
    analyse(Citation)
    monkeypatch.setattr(paging, "EXACT_COUNT_UP_TO", 10)
    with CaptureQueriesContext(connection) as captured:
        html = curator_client.get(CITATIONS).content.decode()
    assert "about 30" in paginator_text(html) and "citations" in paginator_text(html)
    assert not any("COUNT(" in q["sql"].upper() for q in captured.captured_queries)
    assert len(results(html)) == 30  # one page holds them all


@postgresql
def test_a_large_filtered_list_estimates_and_a_small_one_counts(curator_client, monkeypatch):
    sources = cite_sources(30)
    analyse(Citation)
    monkeypatch.setattr(paging, "EXACT_COUNT_UP_TO", 10)
    content_type = ContentType.objects.get_for_model(factories.event())
    html = curator_client.get(CITATIONS, {"content_type__id__exact": content_type.pk})
    assert "about" in paginator_text(html.content.decode())
    html = curator_client.get(CITATIONS, {"source": sources[0].slug}).content.decode()
    assert paginator_text(html).strip().startswith("1 citation")


@postgresql
def test_an_estimate_below_the_threshold_is_counted_exactly(curator_client, monkeypatch):
    cite_sources(30)
    analyse(Citation)
    factories.citation(factories.event(), factories.source())  # after ANALYZE: 31 rows
    monkeypatch.setattr(paging, "EXACT_COUNT_UP_TO", 1000)
    html = curator_client.get(CITATIONS).content.decode()
    assert "31 citations" in paginator_text(html) and "about" not in paginator_text(html)
