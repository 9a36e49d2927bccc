"""Checks of a IIIF Presentation 3.0 Manifest, written from the specification
(https://iiif.io/api/presentation/3.0/): the parts the archive produces."""

from urllib.parse import urlparse

CONTEXT = "http://iiif.io/api/presentation/3/context.json"
RIGHTS_PREFIXES = ("http://creativecommons.org/", "http://rightsstatements.org/")


def assert_language_map(value, where):
    assert isinstance(value, dict) and value, f"{where}: a language map is a non-empty object"
    for language, strings in value.items():
        assert isinstance(language, str) and language, f"{where}: language keys are strings"
        assert isinstance(strings, list) and strings, f"{where}: values are lists of strings"
        assert all(isinstance(s, str) and s for s in strings), f"{where}: strings"


def assert_http_id(value, where):
    assert isinstance(value, str) and urlparse(value).scheme in ("http", "https"), (
        f"{where}: id must be an HTTP(S) URI, got {value!r}"
    )


def assert_label_value(pair, where):
    assert set(pair) == {"label", "value"}, f"{where}: label and value only"
    assert_language_map(pair["label"], f"{where}.label")
    assert_language_map(pair["value"], f"{where}.value")


def assert_image_resource(resource, where, *, sized=True):
    assert_http_id(resource.get("id"), where)
    assert resource.get("type") == "Image", f"{where}: type Image"
    assert resource.get("format", "").startswith("image/"), f"{where}: format is a MIME type"
    if sized:
        for key in ("width", "height"):
            assert isinstance(resource.get(key), int) and resource[key] > 0, f"{where}: {key}"


def assert_common(resource, where):
    if "summary" in resource:
        assert_language_map(resource["summary"], f"{where}.summary")
    if "requiredStatement" in resource:
        assert_label_value(resource["requiredStatement"], f"{where}.requiredStatement")
    if "metadata" in resource:
        assert isinstance(resource["metadata"], list)
        for n, pair in enumerate(resource["metadata"]):
            assert_label_value(pair, f"{where}.metadata[{n}]")
    if "rights" in resource:
        assert resource["rights"].startswith(RIGHTS_PREFIXES), f"{where}: rights URI"
    for n, thumbnail in enumerate(resource.get("thumbnail", [])):
        assert_image_resource(thumbnail, f"{where}.thumbnail[{n}]")
    for n, page in enumerate(resource.get("homepage", [])):
        assert_http_id(page["id"], f"{where}.homepage[{n}]")
        assert page["type"] == "Text" and page["format"] == "text/html"
        assert_language_map(page["label"], f"{where}.homepage[{n}].label")


def assert_valid_manifest(manifest):
    assert manifest["@context"] == CONTEXT or CONTEXT in manifest["@context"]
    assert_http_id(manifest["id"], "manifest")
    assert manifest["type"] == "Manifest"
    assert_language_map(manifest["label"], "manifest.label")
    assert_common(manifest, "manifest")
    canvases = manifest["items"]
    assert isinstance(canvases, list) and canvases, "a Manifest has at least one Canvas"
    canvas_ids = set()
    for c, canvas in enumerate(canvases):
        where = f"items[{c}]"
        assert_http_id(canvas["id"], where)
        assert canvas["id"] not in canvas_ids, "canvas ids are unique"
        canvas_ids.add(canvas["id"])
        assert canvas["type"] == "Canvas"
        assert_language_map(canvas["label"], f"{where}.label")
        for key in ("width", "height"):  # both or neither; a canvas of an image has both
            assert isinstance(canvas[key], int) and canvas[key] > 0, f"{where}: {key}"
        assert_common(canvas, where)
        pages = canvas["items"]
        assert isinstance(pages, list) and pages
        for p, page in enumerate(pages):
            assert_http_id(page["id"], f"{where}.items[{p}]")
            assert page["type"] == "AnnotationPage"
            annotations = page["items"]
            assert annotations
            for a, annotation in enumerate(annotations):
                here = f"{where}.items[{p}].items[{a}]"
                assert_http_id(annotation["id"], here)
                assert annotation["type"] == "Annotation"
                assert annotation["motivation"] == "painting"
                assert annotation["target"] == canvas["id"], "painted onto its own canvas"
                assert_image_resource(annotation["body"], f"{here}.body")
