import io

import pytest
from django.core.management import call_command

from tests import factories


@pytest.fixture
def army(db):
    """A published army with a unit, a name in Cyrillic, a place, an event it acted in (cited
    to a source with a quotation) and a newspaper source it published."""
    baku = factories.place(name="Baku", slug="baku")
    source = factories.source(title="The article", slug="the-article")
    army = factories.organisation(
        name="Soviet Army",
        slug="soviet-army",
        organisation_type="army",
        founded="1946-02-25",
        dissolved="1992",
        summary="The land forces of the Soviet Union.",
        description="Named in the article [@the-article, para. 8].",
        places=[baku],
    )
    army.names.create(name="Советская армия", language="ru", script="Cyrl", kind="native")
    factories.organisation(name="A unit", slug="a-unit", parent=army)
    event = factories.event(title="Troops in Baku", slug="troops-in-baku", date="1990-01-20")
    factories.involvement(
        event, army, source=source, locator="para. 8", quotation="the Soviet army"
    )
    newspaper = factories.source(title="A bulletin", slug="a-bulletin")
    factories.publication(army, newspaper)
    return army


@pytest.fixture
def run_import():
    """Run manage.py import_records; returns its output (raises CommandError on failure)."""

    def run(kind, path, *args):
        out = io.StringIO()
        call_command("import_records", kind, str(path), *args, "-v0", stdout=out)
        return out.getvalue()

    return run
