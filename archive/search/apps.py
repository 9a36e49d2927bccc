from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "archive.search"
    label = "search"
    verbose_name = "Search index"

    def ready(self):
        from .documents import register_archive_kinds

        register_archive_kinds()
