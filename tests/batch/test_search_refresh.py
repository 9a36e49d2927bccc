"""A batch rewrites only the search entries it changes: a licence is not in a media item's
entry, its credit line is."""

import pytest

from archive.batch.operations import Action, BatchField, Operation
from archive.batch.run import Batch
from archive.models import Licence, MediaItem
from archive.search.models import SearchDocument
from tests import factories

pytestmark = pytest.mark.django_db


def run(field: str, value):
    operation = Operation(Action.SET, BatchField(MediaItem._meta.get_field(field)), value)
    return Batch(operation, MediaItem.objects.all()).apply("Batch edit: test")


def test_a_licence_batch_rewrites_no_search_entry_and_a_credit_line_batch_does():
    cc_by = Licence.objects.get(slug="cc-by")
    items = [factories.media_item(credit_line="Museum", alt_text="A street") for _ in range(3)]
    stamps = dict(SearchDocument.objects.values_list("object_id", "indexed_at"))
    assert set(stamps) == {item.pk for item in items}

    assert run("licence", cc_by).changed == 3
    assert dict(SearchDocument.objects.values_list("object_id", "indexed_at")) == stamps

    assert run("credit_line", "Gift of the family").changed == 3
    for document in SearchDocument.objects.all():
        assert "Gift of the family" in document.text
        assert document.indexed_at > stamps[document.object_id]
