"""What the index shows and searches for one published record: plain data, no behaviour."""

import datetime
from dataclasses import dataclass, field


@dataclass
class Entry:
    """One published record, as the index sees it.

    `facets` maps a facet kind's registry key ("place", "person"...) to the primary keys of
    the records of that kind the entry is about; only published ones count. `date` is EDTF;
    `earliest`/`latest` override what is derived from it (a lifetime, say); `date_display` is
    the words of a record without EDTF (free text, a lifetime), since results write EDTF in
    the language of the page. `date_span` is two EDTF dates (a lifetime) that the kind's
    `SearchSpec.date_words` writes in the page's language when a result is shown.

    `titles` and `texts` are filled by `kinds.entry`: the title and the record's own words
    in each language they are written in, for the results of a page in that language.
    """

    title: str
    text: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    date: str = ""
    date_display: str = ""
    earliest: datetime.date | None = None
    latest: datetime.date | None = None
    facets: dict[str, list[int]] = field(default_factory=dict)
    source_kind: str = ""  # slug of the SourceKind, for sources
    date_span: tuple[str, str] | None = None
    titles: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
