"""OAI-PMH verbs and error codes, every answer validated against the OAI-PMH 2.0 schema."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from archive import registry
from archive.models import Status
from tests import factories
from tests.oai.client import NS, error_codes, oai

pytestmark = pytest.mark.django_db


def test_it_identifies_the_repository(client, settings):
    settings.OAI_ADMIN_EMAIL = "keeper@example.org"
    factories.source()
    tree = oai(client, verb="Identify")
    identify = tree.find("oai:Identify", NS)
    assert identify.findtext("oai:repositoryName", namespaces=NS) == settings.SITE_NAME
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai/"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:adminEmail", namespaces=NS) == "keeper@example.org"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext("oai:earliestDatestamp", namespaces=NS).endswith("Z")


def test_it_answers_post_as_get(client):
    tree = oai(client, method="post", verb="Identify")
    assert tree.find("oai:Identify", NS) is not None


def test_it_lists_one_set_per_kind(client):
    tree = oai(client, verb="ListSets")
    sets = {
        s.findtext("oai:setSpec", namespaces=NS): s.findtext("oai:setName", namespaces=NS)
        for s in tree.iterfind(".//oai:set", NS)
    }
    assert sets == {kind.key: kind.plural for kind in registry.kinds()}


def test_it_lists_formats_for_all_and_for_one_identifier(client):
    source = factories.source()
    place = factories.place()
    prefixes = lambda tree: {  # noqa: E731
        p.text for p in tree.iterfind(".//oai:metadataPrefix", NS)
    }
    assert prefixes(oai(client, verb="ListMetadataFormats")) == {"oai_dc", "edm"}
    work = f"oai:testserver:source:{source.slug}"
    assert prefixes(oai(client, verb="ListMetadataFormats", identifier=work)) == {"oai_dc", "edm"}
    other = f"oai:testserver:place:{place.slug}"
    assert prefixes(oai(client, verb="ListMetadataFormats", identifier=other)) == {"oai_dc"}


def test_it_gets_a_record_with_its_set_and_datestamp(client):
    source = factories.source(title="The ledger")
    tree = oai(
        client,
        verb="GetRecord",
        identifier=f"oai:testserver:source:{source.slug}",
        metadataPrefix="oai_dc",
    )
    header = tree.find(".//oai:header", NS)
    assert header.findtext("oai:setSpec", namespaces=NS) == "source"
    assert header.findtext("oai:datestamp", namespaces=NS) == source.updated_at.strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert tree.findtext(".//dc:title", namespaces=NS) == "The ledger"


def test_it_uses_the_repository_id_setting(client, settings):
    settings.OAI_REPOSITORY_ID = "archive.example.org"
    source = factories.source()
    tree = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert tree.findtext(".//oai:identifier", namespaces=NS) == (
        f"oai:archive.example.org:source:{source.slug}"
    )


def test_it_never_names_a_draft(client):
    draft = factories.source(status=Status.DRAFT)
    factories.source(status=Status.REVIEW)
    for verb in ("ListIdentifiers", "ListRecords"):
        assert error_codes(oai(client, verb=verb, metadataPrefix="oai_dc")) == ["noRecordsMatch"]
    tree = oai(
        client,
        verb="GetRecord",
        identifier=f"oai:testserver:source:{draft.slug}",
        metadataPrefix="oai_dc",
    )
    assert error_codes(tree) == ["idDoesNotExist"]
    assert draft.slug.encode() not in b"".join(
        client.get("/oai/", {"verb": "ListSets"}).content.split()
    )


@pytest.mark.parametrize(
    "params, code",
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "set": "source"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "edm"]}, "badArgument"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "resumptionToken": "x"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "ListRecords", "metadataPrefix": "oai dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "a set"}, "badArgument"),
        ({"verb": "GetRecord", "identifier": "a b", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "nothing"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020"}, "badArgument"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-01-01T00:00:00.5Z"},
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2020-01-01T00:00:00+01:00",
            },
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2020-01-01",
                "until": "2020-01-02T00:00:00Z",
            },
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2021-01-02",
                "until": "2021-01-01",
            },
            "badArgument",
        ),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "forged"}, "badResumptionToken"),
        (
            {
                "verb": "GetRecord",
                "identifier": "oai:elsewhere:source:x",
                "metadataPrefix": "oai_dc",
            },
            "idDoesNotExist",
        ),
        (
            {
                "verb": "GetRecord",
                "identifier": "oai:testserver:nokind:x",
                "metadataPrefix": "oai_dc",
            },
            "idDoesNotExist",
        ),
        (
            {"verb": "ListMetadataFormats", "identifier": "oai:testserver:source:none"},
            "idDoesNotExist",
        ),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}, "noRecordsMatch"),
    ],
)
def test_it_answers_bad_requests_with_the_protocols_error(client, params, code):
    tree = oai(client, **params)
    assert error_codes(tree) == [code]
    if code in ("badVerb", "badArgument"):
        assert tree.find("oai:request", NS).attrib == {}  # the protocol: echo no arguments


def test_it_refuses_edm_for_a_kind_it_does_not_fit(client):
    place = factories.place()
    tree = oai(
        client,
        verb="GetRecord",
        identifier=f"oai:testserver:place:{place.slug}",
        metadataPrefix="edm",
    )
    assert error_codes(tree) == ["cannotDisseminateFormat"]
    tree = oai(client, verb="ListRecords", metadataPrefix="edm", set="place")
    assert error_codes(tree) == ["noRecordsMatch"]


def test_it_filters_by_day_and_second(client):
    source = factories.source()
    stamp = source.updated_at
    day = stamp.strftime("%Y-%m-%d")
    second = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    for bounds in ({"from": day, "until": day}, {"from": second, "until": second}):
        tree = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **bounds)
        assert len(tree.findall(".//oai:header", NS)) == 1
    tree = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2000-01-01")
    assert error_codes(tree) == ["noRecordsMatch"]


ARGUMENT_NAMES = st.sampled_from(
    ["verb", "identifier", "metadataPrefix", "from", "until", "set", "resumptionToken", "x"]
)
VALUES = st.one_of(
    st.sampled_from(["ListRecords", "GetRecord", "Identify", "oai_dc", "edm", "source"]),
    st.text(max_size=30),
)


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=st.dictionaries(ARGUMENT_NAMES, VALUES, max_size=4))
def test_any_request_gets_a_valid_answer_never_a_server_error(client, params):
    params = {name: value.replace("\x00", "") for name, value in params.items()}
    oai(client, **params)  # 200 and valid against the schema, whatever was asked
