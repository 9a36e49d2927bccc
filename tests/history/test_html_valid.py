"""The History and compare pages are valid HTML (the Nu Html Checker, as for public pages)."""

import pytest
from django.urls import reverse

from tests.public.test_html_valid import nu_html_check

from .test_compare import history  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def test_history_and_compare_pages_are_valid_html(curator_client, history, tmp_path):  # noqa: F811
    record, old, new = history
    pages = {
        "history.html": reverse("admin:events_event_history", args=[record.pk]),
        "compare.html": reverse("admin:events_event_compare", args=[record.pk])
        + f"?old={old.pk}&new={new.pk}",
    }
    for name, url in pages.items():
        response = curator_client.get(url)
        assert response.status_code == 200
        (tmp_path / name).write_bytes(response.content)
    assert nu_html_check(tmp_path, pages) == []
