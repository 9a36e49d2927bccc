"""The interface's languages: the URL names the language (archive/urls.py), nothing else does.

English pages keep their unprefixed URLs; `/az/…` and `/ru/…` are the same pages in Azerbaijani
and Russian. Neither a cookie nor Accept-Language changes the language of a URL, so a page
never varies on them and a cache (archive/page_cache.py, a CDN) keys on the URL alone.

The one exception is the admin, a private interface outside the prefix: there the curator's
choice, Django's language cookie (set by `set_language`, the menu in
templates/admin/base_site.html), names the language; the admin varies on Cookie anyway.
"""

from django.conf import settings
from django.middleware import locale
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.cache import cc_delim_re, patch_vary_headers


def site_name(language: str | None = None) -> str:
    """The archive's name in `language` (the active one by default), else its English name."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return settings.SITE_NAMES.get(language) or settings.SITE_NAME


def language_of(path: str) -> str:
    """The language a public URL is in: its prefix, else the default (English)."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def is_admin(path: str) -> bool:
    return path.startswith(reverse("admin:index"))


def cookie_language(request) -> str:
    """The language a curator chose (Django's language cookie), else the default. Only the
    cookie: a browser's Accept-Language does not switch a curator's admin behind their back."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if code and translation.check_for_language(code) and code in dict(settings.LANGUAGES):
        return code
    return settings.LANGUAGE_CODE


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, without `Vary: Accept-Language`: with `prefix_default_language=False` an
    unprefixed URL is always English (Django forces it), so the header only stops caches.
    The admin alone follows the curator's language cookie (`cookie_language`)."""

    def process_request(self, request):
        super().process_request(request)
        if is_admin(request.path_info):
            translation.activate(cookie_language(request))
            request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if is_admin(request.path_info):
            patch_vary_headers(response, ("Cookie",))
        if "Vary" in response:
            kept = [
                v for v in cc_delim_re.split(response["Vary"]) if v.lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


def path_in(path: str, code: str) -> str:
    """An English (unprefixed) public path in another interface language: the routes are the
    same in every language, only the prefix differs (`prefix_default_language=False`)."""
    if code == settings.LANGUAGE_CODE:
        return path
    return f"/{code}{path}"


def alternates(request) -> list[dict]:
    """The page in each interface language: code, name (in that language), its path (with the
    query string) and its absolute URL, for the switcher and `<link rel="alternate">`."""
    if getattr(request, "resolver_match", None) is None:
        return []  # a URL nothing serves (the 404 page): it has no other languages
    here = request.get_full_path()
    links = []
    for code, _name in settings.LANGUAGES:
        path = translate_url(here, code)
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "path": path,
                "url": request.build_absolute_uri(path),
                "current": code == translation.get_language(),
            }
        )
    return links
