from django.apps import AppConfig
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_noop as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = gettext_lazy("Archive")

    def ready(self):
        from archive import changes, page_cache, registry, translations

        translations.version_every_language()
        from archive.descriptions import (
            describe_media,
            describe_place,
            describe_source,
            prepare_media,
            prepare_place,
            prepare_source,
        )
        from archive.filters import MediaFilter, PlaceFilter, SourceFilter
        from archive.models import MediaItem, Place, PlaceName, Source
        from archive.registry import LinkTo
        from archive.resources import MediaItemResource, PlaceResource, SourceResource
        from archive.search import documents

        registry.register(
            Source, key="source", label=_("Source"), plural=_("Sources"),
            list_url_name="archive:source_list", order=30, search=documents.SOURCE,
            resource=SourceResource, schema_type="CreativeWork", describe=describe_source,
            prepare_description=prepare_source, filterset=SourceFilter,
        )  # fmt: skip
        registry.register(
            Place, key="place", label=_("Place"), plural=_("Places"),
            list_url_name="archive:place_list", order=40, facet=True, search=documents.PLACE,
            resource=PlaceResource, schema_type="Place", describe=describe_place,
            prepare_description=prepare_place, filterset=PlaceFilter,
        )  # fmt: skip
        # A place's name variant may cite the source that gives it.
        registry.extend("source", evidence=registry.name_evidence(PlaceName, "place"))
        registry.register(
            MediaItem, key="media", label=_("Media item"), plural=_("Media"),
            list_url_name="archive:media_list", order=50, search=documents.MEDIA,
            resource=MediaItemResource, schema_type="MediaObject", describe=describe_media,
            prepare_description=prepare_media, filterset=MediaFilter,
            links_to=(LinkTo("source"), LinkTo("places")),
        )  # fmt: skip
        changes.connect()  # the change log, for every kind registered now or later
        page_cache.connect()  # a write moves the publication generation
