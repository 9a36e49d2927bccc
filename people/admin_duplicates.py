"""Admin: the list of likely duplicate people, and merging two of them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext

from people.merge import likely_duplicates, merge, undo_merge
from people.models import Person


class DuplicatesAdminMixin:
    """Adds “Likely duplicates” (…/person/duplicates/) and a merge action to the person admin."""

    import_export_change_list_template = "admin/people/person/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("duplicates/", view(self.duplicates_view), name="people_person_duplicates"),
            path("duplicates/merge/", view(self.merge_view), name="people_person_merge"),
            path("duplicates/undo/", view(self.undo_merge_view), name="people_person_undo_merge"),
            *super().get_urls(),
        ]

    def may_merge(self, request) -> bool:
        return self.has_change_permission(request) and self.has_delete_permission(request)

    def duplicates_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Likely duplicate people"),
            "candidates": likely_duplicates(limit=500),
            "may_merge": self.may_merge(request),
        }
        return TemplateResponse(request, "admin/people/person/duplicates.html", context)

    def merge_view(self, request):
        if request.method != "POST":
            return redirect("admin:people_person_duplicates")
        if not self.may_merge(request):
            raise PermissionDenied
        survivor = get_object_or_404(Person, pk=request.POST.get("survivor"))
        other = get_object_or_404(Person, pk=request.POST.get("other"))
        if survivor.pk == other.pk:
            messages.error(request, gettext("Choose two different people."))
            return redirect("admin:people_person_duplicates")
        name, slug = other.name, other.slug
        try:
            revision = merge(survivor, other, user=request.user)
        except ValidationError as refused:  # the lifecycle's rules (people/merge.py)
            for message in refused.messages:
                messages.error(request, gettext("Not merged: %(reason)s") % {"reason": message})
            return redirect("admin:people_person_duplicates")
        undo = reverse("admin:people_person_undo_merge")
        messages.success(
            request,
            gettext(
                "Merged “%(name)s” (%(slug)s) into “%(survivor)s”; %(slug)s now redirects. "
                "To undo, use the undo button on the duplicates page (revision %(revision)s) "
                "or POST to %(undo)s."
            )
            % {
                "name": name,
                "slug": slug,
                "survivor": survivor,
                "revision": revision.pk,
                "undo": undo,
            },
        )
        request.session["last_merge_revision"] = revision.pk
        return redirect("admin:people_person_change", survivor.pk)

    def undo_merge_view(self, request):
        if request.method != "POST" or not self.may_merge(request):
            raise PermissionDenied
        from reversion.models import Revision

        revision = get_object_or_404(Revision, pk=request.POST.get("revision"))
        if not revision.comment.startswith("Before merging"):
            raise PermissionDenied
        undo_merge(revision)
        messages.success(request, gettext("The merge was undone: both people are back."))
        return redirect("admin:people_person_duplicates")
