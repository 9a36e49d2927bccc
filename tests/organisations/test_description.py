"""An organisation's one description, and what organisations add to a source's: the outputs
(JSON-LD, CSL-JSON, BibTeX, RIS, feed) all derive from these."""

import pytest

from archive import registry
from archive.description import Relation
from archive.models import Source, Status
from tests import factories

pytestmark = pytest.mark.django_db


def test_it_describes_an_organisation_neutrally(army):
    described = registry.description(army)
    assert (described.kind, described.type, described.title) == (
        "organisation",
        "organisation",
        "Soviet Army",
    )
    assert (described.date, described.date_words) == ("1946-02-25/1992", army.existence)
    assert described.genre == "Army" and described.alternate_names == ["Советская армия"]
    links = {(link.relation, link.title) for link in described.links}
    assert (Relation.PLACE, "Baku") in links
    assert (Relation.HAS_PART, "A unit") in links
    assert (Relation.SUBJECT_OF, "Troops in Baku") in links  # added by events
    assert (Relation.CITES, "The article") in links


def test_a_source_is_described_with_its_publisher(army):
    described = registry.description(Source.objects.get(slug="a-bulletin"))
    assert described.publisher == "Soviet Army"
    assert [link.title for link in described.links_of(Relation.PUBLISHER)] == ["Soviet Army"]


def test_an_issuing_body_is_the_corporate_author_and_a_draft_is_never_named(db):
    decree = factories.source(title="A decree", publisher="")
    ministry = factories.organisation(name="Ministry of Defence", organisation_type="ministry")
    factories.publication(ministry, decree, role="issuing-body")
    factories.publication(factories.organisation(name="Secret press", status=Status.DRAFT), decree)
    described = registry.description(decree)
    assert [(a.name, a.is_organisation) for a in described.creators] == [
        ("Ministry of Defence", True)
    ]
    assert not described.creators_unknown
    assert "Secret press" not in (described.publisher, *(link.title for link in described.links))
