"""The home page, robots.txt and the friendly error pages."""

from django.shortcuts import render
from django.urls import reverse
from django.views.generic import TemplateView

from archive import registry
from archive.feeds import recent_records
from archive.i18n import site_name
from archive.published_counts import published_counts


class HomeView(TemplateView):
    template_name = "archive/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kinds = [kind for kind in registry.kinds() if kind.list_url_name]  # in `order`
        counts = published_counts(kinds)  # one query, kept until something is published
        context["kinds"] = [(kind, counts[kind.key]) for kind in kinds]
        context["recent"] = [
            (registry.kind_for_model(type(record)), record) for record in recent_records(8)
        ]
        return context


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = self.request.build_absolute_uri(reverse("service:sitemap"))
        return context


def server_error(request):
    """The 500 page: the site's look, but no database access (the database may be the fault)."""
    return render(
        request=None,
        template_name="500.html",
        context={"SITE_NAME": site_name()},
        status=500,
    )
