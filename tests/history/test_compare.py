"""Compare two versions of a record from its History page, and restore one from there."""

import re

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from archive.models import Citation
from tests import factories
from tests.catalogue.admin_forms import form_data

pytestmark = pytest.mark.django_db

OLD_TEXT = "Troops entered the city at night and the curfew began at dawn."
NEW_TEXT = "Soviet troops entered the city at midnight and the curfew began at dawn."


def _save(record, comment, **changes):
    with reversion.create_revision():
        for name, value in changes.items():
            setattr(record, name, value)
        record.save()
        reversion.set_comment(comment)


@pytest.fixture
def history():
    """An event saved twice: its title and description changed, a citation added, a claim
    changed, a citation of another event (in the same revision) that is not its own."""
    first, second = factories.source(title="Pravda"), factories.source(title="Izvestia")
    record = factories.event(title="Black January", description=OLD_TEXT)
    claim = factories.claim(record, first, value="130")
    _save(record, "First version.")
    other = factories.event(title="Another event")
    factories.citation(record, second, locator="p. 4")
    factories.citation(other, second, locator="p. 99")
    claim.value_number = 147
    claim.save()
    with reversion.create_revision():
        reversion.add_to_revision(other)
        _save(record, "Second version.", title="Black January 1990", description=NEW_TEXT)
    old, new = Version.objects.get_for_object(record).order_by("pk")
    return record, old, new


def _compare(client, record, old, new):
    url = reverse("admin:events_event_compare", args=[record.pk])
    return client.get(url, {"old": old.pk, "new": new.pk})


def test_it_offers_two_versions_to_pick_on_the_history_page(curator_client, history):
    record, old, new = history
    page = curator_client.get(reverse("admin:events_event_history", args=[record.pk]))
    html = page.content.decode()
    compare_url = reverse("admin:events_event_compare", args=[record.pk])
    assert f'action="{compare_url}"' in html and 'method="get"' in html
    # The latest is preselected as "to", the one before as "from": one click compares them.
    assert re.search(rf'name="new" value="{new.pk}"[^>]*checked', html)
    assert re.search(rf'name="old" value="{old.pk}"[^>]*checked', html)
    assert reverse("admin:events_event_revision", args=[record.pk, old.pk]) in html


def test_it_shows_the_versions_side_by_side_with_changed_fields_marked(curator_client, history):
    record, old, new = history
    page = _compare(curator_client, record, old, new)
    assert page.status_code == 200
    html = page.content.decode()
    row = re.search(r'<tr class="changed">\s*<th scope="row">Title</th>(.*?)</tr>', html, re.S)
    assert row, "the title is marked as changed"
    assert "Black January</td>" in row.group(1) and "Black January 1990</td>" in row.group(1)
    assert not re.search(r'<tr class="changed">\s*<th scope="row">Slug</th>', html)


def test_long_text_is_a_word_diff(curator_client, history):
    record, old, new = history
    html = _compare(curator_client, record, old, new).content.decode()
    assert "<del>Troops</del>" in html and "<ins>Soviet troops</ins>" in html
    assert "<del>night</del>" in html and "<ins>midnight</ins>" in html
    assert "<del>dawn" not in html  # unchanged words are not marked


def test_inline_rows_are_compared_and_only_the_records_own(curator_client, history):
    record, old, new = history
    html = _compare(curator_client, record, old, new).content.decode()
    assert "Citations (1 of 1 changed)" in html
    assert re.search(r"Izvestia.*?</th>\s*<td class=\"state\">added", html, re.S)
    assert "p. 99" not in html  # the other event's citation rode in the same revision
    assert "Claims (1 of 1 changed)" in html
    assert re.search(r"130(\.0*)?</td>\s*<td>147(\.0*)?</td>", html)


def test_the_same_version_twice_shows_nothing_changed(curator_client, history):
    record, old, _ = history
    html = _compare(curator_client, record, old, old).content.decode()
    assert "0 fields changed" in html


def test_versions_of_another_record_are_refused(curator_client, history):
    record, old, _ = history
    other = factories.event()
    _save(other, "Other.")
    foreign = Version.objects.get_for_object(other).get()
    assert _compare(curator_client, record, old, foreign).status_code == 404
    url = reverse("admin:events_event_compare", args=[record.pk])
    assert curator_client.get(url, {"old": "x", "new": old.pk}).status_code == 404


def test_a_visitor_cannot_compare(client, visitor, history):
    record, old, new = history
    client.force_login(visitor)
    assert _compare(client, record, old, new).status_code == 302  # to the admin login


def test_it_restores_a_version_from_the_compare_page(curator_client, history):
    record, old, new = history
    html = _compare(curator_client, record, old, new).content.decode()
    restore = re.search(r'href="([^"]+)" class="button" id="restore-earlier"', html).group(1)
    assert restore == reverse("admin:events_event_revision", args=[record.pk, old.pk])
    form = curator_client.get(restore)
    assert form.status_code == 200
    response = curator_client.post(restore, form_data(form))
    assert response.status_code == 302, response.context and response.context["errors"]
    record.refresh_from_db()
    assert (record.title, record.description) == ("Black January", OLD_TEXT)
    assert not Citation.objects.filter(object_id=record.pk, locator="p. 4").exists()


def test_the_compare_page_needs_the_same_queries_for_1_or_30_rows(
    curator_client, history, django_assert_max_num_queries
):
    record, old, new = history
    _compare(curator_client, record, old, new)
    with django_assert_max_num_queries(40) as one:
        _compare(curator_client, record, old, new)
    source = factories.source()
    for n in range(30):
        factories.citation(record, source, locator=f"p. {n}")
    _save(record, "Many citations.")
    many = Version.objects.get_for_object(record).order_by("pk").last()
    with django_assert_max_num_queries(len(one.captured_queries)):
        _compare(curator_client, record, old, many)


def test_the_history_page_needs_the_same_queries_for_2_or_30_versions(
    curator_client, history, django_assert_max_num_queries
):
    record, _, _ = history
    url = reverse("admin:events_event_history", args=[record.pk])
    curator_client.get(url)
    with django_assert_max_num_queries(30) as few:
        curator_client.get(url)
    for n in range(28):
        _save(record, f"Save {n}.", summary=f"Summary {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = curator_client.get(url)
    assert page.content.decode().count('name="old"') == 30
