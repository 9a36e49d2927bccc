"""An Atom feed of recently published records of every kind (from the registry)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive import registry

FEED_LENGTH = 30
SUMMARY_FIELDS = ("summary", "abstract", "caption")


def recent_records(limit: int = FEED_LENGTH) -> list:
    """The most recently published records across kinds: one query per kind."""
    records = []
    for kind in registry.kinds():
        published = kind.model._default_manager.published().exclude(published_at=None)
        records += list(published.order_by("-published_at")[:limit])
    records.sort(key=lambda record: record.published_at, reverse=True)
    return records[:limit]


class RecentRecordsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return f"{settings.SITE_NAME}: recently published"

    def subtitle(self):
        return "Events, people, sources, places and media newly published in the archive."

    def link(self):
        return reverse("archive:home")

    def items(self):
        return recent_records()

    def item_title(self, item):
        kind = registry.kind_for_model(type(item))
        return f"{kind.label}: {item}" if kind else str(item)

    def item_description(self, item):
        for name in SUMMARY_FIELDS:
            text = getattr(item, name, "")
            if text:
                return text
        return ""

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        kind = registry.kind_for_model(type(item))
        return [kind.label] if kind else []
