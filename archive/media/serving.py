"""Sending a stored file: byte ranges (for seeking in audio and video), safe headers, caching
by status, and an optional hand-off to the web server (X-Accel-Redirect) in production."""

import re

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

from . import reading

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
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


def send(request, storage, name: str, content_type: str, *, public: bool, filename: str = ""):
    """A response with the stored file `name`; 404 when it is not there.

    The bytes always come through here (or nginx, after this view), never from a storage URL:
    on an object store too, so that a private original or a draft's file is never one signed
    link away from anyone it is passed to, and every file keeps these headers."""
    if not name:
        raise Http404("No such file.")
    accel = settings.MEDIA_ACCEL_REDIRECT
    if accel:
        if not storage.exists(name):
            raise Http404("No such file.")
        # nginx serves the bytes from an `internal` location; this view only decided access.
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{accel.rstrip('/')}/{name}"
    else:
        try:
            file = storage.open(name, "rb")  # on S3: one HEAD, which also gives the size
        except FileNotFoundError:
            raise Http404("No such file.") from None
        size = file.size
        wanted = parse_range(request.headers.get("Range"), size)
        if wanted is False:
            file.close()
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
        elif wanted is None:
            if reading.in_object_store(file):  # streamed as it comes, never spooled to disk
                response = StreamingHttpResponse(reading.chunks(file), content_type=content_type)
            else:  # FileResponse lets the WSGI server send a local file itself
                response = FileResponse(file, content_type=content_type)
            response["Content-Length"] = str(size)
        else:
            start, end = wanted
            response = StreamingHttpResponse(
                reading.chunks(file, start, end), status=206, content_type=content_type
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
