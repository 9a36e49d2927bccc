"""On a source's change form: every record that cites it, claims from it or rests on it (a
participation "according to" it), drafts included, each linked to its own admin page.

The public "cited by" (archive/views/citedby.py) shows published records only; this is the
cataloguer's view of the same rows. Queries: citations, claims (and the records their values
name), one per kind with hits, one per registered evidence: constant in the number of rows.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from archive import registry
from archive.models import Citation, Claim, Source


@dataclass
class CitingRow:
    record: object
    mentions: list[str] = field(default_factory=list)

    @property
    def admin_url(self) -> str:
        opts = self.record._meta
        try:
            return reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.record.pk]
            )
        except NoReverseMatch:
            return ""


def _mention(what: str, detail: str = "", locator: str = "") -> str:
    return ", ".join(filter(None, [f"{what}: {detail}" if detail else what, locator]))


def citing_rows(source) -> list[tuple[str, list[CitingRow]]]:
    """(kind plural, rows) in registry order, each kind's rows by name."""
    kinds = registry.kinds()
    content_types = ContentType.objects.get_for_models(*(k.model for k in kinds))
    kind_by_ct = {content_types[k.model].pk: k for k in kinds}
    generic: dict[registry.Kind, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for citation in Citation.objects.filter(source=source):
        kind = kind_by_ct.get(citation.content_type_id)
        if kind is not None:
            generic[kind][citation.object_id].append(_mention("Cited", "", citation.locator))
    claims = Claim.objects.filter(source=source).select_related("attribute")
    for claim in claims.prefetch_related("value_record"):
        kind = kind_by_ct.get(claim.content_type_id)
        if kind is not None:
            generic[kind][claim.object_id].append(
                _mention(f"Claim “{claim.attribute}”", claim.value_display, claim.locator)
            )
    found: dict[registry.Kind, dict[int, CitingRow]] = defaultdict(dict)
    for kind, mentions_by_id in generic.items():
        for pk, record in kind.model._default_manager.in_bulk(list(mentions_by_id)).items():
            found[kind][pk] = CitingRow(record, mentions_by_id[pk])
    source_kind = registry.kind_for_model(Source)
    for evidence in source_kind.evidence if source_kind else ():
        if evidence.credit:
            continue
        owner = evidence.owner or evidence.record
        for row in evidence.rows(source):
            record = owner(row)
            kind = registry.kind_for_model(type(record)) if record is not None else None
            if kind is None:
                continue
            what, detail, locator, _ = evidence.mention(row)
            citing = found[kind].setdefault(record.pk, CitingRow(record))
            citing.mentions.append(_mention(what, detail, locator))
    return [
        (kind.plural, sorted(found[kind].values(), key=lambda row: str(row.record).casefold()))
        for kind in kinds
        if found.get(kind)
    ]


def cited_by_html(source) -> str:
    groups = citing_rows(source) if source.pk else []
    if not groups:
        return gettext("Nothing cites this source yet.")
    sections = []
    for plural, rows in groups:
        cells = [
            (row.admin_url, row.record, row.record.get_status_display(), "; ".join(row.mentions))
            for row in rows
        ]
        items = format_html_join("", '<li><a href="{}">{}</a> ({}) — {}</li>', cells)
        sections.append(
            format_html('<h3>{}</h3><ul class="cited-by-list">{}</ul>', gettext(plural), items)
        )
    return format_html_join("", "{}", ((section,) for section in sections))
