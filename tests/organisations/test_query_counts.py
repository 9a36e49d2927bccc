"""Organisations' pages run as many queries for 50 related rows as for 1.

Measured for an anonymous visitor (1 row → 50 rows):
- organisation page 11 → 11: organisation + type + parent; names; places; units;
  publications (source, kind); involvements (event, type, role, source); citations (source,
  kind); claims (attribute, source); identifiers (scheme); creators of the cited sources; the
  publishers that `people` adds to a cited source's description is not asked here.
- event page: one query more than before organisations, for its involvements (organisation,
  role, source), whatever their number.
- browse page: a count and a page of organisations with their types, and the filter choices.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    client.get(url)  # warm caches (content types), as a running site has them
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def rich_organisation(n: int):
    """An organisation with n of everything its page shows."""
    sources = [factories.source() for _ in range(n)]
    text = " ".join(f"Fact {i} [@{s.slug}, p. {i}]." for i, s in enumerate(sources))
    army = factories.organisation(
        description=text, parent=factories.organisation(), organisation_type="army"
    )
    army.places.set([factories.place() for _ in range(n)])
    for i, source in enumerate(sources):
        army.names.create(name=f"Name {i}", language="ru")
        factories.organisation(parent=army, organisation_type="military-unit")
        factories.involvement(factories.event(), army, source=source, locator=f"p. {i}")
        factories.publication(army, factories.source())
        factories.claim(army, source, "killed", i)
        factories.citation(army, source, locator=f"f. {i}", quotation="words")
    return army


def event_with_organisations(n: int):
    event = factories.event()
    for _ in range(n):
        factories.involvement(event, factories.organisation(), source=factories.source())
    return event


@pytest.mark.parametrize("build, budget", [(rich_organisation, 12), (event_with_organisations, 12)])
def test_a_page_runs_as_many_queries_for_fifty_rows_as_for_one(
    client, build, budget, django_assert_max_num_queries
):
    one, fifty = build(1), build(50)
    assert queries(client, one.get_absolute_url()) == queries(client, fifty.get_absolute_url())
    with django_assert_max_num_queries(budget):
        assert client.get(fifty.get_absolute_url()).status_code == 200


def test_the_browse_page_runs_as_many_queries_for_fifty_organisations_as_for_one(client):
    factories.organisation(organisation_type="army", places=[factories.place()])
    few = queries(client, "/organisations/?sort=founded")
    for _ in range(49):
        factories.organisation(organisation_type="army", places=[factories.place()])
    assert queries(client, "/organisations/?sort=founded") == few
    # A known place: at most the chosen place shown by name and the filter itself (an unknown
    # slug lists candidates from the search index instead).
    baku = factories.place(name="Baku", slug="baku")
    factories.organisation(organisation_type="army", places=[baku])
    assert queries(client, "/organisations/?place=baku&organisation_type=army") <= few + 2


def test_the_feed_describes_fifty_organisations_in_as_many_queries_as_one(client):
    def organisation():
        army = factories.organisation(places=[factories.place()], parent=factories.organisation())
        army.names.create(name="Армия", language="ru")
        factories.publication(army, factories.source())

    organisation()
    few = queries(client, "/feed/")
    for _ in range(49):
        organisation()
    assert queries(client, "/feed/") == few
