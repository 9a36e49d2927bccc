"""An OAI-PMH client for the tests: every answer validated against the vendored OAI-PMH 2.0
and oai_dc schemas, and sickle driven through Django's test
client with a requests adapter."""

from functools import cache
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import requests
import xmlschema
from lxml import etree
from sickle import Sickle

SCHEMAS = Path(__file__).parent / "schemas"
OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
NS = {"oai": OAI, "oai_dc": OAI_DC, "dc": "http://purl.org/dc/elements/1.1/"}
BASE = "http://testserver/oai/"


@cache
def oai_schema():
    """OAI-PMH 2.0 (its metadata and about containers are strict), with oai_dc and an envelope
    for RDF/XML (`schemas/rdf-envelope.xsd`) as the schemas of what they may hold. Only local
    files: nothing is fetched."""
    sources = [SCHEMAS / "OAI-PMH.xsd", SCHEMAS / "oai_dc.xsd", SCHEMAS / "rdf-envelope.xsd"]
    return xmlschema.XMLSchema([str(path.resolve()) for path in sources], allow="local")


def validate(body: bytes):
    """The answer as an lxml tree, after the strict schemas accepted it."""
    tree = etree.fromstring(body)
    oai_schema().validate(tree)
    return tree


def oai(client, method="get", **params):
    response = getattr(client, method)("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    return validate(response.content)


def error_codes(tree) -> list[str]:
    return [error.get("code") for error in tree.iterfind("oai:error", NS)]


class DjangoClientAdapter(requests.adapters.BaseAdapter):
    """requests → Django's test client: sickle harvests the app without a server, and each
    answer is validated on its way."""

    def __init__(self, client):
        super().__init__()
        self.client = client
        self.requests = 0

    def send(self, request, **kwargs):
        url = urlsplit(request.url)
        if request.method == "POST":
            data = dict(
                parse_qsl(request.body if isinstance(request.body, str) else request.body.decode())
            )
            answer = self.client.post(url.path, data)
        else:
            answer = self.client.get(url.path, dict(parse_qsl(url.query)))
        self.requests += 1
        validate(answer.content)
        response = requests.Response()
        response.status_code = answer.status_code
        response._content = answer.content
        response.headers.update(dict(answer.items()))
        response.encoding = "utf-8"
        response.url = request.url
        response.request = request
        return response

    def close(self):
        pass


class ClientSickle(Sickle):
    """sickle, sending its requests through Django's test client (sickle calls requests' module
    functions: this sends them through a session that holds the adapter)."""

    def __init__(self, client, **options):
        super().__init__(BASE, **options)
        self.adapter = DjangoClientAdapter(client)
        self.session = requests.Session()
        self.session.mount("http://testserver/", self.adapter)

    def _request(self, kwargs):
        if self.http_method == "GET":
            return self.session.get(self.endpoint, params=kwargs)
        return self.session.post(self.endpoint, data=kwargs)
