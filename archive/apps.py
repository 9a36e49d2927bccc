from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Archive"

    def ready(self):
        from archive import registry
        from archive.models import MediaItem, Place, Source

        registry.register(
            Source, key="source", label="Source", plural="Sources",
            list_url_name="archive:source_list",
        )  # fmt: skip
        registry.register(
            Place, key="place", label="Place", plural="Places", list_url_name="archive:place_list"
        )
        registry.register(
            MediaItem, key="media", label="Media item", plural="Media",
            list_url_name="archive:media_list",
        )  # fmt: skip
