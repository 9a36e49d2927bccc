from django.urls import path

from archive import views

# The public pages, in every language (under i18n_patterns in archive/urls.py); the URLs for
# machines are in archive/service_urls.py.
app_name = "archive"


urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
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
