"""A curator's batch edit in Chromium: select on the list → the operation → its value →
preview → apply → the report → undo, with axe-core on every batch page on the way."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User
from django.urls import reverse
from playwright.sync_api import expect

from archive.groups import CURATORS
from events.models import Event

from .conftest import SCREENS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
STRUCTURE_RULES = {"heading-order", "landmark-one-main", "region", "page-has-heading-one",
                   "landmark-unique", "duplicate-id-aria"}  # fmt: skip


def accessible(page, name: str) -> None:
    page.screenshot(path=SCREENS / f"admin-batch-{name}.png", full_page=True)
    violations = Axe().run(page).response["violations"]
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        f"{[(n['target'], n.get('failureSummary', '')[:300]) for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical") or v["id"] in STRUCTURE_RULES
    ]
    assert bad == [], f"{name}:\n" + "\n".join(bad)
    page.screenshot(path=SCREENS / f"admin-batch-{name}.png", full_page=True)


def test_a_curator_walks_a_batch_edit_with_preview_and_undo(page, site):
    curator = User.objects.create_user("curator", password="pw-for-tests-only", is_staff=True)
    curator.groups.add(Group.objects.get(name=CURATORS))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + reverse("admin:login"))
    page.get_by_label("Username").fill("curator")
    page.get_by_label("Password").fill("pw-for-tests-only")
    page.get_by_role("button", name="Log in").click()

    page.goto(site + reverse("admin:events_event_changelist"))
    chosen = list(Event.objects.order_by("pk")[:2])
    before = {event.pk: event.summary for event in chosen}
    for event in chosen:
        page.locator(f"input.action-select[value='{event.pk}']").check()
    page.locator("select[name=action]").select_option(label="Edit selected in a batch…")
    page.get_by_role("button", name="Go").click()

    expect(page.locator(".batch-selection")).to_contain_text("Selected: 2 events")
    accessible(page, "choose")
    page.get_by_label("What to do").select_option(label="Set summary")
    page.get_by_role("button", name="Next").click()

    accessible(page, "value")
    page.get_by_label("Summary").fill("Summarised in a batch.")
    page.get_by_role("button", name="Preview").click()

    expect(page.locator("#batch-changed")).to_have_text("2")
    expect(page.locator("#batch-sample")).to_contain_text("Summarised in a batch.")
    accessible(page, "preview")
    assert not Event.objects.filter(summary="Summarised in a batch.").exists()  # a preview
    page.get_by_role("button", name="Apply to 2 records").click()

    expect(page.locator(".messagelist")).to_contain_text("Batch edit: 2 changed")
    expect(page.locator("#batch-progress")).to_be_visible()
    accessible(page, "done")
    assert Event.objects.filter(summary="Summarised in a batch.").count() == 2

    # Each record's History links the batch, whose page undoes it.
    page.goto(site + reverse("admin:events_event_history", args=[chosen[0].pk]))
    accessible(page, "history")
    page.locator("#batch-edits").get_by_role("link").first.click()
    page.get_by_role("button", name="Undo this batch").click()
    expect(page.locator(".messagelist")).to_contain_text("Undo: 2 changed")
    accessible(page, "undone")
    assert {e.pk: e.summary for e in Event.objects.filter(pk__in=before)} == before
