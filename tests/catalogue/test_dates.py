"""EDTF dates: validated, with indexed earliest/latest bounds, shown in plain words."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from archive import dates
from tests import factories

from .admin_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "words"),
    [
        ("1990-01-19/1990-01-20", "1990-01-19", "1990-01-20", "19–20 January 1990"),
        ("1990-01-21", "1990-01-21", "1990-01-21", "21 January 1990"),
        ("1987~", "1987-01-01", "1987-12-31", "about 1987"),
        ("1988?", "1988-01-01", "1988-12-31", "perhaps 1988"),
        ("199X", "1990-01-01", "1999-12-31", "the 1990s"),
        ("[1987..1990]", "1987-01-01", "1990-12-31", "some time in 1987–1990"),
        ("1993/..", "1993-01-01", None, "from 1993"),
        ("../1990", None, "1990-12-31", "until 1990"),
        ("1987/1988", "1987-01-01", "1988-12-31", "1987–1988"),
        ("1990-03", "1990-03-01", "1990-03-31", "March 1990"),
    ],
)
def test_it_derives_bounds_and_plain_words(text, earliest, latest, words):
    as_date = lambda s: datetime.date.fromisoformat(s) if s else None  # noqa: E731
    assert dates.bounds(text) == (as_date(earliest), as_date(latest))
    assert dates.describe(text) == words


@pytest.mark.parametrize("text", ["19900", "1990-13-01", "about 1990", "1990/1980x", "'; DROP"])
def test_it_refuses_invalid_edtf(text):
    with pytest.raises(ValidationError, match="is not a valid EDTF date"):
        dates.validate_edtf(text)


def test_it_refuses_an_interval_that_ends_before_it_begins():
    with pytest.raises(ValidationError, match="ends before it begins"):
        dates.validate_edtf("1991-05/1990")


def test_saving_fills_the_indexed_bounds():
    event = factories.event(date="1990-01-19/1990-01-20")
    assert (event.date_earliest, event.date_latest) == (
        datetime.date(1990, 1, 19),
        datetime.date(1990, 1, 20),
    )
    event.date = "1993/.."
    event.save(update_fields=["date"])
    event.refresh_from_db()
    assert (event.date_earliest, event.date_latest) == (datetime.date(1993, 1, 1), None)


def test_an_invalid_date_is_a_clear_form_error_in_the_admin(curator_client):
    event = factories.event(date="1990")
    url = reverse("admin:events_event_change", args=[event.pk])
    data = form_data(curator_client.get(url))
    data["date"] = "January 1990"
    response = curator_client.post(url, data)
    assert response.status_code == 200
    assert "“January 1990” is not a valid EDTF date" in response.content.decode()
    event.refresh_from_db()
    assert event.date == "1990"


def test_a_person_gets_birth_and_death_bounds(curator_client):
    person = factories.person()
    url = reverse("admin:people_person_change", args=[person.pk])
    data = form_data(curator_client.get(url))
    data.update({"birth_date": "1923-05-10", "death_date": "2003-12~"})
    assert curator_client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert person.birth_date_earliest == datetime.date(1923, 5, 10)
    assert person.death_date_latest == datetime.date(2003, 12, 31)
    assert person.lifetime == "10 May 1923 – about December 2003"


def test_dates_read_in_plain_words_in_the_admin_list(curator_client):
    factories.event(title="Night", date="1990-01-19/1990-01-20")
    response = curator_client.get(reverse("admin:events_event_changelist"))
    assert "19–20 January 1990" in response.content.decode()


@pytest.mark.parametrize(
    "text",
    [
        "1990", "1990-02", "1990-12", "2000-02-29", "1990-01-19", "1987~", "1988?", "1990-01%",
        "1990/1991", "1990-01-19/1990-01-20", "1993/..", "../1990", "1990-05/", "/1990",
        "0001", "1990/1990-06",
    ],
)  # fmt: skip
def test_the_fast_path_agrees_with_the_edtf_parser(text):
    assert dates._fast_bounds(text) is not None
    assert dates._fast_bounds(text) == dates._parsed_bounds(text)


@pytest.mark.parametrize("text", ["1990-02-30", "1990-13", "1991/1990", "0000", "1990-00"])
def test_the_fast_path_leaves_doubtful_dates_to_the_parser(text):
    assert dates._fast_bounds(text) is None


def test_a_refusal_is_remembered_and_still_raised(monkeypatch):
    dates._parsed_or_refused.cache_clear()
    calls = []
    real_parse = dates.parse
    monkeypatch.setattr(dates, "parse", lambda text: calls.append(text) or real_parse(text))
    for _ in range(3):
        with pytest.raises(ValidationError, match="is not a valid EDTF date"):
            dates.validate_edtf("1990-99-99x")
    assert calls == ["1990-99-99x"]
