"""The /oai/ endpoint: GET and POST (form-encoded), one XML answer per request.

The arguments are checked before a verb runs: a missing, repeated or unknown verb is badVerb;
a repeated, unknown or missing argument, or a resumptionToken with other arguments, is
badArgument. The `request` element echoes the arguments only when they were legal (the
protocol says so), and OAI errors are answered with 200, as the protocol wants.
"""

import re
from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from archive.oai import identifiers
from archive.oai.formats import NAMESPACES, XSI, q
from archive.oai.verbs import ARGUMENTS, OAI, VERBS, OAIError, base_url

for prefix, uri in NAMESPACES.items():
    register_namespace(prefix, uri)
register_namespace("", OAI)

SCHEMA_LOCATION = f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
# The syntax the protocol gives these arguments: a value outside it is a badArgument (and is
# never echoed, so the answer stays valid).
SYNTAX = {
    "metadataPrefix": re.compile(r"[A-Za-z0-9\-_.!~*'()]+"),
    "set": re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*"),
    "identifier": re.compile(r"[^\s<>\"{}|\\^`]+"),
}


def checked_arguments(given: dict[str, list[str]]) -> dict[str, str]:
    verbs = given.get("verb", [])
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OAIError("badVerb", "The verb is missing, repeated or not one of OAI-PMH's six.")
    verb = verbs[0]
    required, optional = ARGUMENTS[verb]
    args = {}
    for name, values in given.items():
        if name == "verb":
            continue
        if name not in required | optional:
            raise OAIError("badArgument", f"{verb} takes no argument “{name}”.")
        if len(values) != 1:
            raise OAIError("badArgument", f"“{name}” is repeated.")
        if name in SYNTAX and not SYNTAX[name].fullmatch(values[0]):
            raise OAIError("badArgument", f"“{name}” is not written as OAI-PMH says.")
        if name in ("from", "until") and identifiers.parse_bound(values[0]) is None:
            raise OAIError(
                "badArgument",
                f"“{name}” must be a UTC day (YYYY-MM-DD) or second (YYYY-MM-DDThh:mm:ssZ).",
            )
        args[name] = values[0]
    if "resumptionToken" in args:
        if len(args) > 1:
            raise OAIError("badArgument", "A resumptionToken comes alone (with the verb).")
    else:
        missing = sorted(required - args.keys())
        if missing:
            raise OAIError("badArgument", f"{verb} needs {', '.join(missing)}.")
    return {"verb": verb, **args}


@csrf_exempt  # harvesters POST without a session; nothing here changes anything
def endpoint(request):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    given = dict((request.POST if request.method == "POST" else request.GET).lists())
    root = Element(q(OAI, "OAI-PMH"))
    root.set(q(XSI, "schemaLocation"), SCHEMA_LOCATION)
    SubElement(root, q(OAI, "responseDate")).text = identifiers.datestamp(timezone.now())
    echo = SubElement(root, q(OAI, "request"))
    echo.text = base_url(request)
    try:
        args = checked_arguments(given)
        for name, value in args.items():
            echo.set(name, value)
        root.append(VERBS[args["verb"]](request, args))
    except OAIError as error:
        if error.code in ("badVerb", "badArgument"):
            echo.attrib.clear()
        SubElement(root, q(OAI, "error"), code=error.code).text = error.message
    body = tostring(root, encoding="utf-8", xml_declaration=True)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
