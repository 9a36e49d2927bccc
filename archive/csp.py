"""The Content-Security-Policy, from settings.CONTENT_SECURITY_POLICY (django-csp).

The public site needs nothing inline and nothing from elsewhere. Two sets of pages written by
libraries do: Django's admin and django-import-export's pages write a few inline styles (a
`<style>` in the change list, `style=""` on the export form), and the API's HTML pages
(Swagger UI, DRF's browsable API) inline styles and draw icons from `data:` images. Those
pages, and only those, get what they need; scripts stay 'self' everywhere.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

# URL namespace -> what its pages add to the policy.
ADDITIONS = {
    "admin": {"style-src": [UNSAFE_INLINE]},
    "api": {"style-src": [UNSAFE_INLINE], "img-src": ["data:"]},
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # Pages only: a media file carries its own policy or, a PDF, deliberately none
        # (archive/media/serving.py: Chromium's viewer is a plugin that object-src would block).
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        match = getattr(request, "resolver_match", None)
        for namespace in match.namespaces if match else ():
            if namespace in ADDITIONS:
                parts.update = {**ADDITIONS[namespace], **(parts.update or {})}
        return parts
