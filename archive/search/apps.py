from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "archive.search"
    label = "search"
    verbose_name = "Search index"

    def ready(self):
        from . import signals

        # Once, for every sender: the receivers read the registry when a signal arrives, so
        # the kinds that apps register after this one are kept in step too.
        signals.connect()
