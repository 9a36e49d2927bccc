"""The Content-Security-Policy, from settings.CONTENT_SECURITY_POLICY (django-csp).

The public site needs nothing inline. Django's admin and django-import-export's admin pages
still write a few inline styles (a `<style>` in the change list, `style=""` on the export
form), so the admin, and only the admin, may use inline styles. Scripts stay 'self' there too.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.urls import reverse


def admin_prefix() -> str:
    return reverse("admin:index")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(admin_prefix()):
            parts.update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
        return parts
