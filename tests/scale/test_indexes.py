"""Every record kind has an index for its newest published records (home, feed) and one for
its latest change (the sitemap index), made by the migrations."""

import pytest
from django.db import connection

from archive import registry

pytestmark = pytest.mark.django_db


def indexed_columns(table: str) -> list[list[str]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return [c["columns"] for c in constraints.values() if c["index"]]


@pytest.mark.parametrize("key", ["source", "place", "media", "person", "organisation", "event"])
def test_each_kind_has_its_published_and_updated_indexes(key):
    table = registry.kind(key).model._meta.db_table
    columns = indexed_columns(table)
    assert ["status", "published_at"] in columns, columns
    assert ["status", "updated_at"] in columns, columns


def test_every_registered_kind_is_checked():
    kinds = {kind.key for kind in registry.kinds()}
    assert kinds == {"source", "place", "media", "person", "organisation", "event"}
