"""The index follows every change to a record or to what its entry shows."""

import io

from django.core.management import call_command

from archive.models import PlaceName, Status
from archive.search.models import SearchDocument, SearchFacet, SearchTerm
from people.models import PersonName
from tests import factories

from .conftest import facet, search, titles


def test_it_follows_name_variants_added_changed_and_removed(client, world):
    person = world["gorbachev"]
    both = ["Mikhail Gorbachev", "Soviet troops enter the city"]  # the person and their event
    variant = PersonName.objects.create(person=person, name="Qorbaçov Mixail")
    assert titles(client, "Qorbaçov") == both
    variant.name = "Zorro"
    variant.save()
    assert titles(client, "Qorbaçov") == []
    assert titles(client, "Zorro") == both
    variant.delete()
    assert titles(client, "Zorro") == []
    assert not SearchTerm.objects.filter(word="zorro").exists()


def test_it_follows_participations(client, world):
    event = factories.event(title="Press conference")
    assert titles(client, "Gorbachev") == ["Mikhail Gorbachev", "Soviet troops enter the city"]
    participation = factories.participation(event, world["gorbachev"], role="speaker")
    assert "Press conference" in titles(client, "Gorbachev")
    participation.delete()
    assert "Press conference" not in titles(client, "Gorbachev")


def test_it_follows_places_added_and_cleared_from_either_side(client, world):
    event = factories.event(title="Concert")
    event.places.add(world["shusha"])
    assert facet(search(client, "Concert"), "place") == {"Şuşa": 1}
    assert "Concert" in titles(client, "Susa")
    world["shusha"].events.clear()
    assert facet(search(client, "Concert"), "place") == {}
    event.places.set([world["baku"]])
    assert facet(search(client, "Concert"), "place") == {"Baku": 1}
    world["baku"].events.remove(event)
    assert facet(search(client, "Concert"), "place") == {}


def test_it_reindexes_records_that_show_a_renamed_or_withdrawn_place(client, world):
    baku = world["baku"]
    baku.name = "Baku City"
    baku.save()
    data = search(client, "Rally")
    assert facet(data, "place") == {"Baku City": 1}
    baku.status = Status.WITHDRAWN
    baku.save()
    data = search(client, "Rally")
    assert data["total"] == 1 and facet(data, "place") == {}
    assert "Şuşa" in titles(client, "Şuşa")  # the child stays, without its withdrawn parent
    assert "Şuşa" not in titles(client, "Baku")


def test_it_follows_place_names(client, world):
    PlaceName.objects.create(place=world["shusha"], name="Шуши", language="hy")
    assert "Şuşa" in titles(client, "Шуши")


def test_it_follows_a_person_renamed_in_the_events_they_took_part_in(client, world):
    person = world["aliyev"]
    person.name = "Heydar Alirza oglu Aliyev"
    person.save()
    assert "Rally on Freedom Square" in titles(client, "Alirza")


def test_it_rebuilds_the_index_with_a_progress_bar(client, world):
    SearchDocument.objects.all().delete()
    assert titles(client, "Aliyev") == []
    out, err = io.StringIO(), io.StringIO()
    call_command("rebuild_search_index", stdout=out, stderr=err)
    assert "Indexed 8 published records" in out.getvalue()
    assert "8/8" in err.getvalue()  # tqdm
    assert "Heydar Aliyev" in titles(client, "Aliyev")
    assert SearchDocument.objects.count() == 8
    assert SearchFacet.objects.filter(facet="person").count() == 4
    assert SearchTerm.objects.filter(word="aliev").exists()


def test_it_rebuilds_to_the_same_index_that_signals_keep(world):
    def snapshot():
        return sorted(
            SearchDocument.objects.values_list("kind", "object_id", "title_folded", "names_folded",
                                               "text_folded", "earliest", "latest", "url")
        )  # fmt: skip

    before = snapshot()
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    assert snapshot() == before


def test_a_source_is_found_by_the_people_credited_on_it(client, db):
    from people.models import Contribution, ContributionRole

    artist = factories.person(name="Sattar Bahlulzade", names=["Səttar Bəhlulzadə"])
    work = factories.source(title="Mountain landscape", date="1960")
    role = ContributionRole.objects.first()
    contribution = Contribution.objects.create(person=artist, source=work, role=role)
    assert "Mountain landscape" in titles(client, "Səttar")
    data = search(client, "landscape")
    assert facet(data, "person") == {"Sattar Bahlulzade": 1}
    artist.name = "Sattar Bahlul-zade"
    artist.save()
    assert facet(search(client, "landscape"), "person") == {"Sattar Bahlul-zade": 1}
    artist.status = Status.DRAFT
    artist.save()
    assert titles(client, "Bahlulzade") == []
    artist.status = Status.PUBLISHED
    artist.save()
    contribution.delete()
    assert "Mountain landscape" not in titles(client, "Bahlulzade")


def test_records_that_mention_a_person_know_all_their_names(client, world):
    from people.models import Contribution, ContributionRole

    artist = factories.person(name="Sattar Bahlulzade", names=["Səttar Bəhlulzadə"])
    work = factories.source(title="Mountain landscape")
    Contribution.objects.create(person=artist, source=work, role=ContributionRole.objects.first())
    assert "Mountain landscape" in titles(client, "Bəhlulzadə")
    # An event shows its participants by every name they have (ə read as e or as a).
    PersonName.objects.create(person=world["gorbachev"], name="Qorbaçov")
    assert "Soviet troops enter the city" in titles(client, "Qorbaçov")
