"""The views every record kind's public pages share: detail, browse and citation downloads."""

from dataclasses import replace

from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.urls import resolve, reverse
from django.utils import timezone
from django.views.generic import DetailView
from django_filters.views import FilterView

from archive import describedby, registry, translations
from archive.exports import bibtex, coins, csl, jsonld, ris
from archive.exports.citation import formatted
from archive.models import Citation, Claim, Identifier, SlugRedirect, Status
from archive.paging import LAST, EstimatedCountPaginator

from .facts import facts_table
from .notes import Notes


def record_prefetches(*, cites: bool = True) -> list:
    """What every record page shows: citations, claims (from published sources), identifiers.

    A source is a record too: its `citations` and `claims` are statements about it (the rows
    that cite it are `cited_in` and `claims_made`, shown as “cited by”).
    """
    identifiers = Prefetch("identifiers", queryset=Identifier.objects.select_related("scheme"))
    if not cites:
        return [identifiers]
    return [
        Prefetch("citations", queryset=Citation.objects.select_related("source__kind")),
        Prefetch(
            "claims",
            queryset=Claim.objects.filter(source__status=Status.PUBLISHED)
            .select_related("attribute", "source__kind")
            .prefetch_related("value_record"),
        ),
        identifiers,
    ]


class RecordMixin:
    """Finds a record for a visitor (published only) or for staff (any status, as a preview),
    and answers an old slug with a permanent redirect to the record's current address."""

    select_related: tuple[str, ...] = ()

    def get_prefetches(self) -> list:
        return []

    def get_queryset(self):
        queryset = self.model._default_manager.visible_to(self.request.user)
        return queryset.select_related(*self.select_related).prefetch_related(
            *self.get_prefetches()
        )

    def redirect_url(self, record) -> str:
        return record.get_absolute_url()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            target = SlugRedirect.target_for(self.model, kwargs.get("slug", ""))
            if target is not None and self.get_queryset().filter(pk=target.pk).exists():
                return HttpResponsePermanentRedirect(self.redirect_url(target))
            raise

    @property
    def kind(self):
        return registry.kind_for_model(self.model)


class RecordDetailView(RecordMixin, DetailView):
    """A record's public page: published records only, staff preview drafts, and an old slug
    answers with a permanent redirect to the current one.

    Subclasses add their own sections in `build()`; the page's notes are numbered in the order
    the sections call `notes`: the text first, then the facts, then roles and relations.
    """

    cites = True  # the record's own citations and claims are shown

    def get_prefetches(self) -> list:
        return record_prefetches(cites=self.cites)

    def build(self, context: dict, notes: Notes) -> None:
        """Add the kind's own sections to the context (override)."""

    def text_field(self) -> str:
        fields = self.model.cited_text_fields
        return fields[0] if fields else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        notes = Notes()
        citations = list(record.citations.all()) if self.cites else []
        field = self.text_field()
        text = translations.localized(record, field) if field else translations.LocalText("")
        context["text_html"] = notes.text(text.text, citations) if text else ""
        context["text_lang"] = text
        context["facts"] = facts_table(record.claims.all(), notes) if self.cites else []
        self.build(context, notes)
        context["footnotes"] = notes.footnotes
        context["bibliography"] = notes.bibliography(citations)
        context["identifiers"] = list(record.identifiers.all())
        context["is_preview"] = not record.is_published
        context["kind"] = self.kind
        context.update(self.citation_context(record))
        return context

    def citation_context(self, record) -> dict:
        """Everything the page says about citing it, from the record's one description."""
        description = registry.description(record, self.request)
        url = description.url
        accessed = timezone.localdate()
        return {
            "description": description,
            "permalink": url,
            # The page is cited as the archive's page; a work is also cited as itself.
            "cite_text": formatted(replace(description, is_work=False), accessed),
            "cite_item_text": formatted(description, accessed) if description.is_work else "",
            "cite_downloads": [
                (label, f"{record.get_absolute_url()}cite.{fmt}") for fmt, label in FORMATS.items()
            ],
            "jsonld": jsonld.document(description),
            "citation_meta": coins.meta_tags(description, accessed),
            "coins": coins.coins(description, accessed),
            "described_by": describedby.links(self.request, record),
        }

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("described_by"):
            response["Link"] = describedby.link_header(context["described_by"])
        if context["is_preview"]:
            response["X-Robots-Tag"] = "noindex"
            response["Cache-Control"] = "private, no-store"
        return response


FORMATS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}


def export_item(description, accessed) -> dict:
    """The CSL item a record's downloads describe: a work itself, else the archive's page."""
    return csl.item(description, accessed)


class RecordCiteView(RecordMixin, DetailView):
    """A record's citation as a BibTeX, RIS or CSL-JSON download, written from the same
    description as the record's page (and fetched with the same related rows, so that its
    query count does not grow with them either)."""

    def detail_view(self) -> RecordDetailView:
        """The record page's view, found from the record's own URL name."""
        path = reverse(self.model.url_name, kwargs={"slug": self.kwargs["slug"]})
        view = resolve(path).func.view_class()
        view.setup(self.request, **self.kwargs)
        return view

    def get_queryset(self):
        return self.detail_view().get_queryset()

    def redirect_url(self, record) -> str:
        return f"{record.get_absolute_url()}cite.{self.kwargs['format']}"

    def render_to_response(self, context, **response_kwargs):
        fmt = self.kwargs["format"]
        if fmt not in FORMATS:
            raise Http404("Unknown citation format.")
        record = self.object
        description = registry.description(record, self.request)
        accessed = timezone.localdate()
        if fmt == "bib":
            body = bibtex.entry(description, accessed)
            content_type = "application/x-bibtex; charset=utf-8"
        elif fmt == "ris":
            body = ris.record(description, accessed)
            content_type = "application/x-research-info-systems; charset=utf-8"
        else:
            body = csl.dumps([export_item(description, accessed)])
            content_type = "application/vnd.citationstyles.csl+json"
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{record.slug}.{fmt}"'
        if not record.is_published:
            response["Cache-Control"] = "private, no-store"
        return response


class RecordListView(FilterView):
    """A browse page: published records only, filtered, sorted and paginated in the URL."""

    paginate_by = 25
    filterset_class = None
    list_select_related: tuple[str, ...] = ()
    # `names` for kinds named by the variant of the page's language (NamedInLanguages).
    list_prefetch_related: tuple[str, ...] = ()

    paginator_class = EstimatedCountPaginator  # "about N" and cheap last pages at scale

    def paginate_queryset(self, queryset, page_size):
        if self.request.GET.get(self.page_kwarg) != LAST:
            return super().paginate_queryset(queryset, page_size)
        # Django reads "last" as the page number of the count, which may be an estimate.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.page(LAST)
        return (paginator, page, page.object_list, page.has_other_pages())

    def get_queryset(self):
        return (
            self.model._default_manager.published()
            .select_related(*self.list_select_related)
            .prefetch_related(*self.list_prefetch_related)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kind"] = registry.kind_for_model(self.model)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filtered"] = any(value for key, value in query.items() if key != "sort")
        return context
