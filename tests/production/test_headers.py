"""Security headers: a Content-Security-Policy on every HTML page, with nothing inline on the
public site that it would have to allow; HSTS and the SSL redirect when the settings ask.

The public pages are the ones the Nu Html Checker test renders (every page type of every
registered kind, home, search, timeline, 404, staff previews), so a new kind is covered here
without a change."""

import json

import lxml.html
import pytest
from django.test import override_settings
from django.urls import reverse

from archive.views.pages import server_error
from tests.public.data import add_disagreement, add_image
from tests.public.test_html_valid import render_site

pytestmark = pytest.mark.django_db

STYLES = ("<style>", 'style=""')  # what the admin and the API pages may have
INLINE_EVENTS = ("onclick", "onload", "onerror", "onchange", "onsubmit", "oninput", "onfocus")


def directives(response) -> dict[str, list[str]]:
    header = response.get("Content-Security-Policy")
    assert header, f"{response.request['PATH_INFO']}: no Content-Security-Policy"
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def assert_strict_policy(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    for name in ("script-src", "style-src"):
        assert policy[name] == ["'self'"], (response.request["PATH_INFO"], name, policy[name])
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


def inline_code(html: str) -> list[str]:
    """Everything in a page that a policy without 'unsafe-inline' would block."""
    tree = lxml.html.fromstring(html)
    found = []
    for script in tree.iter("script"):
        if script.get("type") in ("application/ld+json", "application/json"):
            json.loads(script.text)  # data, not script: a browser reads it under any policy
        elif not script.get("src") or (script.text or "").strip():
            found.append(f"inline <script>: {(script.text or '')[:60]!r}")
    found += [f"<style>: {(style.text or '')[:60]!r}" for style in tree.iter("style")]
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        if element.get("style") is not None:
            found.append(f'style="" on <{element.tag}>')
        found += [f"{name} on <{element.tag}>" for name in INLINE_EVENTS if element.get(name)]
        for name in ("href", "src", "action"):
            if (element.get(name) or "").strip().lower().startswith("javascript:"):
                found.append(f"javascript: URL on <{element.tag}>")
    return found


class CheckedPages:
    """Takes the place of the Nu checker test's page collector and checks each page's header
    and HTML as it is rendered."""

    def __init__(self):
        self.problems: list[str] = []
        self.count = 0

    def get(self, client, page, url, params=None, status=200):
        response = client.get(url, params)
        assert response.status_code == status, (page, url, params, response.status_code)
        assert_strict_policy(response)
        html = response.content.decode()
        self.problems += [f"{page} ({url}): {problem}" for problem in inline_code(html)]
        self.count += 1
        return html

    def add(self, page, url, content):
        self.problems += [f"{page}: {problem}" for problem in inline_code(content.decode())]
        return content.decode()


@pytest.fixture
def site(demo):
    add_disagreement()
    add_image()


def test_it_sends_a_strict_policy_on_every_public_page_with_nothing_inline(
    client, curator_client, site, settings
):
    settings.DEBUG = False
    pages = CheckedPages()
    render_site(pages, client, curator_client)
    assert pages.count > 50, f"only {pages.count} pages rendered"
    assert pages.problems == []


def test_it_sends_the_policy_on_a_404_and_the_500_page_has_nothing_inline(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_strict_policy(response)
    assert inline_code(server_error(None).content.decode()) == []


def test_the_admin_may_use_inline_styles_but_never_inline_scripts(client, curator_client):
    for response in (
        client.get(reverse("admin:login")),
        curator_client.get(reverse("admin:index")),
        curator_client.get(reverse("admin:archive_source_changelist")),
        curator_client.get(reverse("admin:archive_source_add")),
    ):
        assert response.status_code == 200
        policy = directives(response)
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]
        # Django's change list writes a <style>, django-import-export style="" attributes.
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        html = response.content.decode()
        assert [p for p in inline_code(html) if not p.startswith(STYLES)] == []


def test_media_files_keep_their_own_sandboxed_policy(client, site):
    from archive.models import MediaItem

    item = MediaItem.objects.published().first()
    response = client.get(reverse("media_files:original", args=[item.slug]))
    assert response.status_code == 200
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


@override_settings(
    SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_HSTS_PRELOAD=True
)
def test_it_sends_hsts_over_https_when_the_settings_ask(client, db):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert_strict_policy(response)


def test_it_sends_no_hsts_by_default(client, db):
    assert "Strict-Transport-Security" not in client.get("/", secure=True)


@override_settings(SECURE_SSL_REDIRECT=True)
def test_it_redirects_plain_http_to_https_when_the_settings_ask(client, db):
    response = client.get("/sources/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/sources/?page=2"
    assert client.get("/", secure=True).status_code == 200


@override_settings(
    SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
def test_it_trusts_the_proxy_that_says_the_request_was_https(client, db):
    assert client.get("/", headers={"x-forwarded-proto": "https"}).status_code == 200


def test_the_inline_check_finds_what_a_strict_policy_would_block():
    html = (
        "<html><head><script>alert(1)</script><style>p{}</style>"
        '<script type="application/ld+json">{"@type": "Thing"}</script>'
        '<script src="/static/x.js"></script></head>'
        '<body><p style="color: red" onclick="go()"><a href="javascript:go()">x</a></p></body>'
        "</html>"
    )
    assert len(inline_code(html)) == 5


def test_the_api_pages_may_use_inline_styles_and_data_images_but_never_inline_scripts(client, db):
    for url in (reverse("api:docs"), reverse("api:event-list")):
        response = client.get(url, headers={"accept": "text/html"})  # DRF's browsable API
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("text/html"), url
        policy = directives(response)
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["img-src"] == ["'self'", "data:"]
        html = response.content.decode()
        assert [p for p in inline_code(html) if not p.startswith(STYLES)] == []


def test_it_leaves_files_and_data_to_their_own_headers(client, db):
    for url in ("/sitemap.xml", reverse("service:feed"), reverse("api:event-list")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response["Content-Type"].startswith("text/html"), url
        assert "Content-Security-Policy" not in response, url
