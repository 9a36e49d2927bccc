from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="event_list"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("<slug:slug>/cite.<str:format>", views.EventCiteView.as_view(), name="event_cite"),
]
