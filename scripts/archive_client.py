"""A browser's side of the archive for scripts/load-test and scripts/replica-demo: requests
through the (pretend) TLS proxy, signing in to the admin and saving a change form."""

import re
from urllib.parse import urljoin, urlparse

import lxml.html
import requests

HTTPS = {"X-Forwarded-Proto": "https"}  # what nginx in front adds to a request that came over TLS
TIMEOUT = (3, 20)  # connect, read: a stuck request is an error, never a hang


class Client(requests.Session):
    def __init__(self, base: str):
        super().__init__()
        self.base = base
        self.headers.update(HTTPS)

    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", TIMEOUT)
        kwargs.setdefault("allow_redirects", False)
        response = super().request(method, urljoin(self.base, url), **kwargs)
        for cookie in self.cookies:
            cookie.secure = False  # the proxy would speak HTTPS to the browser
        return response

    def referer(self, path: str) -> dict[str, str]:
        return {"Referer": f"https://{urlparse(self.base).netloc}{path}"}

    def sign_in(self, username: str, password: str) -> None:
        page = self.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        data = {"csrfmiddlewaretoken": token, "username": username, "password": password}
        response = self.post(
            "/admin/login/", data={**data, "next": "/admin/"}, headers=self.referer("/admin/")
        )
        if response.status_code != 302:
            raise RuntimeError(f"could not sign in as {username}: {response.status_code}")


def form_values(body: bytes, form_id: str) -> dict[str, str] | None:
    """What a browser would submit from the form, or None if the page has no such form."""
    forms = lxml.html.fromstring(body).xpath(f"//form[@id='{form_id}']") if body else []
    return dict(forms[0].form_values()) if forms else None
