"""A full rebuild writes the same index as the signals built record by record."""

import io
import json

from django.core.management import call_command

from archive.search.models import SearchDocument, SearchFacet, SearchTerm

DOCUMENT_COLUMNS = (
    "content_type_id", "object_id", "kind", "title", "names", "text", "date", "date_display",
    "earliest", "latest", "decade", "source_kind", "url", "title_folded", "names_folded",
    "text_folded",
)  # fmt: skip
# `shown` is JSON (a dict: unhashable), compared as text.


def _index() -> tuple[set, set, set]:
    documents = {
        (*row, json.dumps(shown, sort_keys=True))
        for *row, shown in SearchDocument.objects.values_list(*DOCUMENT_COLUMNS, "shown")
    }
    facets = set(
        SearchFacet.objects.values_list(
            "document__content_type_id", "document__object_id", "facet", "value_id"
        )
    )
    terms = set(SearchTerm.objects.values_list("word", flat=True))
    return documents, facets, terms


def test_the_rebuilt_index_of_the_demo_equals_the_incremental_one(demo):
    incremental = _index()
    assert len(incremental[0]) > 10 and incremental[1] and incremental[2]
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    rebuilt = _index()
    assert rebuilt[0] == incremental[0]
    assert rebuilt[1] == incremental[1]
    assert rebuilt[2] == incremental[2]
