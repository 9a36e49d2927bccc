"""The one neutral description of a record, from which every output derives.

Each kind registers a `describe(record, urls)` function with `archive.registry`; it returns a
`Description` in the archive's own neutral terms. JSON-LD, CSL-JSON, BibTeX, RIS, COinS, the
`citation_*` / Dublin Core meta tags, the formatted "cite this", the Atom feed and the
harvesting formats are written from it (`archive/exports/`), and no exporter reads a model
field. A format that cannot say something leaves it out; it never invents it.

Vocabulary:

- `type`: what the record is. For a work (a source, a media item) a CSL item type
  (`article-magazine`, `book`, `graphic`, `motion_picture`...), the most widely shared
  bibliographic vocabulary; for other kinds the kind's key (`event`, `person`, `place`,
  `organisation`). Exporters map it to their own types.
- `creators`: agents in credited order, each with a neutral role. A source that names no
  creator has none, and says so with `creators_unknown` (and in words, `creators_note`): an
  unknown author is a state, never a name.
- `date`: EDTF, as catalogued; `date_words` the same in plain words. Exporters derive parts
  and bounds with `archive.dates`.
- `links`: the record's relations to other published records, each with a neutral relation
  name (see `Relation`).
"""

import datetime
from dataclasses import dataclass, field


class Relation:
    """Neutral names of a description's links to other records."""

    PLACE = "place"  # where it happened, or what a work shows
    PART_OF = "part_of"
    HAS_PART = "has_part"
    PARTICIPANT = "participant"  # with `role`: organiser, victim, speaker...
    BIRTH_PLACE = "birth_place"
    DEATH_PLACE = "death_place"
    CONTAINED_IN = "contained_in"  # a place in a larger place
    BASED_ON = "based_on"  # a media item and the source it belongs to
    SUBJECT_OF = "subject_of"  # a person and the events they took part in
    CITES = "cites"  # a record and the sources it cites
    PUBLISHER = "publisher"  # a source and the organisation that published it
    RELATED = "related"  # any other typed relation, named in `role`


@dataclass(frozen=True)
class Agent:
    """A creator or publisher, as credited. `family`/`given` when the name splits."""

    name: str
    role: str = "author"  # author, editor, translator, interviewer, interviewee, photographer,
    # director, contributor, creator, artist...
    family: str = ""
    given: str = ""
    is_organisation: bool = False
    url: str = ""  # the agent's own record page in the archive, when published


@dataclass(frozen=True)
class Identifier:
    scheme: str  # doi, isbn, wikidata, viaf...
    value: str
    url: str = ""


@dataclass(frozen=True)
class Link:
    relation: str  # a `Relation` name
    kind: str  # the registry key of the linked record
    title: str
    url: str
    role: str = ""  # for participants and typed relations: what the link means
    type: str = ""  # the linked record's own `type` (a source's CSL type), when known


@dataclass
class Description:
    kind: str  # registry key: "source", "event", "person"...
    kind_label: str  # "Source", "Event"...
    type: str  # see the module docstring
    title: str
    url: str  # the record's permalink in the archive (absolute)
    # A work (a source, a media item) has its own bibliographic identity and is cited as
    # itself; any other record is cited as the archive's web page about it.
    is_work: bool = False
    genre: str = ""  # the kind of work in words ("Opinion piece"), when it says more than type
    is_opinion: bool = False  # a work that states views rather than reports (an opinion piece)
    creators: list[Agent] = field(default_factory=list)
    creators_unknown: bool = False
    creators_note: str = ""
    date: str = ""  # EDTF
    date_words: str = ""
    date_text: str = ""  # as written by the source or museum record
    birth_date: str = ""  # EDTF (people)
    death_date: str = ""
    container: str = ""  # journal, magazine, newspaper, series
    publisher: str = ""
    publication_place: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    language: str = ""  # BCP 47
    identifiers: list[Identifier] = field(default_factory=list)
    rights: str = ""  # rights statement in words
    rights_url: str = ""  # a RightsStatements.org or Creative Commons URI
    subjects: list[str] = field(default_factory=list)
    summary: str = ""  # in the archive's own words
    alternate_names: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    web_url: str = ""  # where the work itself is online (a source's URL)
    accessed: datetime.date | None = None  # when web_url was consulted
    archive: str = ""  # holding repository
    archive_location: str = ""  # call number
    latitude: float | None = None
    longitude: float | None = None
    media_type: str = ""  # image, audio, video, document (media items)
    mime_type: str = ""
    width: int | None = None
    height: int | None = None
    caption: str = ""
    alt_text: str = ""
    credit: str = ""
    site_name: str = ""  # the archive's name, publisher of the record's page
    slug: str = ""  # the record's slug: citation keys, download names
    # Curators' own mapping of a source kind to BibTeX and RIS types, when it has one.
    bibtex_type: str = ""
    ris_type: str = ""
    published_at: datetime.datetime | None = None
    modified_at: datetime.datetime | None = None
    # The archive's own texts (title, summary, caption, alt_text) that are translated: the
    # language each shown one is in, and its text in every language it is written in.
    text_languages: dict[str, str] = field(default_factory=dict)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    def language_of(self, name: str) -> str:
        """The language of the shown `name` ("title", "summary"...), "" when not known. A
        work's title that is not translated is in the work's own language, as published."""
        found = self.text_languages.get(name, "")
        if not found and name == "title" and self.is_work:
            return self.language
        return found

    def links_of(self, relation: str) -> list[Link]:
        return [link for link in self.links if link.relation == relation]

    def identifier(self, scheme: str) -> str:
        return next((i.value for i in self.identifiers if i.scheme == scheme), "")
