from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from archive import views
from archive.feeds import RecentRecordsFeed
from archive.sitemaps import sitemaps
from archive.views.suggestions import record_suggestions

app_name = "archive"


def sitemap_index(request):
    return sitemap_views.index(request, sitemaps(), sitemap_url_name="archive:sitemap_section")


def sitemap_section(request, section):
    return sitemap_views.sitemap(request, sitemaps(), section=section)


urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    path("feed/", RecentRecordsFeed(), name="feed"),
    path("suggest/<slug:key>/", record_suggestions, name="record_suggestions"),
    path("sources/", views.SourceListView.as_view(), name="source_list"),
    path("sources/<slug:slug>/", views.SourceDetailView.as_view(), name="source_detail"),
    path(
        "sources/<slug:slug>/cite.<str:format>", views.SourceCiteView.as_view(), name="source_cite"
    ),
    path("places/", views.PlaceListView.as_view(), name="place_list"),
    path("places/<slug:slug>/", views.PlaceDetailView.as_view(), name="place_detail"),
    path("places/<slug:slug>/cite.<str:format>", views.PlaceCiteView.as_view(), name="place_cite"),
    path("media/", views.MediaListView.as_view(), name="media_list"),
    path("media/<slug:slug>/", views.MediaDetailView.as_view(), name="media_detail"),
    path("media/<slug:slug>/cite.<str:format>", views.MediaCiteView.as_view(), name="media_cite"),
]
