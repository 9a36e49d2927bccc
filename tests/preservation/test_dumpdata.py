"""`dumpdata` then `loaddata` restores the archive: loaddata's raw saves index nothing, so the
index rows it loads are the only ones (it used to fail on search_document_one_per_record)."""

import io

import pytest
from django.core.management import call_command

from archive.search.models import SearchDocument

from .compare import snapshot
from .conftest import flush


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_it_round_trips_through_dumpdata_and_loaddata(demo, tmp_path, fmt):
    milliseconds = fmt == "json"  # Django's JSON keeps a time's milliseconds only
    before = snapshot(milliseconds=milliseconds)
    documents = list(SearchDocument.objects.order_by("pk").values_list("pk", "title"))
    assert documents
    dump = tmp_path / f"archive.{fmt}"
    call_command(
        "dumpdata", "--natural-foreign", "--exclude=contenttypes",  # as README.md says
        "--exclude=auth.permission", "--exclude=sessions", "--exclude=axes",
        f"--format={fmt}", f"--output={dump}", stdout=io.StringIO(),
    )  # fmt: skip
    flush()
    assert not SearchDocument.objects.exists()

    call_command("loaddata", str(dump), stdout=io.StringIO())

    assert snapshot(milliseconds=milliseconds) == before
    assert list(SearchDocument.objects.order_by("pk").values_list("pk", "title")) == documents
