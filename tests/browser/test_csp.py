"""Chromium enforces the Content-Security-Policy: no page of the public site or of the admin
that a visitor or a curator uses reports a violation, and the admin's scripts still run."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from playwright.sync_api import expect

from archive import registry
from archive.groups import CURATORS
from tests.public.test_html_valid import list_pages, published_records

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Runs in the page before its own code, and is not itself subject to the policy.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def violations(page):
    """Every violation any page reported, from its console and its DOM events."""
    found = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def visit(page, url, violations, status=200):
    response = page.goto(url)
    assert response.status == status, url
    assert response.headers["content-security-policy"]
    violations += [f"{url}: {text}" for text in page.evaluate("window.__violations")]


def test_no_public_page_reports_a_violation(page, site, violations):
    urls = [reverse("archive:home"), *(url for _, url in list_pages())]
    urls += [published_records(kind)[0].get_absolute_url() for kind in registry.kinds()]
    urls.append(reverse("search:search") + "?q=January")
    for url in urls:
        visit(page, site + url, violations)
    visit(page, site + "/no-such-page/", violations, status=404)
    assert violations == []


def test_the_admin_works_under_the_policy(page, site, violations):
    curator = User.objects.create_user("curator", password="pw-for-tests-only", is_staff=True)
    curator.groups.add(Group.objects.get(name=CURATORS))
    visit(page, site + reverse("admin:login"), violations)
    page.get_by_label("Username").fill("curator")
    page.get_by_label("Password").fill("pw-for-tests-only")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_be_visible()

    # The add form's scripts run: the slug fills itself in from the title (prepopulated_fields).
    visit(page, site + reverse("admin:archive_source_add"), violations)
    page.locator("#id_title").fill("A letter from the front")
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).to_have_value("a-letter-from-the-front")
    for name in (
        "admin:index",
        "admin:archive_source_changelist",
        "admin:archive_mediaitem_changelist",
    ):
        visit(page, site + reverse(name), violations)
    assert violations == []


def test_the_listener_hears_a_violation(page, site, violations):
    """The check above can fail: a page with an inline style and script under the same policy
    reports both."""
    probe = site + "/csp-probe/"
    page.route(
        probe,
        lambda route: route.fulfill(
            body='<!doctype html><p style="color: red">x</p><script>1</script>',
            headers={"content-type": "text/html", "content-security-policy": "default-src 'self'"},
        ),
    )
    visit(page, probe, violations)
    assert any("style-src" in text for text in violations), violations
    assert any("script-src" in text for text in violations), violations


def test_the_api_pages_work_under_the_policy(page, site, violations):
    visit(page, site + reverse("api:docs"), violations)
    expect(page.get_by_text("/api/event/").first).to_be_visible()  # Swagger UI ran
    violations += page.evaluate("window.__violations")
    visit(page, site + reverse("api:event-list"), violations)
    page.wait_for_timeout(500)
    violations += page.evaluate("window.__violations")
    assert violations == []
