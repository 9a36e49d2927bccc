"""A browse filter's text box suggests published records as the visitor types (the script
fills a <datalist> from the JSON endpoint), and choosing one filters by its slug."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_typing_a_name_suggests_people_and_a_chosen_slug_filters(page, site, no_external_requests):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    failed = lambda r: r.status >= 400 and not r.url.endswith("/favicon.ico")  # noqa: E731
    page.on("response", lambda r: errors.append(r.url) if failed(r) else None)
    page.goto(site + "/events/")
    box = page.locator("#id_person")
    box.press_sequentially("Heyd", delay=30)
    options = page.locator("#id_person_suggestions option")
    expect(options.first).to_have_attribute("value", "heydar-aliyev")
    box.fill("heydar-aliyev")
    page.get_by_role("button", name="Apply").click()
    assert "person=heydar-aliyev" in page.url
    expect(page.locator(".field-chosen")).to_contain_text("Heydar Aliyev")
    assert errors == []
