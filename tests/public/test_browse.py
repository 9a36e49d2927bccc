"""Browse pages: django-filter filters kept in the URL, uncertain dates overlapping a range,
sorting and pagination, and bad input that is refused politely."""

import pytest

from archive.models import Licence, MediaItem, SourceKind
from tests import factories

from .conftest import image

pytestmark = pytest.mark.django_db


def titles(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    results = response.content.decode()
    return results[results.index('id="results-h"') :]


def test_events_filter_by_type_place_and_person_in_a_role(client):
    baku, moscow = factories.place(name="Baku"), factories.place(name="Moscow")
    speaker, other = factories.person(slug="speaker"), factories.person(slug="other")
    speech = factories.event(title="A speech", event_type="speech", places=[moscow])
    march = factories.event(title="A march", event_type="protest", places=[baku])
    factories.participation(speech, speaker, role="speaker")
    factories.participation(march, speaker, role="participant")
    factories.participation(march, other, role="speaker")
    page = titles(client, "/events/?event_type=speech")
    assert "A speech" in page and "A march" not in page
    page = titles(client, f"/events/?place={baku.slug}")
    assert "A march" in page and "A speech" not in page
    # Person and role meet in one participation: the speaker spoke only at the speech.
    page = titles(client, "/events/?person=speaker&role=speaker")
    assert "A speech" in page and "A march" not in page
    assert titles(client, "/events/?role=speaker").count("result-title") == 2


@pytest.mark.parametrize(
    "date, start, end, matches",
    [
        ("1990-01-19/1990-01-20", 1990, 1990, True),
        ("1990-01-19/1990-01-20", 1991, None, False),
        ("1987~", 1987, 1987, True),  # about 1987
        ("199X", 1995, 1996, True),  # the 1990s
        ("1988/..", 2000, None, True),  # an open end reaches any later year
        ("../1990-06", 1991, None, False),  # an open start ends in 1990
        ("../1990-06", None, 1800, True),  # ... and reaches back as far as asked
        ("", 1000, 3000, False),  # undated: never in a range
    ],
)
def test_a_year_range_catches_every_date_that_could_fall_in_it(client, date, start, end, matches):
    factories.event(title="The event", date=date)
    query = "&".join(
        f"{key}={value}" for key, value in (("year_from", start), ("year_to", end)) if value
    )
    assert ("The event" in titles(client, f"/events/?{query}")) is matches


def test_bad_filter_input_is_refused_with_a_message(client):
    factories.event(title="Some event", date="1990")
    for query in ["event_type=nope", "year_from=abc", "year_from=1995&year_to=1990", "place=x"]:
        response = client.get(f"/events/?{query}")
        assert response.status_code == 200, query
        page = response.content.decode()
        assert 'aria-invalid="true"' in page, query
        assert "Some event" not in page[page.index('id="results-h"') :], query


def test_sorting_and_pagination_keep_the_filters_in_the_url(client):
    for year in range(1950, 1980):
        factories.event(title=f"Event of {year}", date=str(year), event_type="protest")
    page = client.get("/events/?event_type=protest&sort=-date").content.decode()
    assert page.index("Event of 1979") < page.index("Event of 1970")
    assert 'href="?event_type=protest&amp;sort=-date&amp;page=2"' in page
    second = titles(client, "/events/?event_type=protest&sort=-date&page=2")
    assert "Event of 1950" in second and "Event of 1979" not in second
    assert client.get("/events/?page=99").status_code == 404


def test_people_filter_by_letter_role_and_lifetime(client):
    aliyev = factories.person(name="Heydar Aliyev", sort_name="Aliyev, Heydar",
                              birth_date="1923-05-10", death_date="2003-12-12")  # fmt: skip
    factories.person(name="Mikhail Gorbachev", sort_name="Gorbachev, Mikhail",
                     birth_date="1931", death_date="2022")  # fmt: skip
    factories.person(name="Nobody Dated", sort_name="Dated, Nobody")
    factories.participation(factories.event(), aliyev, role="speaker")
    page = client.get("/people/").content.decode()
    assert 'href="?letter=A"' in page and 'href="?letter=G"' in page
    assert "Mikhail Gorbachev" not in titles(client, "/people/?letter=a")
    assert "Heydar Aliyev" in titles(client, "/people/?letter=A")
    assert "Mikhail Gorbachev" not in titles(client, "/people/?role=speaker")
    lived = titles(client, "/people/?lived_from=2010")
    assert "Mikhail Gorbachev" in lived and "Heydar Aliyev" not in lived
    assert "Nobody Dated" not in lived
    assert (
        'aria-invalid="true"'
        in client.get("/people/?lived_from=2000&lived_to=1990").content.decode()
    )


def test_sources_filter_by_kind_language_and_date(client):
    factories.source(title="A book", kind=SourceKind.objects.get(slug="book"), language="ru",
                     date="1992")  # fmt: skip
    factories.source(title="An article", language="en", date="1990-01-21")
    assert "An article" not in titles(client, "/sources/?kind=book")
    assert "A book" not in titles(client, "/sources/?language=en")
    page = titles(client, "/sources/?year_from=1991")
    assert "A book" in page and "An article" not in page


def test_media_filter_by_type_and_licence(client):
    image(title="Photo", licence=Licence.objects.get(slug="cc-by"))
    image(title="Recording", media_type=MediaItem.MediaType.AUDIO, mime_type="audio/mpeg")
    page = titles(client, "/media/?media_type=audio")
    assert "Recording" in page and "Photo" not in page
    page = titles(client, "/media/?licence=cc-by")
    assert "Photo" in page and "Recording" not in page


def test_place_filter_choices_come_from_published_records_only(client):
    factories.place(name="Hidden", slug="hidden", status="draft", kind="secret-kind")
    factories.place(name="Open", kind="city")
    page = client.get("/events/").content.decode()
    assert 'value="hidden"' not in page
    assert "secret-kind" not in client.get("/places/").content.decode()
