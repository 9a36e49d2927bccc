"""The change streams' collection and pages: public, read-only, for any origin."""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from . import streams

CONTENT_TYPES = {
    streams.DISCOVERY_CONTEXT: f'application/ld+json;profile="{streams.DISCOVERY_CONTEXT}"',
    streams.ACTIVITY_STREAMS_CONTEXT: "application/activity+json",
}
STREAMS = {stream.name: stream for stream in (streams.MANIFESTS, streams.RECORDS)}


def _json(stream, data, status=200) -> JsonResponse:
    response = JsonResponse(
        data, status=status, content_type=CONTENT_TYPES[stream.context],
        json_dumps_params={"indent": 1},
    )  # fmt: skip
    response["Access-Control-Allow-Origin"] = "*"
    if status == 200:
        response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def collection(request, stream):
    stream = STREAMS[stream]
    return _json(stream, streams.collection(request, stream))


def _keyset(request) -> tuple[dict, str]:
    """{"after" or "before": a non-negative id} from the query string, or an error."""
    keyset = {name: request.GET[name] for name in ("after", "before") if name in request.GET}
    if len(keyset) > 1:
        return {}, "A page takes one parameter: after=<id> or before=<id>."
    for name, value in keyset.items():
        if not value.isdigit() or len(value) > 18:
            return {}, f"“{name}” must be a whole number (a change's id)."
        keyset[name] = int(value)
    return keyset, ""


@require_safe
def page(request, stream):
    stream = STREAMS[stream]
    keyset, error = _keyset(request)
    if error:
        return _json(stream, {"error": error}, status=400)
    return _json(stream, streams.page(request, stream, **keyset))
