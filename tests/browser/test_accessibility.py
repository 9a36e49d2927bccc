"""axe-core on every page type: no serious or critical violation, nor any breach of page
structure (landmarks, heading order). Screenshots of each page type go to test-results/screens/."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.public.data import EVENT_SLUG

from .conftest import SCREENS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAGES = {
    "home": "/",
    "event-list": "/events/?year_from=1988&sort=-date",
    "event": f"/events/{EVENT_SLUG}/",
    "timeline": "/events/timeline/",
    "person-list": "/people/",
    "person": "/people/heydar-aliyev/",
    "source-list": "/sources/",
    "source": "/sources/azerbaijan-remembers-january-20/",
    "place-list": "/places/",
    "place": "/places/baku/",
    "media-list": "/media/",
    "media": "/media/street-in-baku-at-night-test-image/",
    "not-found": "/events/no-such-event/",
}
STRUCTURE_RULES = {"heading-order", "landmark-one-main", "region", "page-has-heading-one",
                   "landmark-unique", "duplicate-id-aria", "skip-link"}  # fmt: skip


@pytest.mark.parametrize("name", PAGES)
def test_it_has_no_serious_accessibility_violations(page, site, no_external_requests, name):
    page.set_viewport_size({"width": 1280, "height": 900})
    response = page.goto(site + PAGES[name])
    assert response.status == (404 if name == "not-found" else 200)
    results = Axe().run(page)
    violations = results.response["violations"]
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical") or v["id"] in STRUCTURE_RULES
    ]
    assert bad == [], "\n".join(bad)
    page.screenshot(path=SCREENS / f"desktop-{name}.png", full_page=True)
