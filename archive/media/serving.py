"""Sending a stored file: byte ranges (for seeking in audio and video), safe headers, caching
by status, and an optional hand-off to the web server (X-Accel-Redirect) in production."""

import re

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK_SIZE = 256 * 1024
# Served files are never pages: no script, no plugins, a sandbox (PDF viewers need none of it
# either, but Chromium refuses to show a PDF in a sandbox).
CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def parse_range(header: str | None, size: int) -> tuple[int, int] | None | bool:
    """(first, last) byte of a single `Range: bytes=…`; None when absent or not understood
    (the whole file is sent); False when it cannot be satisfied."""
    match = _RANGE.match((header or "").strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return False
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return False
    return start, end


def _chunks(file, length: int):
    with file:
        while length > 0:
            data = file.read(min(CHUNK_SIZE, length))
            if not data:
                break
            length -= len(data)
            yield data


def send(request, storage, name: str, content_type: str, *, public: bool, filename: str = ""):
    """A response with the stored file `name`; 404 when it is not there."""
    if not name or not storage.exists(name):
        raise Http404("No such file.")
    accel = settings.MEDIA_ACCEL_REDIRECT
    if accel:
        # nginx serves the bytes from an `internal` location; this view only decided access.
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{accel.rstrip('/')}/{name}"
    else:
        size = storage.size(name)
        wanted = parse_range(request.headers.get("Range"), size)
        if wanted is False:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
        elif wanted is None:
            response = FileResponse(storage.open(name, "rb"), content_type=content_type)
            response["Content-Length"] = str(size)
        else:
            start, end = wanted
            file = storage.open(name, "rb")
            file.seek(start)
            response = StreamingHttpResponse(
                _chunks(file, end - start + 1), status=206, content_type=content_type
            )
            response["Content-Range"] = f"bytes {start}-{end}/{size}"
            response["Content-Length"] = str(end - start + 1)
        response["Accept-Ranges"] = "bytes"
    if filename:
        response["Content-Disposition"] = content_disposition_header(False, filename)
    response["X-Content-Type-Options"] = "nosniff"
    if content_type != "application/pdf":
        response["Content-Security-Policy"] = CSP
    if public:
        response["Cache-Control"] = "public, max-age=3600"
        response["Access-Control-Allow-Origin"] = "*"  # IIIF viewers on other sites
    else:
        response["Cache-Control"] = "private, no-store"
    return response
