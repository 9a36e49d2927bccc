"""“Cited by”: every published record that cites a source, claims from it, or rests on it in a
role or relation. `archive` knows no other app's models: citations and claims point at records
through content types, and other apps' rows that name a source are found through the model
graph and the registry of record kinds."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models

from archive import registry
from archive.models import Citation, Claim, Source


@dataclass
class Mention:
    what: str  # "Cited", "Killed", "Participation"
    detail: str = ""  # "147 people", "Heydar Aliyev — Speaker"
    locator: str = ""
    quotation: str = ""


@dataclass
class CitingRecord:
    record: object
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class CitedByGroup:
    kind: registry.RecordKind
    records: list[CitingRecord]


def _rows_naming_source(evidence: bool = True):
    """Other apps' relations to Source whose rows join records on its evidence (roles, event
    relations): (model, source field name, fields that point at record kinds, other fields).

    A row rests on a source as evidence when it protects the source from deletion, as citations
    and claims do; a credit (a person who wrote the source) cascades and is not evidence."""
    for relation in Source._meta.related_objects:
        model = relation.related_model
        if model in (Citation, Claim) or registry.kind_for_model(model) is not None:
            continue
        if not relation.many_to_one and not relation.one_to_many:
            continue
        if (relation.on_delete is models.PROTECT) is not evidence:
            continue
        links = [
            f.name
            for f in model._meta.concrete_fields
            if f.many_to_one and registry.kind_for_model(f.related_model) is not None
            and f.name != relation.field.name
        ]  # fmt: skip
        if links:
            others = [
                f.name
                for f in model._meta.concrete_fields
                if f.many_to_one and not f.null and f.name not in links
                and f.name != relation.field.name
            ]  # fmt: skip
            yield model, relation.field.name, links, others


def cited_by(source) -> list[CitedByGroup]:
    """Published records that rest on `source`, grouped by kind in registry order.

    Queries: citations, claims, one per other relation, and one per kind with generic hits.
    """
    kinds = registry.kinds()
    content_types = ContentType.objects.get_for_models(*(k.model for k in kinds))
    kind_by_ct = {content_types[k.model].pk: k for k in kinds}
    generic: dict[registry.RecordKind, dict[int, list[Mention]]] = defaultdict(dict)
    for citation in Citation.objects.filter(source=source):
        kind = kind_by_ct.get(citation.content_type_id)
        if kind is None:
            continue
        mentions = generic[kind].setdefault(citation.object_id, [])
        plain = next((m for m in mentions if m.what == "Cited" and not m.quotation), None)
        if plain is not None and not citation.quotation:
            # Citations without a quotation share one line: "Cited, para. 2; para. 3".
            plain.locator = "; ".join(filter(None, [plain.locator, citation.locator]))
        else:
            mentions.append(Mention("Cited", "", citation.locator, citation.quotation))
    for claim in Claim.objects.filter(source=source).select_related("attribute"):
        kind = kind_by_ct.get(claim.content_type_id)
        if kind is not None:
            mentions = generic[kind].setdefault(claim.object_id, [])
            mentions.append(
                Mention(claim.attribute.name, claim.value_display, claim.locator, claim.quotation)
            )

    found: dict[registry.RecordKind, dict[int, CitingRecord]] = defaultdict(dict)
    for kind, mentions_by_id in generic.items():
        for record in kind.model._default_manager.published().filter(pk__in=mentions_by_id):
            found[kind][record.pk] = CitingRecord(record, mentions_by_id[record.pk])
    for model, source_field, links, others in _rows_naming_source():
        rows = model._default_manager.filter(**{source_field: source}).select_related(
            *links, *others
        )
        for row in rows:
            linked = [getattr(row, name) for name in links]
            if any(record is None or not record.is_published for record in linked):
                continue
            owner = linked[0]
            kind = registry.kind_for_model(type(owner))
            citing = found[kind].setdefault(owner.pk, CitingRecord(owner))
            label = model._meta.verbose_name
            detail = str(row).replace(str(owner), "").strip(" —")  # the row, less its owner
            citing.mentions.append(
                Mention(
                    label[:1].upper() + label[1:],
                    detail,
                    getattr(row, "locator", ""),
                    getattr(row, "quotation", ""),
                )
            )
    return [
        CitedByGroup(kind, sorted(found[kind].values(), key=lambda c: str(c.record).casefold()))
        for kind in kinds
        if found.get(kind)
    ]


def credits(source) -> list[CitingRecord]:
    """Published records credited with making a source (a person as its author): rows of other
    apps that join a record to the source without resting on it as evidence. One query each."""
    credited = []
    for model, source_field, links, others in _rows_naming_source(evidence=False):
        rows = model._default_manager.filter(**{source_field: source}).select_related(
            *links, *others
        )
        for row in rows:
            linked = [getattr(row, name) for name in links]
            if any(record is None or not record.is_published for record in linked):
                continue
            detail = str(row).replace(str(linked[0]), "").replace(str(source), "").strip(" —")
            credited.append(CitingRecord(linked[0], [Mention(detail)]))
    return credited
