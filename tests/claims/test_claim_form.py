"""The claim form offers, by the attribute's kind of value, the one input that applies: it
refuses a value of the wrong kind in plain words, requires the right one, names records as
kind:slug, and warns, without refusing, when another source gives another value."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from archive.models import Claim, ClaimAttribute
from tests import factories
from tests.catalogue.admin_forms import add_inline_rows, form_data, inline_prefix

pytestmark = pytest.mark.django_db


def attribute(slug: str) -> int:
    return ClaimAttribute.objects.get(slug=slug).pk


def post_claim(client, record, row: dict):
    """Add one claim row to `record` through its admin change form."""
    opts = record._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    page = client.get(url)
    data = add_inline_rows(form_data(page), inline_prefix(page, "claim"), [row])
    return client.post(url, data, follow=True)


@pytest.fixture
def event():
    return factories.event(title="Night in Baku")


@pytest.fixture
def source():
    return factories.source(title="A report")


@pytest.mark.parametrize(
    ("slug", "row", "field", "message"),
    [
        ("killed", {"value_text": "many"}, "value_text", "“Killed” takes a number"),
        ("killed", {}, "value_number", "give the number, or a lower or upper bound"),
        ("place", {"value_number": "3"}, "value_number", "“Place” takes a text, not a number"),
        ("date", {"value_text": "winter"}, "value_text", "“Date” takes a date (edtf), not a text"),
        ("date", {}, "value_date", "takes an EDTF date"),
        ("attributed-to", {"value_text": "him"}, "value_text", "not a text"),
        ("attributed-to", {}, "value_record", "takes a record of the archive"),
        ("attributed-to", {"value_record": "nobody"}, "value_record", "write kind:slug"),
        ("attributed-to", {"value_record": "person:nobody"}, "value_record", "No person has"),
    ],
)
def test_it_refuses_values_of_the_wrong_kind_in_words(
    curator_client, event, source, slug, row, field, message
):
    response = post_claim(
        curator_client, event, {"attribute": attribute(slug), "source": source.pk, **row}
    )
    assert response.status_code == 200
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is Claim
    )
    errors = " ".join(str(e) for e in formset.forms[-1].errors.get(field, []))
    assert message in errors, formset.forms[-1].errors
    assert not Claim.objects.exists()  # nothing saved, the rest of the form kept


@pytest.mark.parametrize(
    ("slug", "row", "reads"),
    [
        ("killed", {"value_upper": "300"}, "up to 300 people"),
        ("killed", {"value_number": "147", "value_lower": "131", "value_upper": "147"},
         "about 147 people (between 131 and 147)"),
        ("place", {"value_text": "Baku"}, "Baku"),
        ("date", {"value_date": "1990-01-20"}, "20 January 1990"),
    ],
)  # fmt: skip
def test_it_saves_the_value_that_applies(curator_client, event, source, slug, row, reads):
    response = post_claim(
        curator_client, event, {"attribute": attribute(slug), "source": source.pk, **row}
    )
    assert response.redirect_chain, response.context["errors"]
    assert Claim.objects.get().value_display == reads


def test_a_record_value_is_named_by_kind_and_slug_even_an_old_one(curator_client, event, source):
    person = factories.person(name="Mikhail Gorbachev", slug="gorbachev")
    person.slug = "mikhail-gorbachev"
    person.save()  # the old slug redirects, and still names him
    row = {
        "attribute": attribute("attributed-to"),
        "source": source.pk,
        "value_record": "person:gorbachev",
    }
    response = post_claim(curator_client, event, row)
    assert response.redirect_chain
    claim = Claim.objects.get()
    assert (claim.value_record, claim.value_display) == (person, "Mikhail Gorbachev")
    # The form shows it back as its reference, and the row reads as the name.
    page = curator_client.get(reverse("admin:events_event_change", args=[event.pk]))
    text = page.content.decode()
    assert 'value="person:mikhail-gorbachev"' in text
    assert "Mikhail Gorbachev" in text


def test_the_inputs_say_which_kind_they_are_for(curator_client, event):
    page = curator_client.get(reverse("admin:events_event_change", args=[event.pk]))
    text = page.content.decode()
    killed = ClaimAttribute.objects.get(slug="killed")
    assert f'value="{killed.pk}" data-value-kind="number"' in text
    assert 'data-claim-value="number"' in text and 'data-claim-value="record"' in text
    assert "Number attributes: the most the source allows." in text
    assert "/static/js/claim-kinds.js" in text


def test_a_disagreeing_value_is_saved_with_a_warning(curator_client, event, source):
    other = factories.source(title="Monitor's report")
    factories.claim(event, other, "killed", 131)
    factories.claim(event, factories.source(title="Same figure"), "killed", 147)
    response = post_claim(
        curator_client,
        event,
        {"attribute": attribute("killed"), "source": source.pk, "value_number": "147"},
    )
    assert response.redirect_chain  # saved, not refused
    assert Claim.objects.filter(source=source, value_number=147).exists()
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings == [
        "Another source gives 131 people for “Killed” (this claim: 147 people): "
        "“Monitor's report”. Both are kept."
    ]


def test_an_agreeing_value_or_an_unchanged_row_warns_of_nothing(curator_client, event, source):
    factories.claim(event, factories.source(), "killed", 147)
    factories.claim(event, source, "killed", 131)  # disagrees already; saved before
    response = post_claim(
        curator_client,
        event,
        {"attribute": attribute("wounded"), "source": source.pk, "value_number": "744"},
    )
    assert response.redirect_chain
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_the_claim_form_of_its_own_warns_too(curator_client, event, source):
    factories.claim(event, factories.source(title="Monitor's report"), "killed", 131)
    claim = factories.claim(event, source, "killed", 147)
    url = reverse("admin:archive_claim_change", args=[claim.pk])
    data = form_data(curator_client.get(url))
    data["value_number"] = "150"
    response = curator_client.post(url, data, follow=True)
    assert response.redirect_chain, response.context["adminform"].form.errors
    claim.refresh_from_db()
    assert claim.value_number == 150
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings and "Another source gives 131 people" in warnings[0]


def test_the_claim_form_of_its_own_refuses_the_wrong_kind(curator_client, event, source):
    claim = factories.claim(event, source, "killed", 147)
    url = reverse("admin:archive_claim_change", args=[claim.pk])
    data = form_data(curator_client.get(url))
    data["value_text"] = "many"
    response = curator_client.post(url, data)
    assert response.status_code == 200
    assert "“Killed” takes a number" in response.content.decode()


def test_a_cataloguer_adds_claims_but_cannot_publish_with_them(cataloguer_client, source):
    draft = factories.event(status="draft")
    opts = draft._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[draft.pk])
    page = cataloguer_client.get(url)
    data = add_inline_rows(
        form_data(page),
        inline_prefix(page, "claim"),
        [{"attribute": attribute("killed"), "source": source.pk, "value_number": "147"}],
    )
    data["status"] = "published"
    response = cataloguer_client.post(url, data)
    assert response.status_code == 200  # refused by the lifecycle, claims and all
    assert not Claim.objects.exists()
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_a_record_form_costs_the_same_for_1_or_50_claims(curator_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for rows in (1, 50):
        event = factories.event()
        person = factories.person()
        for n in range(rows):
            factories.claim(event, factories.source(), "killed", n)
            factories.claim(event, factories.source(), "attributed-to", value_record=person)
        url = reverse("admin:events_event_change", args=[event.pk])
        with CaptureQueriesContext(connection) as queries:
            assert curator_client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_an_old_row_of_mixed_kinds_blocks_nothing_until_edited(curator_client, event, source):
    old = factories.claim(event, source, "killed", 147, value_text="about 150")  # before kinds
    url = reverse("admin:events_event_change", args=[event.pk])
    data = form_data(curator_client.get(url))
    data["title"] = "Night in Baku, 1990"
    assert curator_client.post(url, data).status_code == 302
    prefix = inline_prefix(curator_client.get(url), "claim")
    data = form_data(curator_client.get(url))
    data[f"{prefix}-0-locator"] = "p. 7"  # editing the row asks for one kind
    response = curator_client.post(url, data)
    assert response.status_code == 200
    assert "“Killed” takes a number (with optional bounds), not a text" in response.content.decode()
    old.refresh_from_db()
    assert (old.value_text, old.locator) == ("about 150", "")
