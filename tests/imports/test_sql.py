"""archive.imports.sql: inserting checked rows (COPY on PostgreSQL) and reading them by key."""

import pytest

from archive.imports.sql import insert, pks_filter
from archive.models import SourceKind
from people.models import Person

pytestmark = pytest.mark.django_db


def test_it_inserts_rows_with_their_keys_and_defaults():
    people = insert(Person, [Person(slug=f"p{n}", name=f"P {n}", sort_name="") for n in range(3)])
    assert all(p.pk and not p._state.adding for p in people)
    stored = {p.pk: p for p in Person.objects.all()}
    assert sorted(stored) == sorted(p.pk for p in people)
    assert all(p.created_at and p.updated_at for p in stored.values())  # auto_now(_add)
    more = insert(Person, [Person(slug="q", name="Q")])
    assert more[0].pk > max(stored)  # the sequence moved on


def test_it_keeps_a_key_given_to_it():
    kind = insert(SourceKind, [SourceKind(pk=4242, slug="given", name="Given")])[0]
    assert SourceKind.objects.get(pk=4242).slug == kind.slug == "given"


def test_it_reads_consecutive_keys_as_a_range_and_others_as_a_list():
    where, keys = pks_filter("object_id", range(100, 150))
    assert where == {"object_id__gte": 100, "object_id__lte": 149} and len(keys) == 50
    where, keys = pks_filter("object_id", [1, 500, 9000])
    assert sorted(where["object_id__in"]) == [1, 500, 9000]
    assert pks_filter("object_id", []) == ({"object_id__in": []}, set())
