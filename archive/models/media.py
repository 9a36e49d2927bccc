import uuid

from django.db import models

from archive.dates import EDTFField

from .base import Record
from .places import Place
from .sources import Source
from .vocabularies import Licence


def original_upload_to(instance, filename: str) -> str:
    # Unguessable names: an unpublished original must not be found by guessing its URL.
    suffix = filename.rsplit(".", 1)[-1].lower()[:10] if "." in filename else "bin"
    return f"originals/{uuid.uuid4().hex}.{suffix}"


class MediaItem(Record):
    class MediaType(models.TextChoices):
        IMAGE = "image", "Image"
        AUDIO = "audio", "Audio"
        VIDEO = "video", "Video"
        DOCUMENT = "document", "Document"

    class Fixity(models.TextChoices):
        UNCHECKED = "unchecked", "Not yet verified"
        OK = "ok", "Verified"
        MISMATCH = "mismatch", "Checksum mismatch"
        MISSING = "missing", "File missing"

    title = models.CharField(max_length=500)
    file = models.FileField(upload_to=original_upload_to, max_length=300)
    caption = models.TextField(blank=True, help_text="What the item shows, in the archive's words.")
    alt_text = models.CharField(
        max_length=500,
        blank=True,
        help_text="For screen readers: what the image shows. Required to publish an image.",
    )
    creator = models.CharField(max_length=300, blank=True, help_text="Photographer, author...")
    credit_line = models.CharField(
        max_length=500,
        blank=True,
        help_text="As it must appear beside the item. Required to publish.",
    )
    licence = models.ForeignKey(
        Licence, null=True, blank=True, on_delete=models.PROTECT, related_name="media_items"
    )
    date = EDTFField()
    date_earliest = models.DateField(null=True, blank=True, editable=False, db_index=True)
    date_text = models.CharField(
        "date as written",
        max_length=200,
        blank=True,
        help_text="The date as the source or museum record gives it (“c.1819”, “date not known”); "
        "shown when it says more than the EDTF date.",
    )
    date_latest = models.DateField(null=True, blank=True, editable=False, db_index=True)
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="media_items",
        help_text="The source this item belongs to or comes from.",
    )
    places = models.ManyToManyField(Place, blank=True, related_name="media_items")

    # Derived from the file's content at ingest.
    media_type = models.CharField(max_length=10, choices=MediaType.choices, editable=False)
    mime_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveBigIntegerField(null=True, editable=False)
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    sha256 = models.CharField("SHA-256", max_length=64, editable=False, db_index=True)
    exif = models.JSONField(default=dict, blank=True, editable=False)
    fixity = models.CharField(
        max_length=10, choices=Fixity.choices, default=Fixity.UNCHECKED, editable=False
    )
    fixity_checked_at = models.DateTimeField(null=True, blank=True, editable=False)

    url_name = "archive:media_detail"

    class Meta:
        ordering = ["title"]
        verbose_name = "media item"
        permissions = [("publish_mediaitem", "Can publish and withdraw media items")]

    def __str__(self):
        return self.title
