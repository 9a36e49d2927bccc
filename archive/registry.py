"""The one registry of record kinds.

`archive` imports neither `people` nor `events`. Each app registers each of its record kinds
once, in its `AppConfig.ready()`, with `register()`: the model, its key and labels, its public
URLs, how it is described (`archive.description`), how it is searched, how it is imported.
Another app adds to a kind it does not own with `extend()` (people add the makers of a source
to its search entry and its import columns). Sitemaps, feeds, the home page, cited-by, search,
imports, exports and the admin read this registry; nothing in `archive` names another app's
kind, URL or field.

The registry is plain data: registering connects no signal and imports nothing above it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

Describe = Callable[..., object]  # (record, request) -> archive.description.Description


@dataclass
class SearchSpec:
    """How a kind appears in the search index (`archive.search`).

    `document(record)` returns an `archive.search.entry.Entry`. `depends_on` maps other models
    to a function of one of their instances that gives the records of this kind to re-index
    when it changes (a many-to-many through model maps to None: the changed rows say which).
    `prepare(queryset)` adds the select/prefetch the documents need in bulk. `date_words(start,
    end)` writes an entry's `date_span` (two EDTF dates) in the active language, when a result
    is shown: a kind's own wording of a span ("born 1923").
    """

    document: Callable
    depends_on: dict[type, Callable | None] = field(default_factory=dict)
    prepare: Callable | None = None
    date_words: Callable[[str, str], str] | None = None


@dataclass
class SearchExtension:
    """What another app adds to the entries of a kind it does not own: more names, text and
    facet values, each a function of the record."""

    names: Callable[[object], Iterable[str]] | None = None
    text: Callable[[object], Iterable[str]] | None = None
    facets: Callable[[object], dict[str, Iterable[int]]] | None = None
    depends_on: dict[type, Callable | None] = field(default_factory=dict)
    prepare: Callable | None = None


@dataclass
class Evidence:
    """Rows of another app that rest on a source as evidence, shown in the source's "cited
    by": a participation (person, event, role) says so on the source's authority.

    `rows(source)` returns the rows (related records selected); `record(row)` the published
    record the row belongs to (or None); `mention(row)` is (what, detail, locator, quotation).
    `credit` rows credit a record with making the source (a person as its author) instead.
    `owner(row)` is the record the row belongs to whatever its status, for the admin's list
    of what cites a source (drafts included); without it the admin uses `record`.
    """

    rows: Callable[[object], Iterable]
    record: Callable[[object], object | None]
    mention: Callable[[object], tuple[str, str, str, str]]
    credit: bool = False
    owner: Callable[[object], object | None] | None = None


@cache  # one Evidence per names' model: registering twice adds it once
def name_evidence(model, owner: str) -> Evidence:
    """A name variant (`model`, a `NameVariant` of the record in its field `owner`) that
    cites a source, as evidence in the source's "cited by": “Name: Bakı, p. 4”. Each app
    registers its own names' model (`extend("source", evidence=...)`)."""
    from django.utils.translation import gettext

    def record(row):
        named = getattr(row, owner)
        return named if named.is_published else None

    return Evidence(
        rows=lambda source: model.objects.filter(source=source).select_related(owner),
        record=record,
        owner=lambda row: getattr(row, owner),
        mention=lambda row: (gettext("Name"), row.name, row.locator, ""),
    )


@dataclass(frozen=True)
class LinkTo:
    """A relation of a kind to another kind, declared by the kind that holds the field: the
    linked record's page lists the records that point at it ("People: birth place" on a place,
    "Events" on a media item). `field` is a foreign key or many-to-many field of the kind's own
    model; `label` defaults to the kind's plural, with the field's name when it says more."""

    field: str
    label: str = ""


@dataclass(eq=False)  # one object per kind: compared and hashed by identity
class Kind:
    model: type
    key: str  # "event", "person"... in URLs, facets, import kinds, OAI set names
    label: str  # "Event"
    plural: str  # "Events"
    list_url_name: str = ""  # the public browse page
    # The browse page's django-filter FilterSet: the API filters and sorts with the same one.
    filterset: type | None = None
    pages: tuple[str, ...] = ()  # other public pages of the kind (URL names), for sitemaps
    order: int = 100  # on the home page and in facets
    # A record's one-line summary in its own words, read without a query (IIIF galleries).
    summary: Callable[[object], str] | None = None
    facet: bool = False  # search results can be filtered by records of this kind
    describe: Describe | None = None
    schema_type: str = ""  # the schema.org type of its records in JSON-LD ("Event", "Place")
    # prepare_description(queryset): the select/prefetch `describe` needs for many records at
    # once (the feed, harvesting), so that describing them costs no query per record.
    prepare_description: Callable | None = None
    search: SearchSpec | None = None
    search_extensions: list[SearchExtension] = field(default_factory=list)
    resource: type | None = None  # the import/export resource (admin, import_records)
    resources: list[type] = field(default_factory=list)  # richer ones other apps add
    evidence: list[Evidence] = field(default_factory=list)  # sources only
    # What other apps add to this kind's description: fn(record, request, description) that
    # adds creators, links... (people add the organisation that published a source).
    describe_extensions: list[Callable] = field(default_factory=list)
    # Its relations that other kinds' pages show: see `LinkTo` and `links_to()`.
    links_to: tuple[LinkTo, ...] = ()

    def import_resources(self) -> list[type]:
        """Every resource that imports this kind, the richest (added last) first."""
        found = [*reversed(self.resources), *([self.resource] if self.resource else [])]
        return list(dict.fromkeys(found))


_kinds: dict[str, Kind] = {}
_by_model: dict[type, Kind] = {}


def register(model, *, key: str, label: str, plural: str, **options) -> Kind:
    """Register a record kind once; options are `Kind`'s other fields."""
    if key in _kinds and _kinds[key].model is not model:
        raise ValueError(f"The kind key “{key}” is registered for {_kinds[key].model}.")
    kind = Kind(model, key, label, plural, **options)
    _kinds[key] = kind
    _by_model[model] = kind
    return kind


def extend(
    key: str,
    *,
    search: SearchExtension | None = None,
    resource: type | None = None,
    evidence: Evidence | None = None,
    describe: Callable | None = None,
    prepare_description: Callable | None = None,
) -> None:
    """Add to a kind registered by another app (which that app must not import).
    `prepare_description(queryset)` adds the rows that `describe` extension reads in bulk."""
    kind = _kinds[key]
    if describe is not None and describe not in kind.describe_extensions:
        kind.describe_extensions.append(describe)
    if prepare_description is not None:
        before = kind.prepare_description
        kind.prepare_description = (
            prepare_description
            if before is None
            else lambda queryset: prepare_description(before(queryset))
        )
    if search is not None and search not in kind.search_extensions:
        kind.search_extensions.append(search)
    if resource is not None and resource not in kind.resources:
        kind.resources.append(resource)
    if evidence is not None and evidence not in kind.evidence:
        kind.evidence.append(evidence)


def description(record, request=None):
    """The record's one description (`archive.description.Description`), with what other apps
    add to it."""
    kind = kind_for_model(type(record))
    if kind is None or kind.describe is None:
        raise LookupError(f"No description is registered for {type(record).__name__}.")
    from archive.descriptions import add_languages  # it reads models; the registry is read first

    described = kind.describe(record, request)
    for extend_description in kind.describe_extensions:
        extend_description(record, request, described)
    add_languages(record, described)
    return described


_routes: list[tuple[str, str]] = []


def add_routes(prefix: str, urlconf: str) -> None:
    """Public URLs an app serves under `prefix` ("people/"); the site's URLconf includes them."""
    if (prefix, urlconf) not in _routes:
        _routes.append((prefix, urlconf))


def routes() -> list[tuple[str, str]]:
    return list(_routes)


def kinds() -> list[Kind]:
    """Every kind, in display order."""
    return sorted(_kinds.values(), key=lambda kind: kind.order)


def kind(key: str) -> Kind:
    return _kinds[key]


def get(key: str) -> Kind | None:
    return _kinds.get(key)


def kind_for_model(model) -> Kind | None:
    meta = getattr(model, "_meta", None)
    return _by_model.get(meta.concrete_model) if meta is not None else None


def links_to(model) -> list[tuple[Kind, LinkTo]]:
    """The relations other kinds declare to `model` (`Kind.links_to`), in registry order."""
    found = []
    for kind in kinds():
        for link in kind.links_to:
            target = kind.model._meta.get_field(link.field).remote_field.model
            if target is model._meta.concrete_model and kind.model is not target:
                found.append((kind, link))
    return found


def facet_kinds() -> list[Kind]:
    return [kind for kind in kinds() if kind.facet]


RecordKind = Kind  # the name the views used before the registries became one


_admin_inlines: dict[type, list[type]] = {}


def add_admin_inline(model, inline: type) -> None:
    """An admin inline another app adds to the change form of `model` (a record kind it does
    not own): events add "in events" to a media item's form. Read by `RecordAdmin`."""
    inlines = _admin_inlines.setdefault(model, [])
    if inline not in inlines:
        inlines.append(inline)


def admin_inlines(model) -> list[type]:
    return list(_admin_inlines.get(model, []))
