"""Descriptions built by hand, one per kind, as each kind's `describe()` writes them: the
JSON-LD tests need no database for them."""

import datetime

from archive.description import Agent, Description, Identifier, Link, Relation

SITE = "http://testserver"
MODIFIED = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.UTC)


def _link(relation, kind, slug, title, **kwargs) -> Link:
    return Link(relation, kind, title, f"{SITE}/{kind}/{slug}/", **kwargs)


def _cites() -> Link:
    return _link(Relation.CITES, "source", "remembers", "Azerbaijan remembers",
                 type="article-magazine")  # fmt: skip


def _common(kind: str, label: str, slug: str, title: str, **kwargs) -> Description:
    return Description(
        kind=kind, kind_label=label, type=kwargs.pop("type", kind), title=title,
        url=f"{SITE}/{kind}/{slug}/", site_name="The Archive", modified_at=MODIFIED,
        published_at=MODIFIED, **kwargs,
    )  # fmt: skip


def event() -> Description:
    return _common(
        "event", "Event", "black-january", "Black January", date="1990-01-19/1990-01-20",
        date_words="19–20 January 1990", summary="Soviet troops entered Baku.",
        links=[
            _link(Relation.PLACE, "place", "baku", "Baku"),
            _link(Relation.PART_OF, "event", "dissolution", "Dissolution of the USSR"),
            _link(Relation.HAS_PART, "event", "night", "The night of 19 January"),
            _link(Relation.PARTICIPANT, "person", "org", "An organiser", role="organiser"),
            _link(Relation.PARTICIPANT, "person", "victim", "A victim", role="victim"),
            _link(Relation.PARTICIPANT, "organisation", "army", "Soviet Army", role="acting-unit"),
            _link(Relation.RELATED, "event", "later", "Later event", role="led to"),
            _cites(),
        ],
    )  # fmt: skip


def person() -> Description:
    return _common(
        "person", "Person", "heydar-aliyev", "Heydar Aliyev", birth_date="1923-05-10",
        death_date="2003-12~", alternate_names=["Heydər Əliyev", "Гейдар Алиев"],
        identifiers=[Identifier("wikidata", "Q57326", "https://www.wikidata.org/wiki/Q57326")],
        links=[
            _link(Relation.BIRTH_PLACE, "place", "nakhchivan", "Nakhchivan"),
            _link(Relation.SUBJECT_OF, "event", "black-january", "Black January"),
            _cites(),
        ],
    )  # fmt: skip


def place() -> Description:
    return _common(
        "place", "Place", "baku", "Baku", latitude=40.4093, longitude=49.8671,
        alternate_names=["Bakı"],
        links=[_link(Relation.CONTAINED_IN, "place", "azerbaijan", "Azerbaijan"), _cites()],
    )  # fmt: skip


def organisation() -> Description:
    return _common(
        "organisation", "Organisation", "soviet-army", "Soviet Army", date="1946/1992",
        links=[
            _link(Relation.PLACE, "place", "moscow", "Moscow"),
            _link(Relation.HAS_PART, "organisation", "unit", "A unit"),
        ],
    )  # fmt: skip


def opinion_piece() -> Description:
    return _common(
        "source", "Source", "remembers", "Azerbaijan remembers January 20",
        type="article-magazine", is_work=True, is_opinion=True, genre="Opinion piece",
        creators_unknown=True, creators_note="the article names no writer", date="2020-01-20",
        language="en", web_url="https://example.org/remembers",
        links=[_link(Relation.PLACE, "place", "baku", "Baku")],
    )  # fmt: skip


def book() -> Description:
    return _common(
        "source", "Source", "chronicle", "Black January: a chronicle", type="book",
        is_work=True, date="1991-03", publisher="Elm", publication_place="Baku", language="az",
        creators=[
            Agent("Mammadov, Ali", family="Mammadov", given="Ali"),
            Agent("Editor Board", role="editor", is_organisation=True),
            Agent("A. Translator", role="translator"),
            Agent("Interviewer", role="interviewer"),
        ],
        identifiers=[
            Identifier("isbn", "978-5-8066-0000-0"),
            Identifier("doi", "10.1000/xyz_1", "https://doi.org/10.1000/xyz_1"),
        ],
        rights="© Elm", subjects=["Black January"],
    )  # fmt: skip


def article() -> Description:
    return _common(
        "source", "Source", "report", "Troops in Baku", type="article-newspaper", is_work=True,
        date="1990-01-21", container="Bakinsky Rabochy", pages="1-2",
        creators=[Agent("Reporter, A", family="Reporter", given="A")],
    )  # fmt: skip


def media() -> Description:
    return _common(
        "media", "Media item", "funeral", "The funeral", type="graphic", is_work=True,
        media_type="image", mime_type="image/jpeg", width=800, height=600, caption="Mourners",
        alt_text="A crowd in a square", credit="Photo: A. Photographer", date="1990-01-22",
        rights_url="http://creativecommons.org/licenses/by/4.0/",
        creators=[Agent("A. Photographer", role="photographer")],
        links=[
            _link(Relation.PLACE, "place", "baku", "Baku"),
            _link(Relation.BASED_ON, "source", "remembers", "Azerbaijan remembers",
                  type="article-magazine"),
        ],
    )  # fmt: skip


ALL = {
    "event": event, "person": person, "place": place, "organisation": organisation,
    "opinion piece": opinion_piece, "book": book, "article": article, "media": media,
}  # fmt: skip
