"""Every published record page links its machine-readable descriptions with
rel="describedby", in its <head> and its Link header, and each link answers; drafts link none."""

import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Status
from tests import factories
from tests.public.conftest import image

pytestmark = pytest.mark.django_db

MAKERS = {
    "source": factories.source, "place": factories.place, "media": image,
    "person": factories.person, "event": factories.event, "organisation": factories.organisation,
}  # fmt: skip


def _head_links(html: str) -> list[tuple[str, str]]:
    return [
        (unescape(m.group("type")), unescape(m.group("href")))
        for m in re.finditer(
            r'<link rel="describedby" type="(?P<type>[^"]+)" href="(?P<href>[^"]+)"', html
        )
    ]


def _header_links(value: str) -> list[tuple[str, str]]:
    return [
        (m.group("type").replace('\\"', '"'), m.group("href"))
        for m in re.finditer(
            r'<(?P<href>[^>]+)>; rel="describedby"; type="(?P<type>(?:[^"\\]|\\.)*)"', value
        )
    ]


@pytest.mark.parametrize("kind", MAKERS)
def test_it_links_every_description_and_each_answers(client, kind, settings):
    settings.OAI_REPOSITORY_ID = "archive.example.org"
    record = MAKERS[kind]()
    response = client.get(record.get_absolute_url())
    head = _head_links(response.content.decode())
    assert head == _header_links(response["Link"])
    types = [type_ for type_, _ in head]
    assert types[0] == "application/vnd.citationstyles.csl+json"
    assert types[-1] == "text/xml"
    oai = head[-1][1]
    assert f"identifier=oai%3Aarchive.example.org%3A{kind}%3A{record.slug}" in oai
    assert ("presentation/3" in " ".join(types)) == (kind == "media")
    for _, href in head:
        parts = urlsplit(href)
        answer = client.get(f"{parts.path}?{parts.query}" if parts.query else parts.path)
        assert answer.status_code == 200, href
        assert b"idDoesNotExist" not in answer.content


def test_a_gallery_links_its_manifest(client):
    person = factories.person(portrait=image())
    head = _head_links(client.get(person.get_absolute_url()).content.decode())
    manifest = [href for type_, href in head if "presentation/3" in type_]
    assert manifest == [f"http://testserver/iiif/person/{person.slug}/manifest.json"]


def test_a_preview_links_no_public_description(client, curator):
    draft = factories.source(status=Status.DRAFT)
    client.force_login(curator)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Link" not in response and 'rel="describedby"' not in response.content.decode()


def test_the_links_cost_the_same_queries_for_1_and_50_images(client):
    def cost(person):
        with CaptureQueriesContext(connection) as queries:
            client.get(person.get_absolute_url())
        return len(queries)

    few, many = factories.person(), factories.person()
    few.media.set([image()])
    many.media.set([image() for _ in range(50)])
    assert cost(few) == cost(many)
