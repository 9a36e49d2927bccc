from django.http import Http404, HttpResponsePermanentRedirect
from django.views.generic import DetailView, ListView, TemplateView

from archive.models import MediaItem, Place, SlugRedirect, Source


class RecordDetailView(DetailView):
    """A record's public page: published records only, staff preview drafts, and an old slug
    answers with a permanent redirect to the current one."""

    template_name = "archive/record_detail.html"

    def get_queryset(self):
        return self.model._default_manager.visible_to(self.request.user)

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            target = SlugRedirect.target_for(self.model, kwargs.get("slug", ""))
            if target is not None and self.get_queryset().filter(pk=target.pk).exists():
                return HttpResponsePermanentRedirect(target.get_absolute_url())
            raise

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = not self.object.is_published
        return context


class RecordListView(ListView):
    paginate_by = 50
    template_name = "archive/record_list.html"

    def get_queryset(self):
        return self.model._default_manager.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kind_label"] = self.model._meta.verbose_name_plural
        return context


class HomeView(TemplateView):
    template_name = "archive/home.html"


class SourceListView(RecordListView):
    model = Source


class SourceDetailView(RecordDetailView):
    model = Source


class PlaceListView(RecordListView):
    model = Place


class PlaceDetailView(RecordDetailView):
    model = Place


class MediaListView(RecordListView):
    model = MediaItem


class MediaDetailView(RecordDetailView):
    model = MediaItem
