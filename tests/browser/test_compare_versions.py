"""A curator compares two versions of a record in Chromium, and restores one; axe-core on the
admin pages of "no lost work" (History, compare, a refused outdated save, the media form)."""

import pytest
import reversion
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User
from django.urls import reverse
from playwright.sync_api import expect

from archive.groups import CURATORS
from events.models import Event

from .conftest import SCREENS
from .test_csp import LISTEN

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OLD = "The curfew began at dawn, and troops entered the city at night."
NEW = "The curfew began at dawn, and Soviet troops entered the city at midnight."


def _serious(page, *parts: str) -> list[str]:
    """Serious or critical violations on the page, or in the parts named (CSS selectors)."""
    context = {"include": [[part] for part in parts]} if parts else None
    violations = Axe().run(page, context=context).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def _log_in(page, site):
    curator = User.objects.create_user("curator", password="pw-for-tests-only", is_staff=True)
    curator.groups.add(Group.objects.get(name=CURATORS))
    page.goto(site + reverse("admin:login"))
    page.get_by_label("Username").fill("curator")
    page.get_by_label("Password").fill("pw-for-tests-only")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_be_visible()


@pytest.fixture
def event(site):
    record = Event.objects.order_by("pk").first()
    for title, text in ((record.title, OLD), (f"{record.title} (revised)", NEW)):
        with reversion.create_revision():
            record.title, record.description = title, text
            record.save()
    return record


def test_a_curator_compares_two_versions_and_restores_one(page, site, event, no_external_requests):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.add_init_script(LISTEN)  # Content-Security-Policy violations, if any
    _log_in(page, site)
    page.goto(site + reverse("admin:events_event_history", args=[event.pk]))
    assert _serious(page) == []
    page.get_by_role("button", name="Compare the two versions").click()

    expect(page.locator("h1")).to_contain_text("Compare versions")
    title_row = page.locator(
        "#compare-fields tr.changed", has=page.get_by_text("Title", exact=True)
    )
    expect(title_row).to_contain_text("(revised)")
    expect(title_row.locator(".state")).to_have_text("changed")
    expect(page.locator("#compare-fields ins", has_text="midnight")).to_be_visible()
    expect(page.locator("#compare-fields del", has_text="night")).to_be_visible()
    # Highlighted, not by colour alone: the row says "changed".
    background = title_row.locator("td").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(255, 244, 206)"
    assert _serious(page) == []
    assert page.evaluate("window.__violations") == []  # its stylesheet is a file, not inline
    page.screenshot(path=SCREENS / "admin-compare.png", full_page=True)

    page.locator("#restore-earlier").click()
    expect(page.locator("h1")).to_contain_text("Revert")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_be_visible()
    event.refresh_from_db()
    assert event.description == OLD and not event.title.endswith("(revised)")


def test_the_refused_outdated_save_and_the_media_form_are_accessible(page, site, event):
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, site)
    page.goto(site + reverse("admin:events_event_change", args=[event.pk]))
    with reversion.create_revision():  # someone else saves meanwhile
        event.summary = "Someone else's summary."
        event.save()
    page.locator("#id_title").fill("My title")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".errornote, .errorlist").first).to_be_visible()
    expect(page.get_by_text("Someone else saved this record")).to_be_visible()
    expect(page.get_by_label("Save my values over theirs")).to_be_visible()
    # The refusal and the checkbox (the rest of the form is Django's, unchanged here: its
    # autocomplete widgets and inline rows have known axe findings of their own).
    assert _serious(page, "ul.errorlist.nonfield", ".field-overwrite_theirs") == []
    page.screenshot(path=SCREENS / "admin-stale-save.png", full_page=True)

    page.get_by_label("Save my values over theirs").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    event.refresh_from_db()
    assert event.title == "My title"

    page.goto(site + reverse("admin:archive_mediaitem_add"))
    expect(page.get_by_text("To publish:")).to_be_visible()
    assert _serious(page, ".field-status", ".field-file") == []
