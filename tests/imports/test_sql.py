"""archive.imports.sql: inserting checked rows (COPY on PostgreSQL) and reading them by key."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from archive.imports.sql import Rows, deferred_indexes, insert, pks_filter, reserve_pks
from archive.models import Place, SourceKind
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


def _columns(model, pk) -> dict:
    """A stored row as its database values, key and timestamps left out."""
    row = model.objects.filter(pk=pk).values().get()
    return {k: v for k, v in row.items() if k not in ("id", "created_at", "updated_at")}


def test_rows_hold_what_a_model_instance_would_have_written():
    """Defaults, translated columns (the default language's copy), dates: as Django writes."""
    place = Place(slug="rows-place", status="published", name="Şuşa", kind="village",
                  description="Old.")  # fmt: skip
    (expected,) = insert(Place, [place])
    rows = Rows(Place, ("slug", "status", "name", "kind", "description"))
    rows.write([rows.row("rows-place-2", "published", "Şuşa", "village", "Old.")])
    written = Place.objects.get(slug="rows-place-2")
    assert written.name_en == "Şuşa" and written.name_az is None  # as modeltranslation fills
    assert written.created_at and written.updated_at
    assert _columns(Place, written.pk) == {**_columns(Place, expected.pk), "slug": "rows-place-2"}
    written.full_clean()

    people = Rows(Person, ("id", "slug", "name", "birth_date", "birth_date_earliest"))
    (pk,) = reserve_pks(Person, 1)
    people.write([people.row(pk, "born", "Born", "1920", datetime.date(1920, 1, 1))])
    assert Person.objects.get(pk=pk).birth_date_earliest == datetime.date(1920, 1, 1)


def test_reserved_keys_are_new_and_not_handed_out_again():
    first = reserve_pks(Person, 3)
    second = reserve_pks(Person, 2)
    assert len(set(first + second)) == 5
    (created,) = insert(Person, [Person(slug="after", name="After")])
    assert created.pk > max(first + second)


def test_rows_refuse_a_row_of_the_wrong_width():
    rows = Rows(Place, ("slug", "name"))
    with pytest.raises(TypeError):
        rows.row("only-a-slug")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's catalogue")
def test_deferred_indexes_come_back_as_they_were_and_check_every_row():
    def definitions():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'people_person' "
                "UNION ALL SELECT conname, pg_get_constraintdef(oid) || condeferrable "
                "FROM pg_constraint WHERE conrelid = 'people_person'::regclass"
            )
            # The primary key is an index and a constraint of one name: order by both columns.
            return sorted(cursor.fetchall())

    before = definitions()
    rows = Rows(Person, ("slug", "name"))
    with transaction.atomic(), deferred_indexes([Person]):
        assert len(definitions()) < len(before)
        rows.write([rows.row("deferred", "Deferred")])
    assert definitions() == before
    with pytest.raises(IntegrityError), transaction.atomic(), deferred_indexes([Person]):
        rows.write([rows.row("twice", "Twice"), rows.row("twice", "Twice")])
    assert definitions() == before  # rolled back, definitions included
    assert not Person.objects.filter(slug="twice").exists()
