"""A name variant may cite the source that gives it (`source`, `locator`): the person,
organisation and place pages show it the same way (one partial), and the source's "cited by"
lists the record with that name."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Place, Source
from people.models import Organisation, Person

pytestmark = pytest.mark.django_db

SOURCE = "azerbaijan-remembers-january-20"
RECORDS = {
    "person": (Person, "heydar-aliyev", "Heydər Əliyev"),
    "organisation": (Organisation, "soviet-army", "Sovet Ordusu"),
    "place": (Place, "baku", "Bakı"),
}


def cite_name(model, slug, name, locator="para. 1"):
    record = model.objects.get(slug=slug)
    source = Source.objects.get(slug=SOURCE)
    record.names.filter(name=name).update(source=source, locator=locator)
    record.save()  # as the admin saves a record with its names: the page cache moves on
    return record, source


def text(html: str) -> str:
    spaced = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return re.sub(r" ([,:;])", r"\1", spaced)


@pytest.mark.parametrize("kind", RECORDS)
def test_the_record_page_shows_the_source_of_a_name(client, demo, kind):
    model, slug, name = RECORDS[kind]
    record, source = cite_name(model, slug, name)
    html = client.get(record.get_absolute_url()).content.decode()
    names = re.search(r'<ul class="name-variants">.*?</ul>', html, re.S).group(0)
    assert f'<a class="name-source" href="{source.get_absolute_url()}">' in names
    assert f"{source.title}</bdi>, para. 1" in names


@pytest.mark.parametrize("kind", RECORDS)
def test_the_source_lists_a_record_whose_name_it_gives(client, demo, kind):
    model, slug, name = RECORDS[kind]
    record, source = cite_name(model, slug, name, locator="para. 12")
    html = client.get(source.get_absolute_url()).content.decode()
    cited_by = text(re.search(r'<section class="cited-by".*?</section>', html, re.S).group(0))
    assert f"Name: {name}, para. 12" in cited_by


def test_an_unpublished_records_name_is_not_listed(client, demo):
    record, source = cite_name(Place, "baku", "Bakı", locator="para. 77")
    Place.objects.filter(pk=record.pk).update(status="draft")
    assert "para. 77" not in client.get(source.get_absolute_url()).content.decode()


@pytest.mark.parametrize("kind", ["organisation", "place"])
def test_the_names_sources_cost_no_query_per_name(client, demo, kind):
    model, slug, _name = RECORDS[kind]
    record = model.objects.get(slug=slug)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(record.get_absolute_url()).status_code == 200
        return len(captured)

    cite_name(model, slug, record.names.first().name)
    one = queries()
    source = Source.objects.get(slug=SOURCE)
    record.names.update(source=source, locator="para. 2")
    record.save()
    assert record.names.count() > 1
    assert queries() == one
