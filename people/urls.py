from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("", views.PersonListView.as_view(), name="person_list"),
    path("<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("<slug:slug>/cite.<str:format>", views.PersonCiteView.as_view(), name="person_cite"),
]
