"""Likely duplicates across spellings and scripts; merging two people, and undoing it."""

import pytest
from django.urls import reverse

from archive.models import SlugRedirect, Status
from people.merge import fold, likely_duplicates, merge, undo_merge
from people.models import Contribution, ContributionRole, Person
from tests import factories

pytestmark = pytest.mark.django_db


def test_it_folds_spellings_and_scripts():
    assert fold("Heydər Əliyev") == fold("Heydar Aliyev") == "heidar aliev"
    assert fold("Gustav Klutsis") == fold("Gustav Klucis")
    assert fold("Алиев") == "aliev"


def test_it_lists_likely_duplicates():
    factories.person(name="Heydar Aliyev", sort_name="Aliyev, Heydar")
    factories.person(name="Гейдар Алиев")
    factories.person(name="Gustav Klucis")
    factories.person(name="Gustav Klutsis")
    factories.person(name="Someone Else")
    pairs = {frozenset((c.first.name, c.second.name)) for c in likely_duplicates()}
    assert frozenset(("Gustav Klucis", "Gustav Klutsis")) in pairs
    assert frozenset(("Heydar Aliyev", "Гейдар Алиев")) in pairs
    assert not any("Someone Else" in pair for pair in pairs)


def _people(n):
    for i in range(n):
        factories.person(name=f"Gustav Klucis{'s' * (i % 2)} {i}", names=[f"Klutsis {i}"])


@pytest.mark.parametrize("n", [2, 40])
def test_the_duplicates_page_runs_constant_queries(
    curator_client, django_assert_max_num_queries, n
):
    _people(n)
    # session, user, permissions (2), people, name variants, + admin context: 10 at most
    with django_assert_max_num_queries(10):
        response = curator_client.get(reverse("admin:people_person_duplicates"))
    assert response.status_code == 200


def test_it_merges_and_undoes(curator):
    survivor = factories.person(
        name="Gustav Klucis", slug="gustav-klucis", names=["Gustavs Klucis"]
    )
    other = factories.person(name="Gustav Klutsis", slug="gustav-klutsis", birth_date="1895")
    source = factories.source()
    event = factories.event()
    factories.participation(event, other, role="participant")
    factories.citation(other, source)
    factories.claim(other, source, attribute="role", value="designer")
    Contribution.objects.create(
        person=other, source=source, role=ContributionRole.objects.get(slug="artist")
    )
    revision = merge(survivor, other, user=curator)
    survivor.refresh_from_db()
    assert not Person.objects.filter(slug="gustav-klutsis").exists()
    assert survivor.birth_date == "1895"  # an empty field filled from the other
    assert {n.name for n in survivor.names.all()} == {"Gustavs Klucis", "Gustav Klutsis"}
    assert survivor.participations.count() == 1
    assert survivor.contributions.count() == 1
    assert survivor.citations.count() == 1 and survivor.claims.count() == 1
    assert SlugRedirect.target_for(Person, "gustav-klutsis") == survivor

    undo_merge(revision)
    other = Person.objects.get(slug="gustav-klutsis")
    survivor.refresh_from_db()
    assert survivor.birth_date == ""
    assert {n.name for n in survivor.names.all()} == {"Gustavs Klucis"}
    assert other.participations.count() == 1 and other.contributions.count() == 1
    assert other.citations.count() == 1 and other.claims.count() == 1
    assert SlugRedirect.target_for(Person, "gustav-klutsis") is None


def test_only_curators_merge(cataloguer_client, curator_client):
    a = factories.person(name="Gustav Klucis", status=Status.DRAFT)
    b = factories.person(name="Gustav Klutsis", status=Status.DRAFT)
    url = reverse("admin:people_person_merge")
    data = {"survivor": a.pk, "other": b.pk}
    assert cataloguer_client.post(url, data).status_code == 403
    assert curator_client.post(url, data).status_code == 302
    assert Person.objects.count() == 1
