"""The interface in English, Azerbaijani and Russian: the URL names the language (English
where it always was, /az/…, /ru/…), every page says its language, links to itself in the
others and lists them as hreflang alternates; the machines' URLs stay outside the prefix."""

import re

import pytest
from django.core.cache import caches

from tests.public.data import EVENT_SLUG, add_image

pytestmark = pytest.mark.django_db

SOURCE = "/sources/azerbaijan-remembers-january-20/"
# A sample of every page type, in English, at the URLs they always had.
ENGLISH_PAGES = [
    "/",
    "/events/",
    "/events/timeline/",
    f"/events/{EVENT_SLUG}/",
    "/people/",
    "/people/heydar-aliyev/",
    "/organisations/",
    "/organisations/soviet-army/",
    "/sources/",
    SOURCE,
    "/places/",
    "/places/baku/",
    "/media/",
    "/search/?q=Baku",
]
CITATIONS = [f"/events/{EVENT_SLUG}/cite.bib", "/people/heydar-aliyev/cite.ris"]
MACHINE_URLS = [
    "/sitemap.xml",
    "/feed/",
    "/robots.txt",
    "/healthz",
    "/api/event/",
    "/oai/?verb=Identify",
]
NAVIGATION = {
    "en": ["Events", "Timeline", "People", "Sources", "Places", "Media"],
    "az": ["Hadisələr", "Xronologiya", "Şəxslər", "Mənbələr", "Yerlər", "Media"],
    "ru": ["События", "Хронология", "Люди", "Источники", "Места", "Медиа"],
}


def page(client, url, **headers) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def nav_labels(html: str) -> list[str]:
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r"<a [^>]*>([^<]+)</a>", nav)


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switcher(html: str) -> str:
    return re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)


@pytest.fixture
def site(demo):
    add_image()


@pytest.mark.parametrize("url", ENGLISH_PAGES)
def test_english_pages_stay_where_they_were(client, site, url):
    response = client.get(url, headers={"accept-language": "ru"})
    assert response.status_code == 200, url  # no redirect to a prefixed URL
    html = response.content.decode()
    assert html_lang(html) == "en"  # Accept-Language does not change an English URL
    assert nav_labels(html) == NAVIGATION["en"]
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize("url", [*CITATIONS, *MACHINE_URLS])
def test_machine_urls_and_citations_answer_unprefixed(client, site, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url", ["/sitemap.xml", "/feed/", "/robots.txt", "/healthz", "/api/event/"]
)
@pytest.mark.parametrize("language", ["az", "ru"])
def test_machine_urls_have_no_language_prefix(client, site, url, language):
    assert client.get(f"/{language}{url}").status_code == 404


def test_admin_stays_outside_the_prefix(client, db):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/az/admin/login/").status_code == 404


@pytest.mark.parametrize("language", ["az", "ru"])
@pytest.mark.parametrize("url", ["/", f"/events/{EVENT_SLUG}/", "/people/heydar-aliyev/", SOURCE])
def test_pages_in_azerbaijani_and_russian(client, site, language, url):
    response = client.get(f"/{language}{url}")
    assert response.status_code == 200
    html = response.content.decode()
    assert html_lang(html) == language
    assert response["Content-Language"] == language
    assert nav_labels(html) == NAVIGATION[language]
    # Links stay in the visitor's language; the feed and sitemap have one URL for all.
    assert f'href="/{language}/events/"' in html
    assert 'href="/feed/"' in html and 'href="/sitemap.xml"' in html


def test_the_home_page_is_translated(client, site):
    az = page(client, "/az/")
    assert "Kolleksiyaya baxış" in az and "Bu arxivi necə oxumalı" in az
    assert "Browse the collection" not in az
    # The kinds' names, from the registry (marked where each app registers its kinds).
    assert '<span class="kind-name">Təşkilatlar</span>' in az
    assert '<span class="kind-name">Organisations</span>' not in az
    ru = page(client, "/ru/")
    assert "Обзор коллекции" in ru and "Как читать этот архив" in ru
    assert "Browse the collection" not in ru
    assert '<span class="kind-name">Организации</span>' in ru
    assert '<span class="kind-label">Событие</span>' in ru  # recently published


@pytest.mark.parametrize("url", ["/", f"/events/{EVENT_SLUG}/", "/places/baku/", "/search/?q=Baku"])
@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_hreflang_alternates_point_to_the_page_in_each_language(client, site, url, language):
    here = url if language == "en" else f"/{language}{url}"
    links = alternates(page(client, here))
    expected = {"en": url, "az": f"/az{url}", "ru": f"/ru{url}"}
    assert set(links) == {"en", "az", "ru", "x-default"}
    for code, path in expected.items():
        assert links[code] == f"http://testserver{path}"
        assert html_lang(page(client, path)) == code  # it exists, in that language
    assert links["x-default"] == links["en"]


@pytest.mark.parametrize("language", ["en", "az", "ru"])
def test_the_switcher_links_the_same_page_in_the_other_languages(client, site, language):
    url = f"/events/{EVENT_SLUG}/"
    here = url if language == "en" else f"/{language}{url}"
    nav = switcher(page(client, here))
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)">([^<]+)</a>', nav)
    others = {code: (f"/{code}{url}" if code != "en" else url) for code in NAVIGATION}
    del others[language]
    assert {hreflang: href for href, hreflang, _lang, _name in links} == others
    assert all(hreflang == lang for _href, hreflang, lang, _name in links)
    names = {"en": "English", "az": "Azərbaycanca", "ru": "Русский"}
    assert {name for *_, name in links} == {names[code] for code in others}
    # The current language is named, not linked.
    assert f'<span aria-current="true" lang="{language}">{names[language]}</span>' in nav


def test_the_page_cache_keeps_each_language_apart(client, site, django_assert_max_num_queries):
    url = f"/events/{EVENT_SLUG}/"
    urls = {"en": url, "az": f"/az{url}", "ru": f"/ru{url}"}
    for _ in range(2):  # the second round comes from the cache
        for language, path in urls.items():
            response = client.get(path)
            assert response.status_code == 200
            assert html_lang(response.content.decode()) == language
            assert response["Content-Language"] == language
            assert "accept-language" not in response.get("Vary", "").lower()
    # Each language's page is stored (not just passed through): one read of the generation.
    for language, path in urls.items():
        with django_assert_max_num_queries(1):
            response = client.get(path, headers={"accept-language": "ru"})
        assert html_lang(response.content.decode()) == language
    assert caches["default"] is not None


@pytest.mark.parametrize("language", ["az", "ru"])
def test_a_missing_page_says_not_found_in_the_visitors_language(client, db, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert html_lang(html) == language
    assert nav_labels(html) == NAVIGATION[language]
    assert not alternates(html)  # nothing to point to in the other languages
