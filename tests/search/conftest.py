import pytest
from django.db import connection

from archive.models import PlaceName, Status
from tests import factories

# PostgreSQL opens each search with one statement that sets the memory it may use.
SESSION_QUERIES = 1 if connection.vendor == "postgresql" else 0


def search(client, q="", **params):
    """The JSON answer of /search/ (the same engine as the HTML page)."""
    response = client.get("/search/", {"q": q, "format": "json", **params})
    assert response.status_code == 200, response.content[:500]
    return response.json()


def titles(client, q="", **params) -> list[str]:
    return [hit["title"] for hit in search(client, q, **params)["results"]]


def facet(data, name) -> dict[str, int]:
    return {value["label"]: value["count"] for value in data["facets"][name]}


@pytest.fixture
def world(db):
    """A small archive: names in three scripts, a town with diacritics, events with people."""
    baku = factories.place(name="Baku")
    PlaceName.objects.create(place=baku, name="Bakı", language="az")
    PlaceName.objects.create(place=baku, name="Баку", language="ru")
    shusha = factories.place(name="Şuşa", parent=baku)
    aliyev = factories.person(
        name="Heydar Aliyev", names=["Heydər Əliyev", "Гейдар Алиев"], birth_date="1923-05-10"
    )
    gorbachev = factories.person(name="Mikhail Gorbachev", names=["Михаил Горбачёв"])
    protest = factories.event(
        title="Rally on Freedom Square",
        date="1988-11-17/1988-12-05",
        event_type="protest",
        places=[baku],
        summary="Crowds gathered for weeks in the city centre.",
    )
    factories.participation(protest, aliyev)
    troops = factories.event(
        title="Soviet troops enter the city",
        date="1990-01-19/1990-01-20",
        event_type="military-operation",
        places=[baku],
        description="The January tragedy, on the order of the leadership.",
    )
    factories.participation(troops, gorbachev, role="named")
    source = factories.source(
        title="Azerbaijan remembers January 20",
        kind=factories.SourceKind.objects.get(slug="opinion-piece"),
        abstract="An opinion article about the January tragedy in Bakı.",
        transcript="Heydər Əliyev spoke in Moscow on 21 January 1990. " * 3,
        date="1990-01-21",
    )
    book = factories.source(title="Karabakh and Şuşa", date="2005", abstract="A history of Şuşa.")
    draft = factories.person(name="Draft Aliyev", status=Status.DRAFT)
    return {
        "baku": baku,
        "shusha": shusha,
        "aliyev": aliyev,
        "gorbachev": gorbachev,
        "protest": protest,
        "troops": troops,
        "source": source,
        "book": book,
        "draft": draft,
    }
