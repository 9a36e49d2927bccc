from django.urls import path

from people import organisation_views as views

app_name = "organisations"

urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="organisation_list"),
    path("<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation_detail"),
    path(
        "<slug:slug>/cite.<str:format>",
        views.OrganisationCiteView.as_view(),
        name="organisation_cite",
    ),
]
