import io

import pytest
from django.core.management import call_command

from archive.models import Citation, Claim, Source, Status
from events.models import Event, Involvement
from people.models import Organisation, Person, Publication

pytestmark = pytest.mark.django_db


def test_it_loads_the_demo_collection_published(demo):
    source = Source.objects.get(slug="azerbaijan-remembers-january-20")
    assert source.kind.slug == "opinion-piece"
    assert "do not necessarily represent" in source.criticism_note
    assert Event.objects.published().count() == Event.objects.count() == 5
    assert Person.objects.filter(slug="heydar-aliyev", names__name="Heydər Əliyev").exists()
    assert not Event.objects.exclude(status=Status.PUBLISHED).exists()


def test_it_is_idempotent(demo):
    counts = (Event.objects.count(), Citation.objects.count(), Claim.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Event.objects.count(), Citation.objects.count(), Claim.objects.count()) == counts


def test_its_figures_are_claims_cited_to_the_article_with_quotations(demo):
    night = Event.objects.get(slug="baku-19-20-january-1990")
    figures = {c.attribute.slug: c for c in night.claims.select_related("attribute", "source")}
    assert figures["killed"].value_number == 147
    assert figures["wounded"].value_number == 744
    assert figures["arrested"].value_number == 841
    assert all(c.source.slug == "azerbaijan-remembers-january-20" for c in figures.values())
    assert "147 innocent civilians" in figures["killed"].quotation
    assert night.date_earliest.isoformat() == "1990-01-19"
    assert night.date_latest.isoformat() == "1990-01-20"


def test_descriptions_attribute_and_cite_the_source(demo):
    for event in Event.objects.all():
        assert "[@azerbaijan-remembers-january-20" in event.description
        assert event.citations.filter(from_text=True).exists()


def test_it_names_only_the_organisations_the_article_names(demo):
    assert set(Organisation.objects.published().values_list("slug", flat=True)) == {
        "soviet-army",
        "government-of-the-soviet-union",
        "representation-of-azerbaijan-in-moscow",
    }
    # The magazine stays unnamed: no organisation stands for it, the article has no publisher.
    assert not Organisation.objects.filter(organisation_type__slug="magazine").exists()
    assert not Publication.objects.exists()
    army = Involvement.objects.get(organisation__slug="soviet-army")
    assert (army.event.slug, army.role.slug, army.locator) == (
        "baku-19-20-january-1990",
        "acting-unit",
        "para. 7",
    )
    assert army.source.slug == "azerbaijan-remembers-january-20"
    assert "Soviet military troops attacked Baku" in army.quotation
    for organisation in Organisation.objects.all():
        assert "[@azerbaijan-remembers-january-20" in organisation.description
        assert organisation.citations.filter(from_text=True).exists()
    counts = (Organisation.objects.count(), Involvement.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Organisation.objects.count(), Involvement.objects.count()) == counts
