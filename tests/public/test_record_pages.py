"""Record pages cross-link everything both ways, number footnotes from the text's markers
(each linking back) and show facts with the sources' disagreements side by side."""

import re

import pytest

from archive.models import SourceKind
from events.models import EventRelation, RelationType
from tests import factories

from .conftest import image
from .data import EVENT_SLUG

pytestmark = pytest.mark.django_db


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_an_event_shows_its_date_places_people_relations_and_notes(client, demo):
    page = html(client, f"/events/{EVENT_SLUG}/")
    assert "19–20 January 1990" in page
    assert 'href="/places/baku/"' in page
    assert 'href="/people/mikhail-gorbachev/"' in page and "Official" in page
    assert "Includes" in page and 'href="/events/baku-media-blockade-january-1990/"' in page
    assert "Was responded to by" in page and "Was investigated by" in page
    # Numbered notes: each reference jumps to its note, each note back to its reference.
    refs = re.findall(r'<a href="#fn-(\d+)" id="fn-ref-(\d+)"', page)
    assert refs and all(a == b for a, b in refs)
    for number, _ in refs:
        assert f'<li id="fn-{number}" value="{number}">' in page
        assert f'href="#fn-ref-{number}"' in page
    assert "147 innocent civilians" in page  # the quotation in the note
    assert 'href="/sources/azerbaijan-remembers-january-20/"' in page


def test_a_part_links_to_the_whole_and_a_relation_reads_both_ways(client, demo):
    part = html(client, "/events/baku-media-blockade-january-1990/")
    assert "Part of" in part and f'href="/events/{EVENT_SLUG}/"' in part
    speech = html(client, "/events/heydar-aliyev-moscow-statement-1990/")
    assert "Responded to" in speech and f'href="/events/{EVENT_SLUG}/"' in speech


def test_facts_show_agreement_once_and_disagreement_side_by_side(client, disagreement):
    page = html(client, f"/events/{EVENT_SLUG}/")
    facts = page[page.index('class="facts"') : page.index("</table>")]
    killed = facts[facts.index("Killed") : facts.index("Wounded")]
    assert "Sources disagree" in killed
    assert killed.count("147 people") == 1  # two sources agree: one value, both sources
    assert "Newspaper account of the funerals" in killed and "131 people" in killed
    assert "Casualty report of a human-rights monitor" in killed
    wounded = facts[facts.index("Wounded") : facts.index("Arrested")]
    assert "Sources disagree" not in wounded


def test_a_range_shows_its_bounds(client):
    event = factories.event()
    source = factories.source()
    factories.claim(event, source, "killed", 130, value_lower=120, value_upper=170)
    assert "about 130 people (between 120 and 170)" in html(client, event.get_absolute_url())


def test_a_person_shows_events_with_roles_names_and_identifiers(client, demo):
    page = html(client, "/people/heydar-aliyev/")
    assert 'href="/events/heydar-aliyev-moscow-statement-1990/"' in page and "Speaker" in page
    assert '<span lang="az" dir="auto" class="name">Heydər Əliyev</span>' in page
    assert 'href="https://www.wikidata.org/wiki/Q57326"' in page
    assert 'id="fn-1"' in page


def test_a_source_shows_its_record_criticism_and_who_cites_it(client, demo):
    page = html(client, "/sources/azerbaijan-remembers-january-20/")
    assert 'role="note"' in page and "Opinion piece." in page
    assert "do not necessarily represent" in page  # the criticism note
    cited_by = page[page.index('id="cited-by-h"') :]
    for url in ["/events/baku-19-20-january-1990/", "/people/heydar-aliyev/",
                "/places/nagorno-karabakh/"]:  # fmt: skip
        assert f'href="{url}"' in cited_by
    assert "Killed</span>: 147 people" in cited_by and "para. 7" in cited_by
    assert "Participation</span>: Mikhail Gorbachev — official in" in cited_by
    assert "147 innocent civilians" in cited_by


def test_a_source_that_is_not_opinion_has_no_notice(client):
    source = factories.source(kind=SourceKind.objects.get(slug="book"))
    assert 'role="note"' not in html(client, source.get_absolute_url())


def test_a_place_shows_its_events_people_and_places_within(client, demo):
    baku = html(client, "/places/baku/")
    assert f'href="/events/{EVENT_SLUG}/"' in baku
    assert 'href="/places/azerbaijan/"' in baku  # the place it lies in
    country = html(client, "/places/azerbaijan/")
    assert "Places within" in country and 'href="/places/baku/"' in country
    person = factories.person(name="Born in Baku", birth_place=factories.place(name="Ganja"))
    ganja = html(client, person.birth_place.get_absolute_url())
    assert "People: birth place" in ganja and person.get_absolute_url() in ganja


def test_media_link_to_their_events_people_places_and_source(client):
    source = factories.source(title="Album")
    item = image(title="Crowd", source=source)
    event, person, place = factories.event(), factories.person(), factories.place()
    event.media.add(item)
    person.media.add(item)
    item.places.add(place)
    page = html(client, item.get_absolute_url())
    for record in (event, person, place, source):
        assert f'href="{record.get_absolute_url()}"' in page
    assert "CC0 1.0" in page and "Test credit" in page
    assert f'href="{item.get_absolute_url()}"' in html(client, event.get_absolute_url())
    assert "Crowd" in html(client, source.get_absolute_url())


def test_an_unpublished_source_in_a_note_is_not_named(client):
    draft = factories.source(title="Unfinished", status="draft")
    event = factories.event(description=f"Said [@{draft.slug}].")
    page = html(client, event.get_absolute_url())
    assert "A source not yet public" in page and "Unfinished" not in page


def test_relations_rest_on_their_sources(client):
    source = factories.source(title="Chronicle")
    a, b = factories.event(), factories.event()
    EventRelation.objects.create(
        from_event=a, to_event=b, relation_type=RelationType.objects.get(slug="caused"),
        source=source,
    )  # fmt: skip
    page = html(client, a.get_absolute_url())
    assert "Caused" in page and 'href="/sources/' in page and "Chronicle" in page
    assert "Event relation</span>:" in html(client, source.get_absolute_url())


def test_a_source_names_the_people_who_made_it_and_they_list_their_works(client):
    from people.models import Contribution, ContributionRole

    source = factories.source(title="Memoirs")
    author = factories.person(name="The Author")
    hidden = factories.person(name="Hidden Helper", status="draft")
    role = ContributionRole.objects.order_by("order").first()
    Contribution.objects.create(source=source, person=author, role=role)
    Contribution.objects.create(source=source, person=hidden, role=role)
    page = html(client, source.get_absolute_url())
    made_by = page[page.index('id="credits-h"') :]
    assert author.get_absolute_url() in made_by and role.name in made_by
    assert "Hidden Helper" not in page
    assert "The Author" not in page[page.index('id="cited-by-h"') : page.index('id="credits-h"')]
    works = html(client, author.get_absolute_url())
    assert "Works" in works and 'href="' + source.get_absolute_url() + '"' in works
