"""A researcher's walk: home → event → person → source → cited by → back, by link and key."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import SCREENS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EVENT = "Soviet troops in Baku, 19–20 January 1990"
SOURCE = "Azerbaijan remembers January 20"


def test_it_walks_from_home_to_cited_by_and_back(page, site, no_external_requests):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    # The skip link is the first stop of the keyboard and moves focus to the content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Events").click()
    expect(page.get_by_role("heading", level=1, name="Events")).to_be_visible()
    page.screenshot(path=SCREENS / "desktop-event-list.png", full_page=True)
    page.get_by_role("link", name=EVENT).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EVENT)
    expect(page.locator(".record-date")).to_contain_text("19–20 January 1990")

    # The facts table shows the disagreement on the dead and both values with their sources.
    killed = page.locator("tbody.disagree")
    expect(killed).to_contain_text("Sources disagree")
    expect(killed).to_contain_text("147 people")
    expect(killed).to_contain_text("131 people")
    expect(killed).to_contain_text("Casualty report of a human-rights monitor")

    # A footnote reference leads to its note, and the note leads back to the text.
    page.locator("#fn-ref-1").click()
    expect(page).to_have_url(re.compile(r"#fn-1$"))
    expect(page.locator("#fn-1")).to_contain_text(SOURCE)
    page.locator("#fn-1 .backref").click()
    expect(page).to_have_url(re.compile(r"#fn-ref-1$"))
    page.screenshot(path=SCREENS / "desktop-event.png", full_page=True)

    page.locator(".participants").get_by_role("link", name="Mikhail Gorbachev").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mikhail Gorbachev")
    expect(page.locator(".events")).to_contain_text(EVENT)
    expect(page.locator("main [lang=ru]")).to_have_text("Михаил Сергеевич Горбачёв")
    page.screenshot(path=SCREENS / "desktop-person.png", full_page=True)

    page.locator(".bibliography").get_by_role("link", name=SOURCE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SOURCE)
    expect(page.get_by_role("note")).to_contain_text("Opinion piece")
    cited_by = page.locator(".cited-by")
    expect(cited_by).to_contain_text("Killed: 147 people")
    expect(cited_by).to_contain_text("Heydar Aliyev")
    page.screenshot(path=SCREENS / "desktop-source.png", full_page=True)

    cited_by.get_by_role("link", name="Heydar Aliyev", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Heydar Aliyev")

    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text(SOURCE)
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mikhail Gorbachev")
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text(EVENT)
