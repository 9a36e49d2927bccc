"""An Atom feed (RFC 4287) of recently published records of every kind, its entries written
from each record's one description (`archive.registry.description`).

What RFC 4287 requires and Django's Atom writer leaves to us: absolute IRIs as ids (4.2.6),
and an author for the feed, since its entries name none (4.1.1): the archive, which writes
the records.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from archive import registry

FEED_LENGTH = 30


def recent_records(limit: int = FEED_LENGTH, *, to_describe: bool = False) -> list:
    """The most recently published records across kinds: one query per kind (and, to describe
    them, the rows each kind's description reads in bulk: `Kind.prepare_description`)."""
    records = []
    for kind in registry.kinds():
        published = kind.model._default_manager.published().exclude(published_at=None)
        if to_describe and kind.prepare_description is not None:
            published = kind.prepare_description(published)
        records += list(published.order_by("-published_at")[:limit])
    records.sort(key=lambda record: record.published_at, reverse=True)
    return records[:limit]


class RecentRecordsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return request  # descriptions need it for absolute addresses

    def title(self):
        return f"{settings.SITE_NAME}: recently published"

    def subtitle(self):
        plurals = ", ".join(kind.plural.lower() for kind in registry.kinds())
        return f"Newly published in the archive: {plurals}."

    def link(self, request):
        return request.build_absolute_uri(reverse("archive:home"))

    def feed_url(self, request):
        return request.build_absolute_uri(reverse("service:feed"))

    def feed_guid(self, request):
        return self.feed_url(request)  # the feed's own permanent address is its id

    def author_name(self):
        return settings.SITE_NAME

    def author_link(self, request):
        return self.link(request)

    def items(self, request):
        return [
            registry.description(record, request) for record in recent_records(to_describe=True)
        ]

    def item_title(self, description):
        return f"{description.kind_label}: {description.title}"

    def item_description(self, description):
        # Atom's summary is sent as HTML: escaped, the archive's plain words stay words.
        return escape(description.summary) if description.summary else None  # no empty one

    def item_link(self, description):
        return description.url

    def item_guid(self, description):
        return description.url  # absolute: the description is made with the request

    def item_pubdate(self, description):
        return description.published_at

    def item_updateddate(self, description):
        return description.modified_at or description.published_at

    def item_categories(self, description):
        return [description.kind_label]
