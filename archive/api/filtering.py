"""The browse pages' FilterSets as the API's filters, including the filters that apps above a
kind install when a FilterSet is made (events add "role" to people's filters)."""

from django_filters.rest_framework import DjangoFilterBackend


class KindFilterBackend(DjangoFilterBackend):
    def get_filterset_class(self, view, queryset=None):
        filterset_class = super().get_filterset_class(view, queryset)
        if filterset_class is None or not getattr(view, "swagger_fake_view", False):
            return filterset_class
        # The OpenAPI schema reads a FilterSet's class-level filters: make one that declares
        # what an instance installs, so the schema documents every filter the API accepts.
        installed = filterset_class(queryset=queryset).filters
        documented = type(filterset_class.__name__, (filterset_class,), {})
        documented.base_filters = {**filterset_class.base_filters, **installed}
        return documented
