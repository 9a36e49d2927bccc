"""Suggestions for a record filter's text box: published records of one kind matching a name,
as JSON, at most `archive.recordfilters.SUGGESTIONS` (static/js/record-filter.js reads it)."""

from django.http import Http404, JsonResponse

from archive import registry
from archive.recordfilters import MAX_TEXT, candidates


def record_suggestions(request, key: str):
    kind = registry.get(key)
    if kind is None:
        raise Http404("No such kind of record.")
    text = request.GET.get("q", "")[:MAX_TEXT]
    found = candidates(kind.model, text)
    response = JsonResponse({"results": [{"slug": r.slug, "name": str(r)} for r in found]})
    response["Cache-Control"] = "public, max-age=300"  # published records only
    return response
