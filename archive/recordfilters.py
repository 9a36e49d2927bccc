"""Browse filters whose value is a record (a person, a place...): a text box that takes the
record's slug (`?person=<slug>`), never a <select> of every record, so that a browse page's
size does not grow with the archive.

A slug of a published record filters. Any other text is a name being looked for: the form
refuses it ("choose the person you mean") and offers at most `SUGGESTIONS` published records
from the search index (whole names across spellings and scripts), then records whose slug
starts as the text would (a name still being typed), as links that set the filter, so
narrowing works without JavaScript. With it, `static/js/record-filter.js` fills a <datalist>
from `suggestions()` (the JSON endpoint `service:record_suggestions`).
"""

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext

from archive import registry

SUGGESTIONS = 20  # candidates offered for a name, on the page and by the JSON endpoint
MAX_TEXT = 200  # a slug's max_length; longer text is not a name anyone types


def candidates(model, text: str, limit: int = SUGGESTIONS) -> list:
    """Published records of `model` for `text`, at most `limit`: those the search index
    matches, best first, then those whose slug starts with it. Drafts are never in the
    index, and are excluded again here."""
    from archive.search import engine  # the search package imports the registry's kinds
    from archive.search.forms import SearchParams

    kind = registry.kind_for_model(model)
    if kind is None or not text.strip():
        return []
    results = engine.search(SearchParams(q=text[:MAX_TEXT], kinds=[kind.key], per_page=limit))
    found = _records_of_hits(model, kind.key, [hit.id for hit in results.hits[:limit]])
    if len(found) < limit:
        found += _slug_prefixed(model, text, limit - len(found), exclude=[r.pk for r in found])
    return found


def _slug_prefixed(model, text: str, limit: int, exclude) -> list:
    """Published records whose slug starts as `text` would (the lifecycle's slug rule,
    `slug_base`): what a name still being typed ("Heyd") is the start of. The slug's index
    serves the prefix (on PostgreSQL its `varchar_pattern_ops` twin); no sort, a bounded
    read, then these few in name order."""
    prefix = slugify(text)
    if not prefix or limit <= 0:
        return []
    matches = model._default_manager.published().filter(slug__startswith=prefix)
    return sorted(matches.exclude(pk__in=exclude).order_by()[:limit], key=str)


def _records_of_hits(model, key: str, ids: list[int]) -> list:
    if not ids:
        return []
    from archive.search.models import SearchDocument

    # The index's rows name their records by primary key: one query for the keys, one for
    # the records (published only, in the search's order).
    keys = dict(SearchDocument.objects.filter(id__in=ids, kind=key).values_list("id", "object_id"))
    records = model._default_manager.published().in_bulk(set(keys.values()))
    return [records[keys[i]] for i in ids if i in keys and keys[i] in records]


class RecordSlugInput(forms.TextInput):
    """A text box for a slug, with the URL of its suggestions for the script to read."""

    def __init__(self, model, attrs=None):
        self.model = model
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        kind = registry.kind_for_model(self.model)
        if kind is not None:
            url = reverse("service:record_suggestions", kwargs={"key": kind.key})
            context["widget"]["attrs"]["data-suggest"] = url
        return context


class RecordSlugField(forms.CharField):
    """A published record by slug. After cleaning, `chosen` is the record (shown by name) or
    `candidates` the records the text may have meant (shown as links)."""

    def __init__(self, *, record_model, **kwargs):
        self.record_model = record_model
        self.chosen = None
        self.candidates: list = []
        kwargs.setdefault("widget", RecordSlugInput(record_model))
        kwargs["required"] = False
        super().__init__(max_length=MAX_TEXT, **kwargs)

    def clean(self, value):
        self.chosen, self.candidates = None, []
        text = (value or "").strip()[:MAX_TEXT]
        if not text:
            return None
        self.run_validators(text)  # CharField's own: no NUL, which PostgreSQL refuses (a 500)
        record = self.record_model._default_manager.published().filter(slug=text).first()
        if record is not None:
            self.chosen = record
            return record
        self.candidates = candidates(self.record_model, text)
        kind = registry.kind_for_model(self.record_model)
        label = gettext(kind.label).lower() if kind else gettext("record")
        # The text goes in as a parameter: a "%" typed by a visitor is no format directive.
        if self.candidates:
            message = gettext("Choose the %(kind)s you mean by “%(text)s”:")
        else:
            message = gettext("No published %(kind)s matches “%(text)s”. Try another name.")
        raise ValidationError(message, code="choose", params={"text": text, "kind": label})


class RecordFilter(filters.Filter):
    """Filters by a published record given by its slug (`record_model`: the record's kind)."""

    field_class = RecordSlugField
