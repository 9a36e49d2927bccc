"""In the admin, a claim row offers the inputs its attribute's kind of value uses: the script
(static/js/claim-kinds.js, allowed by the CSP) hides the others when the attribute changes. The
admin pages this work changed have no serious accessibility violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User
from django.urls import reverse
from playwright.sync_api import expect

from archive.groups import CURATORS
from archive.models import Claim, ClaimAttribute, MediaItem, Source
from archive.numbers import plain
from events.models import Event
from people.models import Person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EVENT = "baku-19-20-january-1990"  # the demo's night in Baku, with claims of each kind


@pytest.fixture
def admin_page(page, site):
    curator = User.objects.create_user("curator", password="pw-for-tests-only", is_staff=True)
    curator.groups.add(Group.objects.get(name=CURATORS))
    page.goto(site + reverse("admin:login"))
    page.get_by_label("Username").fill("curator")
    page.get_by_label("Password").fill("pw-for-tests-only")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_be_visible()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    yield page
    assert errors == []


def claim_row(page, index: int):
    return page.locator(f"#archive-claim-content_type-object_id-{index}")


def test_changing_the_attribute_shows_only_its_inputs(admin_page, site):
    page = admin_page
    event = Event.objects.get(slug=EVENT)
    killed = Claim.objects.filter(object_id=event.pk, attribute__slug="killed").first()
    page.goto(site + reverse("admin:events_event_change", args=[event.pk]))
    rows = page.locator("tr.form-row.has_original").filter(
        has=page.locator("[data-claim-attribute]")
    )
    row = rows.filter(has=page.locator(f"input[value='{plain(killed.value_number)}']")).first
    number, text = row.locator("[name$='-value_number']"), row.locator("[name$='-value_text']")
    date, record = row.locator("[name$='-value_date']"), row.locator("[name$='-value_record']")
    expect(number).to_be_visible()
    expect(text).to_be_hidden()
    expect(record).to_be_hidden()

    lower = row.locator("[name$='-value_lower']")
    row.locator("[data-claim-attribute]").select_option(label="Place")
    expect(text).to_be_visible()
    expect(lower).to_be_hidden()
    expect(number).to_be_visible()  # it holds 147: in sight until cleared
    number.fill("")
    row.locator("[data-claim-attribute]").select_option(label="Date")
    expect(date).to_be_visible()
    expect(text).to_be_hidden()
    row.locator("[data-claim-attribute]").select_option(label="Attributed to")
    expect(record).to_be_visible()
    expect(date).to_be_hidden()

    # A row added in the page behaves the same.
    page.locator("#archive-claim-content_type-object_id-group .add-row a").click()
    added = page.locator("tr.form-row.dynamic-archive-claim-content_type-object_id").last
    added.locator("[data-claim-attribute]").select_option(label="Wounded")
    expect(added.locator("[name$='-value_upper']")).to_be_visible()
    expect(added.locator("[name$='-value_text']")).to_be_hidden()


def test_the_claim_form_of_its_own_hides_whole_rows(admin_page, site):
    page = admin_page
    claim = Claim.objects.filter(attribute__value_kind=ClaimAttribute.ValueKind.NUMBER).first()
    page.goto(site + reverse("admin:archive_claim_change", args=[claim.pk]))
    expect(page.locator(".form-row.field-value_number")).to_be_visible()
    expect(page.locator(".form-row.field-value_text")).to_be_hidden()
    page.locator("#id_attribute").select_option(label="Participants")
    expect(page.locator(".form-row.field-value_text")).to_be_visible()
    expect(page.locator(".form-row.field-value_lower")).to_be_hidden()


CLAIMS = "#archive-claim-content_type-object_id-group"
# Stock admin parts this work did not change (breadcrumbs, select2's markup, other inlines) are
# left to the admin-layout work; axe checks the parts it did change.
SELECT2 = [".select2-container"]


def changed_admin_pages() -> dict[str, tuple[str, list[str]]]:
    event = Event.objects.get(slug=EVENT)
    person = Person.objects.filter(participations__isnull=False).first()
    media = MediaItem.objects.first()
    event.media.add(media)
    person.media.add(media)
    return {
        "event": (reverse("admin:events_event_change", args=[event.pk]), [CLAIMS]),
        "claim": (
            reverse("admin:archive_claim_change", args=[Claim.objects.first().pk]),
            ["#claim_form fieldset"],
        ),
        "media": (
            reverse("admin:archive_mediaitem_change", args=[media.pk]),
            ["#Event_media-group", "#Person_media-group"],
        ),
        "person": (
            reverse("admin:people_person_change", args=[person.pk]),
            ["#participations-group"],
        ),
        "source": (
            reverse(
                "admin:archive_source_change",
                args=[Source.objects.get(slug="azerbaijan-remembers-january-20").pk],
            ),
            [".field-cited_by_records"],
        ),
    }


def test_the_changed_admin_pages_have_no_serious_accessibility_violations(admin_page, site):
    page = admin_page
    page.set_viewport_size({"width": 1280, "height": 900})
    bad = []
    for name, (url, parts) in changed_admin_pages().items():
        assert page.goto(site + url).status == 200, name
        for part in parts:
            expect(page.locator(part).first).to_be_attached()
        context = {"include": [[part] for part in parts], "exclude": [SELECT2]}
        violations = Axe().run(page, context=context).response["violations"]
        bad += [
            f"{name}: {v['id']} ({v['impact']}): {v['help']} — "
            f"{[n['target'] for n in v['nodes']][:3]}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
    assert bad == [], "\n".join(bad)
