"""Harvesting: resumption tokens, deleted and renamed records, records that change while a
harvest runs, sickle harvesting every set in every format, and constant queries per page."""

import datetime

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import registry
from archive.models import Status
from archive.oai import formats, tokens
from tests import factories
from tests.oai.client import NS, ClientSickle, error_codes, oai

pytestmark = pytest.mark.django_db


def a_world():
    """Published records of every kind, and drafts of each that must never appear."""
    published = [
        factories.source(),
        factories.source(),
        factories.place(),
        factories.media_item(),
        factories.person(),
        factories.organisation(),
        factories.event(),
        factories.event(),
    ]
    drafts = [
        factories.source(status=Status.DRAFT),
        factories.person(status=Status.REVIEW),
        factories.event(status=Status.DRAFT),
    ]
    return published, drafts


def identifiers_of(tree) -> list[str]:
    return [i.text for i in tree.iterfind(".//oai:header/oai:identifier", NS)]


def token_of(tree):
    return tree.find(".//oai:resumptionToken", NS)


def harvest(client, verb="ListIdentifiers", **params) -> list:
    """Every header of a complete list, following the tokens."""
    trees = [oai(client, verb=verb, **params)]
    while (token := token_of(trees[-1])) is not None and token.text:
        trees.append(oai(client, verb=verb, resumptionToken=token.text))
    return trees


def test_it_pages_with_tokens_that_carry_size_cursor_and_expiry(client, settings):
    settings.OAI_IDENTIFIERS_PER_PAGE = 3
    published, _ = a_world()
    trees = harvest(client, metadataPrefix="oai_dc")
    assert len(trees) == 3  # 8 records by 3
    cursors = [int(token_of(tree).get("cursor")) for tree in trees]
    assert cursors == [0, 3, 6]
    assert {token_of(tree).get("completeListSize") for tree in trees} == {"8"}
    assert token_of(trees[-1]).text is None  # the last page: an empty token
    assert token_of(trees[0]).get("expirationDate").endswith("Z")
    found = [i for tree in trees for i in identifiers_of(tree)]
    assert len(found) == len(set(found)) == len(published)


def test_a_token_expires_and_cannot_be_forged(client, settings):
    settings.OAI_IDENTIFIERS_PER_PAGE = 1
    a_world()
    token = token_of(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    settings.OAI_TOKEN_LIFETIME = -1
    tree = oai(client, verb="ListIdentifiers", resumptionToken=token)
    assert error_codes(tree) == ["badResumptionToken"]
    settings.OAI_TOKEN_LIFETIME = 3600
    forged = signing.dumps({"verb": "ListIdentifiers"}, salt="another")
    assert error_codes(oai(client, verb="ListIdentifiers", resumptionToken=forged)) == [
        "badResumptionToken"
    ]
    assert error_codes(oai(client, verb="ListRecords", resumptionToken=token)) == [
        "badResumptionToken"  # a token of ListIdentifiers does not continue ListRecords
    ]
    damaged = tokens.dump({"verb": "ListIdentifiers", "position": "nowhere"})
    assert error_codes(oai(client, verb="ListIdentifiers", resumptionToken=damaged)) == [
        "badResumptionToken"
    ]


def test_a_harvest_neither_skips_nor_repeats_while_records_change(client, settings):
    settings.OAI_IDENTIFIERS_PER_PAGE = 4
    sources = [factories.source() for _ in range(10)]
    late_draft = factories.source(status=Status.DRAFT)
    first = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="source")
    seen = identifiers_of(first)
    assert len(seen) == 4
    # While the harvester waits: edit a harvested record and one not yet harvested, withdraw
    # one not yet harvested, publish a new one and an old draft.
    sources[0].title = "Edited after harvesting"
    sources[0].save()
    sources[6].title = "Edited before harvesting"
    sources[6].save()
    sources[8].status = Status.WITHDRAWN
    sources[8].save()
    new = factories.source()
    late_draft.status = Status.PUBLISHED
    late_draft.save()
    token = token_of(first).text
    rest = []
    while token:
        tree = oai(client, verb="ListIdentifiers", resumptionToken=token)
        rest += [
            (h.findtext("oai:identifier", namespaces=NS), h.get("status"))
            for h in tree.iterfind(".//oai:header", NS)
        ]
        token = token_of(tree).text
    live_rest = [identifier for identifier, status in rest if status is None]
    assert len(seen + live_rest) == len(set(seen + live_rest))  # nothing repeated
    expected_live = {s.slug for s in sources if s is not sources[8]} | {new.slug}
    harvested = {identifier.rsplit(":", 1)[1] for identifier in seen + live_rest}
    assert expected_live <= harvested  # nothing skipped that was published all along
    assert (f"oai:testserver:source:{sources[8].slug}", "deleted") in rest


def test_withdrawn_and_deleted_records_answer_as_deleted_with_the_change_time(client):
    withdrawn = factories.source()
    deleted = factories.place()
    withdrawn.status = Status.WITHDRAWN
    withdrawn.save()
    deleted_slug = deleted.slug
    deleted.delete()
    trees = harvest(client, metadataPrefix="oai_dc")
    headers = {
        h.findtext("oai:identifier", namespaces=NS): h
        for tree in trees
        for h in tree.iterfind(".//oai:header", NS)
    }
    for identifier in (
        f"oai:testserver:source:{withdrawn.slug}",
        f"oai:testserver:place:{deleted_slug}",
    ):
        assert headers[identifier].get("status") == "deleted"
        tree = oai(client, verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
        record = tree.find(".//oai:record", NS)
        assert record.find("oai:header", NS).get("status") == "deleted"
        assert record.find("oai:metadata", NS) is None
    withdrawn.status = Status.PUBLISHED  # published again: live again, not deleted
    withdrawn.save()
    tree = oai(
        client,
        verb="GetRecord",
        identifier=f"oai:testserver:source:{withdrawn.slug}",
        metadataPrefix="oai_dc",
    )
    assert tree.find(".//oai:header", NS).get("status") is None


def test_a_deleted_record_is_harvested_incrementally_from_its_change_time(client):
    source = factories.source()
    source.status = Status.WITHDRAWN
    source.save()
    since = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    tree = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": since})
    assert [h.get("status") for h in tree.iterfind(".//oai:header", NS)] == ["deleted"]
    tree = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2001-01-01")
    assert error_codes(tree) == ["noRecordsMatch"]


def test_a_renamed_record_answers_deleted_under_its_old_identifier_with_a_pointer(client):
    source = factories.source(slug="old-name")
    source.slug = "new-name"
    source.save()
    tree = oai(
        client,
        verb="GetRecord",
        identifier="oai:testserver:source:old-name",
        metadataPrefix="oai_dc",
    )
    assert tree.find(".//oai:header", NS).get("status") == "deleted"
    assert tree.findtext(".//oai:about//dc:relation", namespaces=NS) == (
        "oai:testserver:source:new-name"
    )
    headers = [
        (h.findtext("oai:identifier", namespaces=NS), h.get("status"))
        for tree in harvest(client, metadataPrefix="oai_dc")
        for h in tree.iterfind(".//oai:header", NS)
    ]
    assert sorted(headers, key=str) == sorted(
        [("oai:testserver:source:new-name", None), ("oai:testserver:source:old-name", "deleted")],
        key=str,
    )


def test_a_draft_renamed_leaves_no_old_identifier(client):
    draft = factories.source(slug="draft-old", status=Status.DRAFT)
    draft.slug = "draft-new"
    draft.save()
    tree = oai(
        client,
        verb="GetRecord",
        identifier="oai:testserver:source:draft-old",
        metadataPrefix="oai_dc",
    )
    assert error_codes(tree) == ["idDoesNotExist"]
    draft.status = Status.PUBLISHED  # published under its new slug: the old one was never public
    draft.save()
    tree = oai(
        client,
        verb="GetRecord",
        identifier="oai:testserver:source:draft-old",
        metadataPrefix="oai_dc",
    )
    assert error_codes(tree) == ["idDoesNotExist"]
    assert identifiers_of(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")) == [
        "oai:testserver:source:draft-new"
    ]


@pytest.mark.parametrize("http_method", ["GET", "POST"])
def test_sickle_harvests_every_set_in_every_format(client, http_method):
    published, drafts = a_world()
    harvester = ClientSickle(client, http_method=http_method)
    by_kind = {}
    for record in published:
        by_kind.setdefault(registry.kind_for_model(type(record)), []).append(record)
    hidden = {record.slug for record in drafts}
    for prefix in formats.FORMATS:
        for kind in registry.kinds():
            expected = (
                {r.slug for r in by_kind.get(kind, [])}
                if formats.FORMATS[prefix].fits(kind)
                else set()
            )
            if not expected:
                continue
            records = list(harvester.ListRecords(metadataPrefix=prefix, set=kind.key))
            slugs = {r.header.identifier.rsplit(":", 1)[1] for r in records}
            assert slugs == expected, (prefix, kind.key)
            assert not slugs & hidden
            assert all(r.header.setSpecs == [kind.key] for r in records)
        everything = list(harvester.ListIdentifiers(metadataPrefix=prefix))
        assert len(everything) == sum(
            len(rs) for kind, rs in by_kind.items() if formats.FORMATS[prefix].fits(kind)
        )
    assert harvester.Identify().repositoryName
    assert {s.setSpec for s in harvester.ListSets()} == {k.key for k in registry.kinds()}
    assert {f.metadataPrefix for f in harvester.ListMetadataFormats()} == set(formats.FORMATS)


def _queries_for_a_page(client, settings, records: int, verb: str) -> int:
    settings.OAI_RECORDS_PER_PAGE = records
    settings.OAI_IDENTIFIERS_PER_PAGE = records
    with CaptureQueriesContext(connection) as queries:
        tree = oai(client, verb=verb, metadataPrefix="oai_dc", set="source")
    assert len(tree.findall(".//oai:header", NS)) == records
    return len(queries)


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
def test_a_page_costs_the_same_queries_for_1_and_50_records(client, settings, verb):
    creator = factories.person()
    for n in range(60):
        source = factories.source()
        factories.citation(factories.place(), source)
        if n % 2:
            factories.publication(factories.organisation(), source)
    del creator
    one = _queries_for_a_page(client, settings, 1, verb)
    fifty = _queries_for_a_page(client, settings, 50, verb)
    assert one == fifty
