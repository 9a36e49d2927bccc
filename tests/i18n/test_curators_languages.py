"""Curators work in all three languages: the change form edits each language's column as itself
(the plain field is English, whatever language the admin speaks, and never shows another
language's text by fallback), a record needs its required texts in one language, not
English; a list filter finds what is missing in a language; imports and exports carry one
column per language and round-trip through the admin."""

import io

import pytest
import tablib
from django.urls import reverse

from archive import translations
from archive.imports.run import import_dataset
from archive.models import Place, Status
from events.models import Event
from events.resources import EventResource
from tests import factories
from tests.catalogue.admin_forms import form_data
from tests.i18n.test_admin_languages import switch

pytestmark = pytest.mark.django_db

EN, AZ, RU = "The January events", "Yanvar hadisələri", "Январские события"
CHANGE = "/admin/events/event/{}/change/"


@pytest.fixture
def every():
    return factories.event(title=EN, title_az=AZ, title_ru=RU, slug="every")


@pytest.fixture
def only_az():
    event = factories.event(title_az=AZ, slug="only-az")
    Event.objects.rewrite(False).filter(pk=event.pk).update(title_en="", title_ru="")
    return Event.objects.get(pk=event.pk)


@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_the_plain_input_is_english_in_every_admin_language(curator_client, every, language):
    switch(curator_client, language)
    response = curator_client.get(CHANGE.format(every.pk))
    data = form_data(response)
    assert (data["title"], data["title_az"], data["title_ru"]) == (EN, AZ, RU)
    form = response.context["adminform"].form
    labels = [str(form.fields[name].label) for name in ("title", "title_az", "title_ru")]
    assert [label[-5:] for label in labels] == [" [en]", " [az]", " [ru]"], labels
    data.update(title="The January events, 1990", title_az="Yanvar hadisələri, 1990")
    response = curator_client.post(CHANGE.format(every.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    every.refresh_from_db()
    assert (every.title_en, every.title_az, every.title_ru) == (
        "The January events, 1990",
        "Yanvar hadisələri, 1990",
        RU,
    )


def test_the_english_input_does_not_show_another_languages_text(curator_client, only_az):
    response = curator_client.get(CHANGE.format(only_az.pk))
    data = form_data(response)
    assert (data.get("title", ""), data["title_az"]) == ("", AZ)
    data["summary_az"] = "Xülasə."
    response = curator_client.post(CHANGE.format(only_az.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    only_az.refresh_from_db()
    assert (only_az.title_en, only_az.title_az, only_az.summary_az) == ("", AZ, "Xülasə.")


def test_a_title_in_any_one_language_is_enough(curator_client):
    add = reverse("admin:events_event_add")
    data = form_data(curator_client.get(add))
    data.update(title="", title_az="", title_ru="Только по-русски", slug="ru-only")
    response = curator_client.post(add, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug="ru-only")
    assert (event.title_en or "", event.title_ru) == ("", "Только по-русски")


@pytest.mark.parametrize("language", ["en", "az"])
def test_a_record_without_a_title_in_any_language_is_refused(curator_client, language):
    switch(curator_client, language)
    add = reverse("admin:events_event_add")
    data = form_data(curator_client.get(add))
    data.update(title="", title_az="", title_ru="", slug="nameless")
    response = curator_client.post(add, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    message = {"en": "in at least one language", "az": "ən azı bir dildə"}[language]
    assert message in " ".join(errors["title"]), errors
    assert not Event.objects.filter(slug="nameless").exists()


def test_the_missing_translation_filter_lists_what_a_language_lacks(curator_client, every):
    only_en = factories.event(title="Only English", slug="only-en", summary="Summary.")
    half = factories.event(
        title="Half", title_az="Yarım", title_ru="Половина", slug="half", summary="Summary."
    )  # the summary has no Azerbaijani or Russian
    changelist = reverse("admin:events_event_changelist")
    html = curator_client.get(changelist).content.decode()
    assert "By missing translation" in html
    for language, expected in [
        ("az", {only_en, half}),
        ("ru", {only_en, half}),
        ("en", set()),
    ]:
        response = curator_client.get(changelist, {"missing_translation": language})
        assert response.status_code == 200
        assert set(response.context["cl"].result_list) == expected, language
    Event.objects.filter(pk=half.pk).update(summary_az="Xülasə.")
    response = curator_client.get(changelist, {"missing_translation": "az"})
    assert set(response.context["cl"].result_list) == {only_en}


def test_every_translated_kind_has_the_filter(curator_client):
    from django.contrib import admin

    from archive.admin.languages import MissingTranslationFilter

    for model, model_admin in admin.site._registry.items():
        if translations.translated_fields(model) and hasattr(model, "status"):
            assert MissingTranslationFilter in model_admin.get_list_filter(None), model


def test_the_export_writes_english_under_the_plain_column_in_any_admin_language(every):
    from django.utils import translation

    with translation.override("az"):
        dataset = EventResource().export(Event.objects.filter(pk=every.pk))
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert (row["title"], row["title_az"], row["title_ru"]) == (EN, AZ, RU)
    assert "title_en" not in dataset.headers


def test_an_import_in_another_admin_language_writes_english_under_title(every):
    from django.utils import translation

    data = tablib.Dataset(headers=["slug", "title", "status"])
    data.append(["every", "Renamed", "published"])
    with translation.override("ru"):
        import_dataset(EventResource, data)
    every.refresh_from_db()
    assert (every.title_en, every.title_az, every.title_ru) == ("Renamed", AZ, RU)


def test_an_import_reads_title_en_as_the_english_title(every):
    data = tablib.Dataset(headers=["slug", "title_en", "title_ru", "status"])
    data.append(["every", "Renamed", "Переименовано", "published"])
    import_dataset(EventResource, data)
    every.refresh_from_db()
    assert (every.title_en, every.title_az, every.title_ru) == ("Renamed", AZ, "Переименовано")


def test_an_import_refuses_title_and_title_en_that_disagree(every):
    data = tablib.Dataset(headers=["slug", "title", "title_en", "status"])
    data.append(["every", "One", "Another", "published"])
    summary = import_dataset(EventResource, data)
    assert summary.failed == 1 and not summary.written
    assert "“title_en” and “title” are both the English text and differ" in summary.errors[0]
    every.refresh_from_db()
    assert every.title_en == EN


def test_an_import_refuses_a_column_in_a_language_the_archive_does_not_have(every):
    data = tablib.Dataset(headers=["slug", "title", "title_de", "status"])
    data.append(["every", EN, "Die Januarereignisse", "published"])
    summary = import_dataset(EventResource, data)
    assert summary.failed == 1 and not summary.written
    assert "title_de" in summary.errors[0] and "en, az, ru" in summary.errors[0]
    every.refresh_from_db()
    assert every.title_en == EN


def _export(client, model, resource_fields, fmt):
    opts = model._meta
    prefix = f"{opts.model_name}resource_"
    response = client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_export"),
        {"format": fmt, "resource": "0", **{prefix + f: "on" for f in resource_fields}},
    )
    assert response.status_code == 200
    return response.content


def _upload(client, model, content, name, fmt):
    opts = model._meta
    upload = io.BytesIO(content)
    upload.name = name
    return client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_import"),
        {"import_file": upload, "format": fmt, "resource": "0"},
    )


@pytest.mark.parametrize(("fmt", "name"), [("0", "events.csv"), ("1", "events.xlsx")])
@pytest.mark.parametrize("language", ["en", "az"])
def test_events_round_trip_through_the_admin_in_every_language(
    curator_client, every, only_az, fmt, name, language
):
    switch(curator_client, language)
    Event.objects.filter(pk=every.pk).update(
        summary="Summary.", summary_az="Xülasə.", summary_ru="Краткое содержание."
    )
    columns = translations.with_languages(Event, ["slug", "title", "status", "summary"])
    exported = _export(curator_client, Event, columns, fmt)
    if fmt == "1":
        dataset = tablib.Dataset().load(exported, format="xlsx")
    else:
        dataset = tablib.Dataset().load(exported.decode("utf-8-sig"), format="csv")
    assert dataset.headers == columns
    rows = {row[0]: dict(zip(columns, row, strict=True)) for row in dataset}
    assert (rows["every"]["title"], rows["every"]["title_az"], rows["every"]["title_ru"]) == (
        EN,
        AZ,
        RU,
    )
    assert (rows["only-az"]["title"] or "", rows["only-az"]["title_az"]) == ("", AZ)
    response = _upload(curator_client, Event, exported, name, fmt)
    html = response.content.decode()
    assert response.status_code == 200
    totals = response.context["result"].totals
    assert (totals["new"], totals["update"], totals["error"], totals["invalid"]) == (0, 0, 0, 0)
    assert totals["skip"] == 2, html


def test_a_changed_russian_cell_is_the_one_change_of_a_reimport(curator_client, every):
    columns = translations.with_languages(Place, ["slug", "name", "status"])
    Place.objects.create(name="Baku", name_az="Bakı", slug="baku", status=Status.PUBLISHED)
    exported = _export(curator_client, Place, columns, "0").decode("utf-8-sig")
    changed = exported.replace("Bakı", "Bakı şəhəri")
    response = _upload(curator_client, Place, changed.encode(), "places.csv", "0")
    html = response.content.decode()
    assert "0 new, 1 changed" in html
    assert '<span class="changed-fields">name_az</span>' in html


@pytest.mark.parametrize("language", ["en", "az"])
def test_a_batch_edit_of_the_plain_field_writes_english_and_each_language_is_offered(
    curator_client, every, language
):
    from tests.batch.test_admin import apply, preview, select

    switch(curator_client, language)
    url = select(curator_client, Event, [every])
    codes = dict(curator_client.get(url).context["form"].fields["operation"].choices)
    assert {"set:summary", "set:summary_az", "set:summary_ru"} <= set(codes)
    response = preview(curator_client, url, "set:summary", value="In English.")
    apply(curator_client, url, response)
    response = preview(curator_client, url, "set:summary_ru", value="По-русски.")
    apply(curator_client, url, response)
    every.refresh_from_db()
    assert (every.summary_en, every.summary_az or "", every.summary_ru) == (
        "In English.",
        "",
        "По-русски.",
    )
