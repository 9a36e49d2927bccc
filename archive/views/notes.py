"""The numbered notes of one public page and the bibliography they add up to."""

import re
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects
from django.utils.safestring import SafeString, mark_safe

from archive import citetext
from archive.citetext import Footnote

SPACE_BEFORE_REF = re.compile(r"\s+(<sup class=\"footnote-ref\">)")


@dataclass
class Reference:
    """One published source in a page's bibliography, with what the record cites of it."""

    source: object
    citations: list = field(default_factory=list)


class Notes:
    """Footnotes numbered in reading order: from citation markers in the text, then from the
    sources of facts, roles and relations. Each note links back to its reference."""

    def __init__(self, anchor_prefix: str = "fn"):
        self.anchor_prefix = anchor_prefix
        self.footnotes: list[Footnote] = []

    def text(self, text: str, citations) -> SafeString:
        if not text:
            return mark_safe("")
        rendered = citetext.render(
            text,
            citations=citations,
            start=len(self.footnotes) + 1,
            anchor_prefix=self.anchor_prefix,
            public=True,
        )
        self.footnotes.extend(rendered.footnotes)
        # "the population [@a]" → "the population¹": the reference hugs the word it follows.
        return mark_safe(SPACE_BEFORE_REF.sub(r"\1", rendered.html))

    def cite(self, source, locator: str = "", quotation: str = "") -> Footnote | None:
        """A note naming `source` (only when it is published), or None for no source."""
        if source is None:
            return None
        number = len(self.footnotes) + 1
        footnote = Footnote(
            number=number,
            entries=[
                {
                    "source": source if source.is_published else None,
                    "key": source.slug,
                    "locator": locator,
                    "prefix": "",
                    "quotation": quotation,
                }
            ],
            anchor=f"{self.anchor_prefix}-{number}",
            ref_anchor=f"{self.anchor_prefix}-ref-{number}",
        )
        self.footnotes.append(footnote)
        return footnote

    def bibliography(self, citations=()) -> list[Reference]:
        """Every published source the page cites, in order of first mention, with the record's
        own citations of it (locator, quotation, note). Creators come in one query."""
        references: dict[int, Reference] = {}
        for footnote in self.footnotes:
            for entry in footnote.entries:
                source = entry["source"]
                if source is not None:
                    references.setdefault(source.pk, Reference(source))
        for citation in citations:
            if citation.source.is_published:
                reference = references.setdefault(citation.source_id, Reference(citation.source))
                reference.citations.append(citation)
        sources = [reference.source for reference in references.values()]
        prefetch_related_objects(sources, "creators")
        return list(references.values())
