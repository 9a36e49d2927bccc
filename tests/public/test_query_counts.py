"""Every public page runs the same number of queries for 1 related row as for 50.

Measured for an anonymous visitor (1 row → 50 rows), with the budget one above to allow the
query citetext makes for a source named in the text but not cited by a row:
- event page 11 → 11: event + type + parent; places; participations (person, role, source,
  its kind: a footnote names it);
  parts; relations out; relations in; media; citations (source, kind); claims (attribute,
  source); identifiers (scheme); creators of the cited sources.
- person page 9 → 9: person + places + portrait; names; participations (event, type, role,
  source); media; works (contributions); citations; claims; identifiers; creators.
- source page 17 → 17: source + kind; creators; identifiers; its own citations and claims (a
  source is a record too); its media; cited by: citations, claims, participations, event
  relations, organisations involved, one per kind cited; credits (contributions, publishers);
  the publishers its description names.
- place page 10 → 10; media page 8 → 8.
- browse pages 3-7, timeline 3, home 12 (a count and the recent records per kind: 6 kinds), sitemap
  section 2, feed 29 (per kind: its newest records and the rows its description reads).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventRelation, RelationType
from tests import factories

from .conftest import cited_source, image, rich_event, rich_media, rich_person, rich_place

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    client.get(url)  # warm caches (content types), as a running site has them
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


PAGES = {
    "event": (rich_event, 12),
    "person": (rich_person, 10),
    "source": (cited_source, 18),
    "place": (rich_place, 11),
    "media": (rich_media, 9),
}


@pytest.mark.parametrize("kind", PAGES)
def test_it_runs_as_many_queries_for_fifty_rows_as_for_one(
    client, kind, django_assert_max_num_queries
):
    build, budget = PAGES[kind]
    one, fifty = build(1), build(50)
    assert queries(client, one.get_absolute_url()) == queries(client, fifty.get_absolute_url())
    with django_assert_max_num_queries(budget):
        response = client.get(fifty.get_absolute_url())
    assert response.status_code == 200


def make_records(n: int) -> None:
    for _ in range(n):
        place = factories.place()
        event = factories.event(places=[place, factories.place()], date="1990~")
        factories.participation(event, factories.person())
        factories.source()
        image()


LISTS = [
    "/events/",
    "/events/?year_from=1900&year_to=2000&sort=-date",
    "/events/timeline/",
    "/people/",
    "/people/?role=participant&lived_from=1900",
    "/sources/",
    "/places/",
    "/media/",
    "/",
    "/sitemap-event.xml",
    "/feed/",
]


# The feed's entries are the records' descriptions: per kind, one query for its newest records
# and one for each kind of row its description reads (citations, identifiers, names, places,
# participants...), prepared in bulk (`Kind.prepare_description`): constant, as checked above.
# Among those rows: the organisations involved in events, the people credited on sources.
LIST_BUDGETS = {"/feed/": 29, "/": 12}


def test_its_lists_and_feeds_do_not_grow_with_the_records(client, django_assert_max_num_queries):
    make_records(1)
    few = {url: queries(client, url) for url in LISTS}
    make_records(49)
    assert {url: queries(client, url) for url in LISTS} == few
    for url in LISTS:
        with django_assert_max_num_queries(LIST_BUDGETS.get(url, 10)):
            client.get(url)


def event_with_cited_roles(n: int):
    """An event whose n participants and n relations each rest on a source the event cites
    nowhere else: each footnote names its source's kind, selected with the row."""
    event = factories.event()
    relation = RelationType.objects.get(slug="led-to")
    for _ in range(n):
        factories.participation(event, factories.person(), source=factories.source())
        EventRelation.objects.create(
            from_event=event,
            to_event=factories.event(),
            relation_type=relation,
            source=factories.source(),
        )
        EventRelation.objects.create(
            from_event=factories.event(),
            to_event=event,
            relation_type=relation,
            source=factories.source(),
        )
    return event


def person_with_cited_roles(n: int):
    """A person who took part in n events, each on a source cited nowhere else."""
    person = factories.person()
    for _ in range(n):
        factories.participation(factories.event(), person, source=factories.source())
    return person


@pytest.mark.parametrize("build", [event_with_cited_roles, person_with_cited_roles])
def test_a_footnote_on_a_role_costs_no_query_of_its_own(client, build):
    one, fifty = build(1), build(50)
    assert queries(client, one.get_absolute_url()) == queries(client, fifty.get_absolute_url())


def credited_source(n: int):
    """A source with n people credited on it: its credits and its description (creators in
    every export) read the same rows, asked once."""
    from people.models import Contribution, ContributionRole

    source = factories.source()
    role = ContributionRole.objects.get(slug="author")
    for i in range(n):
        Contribution.objects.create(source=source, person=factories.person(), role=role, order=i)
    return source


def test_the_people_credited_on_a_source_cost_its_page_no_query_of_their_own(client):
    bare, one, fifty = factories.source(), credited_source(1), credited_source(50)
    counts = [queries(client, source.get_absolute_url()) for source in (bare, one, fifty)]
    assert counts[0] == counts[1] == counts[2], counts
