"""`Source.creators_unknown` is a column of the sources' import and export (both the archive's
resource and people's, with contributors): a round trip keeps it, re-importing an export
changes nothing, and a cell that is neither yes nor no is refused."""

import pytest
import tablib
from reversion.models import Version

from archive.imports.run import import_dataset
from archive.models import Source
from archive.resources import SourceResource
from people.resources import SourceWithContributorsResource
from tests import factories

pytestmark = pytest.mark.django_db

RESOURCES = [SourceResource, SourceWithContributorsResource]


def csv(text: str) -> tablib.Dataset:
    return tablib.Dataset().load(text, format="csv")


@pytest.fixture
def sources():
    unsigned = factories.source(
        slug="unsigned", creators_text="the article names no writer", creators_unknown=True
    )
    signed = factories.source(slug="signed", creators_text="Mammadov, Ali")
    return unsigned, signed


@pytest.mark.parametrize("resource", RESOURCES)
def test_its_export_says_yes_or_no(resource, sources):
    exported = resource().export(queryset=Source.objects.order_by("slug"))
    assert "creators_unknown" in exported.headers
    assert exported["creators_unknown"] == ["no", "yes"]  # signed, unsigned


@pytest.mark.parametrize("resource", RESOURCES)
def test_re_importing_an_export_changes_nothing(resource, sources):
    exported = resource().export(queryset=Source.objects.all())
    versions = Version.objects.count()
    summary = import_dataset(resource, exported)
    assert (summary.failed, summary.created, summary.updated) == (0, 0, 0), summary.errors
    assert summary.unchanged == 2
    assert Version.objects.count() == versions


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_round_trip_keeps_it_and_an_edit_changes_it(resource, sources):
    exported = resource().export(queryset=Source.objects.order_by("slug"))
    Source.objects.all().delete()
    summary = import_dataset(resource, exported)
    assert summary.created == 2, summary.errors
    assert dict(Source.objects.values_list("slug", "creators_unknown")) == {
        "signed": False,
        "unsigned": True,
    }
    column = exported.headers.index("creators_unknown")
    exported = tablib.Dataset(
        *[row[:column] + ("no",) + row[column + 1 :] for row in exported], headers=exported.headers
    )
    summary = import_dataset(resource, exported)
    assert (summary.updated, summary.unchanged) == (1, 1), summary.errors
    assert not Source.objects.filter(creators_unknown=True).exists()


def test_it_reads_yes_true_and_1_and_a_blank_as_no():
    rows = "slug,title,kind,creators_unknown\na,A,article,Yes\nb,B,article,TRUE\nc,C,article,1\n"
    summary = import_dataset(SourceResource, csv(rows + "d,D,article,\n"))
    assert summary.created == 4, summary.errors
    assert dict(Source.objects.values_list("slug", "creators_unknown")) == {
        "a": True,
        "b": True,
        "c": True,
        "d": False,
    }


def test_it_refuses_a_cell_that_is_neither_yes_nor_no():
    summary = import_dataset(
        SourceResource, csv("slug,title,kind,creators_unknown\na,A,article,maybe\n")
    )
    assert summary.failed == 1 and not Source.objects.exists()
    assert "creators_unknown" in summary.errors[0] and "neither yes nor no" in summary.errors[0]


def test_a_file_without_the_column_leaves_it_as_it_was(sources):
    summary = import_dataset(SourceResource, csv("slug,title,kind\nunsigned,Renamed,article\n"))
    assert summary.updated == 1, summary.errors
    assert Source.objects.get(slug="unsigned").creators_unknown is True
