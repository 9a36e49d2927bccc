"""The curators' admin in English, Azerbaijani and Russian: a curator picks the language with
the admin's menu (Django's set_language, the cookie only the admin reads); the archive's own
pages, columns, actions, help texts and refusals follow it. The public site ignores the
cookie: an unprefixed URL stays English."""

import io
import re
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from django.contrib.admin import helpers
from django.urls import reverse

from events.models import Event
from people.models import Person
from tests import factories
from tests.imports.conftest import DATA

pytestmark = pytest.mark.django_db

LOCALE = settings.BASE_DIR / "locale"


def switch(client, language: str, next_url: str = "/admin/") -> None:
    """What the admin's language menu posts."""
    response = client.post(reverse("set_language"), {"language": language, "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == next_url


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def admin_url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def says(html: str, present: list[str], absent: list[str]) -> None:
    for text in present:
        assert text in html, text
    for text in absent:
        assert text not in html, text


class _FormFields(HTMLParser):
    """The values a browser would post from the change form (`#<model>_form`)."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((attrs["name"], attrs.get("value", "on")))
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.data.append((self._textarea[0], self._textarea[1].lstrip("\n")))
            self._textarea = None


def save_with(client, record, **changes) -> str:
    """Post the record's change form as the browser shows it, with `changes`."""
    url = admin_url(type(record), "change", record.pk)
    parser = _FormFields(f"{record._meta.model_name}_form")
    parser.feed(page(client, url))
    data: dict[str, list[str]] = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    data.update({name: [value] for name, value in changes.items()})
    response = client.post(url, data)
    assert response.status_code == 200, "the form was expected to be refused"
    return response.content.decode()


# --- picking the language -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "catalogue"), [("en", "Catalogue"), ("az", "Kataloq"), ("ru", "Каталог")]
)
def test_a_curator_switches_the_admin_with_its_language_menu(curator_client, language, catalogue):
    html = page(curator_client, "/admin/")
    assert '<form class="admin-language"' in html and 'name="language"' in html
    switch(curator_client, language)
    response = curator_client.get("/admin/")
    html = response.content.decode()
    assert re.search(rf'<html lang="{language}"', html)
    assert response["Content-Language"] == language
    assert f"<h1>{catalogue}</h1>" in html
    assert re.search(rf'<option value="{language}" lang="{language}" selected>', html)
    assert "Cookie" in response["Vary"]  # the language is the cookie's: never a shared copy


def test_the_browsers_languages_alone_do_not_switch_the_admin(curator_client):
    response = curator_client.get("/admin/", headers={"accept-language": "ru"})
    assert response["Content-Language"] == "en"
    assert "<h1>Catalogue</h1>" in response.content.decode()


def test_an_unknown_language_in_the_cookie_is_english(curator_client):
    curator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert curator_client.get("/admin/")["Content-Language"] == "en"


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_public_site_ignores_the_cookie(curator_client, client, language):
    factories.event(title="Night in Baku", status="published")
    for visitor in (curator_client, client):
        visitor.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        for url in ("/", "/events/"):
            response = visitor.get(url)
            assert response.status_code == 200
            assert response["Content-Language"] == "en", url
            assert '<html lang="en"' in response.content.decode(), url
            assert "Accept-Language" not in response.get("Vary", "")
        # The prefix still names its language, whatever the cookie says.
        other = "ru" if language == "az" else "az"
        assert visitor.get(f"/{other}/")["Content-Language"] == other


# --- what a curator reads ---------------------------------------------------------------------
CHANGELISTS = {
    "az": {
        Event: ["Seçilənləri dərc et", "Seçilənləri toplu redaktə et…", ">Başlıq<"],
        Person: ["Ehtimal olunan təkrarlar", ">Göstərilən ad<", "Seçilənləri geri çək"],
        "source": ["İstinadlar", "Seçilənləri yoxlamaya göndər"],
    },
    "ru": {
        Event: ["Опубликовать выбранные", "Пакетно изменить выбранные…", ">Заголовок<"],
        Person: ["Вероятные дубликаты", ">Отображаемое имя<", "Отозвать выбранные"],
        "source": [">Ссылки<", "Отправить выбранные на проверку"],
    },
}
ENGLISH_LISTS = ["Publish selected", "Edit selected in a batch", "Likely duplicates"]


@pytest.mark.parametrize("language", ["az", "ru"])
def test_changelists_speak_the_curators_language(curator_client, language):
    from archive.models import Source

    factories.event(title="Night in Baku")
    factories.person(name="Heydar Aliyev")
    factories.source(title="Azerbaijan remembers")
    switch(curator_client, language)
    for model, expected in CHANGELISTS[language].items():
        model = Source if model == "source" else model
        html = page(curator_client, admin_url(model, "changelist"))
        says(html, expected, ENGLISH_LISTS)


CHANGE_FORMS = {
    "az": {
        "event": ["Yazıldığı kimi tarix", "(təxminən)", "Bir-iki cümlə, neytral sözlərlə."],
        "person": ["Doğum tarixi", "Göstərildiyi kimi: Heydər Əliyev."],
        "source": ["Biblioqrafik təsvir", "Mənbəşünaslıq təhlili", "Harada tapmaq olar"],
    },
    "ru": {
        "event": ["Дата, как написано", "(около)", "Одно-два предложения, нейтрально."],
        "person": ["Дата рождения", "Как показывается: Гейдар Алиев."],
        "source": ["Библиографическое описание", "Критика источника", "Где найти"],
    },
}
ENGLISH_FORMS = [
    "Date as written",
    "One or two sentences, in neutral words.",
    "Bibliographic record",
    "Source criticism",
    "As shown: Heydar Aliyev.",
]


@pytest.mark.parametrize("language", ["az", "ru"])
def test_change_forms_speak_the_curators_language(curator_client, language):
    records = {
        "event": factories.event(title="Night in Baku"),
        "person": factories.person(name="Heydar Aliyev"),
        "source": factories.source(title="Azerbaijan remembers"),
    }
    switch(curator_client, language)
    for key, record in records.items():
        html = page(curator_client, admin_url(type(record), "change", record.pk))
        says(html, CHANGE_FORMS[language][key], ENGLISH_FORMS)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("az", ["Addım 1/3: nəyi dəyişməli", "Nə etməli", "Toplu redaktə", "Statusu dəyiş"]),
        (
            "ru",
            ["Шаг 1 из 3: что изменить", "Что сделать", "Пакетное изменение", "Изменить статус"],
        ),
    ],
)
def test_the_batch_edit_page_speaks_the_curators_language(curator_client, language, expected):
    events = [factories.event(title=f"Event {n}") for n in range(2)]
    switch(curator_client, language)
    response = curator_client.post(
        admin_url(Event, "changelist"),
        {
            "action": "batch_edit",
            helpers.ACTION_CHECKBOX_NAME: [e.pk for e in events],
            "select_across": "0",
            "index": "0",
        },
    )
    assert response.status_code == 302
    html = page(curator_client, response["Location"])
    says(html, expected, ["Step 1 of 3", "What to do", "Change the status"])


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("az", ["təklif olunan dəyişiklik", "Gözləyir", "Təsdiqlənib"]),
        ("ru", ["предложенн", "Ожидает", "Одобрено"]),
    ],
)
def test_the_proposals_list_speaks_the_curators_language(curator_client, language, expected):
    switch(curator_client, language)
    html = page(curator_client, reverse("admin:archive_proposedchange_changelist"))
    says(html, expected, ["proposed change to change", ">Pending<", ">Approved<"])


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("az", ["İlkin baxış", "İdxalı təsdiqlə", "Yalnız xətalar"]),
        ("ru", ["Предпросмотр", "Подтвердить импорт", "Только ошибки"]),
    ],
)
def test_the_import_preview_speaks_the_curators_language(
    places, curator_client, language, expected
):
    switch(curator_client, language)
    upload = io.BytesIO((DATA / "people.csv").read_bytes())
    upload.name = "people.csv"
    response = curator_client.post(
        reverse("admin:people_person_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    assert response.status_code == 200
    says(response.content.decode(), expected, ["Confirm import", "Errors only"])


# --- refusals in the curator's language -------------------------------------------------------
REFUSALS = {
    "az": ["“1990-13-45” düzgün EDTF tarixi deyil.", "naməlum “no-such-source” mənbə açarını"],
    "ru": ["«1990-13-45» — недопустимая дата EDTF.", "неизвестный ключ источника «no-such-source»"],
}


@pytest.mark.parametrize("language", ["az", "ru"])
def test_refusals_are_in_the_curators_language(curator_client, language):
    event = factories.event(title="Night in Baku")
    switch(curator_client, language)
    html = save_with(
        curator_client,
        event,
        date="1990-13-45",
        description="Troops entered the city [@no-such-source].",
    )
    says(html, REFUSALS[language], ["is not a valid EDTF date", "names an unknown source key"])
    event.refresh_from_db()
    assert event.date != "1990-13-45"  # refused, nothing saved


def test_refusals_stay_english_by_default(curator_client):
    event = factories.event(title="Night in Baku")
    html = save_with(curator_client, event, date="1990-13-45")
    assert "“1990-13-45” is not a valid EDTF date." in html


# --- the catalogues -----------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["az", "ru"])
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    entries = [e for e in catalogue if not e.obsolete]
    assert len(entries) > 600  # the admin's strings are in it
    assert [e.msgid for e in entries if "fuzzy" in e.flags] == []
    assert [e.msgid for e in entries if not e.translated()] == []
    # The compiled catalogue is the one committed with it (a fresh machine needs no gettext).
    mo = LOCALE / language / "LC_MESSAGES" / "django.mo"
    assert mo.stat().st_size > 0
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo)) if not e.msgid_plural}
    for entry in entries:  # a context tells apart one English word's two translations
        if not entry.msgid_plural:
            assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, entry.msgid
