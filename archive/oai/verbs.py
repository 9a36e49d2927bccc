"""The six verbs: each takes the request and its checked arguments and returns the verb's
element, or raises `OAIError` with one of the protocol's codes.

`noSetHierarchy` cannot arise: every kind is a set. `noMetadataFormats` cannot either while
`oai_dc` fits every kind; both are written here so that the codes stay the protocol's.
"""

import datetime
from xml.etree.ElementTree import Element, SubElement

from django.conf import settings
from django.urls import reverse

from archive import registry
from archive.oai import identifiers, listing, tokens
from archive.oai.formats import DC, FORMATS, OAI_DC, formats_for, q
from archive.oai.identifiers import DAY

OAI = "http://www.openarchives.org/OAI/2.0/"

# Arguments each verb takes: (required, optional); `resumptionToken` is exclusive.
ARGUMENTS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}


class OAIError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def base_url(request) -> str:
    return request.build_absolute_uri(reverse("oai:endpoint"))


def _el(parent, name, text=None, **attributes):
    element = SubElement(parent, q(OAI, name), attributes)
    if text is not None:
        element.text = str(text)
    return element


def identify(request, args) -> Element:
    root = Element(q(OAI, "Identify"))
    _el(root, "repositoryName", settings.SITE_NAME)
    _el(root, "baseURL", base_url(request))
    _el(root, "protocolVersion", "2.0")
    _el(root, "adminEmail", settings.OAI_ADMIN_EMAIL)
    earliest = listing.earliest_datestamp()
    _el(root, "earliestDatestamp", identifiers.datestamp(earliest) if earliest else "1970-01-01")
    _el(root, "deletedRecord", "persistent")
    _el(root, "granularity", identifiers.SECOND)
    return root


def _kind_and_item(request, identifier: str):
    parsed = identifiers.parse(request, identifier)
    kind = registry.get(parsed[0]) if parsed else None
    item = listing.find(kind, parsed[1]) if kind is not None else None
    if item is None:
        raise OAIError("idDoesNotExist", f"No record has the identifier “{identifier}”.")
    return kind, item


def list_metadata_formats(request, args) -> Element:
    if "identifier" in args:
        kind, _ = _kind_and_item(request, args["identifier"])
        found = formats_for(kind)
        if not found:
            raise OAIError("noMetadataFormats", "No format is available for this record.")
    else:
        found = list(FORMATS.values())
    root = Element(q(OAI, "ListMetadataFormats"))
    for fmt in found:
        element = _el(root, "metadataFormat")
        _el(element, "metadataPrefix", fmt.prefix)
        _el(element, "schema", fmt.schema)
        _el(element, "metadataNamespace", fmt.namespace)
    return root


def list_sets(request, args) -> Element:
    if "resumptionToken" in args:  # every set fits in one answer: no token is ever issued
        raise OAIError("badResumptionToken", "ListSets issues no resumptionToken.")
    root = Element(q(OAI, "ListSets"))
    for kind in registry.kinds():
        element = _el(root, "set")
        _el(element, "setSpec", kind.key)
        _el(element, "setName", kind.plural)
    return root


def _format(prefix: str):
    if prefix not in FORMATS:
        raise OAIError("cannotDisseminateFormat", f"“{prefix}” is not a format of this repository.")
    return FORMATS[prefix]


def header(request, item) -> Element:
    element = Element(q(OAI, "header"))
    if item.deleted:
        element.set("status", "deleted")
    _el(element, "identifier", identifiers.make(request, item.kind.key, item.slug))
    _el(element, "datestamp", identifiers.datestamp(item.datestamp))
    _el(element, "setSpec", item.kind.key)
    return element


def record(request, item, fmt) -> Element:
    element = Element(q(OAI, "record"))
    element.append(header(request, item))
    if not item.deleted:
        metadata = _el(element, "metadata")
        metadata.append(fmt.write(registry.description(item.record, request)))
    elif item.replaced_by:
        # The pointer a renamed record's old identifier carries (see the package docstring), in
        # Dublin Core: the identifier that replaces it is its relation.
        replacement = identifiers.make(request, item.kind.key, item.replaced_by)
        pointer = Element(q(OAI_DC, "dc"))
        SubElement(pointer, q(DC, "relation")).text = replacement
        SubElement(pointer, q(DC, "description")).text = f"Renamed: now {replacement}."
        _el(element, "about").append(pointer)
    return element


def get_record(request, args) -> Element:
    fmt = _format(args["metadataPrefix"])
    kind, item = _kind_and_item(request, args["identifier"])
    if not fmt.fits(kind):
        raise OAIError(
            "cannotDisseminateFormat", f"{kind.plural} are not available as “{fmt.prefix}”."
        )
    root = Element(q(OAI, "GetRecord"))
    root.append(record(request, item, fmt))
    return root


def _bounds(args) -> tuple:
    parsed = {}
    for name in ("from", "until"):
        if name in args:
            bound = identifiers.parse_bound(args[name])
            if bound is None:
                raise OAIError(
                    "badArgument",
                    f"“{name}” must be a UTC day (YYYY-MM-DD) or second (YYYY-MM-DDThh:mm:ssZ).",
                )
            parsed[name] = bound
    if len({granularity for _, granularity in parsed.values()}) > 1:
        raise OAIError("badArgument", "“from” and “until” must have the same granularity.")
    since = parsed["from"][0] if "from" in parsed else None
    before = None
    if "until" in parsed:
        moment, granularity = parsed["until"]
        step = 86400 if granularity == DAY else 1
        before = moment + datetime.timedelta(seconds=step)
    if since is not None and before is not None and since >= before:
        raise OAIError("badArgument", "“from” is later than “until”.")
    return since, before


def _list(request, args, verb: str) -> Element:
    """ListIdentifiers and ListRecords: a first request, or one that continues with a token."""
    if "resumptionToken" in args:
        try:
            state = tokens.load(args["resumptionToken"])
            if state.get("verb") != verb:
                raise tokens.BadToken("This resumptionToken continues another verb.")
            fmt = FORMATS[state["prefix"]]
            since, before = _bounds(dict(state["args"]))
            kinds = [registry.kind(key) for key in state["kinds"]]
            start, total, cursor = tuple(state["position"]), state["total"], state["cursor"]
        except (KeyError, TypeError, ValueError, OAIError, tokens.BadToken) as error:
            message = getattr(error, "message", "") or str(error) or "A damaged resumptionToken."
            raise OAIError("badResumptionToken", message) from error
    else:
        fmt = _format(args["metadataPrefix"])
        since, before = _bounds(args)
        if "set" in args:
            if registry.get(args["set"]) is None:
                raise OAIError("badArgument", f"“{args['set']}” is not a set of this repository.")
            kinds = [registry.kind(args["set"])]
        else:
            kinds = registry.kinds()
        kinds = [kind for kind in kinds if fmt.fits(kind)]
        start, total, cursor = None, None, 0
    query = listing.Query(kinds, since, before, describe=verb == "ListRecords")
    size = (
        settings.OAI_RECORDS_PER_PAGE
        if verb == "ListRecords"
        else settings.OAI_IDENTIFIERS_PER_PAGE
    )
    items, following = listing.page(query, start, size)
    if not items:
        # After a token: the records left went away between two requests; the list is over.
        message = "Nothing is left to harvest." if start else "No record matches these arguments."
        raise OAIError("noRecordsMatch", message)
    if total is None and (following is not None):
        total = listing.count(query)
    root = Element(q(OAI, verb))
    for item in items:
        root.append(record(request, item, fmt) if verb == "ListRecords" else header(request, item))
    if following is not None or start is not None:
        token = _el(root, "resumptionToken", cursor=str(cursor))
        token.set("completeListSize", str(max(total, cursor + len(items))))
        if following is not None:
            token.text = tokens.dump(
                {
                    "verb": verb,
                    "prefix": fmt.prefix,
                    "args": {k: args[k] for k in ("from", "until") if k in args}
                    if start is None
                    else state["args"],
                    "kinds": [kind.key for kind in kinds],
                    "position": list(following),
                    "total": total,
                    "cursor": cursor + len(items),
                }
            )
            token.set("expirationDate", identifiers.datestamp(tokens.expiration()))
    return root


def list_identifiers(request, args) -> Element:
    return _list(request, args, "ListIdentifiers")


def list_records(request, args) -> Element:
    return _list(request, args, "ListRecords")


VERBS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
