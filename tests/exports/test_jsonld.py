"""JSON-LD from the one description: the page is an ItemPage, the record its `mainEntity`, as
its schema.org type, with the page's properties (citation, dateModified, isPartOf) on the page."""

import pytest

from archive.exports import jsonld

from . import jsonld_samples as samples


def test_it_makes_the_page_a_web_page_about_the_record():
    data = jsonld.document(samples.event())
    assert data["@context"] == "https://schema.org" and data["@type"] == "ItemPage"
    assert data["url"] == data["@id"] == "http://testserver/event/black-january/"
    assert data["isPartOf"] == {
        "@type": "WebSite", "name": "The Archive", "url": "http://testserver/",
    }  # fmt: skip
    assert data["dateModified"] == "2024-05-01T12:00:00+00:00"
    assert data["citation"] == [
        {
            "@type": "Article", "@id": "http://testserver/source/remembers/#record",
            "name": "Azerbaijan remembers", "url": "http://testserver/source/remembers/",
        }
    ]  # fmt: skip
    assert data["relatedLink"] == ["http://testserver/event/later/"]


def test_it_keeps_page_properties_off_events_people_and_places():
    for make in (samples.event, samples.person, samples.place, samples.organisation):
        entity = jsonld.document(make())["mainEntity"]
        assert not {"citation", "dateModified", "isPartOf", "datePublished"} & set(entity)


def test_it_describes_an_event():
    event = jsonld.document(samples.event())["mainEntity"]
    assert event["@type"] == "Event" and event["@id"].endswith("/event/black-january/#record")
    assert event["startDate"] == "1990-01-19" and event["endDate"] == "1990-01-20"
    assert event["location"][0]["@type"] == "Place" and event["location"][0]["name"] == "Baku"
    assert event["superEvent"]["name"] == "Dissolution of the USSR"
    assert event["subEvent"][0]["@type"] == "Event"
    assert [p["name"] for p in event["organizer"]] == ["An organiser"]
    assert [p["@type"] for p in event["about"]] == ["Person", "Organization"]
    assert event["description"] == "Soviet troops entered Baku."


def test_it_describes_a_person_with_only_exact_dates():
    person = jsonld.document(samples.person())["mainEntity"]
    assert person["@type"] == "Person" and person["birthDate"] == "1923-05-10"
    assert "deathDate" not in person  # “December 2003?” is not made a date
    assert (
        person["birthPlace"]["name"] == "Nakhchivan" and "Heydər Əliyev" in person["alternateName"]
    )
    assert person["subjectOf"][0]["@type"] == "Event"
    assert person["sameAs"] == ["https://www.wikidata.org/wiki/Q57326"]


def test_it_describes_a_place_and_an_organisation():
    place = jsonld.document(samples.place())["mainEntity"]
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 40.4093, "longitude": 49.8671}
    assert place["containedInPlace"]["name"] == "Azerbaijan"
    body = jsonld.document(samples.organisation())["mainEntity"]
    assert body["@type"] == "Organization"
    assert (body["foundingDate"], body["dissolutionDate"]) == ("1946", "1992")
    assert body["subOrganization"][0]["@type"] == "Organization"


def test_an_unknown_author_is_no_author():
    piece = jsonld.document(samples.opinion_piece())["mainEntity"]
    assert piece["@type"] == "OpinionNewsArticle"
    assert not {"author", "creator", "contributor"} & set(piece)
    assert (
        piece["datePublished"] == "2020-01-20" and piece["url"] == "https://example.org/remembers"
    )
    assert piece["mainEntityOfPage"] == "http://testserver/source/remembers/"


def test_it_credits_each_creator_in_their_role():
    book = jsonld.document(samples.book())["mainEntity"]
    assert book["@type"] == "Book" and book["isbn"] == "978-5-8066-0000-0"
    assert book["author"] == [
        {"@type": "Person", "name": "Mammadov, Ali", "familyName": "Mammadov", "givenName": "Ali"}
    ]
    assert book["contributor"] == [
        {"@type": "Organization", "name": "Editor Board"},  # schema.org editors are people
        {"@type": "Person", "name": "Interviewer"},
    ]
    assert book["translator"] == [{"@type": "Person", "name": "A. Translator"}]
    assert book["publisher"] == {"@type": "Organization", "name": "Elm"}
    assert book["datePublished"] == "1991-03" and "headline" not in book
    assert "https://doi.org/10.1000/xyz_1" in book["sameAs"]


def test_it_describes_an_article_in_its_periodical():
    article = jsonld.document(samples.article())["mainEntity"]
    assert article["@type"] == "NewsArticle" and article["headline"] == "Troops in Baku"
    assert article["isPartOf"] == {"@type": "Periodical", "name": "Bakinsky Rabochy"}
    assert article["pagination"] == "1-2"


def test_it_describes_a_media_item():
    image = jsonld.document(samples.media())["mainEntity"]
    assert image["@type"] == "ImageObject" and image["caption"] == "Mourners"
    assert image["width"] == {"@type": "QuantitativeValue", "value": 800, "unitCode": "E37"}
    assert image["creator"] == [{"@type": "Person", "name": "A. Photographer"}]
    assert (
        image["isBasedOn"]["@type"] == "Article" and image["contentLocation"][0]["name"] == "Baku"
    )
    assert image["license"] == "http://creativecommons.org/licenses/by/4.0/"


@pytest.mark.parametrize("edtf, expected", [
    ("1990", "1990"), ("1990-01", "1990-01"), ("1990-01-19", "1990-01-19"), ("1987~", ""),
    ("1988?", ""), ("199X", ""), ("1990-01-19/1990-01-20", ""), ("", ""),
])  # fmt: skip
def test_it_gives_a_date_only_where_it_is_exact(edtf, expected):
    assert jsonld.exact_date(edtf) == expected


def test_its_script_cannot_be_closed_early():
    assert "</script>" not in jsonld.script({"name": "</script><script>alert(1)</script>"})
