"""The site's URLs for machines (robots, sitemaps, the Atom feed, the filters' JSON suggestions):
one URL each, in no language, outside the language prefix (archive/urls.py)."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from archive import views
from archive.feeds import RecentRecordsFeed
from archive.sitemaps import sitemaps
from archive.views.suggestions import record_suggestions

app_name = "service"


def sitemap_index(request):
    return sitemap_views.index(request, sitemaps(), sitemap_url_name="service:sitemap_section")


def sitemap_section(request, section):
    return sitemap_views.sitemap(request, sitemaps(), section=section)


urlpatterns = [
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    path("feed/", RecentRecordsFeed(), name="feed"),
    path("suggest/<slug:key>/", record_suggestions, name="record_suggestions"),
]
