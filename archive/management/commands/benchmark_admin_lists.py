"""The admin's record and link lists on the configured database, timed in process.

For every list with an estimated count (records, citations, claims): the plain list, a search
for each `--terms` word, the list filtered by its first filter's first choice, its last page,
and one record's change form; each fetched `--repeat` times through the test client as a
superuser (the first superuser, or a `benchmark` one made for it), printing the median time,
the response's size and its number of queries. Run it on a synthetic archive
(`generate_synthetic_archive --records N --yes`); it writes nothing but that user.

`--stock-search` times Django's own `ModelAdmin.get_search_results` instead of the indexed
search (archive/admin/searching.py), for a before/after in one database; `--explain` prints
`EXPLAIN ANALYZE` of each searched list's page query.
"""

import logging
import statistics
import time

from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.admin.paging import EstimatedCountPaginator
from archive.admin.searching import IndexedSearchMixin

APPS = {"archive", "people", "events"}


def measured_admins(only: set[str]):
    for model, model_admin in admin.site._registry.items():
        if (
            model._meta.app_label not in APPS
            or model_admin.paginator is not EstimatedCountPaginator
        ):
            continue
        if only and model._meta.model_name not in only:
            continue
        yield model, model_admin


class Command(BaseCommand):
    help = "Time the admin's lists (plain, searched, filtered, last page) and a change form."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument("--terms", default="Sadigov,Xylograph,Li")
        parser.add_argument("--only", default="", help="Model names, comma-separated.")
        parser.add_argument("--stock-search", action="store_true")
        parser.add_argument("--explain", action="store_true")

    def handle(self, *args, **options):
        logging.getLogger("django.request").setLevel(logging.CRITICAL)  # a 500 is printed as one
        if options["stock_search"]:
            IndexedSearchMixin.get_search_results = ModelAdmin.get_search_results
        user = get_user_model().objects.filter(is_superuser=True, is_active=True).first()
        if user is None:
            user = get_user_model().objects.create_superuser("benchmark", password=None)
        client = Client(raise_request_exception=False)
        client.force_login(user)
        terms = [term for term in options["terms"].split(",") if term]
        only = {name for name in options["only"].split(",") if name}
        self.stdout.write(f"{'list':<14} {'view':<22} {'ms':>8} {'KB':>8} {'queries':>7}")
        for model, model_admin in measured_admins(only):
            url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
            views = [("plain", {})]
            views += [(f"q={term}", {"q": term}) for term in terms]
            views.append(("filtered", self.first_filter(model_admin, user)))
            views.append(("last page", {"p": self.last_page(model_admin, user)}))
            for name, query in views:
                self.report(model, name, client, url, query, options["repeat"])
            middle = self.middle_pk(model)
            if middle is not None:
                change = reverse(
                    f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
                    args=[middle],
                )
                self.report(model, "change form", client, change, {}, options["repeat"])
            if options["explain"]:
                for term in terms:
                    self.explain(model_admin, user, term)

    def report(self, model, name, client, url, query, repeat):
        times, size, queries = [], 0, 0
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url, query)
                times.append(time.perf_counter() - started)
            size, queries = len(response.content), len(captured)
            if response.status_code != 200:
                name = f"{name} [{response.status_code}]"
        self.stdout.write(
            f"{model._meta.model_name:<14} {name:<22} {statistics.median(times) * 1000:>8.0f} "
            f"{size / 1024:>8.1f} {queries:>7}"
        )

    def request(self, user, query):
        request = RequestFactory().get("/", query)
        request.user = user
        return request

    def first_filter(self, model_admin, user) -> dict:
        changelist = model_admin.get_changelist_instance(self.request(user, {}))
        for spec in changelist.filter_specs:
            for choice in list(spec.choices(changelist))[1:]:
                if "query_string" in choice:
                    return dict(
                        pair.split("=", 1) for pair in choice["query_string"][1:].split("&")
                    )
        return {}

    def last_page(self, model_admin, user) -> int:
        changelist = model_admin.get_changelist_instance(self.request(user, {}))
        return changelist.paginator.num_pages

    def middle_pk(self, model):
        pks = model._default_manager.order_by("pk").values_list("pk", flat=True)
        low, high = pks.first(), pks.last()
        if low is None:
            return None
        return pks.filter(pk__gte=(low + high) // 2).first()

    def explain(self, model_admin, user, term):
        changelist = model_admin.get_changelist_instance(self.request(user, {"q": term}))
        queryset = changelist.queryset[: model_admin.list_per_page]
        self.stdout.write(f"\nEXPLAIN ANALYZE {model_admin.model._meta.model_name} q={term}")
        self.stdout.write(queryset.explain(analyze=True))
