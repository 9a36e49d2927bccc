"""At a phone's width nothing scrolls sideways and the navigation stays usable; printed, a
record keeps its notes and drops the navigation."""

import pytest
from playwright.sync_api import expect

from tests.public.data import EVENT_SLUG

from .conftest import SCREENS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE_PAGES = {
    "home": "/",
    "event-list": "/events/",
    "event": f"/events/{EVENT_SLUG}/",
    "timeline": "/events/timeline/",
    "person": "/people/heydar-aliyev/",
    "source": "/sources/azerbaijan-remembers-january-20/",
}


def test_it_fits_a_phone_and_prints_with_notes(page, site, no_external_requests):
    page.set_viewport_size({"width": 360, "height": 740})
    for name, path in PHONE_PAGES.items():
        page.goto(site + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 360px"
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        expect(page.get_by_role("search")).to_be_visible()
        page.screenshot(path=SCREENS / f"phone-{name}.png", full_page=True)

    page.goto(site + PHONE_PAGES["event"])
    page.emulate_media(media="print")
    expect(page.locator("#footnotes-label")).to_be_visible()
    expect(page.locator("#fn-1")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.locator(".filters, .downloads")).to_have_count(1)  # the downloads list, hidden
    expect(page.locator(".downloads")).to_be_hidden()
    page.pdf(path=str(SCREENS / "print-event.pdf"))
