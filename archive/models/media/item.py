import uuid
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from archive.dates import EDTFField
from archive.sentences import describe_many_to_many, place_of
from django.utils.translation import gettext_lazy as _

from ..base import Record, RecordQuerySet, Status
from ..places import Place
from ..sources import Source
from ..vocabularies import Licence
from . import specs


def original_upload_to(instance, filename: str) -> str:
    # Unguessable names: an unpublished original must not be found by guessing its URL.
    suffix = filename.rsplit(".", 1)[-1].lower()[:10] if "." in filename else "bin"
    return f"originals/{uuid.uuid4().hex}.{suffix}"


@dataclass(frozen=True)
class Rendition:
    """One derivative size of an image, in both formats, as the public pages link to it."""

    name: str
    width: int
    height: int
    webp_url: str
    jpg_url: str


class MediaItemQuerySet(RecordQuerySet):
    def images(self):
        return self.filter(media_type=MediaItem.MediaType.IMAGE)

    def for_display(self):
        """What a figure, a gallery or a manifest shows without a query per item."""
        return self.select_related("licence")


UNINSPECTED = (
    "This file was not checked: upload it through the admin or archive.media.ingest, which "
    "read its type and size from its content."
)


class MediaItem(Record):
    class MediaType(models.TextChoices):
        IMAGE = "image", _("Image")
        AUDIO = "audio", _("Audio")
        VIDEO = "video", _("Video")
        DOCUMENT = "document", _("Document")

    class Fixity(models.TextChoices):
        UNCHECKED = "unchecked", _("Not yet verified")
        OK = "ok", _("Verified")
        MISMATCH = "mismatch", _("Checksum mismatch")
        MISSING = "missing", _("File missing")

    title = models.CharField(max_length=500, verbose_name=_("title"))
    file = models.FileField(
        upload_to=original_upload_to,
        max_length=300,
        help_text=f"{specs.accepted_help()}. The type is read from the content; the name must "
        "agree.", verbose_name=_("file"),
    )
    original_filename = models.CharField(
        max_length=255, blank=True, editable=False, help_text=_("The name the file was uploaded as.")
    , verbose_name=_("original filename"))
    caption = models.TextField(blank=True, help_text=_("What the item shows, in the archive's words."), verbose_name=_("caption"))
    alt_text = models.CharField(
        max_length=500,
        blank=True,
        help_text=_("For screen readers: what the image shows. Required to publish an image."), verbose_name=_("alt text"),
    )
    creator = models.CharField(max_length=300, blank=True, help_text=_("Photographer, author..."), verbose_name=_("creator"))
    credit_line = models.CharField(
        max_length=500,
        blank=True,
        help_text=_("As it must appear beside the item. Required to publish."), verbose_name=_("credit line"),
    )
    licence = models.ForeignKey(
        Licence, null=True, blank=True, on_delete=models.PROTECT, related_name="media_items"
    , verbose_name=_("licence"))
    date = EDTFField(verbose_name=_("date"))
    date_earliest = models.DateField(null=True, blank=True, editable=False, db_index=True, verbose_name=_("date earliest"))
    date_text = models.CharField(
        _("date as written"),
        max_length=200,
        blank=True,
        help_text=_("The date as the source or museum record gives it (“c.1819”, “date not known”); "
        "shown when it says more than the EDTF date."),
    )
    date_latest = models.DateField(null=True, blank=True, editable=False, db_index=True, verbose_name=_("date latest"))
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="media_items",
        help_text=_("The source this item belongs to or comes from."), verbose_name=_("source"),
    )
    places = models.ManyToManyField(Place, blank=True, related_name="media_items", verbose_name=_("places"))
    publish_original_as_is = models.BooleanField(
        _("publish the original as it is"),
        default=False,
        help_text=_("Off (the default): visitors who open an image's original get a copy without "
        "its GPS position, serial numbers, maker notes, other EXIF data, XMP, IPTC, text and "
        "comments (the pixels, colour profile and orientation unchanged); staff get the file as "
        "uploaded. On: visitors get the file exactly as uploaded, with all it carries. Audio, "
        "video and PDF originals are always served as uploaded. Only curators decide this."),
    )

    # Derived from the file's content at ingest.
    media_type = models.CharField(max_length=10, choices=MediaType.choices, editable=False, verbose_name=_("media type"))
    mime_type = models.CharField(max_length=100, editable=False, verbose_name=_("mime type"))
    size = models.PositiveBigIntegerField(null=True, editable=False, verbose_name=_("size"))
    width = models.PositiveIntegerField(null=True, editable=False, verbose_name=_("width"))
    height = models.PositiveIntegerField(null=True, editable=False, verbose_name=_("height"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, editable=False, db_index=True)
    exif = models.JSONField(default=dict, blank=True, editable=False, verbose_name=_("exif"))
    fixity = models.CharField(
        max_length=10, choices=Fixity.choices, default=Fixity.UNCHECKED, editable=False
    , verbose_name=_("fixity"))
    fixity_checked_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("fixity checked at"))

    objects = MediaItemQuerySet.as_manager()

    _inspected_upload = None  # the new upload an upload door inspected (apply_inspection)

    url_name = "archive:media_detail"
    # Publishing decisions: only a user who may publish changes them (lifecycle.may_publish).
    publishing_fields = ("publish_original_as_is",)

    class Meta(Record.Meta):
        ordering = ["title"]
        verbose_name = _("media item")
        permissions = [("publish_mediaitem", "Can publish and withdraw media items")]
        verbose_name_plural = _("media items")

    def __str__(self):
        return self.title

    # Ingest and the publishing rules.

    def clean(self):
        super().clean()
        errors = {}
        if self.has_uninspected_upload():
            errors["file"] = [UNINSPECTED]
        if self.status == Status.PUBLISHED and not errors:
            errors.update(self.publish_errors())
        if errors:
            raise ValidationError(errors)

    def has_uninspected_upload(self) -> bool:
        """A new file that no upload door has inspected (`archive.media.ingest.inspect_upload`):
        refused, so that no door can store a file unchecked."""
        if not self.file or getattr(self.file, "_committed", True):
            return False
        return getattr(self.file, "file", None) is not self._inspected_upload

    def apply_inspection(self, inspection, upload) -> None:
        """Take the derived fields from the inspection of a new `upload` (made by
        `archive.media.ingest.inspect_upload`, which every upload door calls)."""
        self._inspected_upload = upload
        self.original_filename = upload.name.rsplit("/", 1)[-1][:255]
        self.media_type = inspection.media_type
        self.mime_type = inspection.mime_type
        self.size = inspection.size
        self.sha256 = inspection.sha256
        self.width, self.height = inspection.width, inspection.height
        self.exif = inspection.exif
        self.fixity, self.fixity_checked_at = self.Fixity.UNCHECKED, None
        self.__dict__.pop("renditions", None)

    def publish_errors(self) -> dict[str, str]:
        errors = {}
        if self.media_type == self.MediaType.IMAGE and not self.alt_text.strip():
            errors["alt_text"] = "An image cannot be published without alt text."
        if not self.credit_line.strip():
            errors["credit_line"] = "A media item cannot be published without a credit line."
        if self.licence_id is None:
            errors["licence"] = (
                "A media item cannot be published without a licence. Choose its licence or "
                "rights statement (Creative Commons or RightsStatements.org)."
            )
        elif not self.licence.uri:
            errors["licence"] = (
                f"A media item cannot be published without a rights statement machines read: "
                f"the licence “{self.licence}” has no URI. Give it its Creative Commons or "
                f"RightsStatements.org URI (Catalogue › Licences), or choose another."
            )
        return errors

    def identical_items(self):
        """Other items whose original has the very same bytes."""
        if not self.sha256:
            return MediaItem.objects.none()
        return MediaItem.objects.filter(sha256=self.sha256).exclude(pk=self.pk)

    # Addresses: always the checked views of archive.media, never the storage's own URL.

    @property
    def is_image(self) -> bool:
        return self.media_type == self.MediaType.IMAGE

    @property
    def original_is_public(self) -> bool:
        """Whether visitors get the original's very bytes; otherwise they get its public copy
        (`PublicOriginal`, made by archive.media.public_original)."""
        return not self.is_image or self.publish_original_as_is

    @property
    def original_url(self) -> str:
        return reverse("media_files:original", kwargs={"slug": self.slug})

    def derivative_url(self, name: str, fmt: str) -> str:
        return reverse(
            "media_files:derivative", kwargs={"slug": self.slug, "name": name, "fmt": fmt}
        )

    @cached_property
    def renditions(self) -> list[Rendition]:
        """The image's derivative sizes, smallest first: known from width and height alone."""
        if not self.is_image:
            return []
        return [
            Rendition(
                p.name,
                p.width,
                p.height,
                self.derivative_url(p.name, "webp"),
                self.derivative_url(p.name, "jpg"),
            )  # fmt: skip
            for p in specs.plan(self.width, self.height)
        ]

    @property
    def thumbnail(self) -> Rendition | None:
        return self.renditions[0] if self.renditions else None

    @property
    def display(self) -> Rendition | None:
        """The size a page shows by default (the `src` of the fallback <img>)."""
        by_name = {r.name: r for r in self.renditions}
        return by_name.get("medium") or (self.renditions[-1] if self.renditions else None)

    @property
    def largest(self) -> Rendition | None:
        return self.renditions[-1] if self.renditions else None

    @property
    def srcset_webp(self) -> str:
        return ", ".join(f"{r.webp_url} {r.width}w" for r in self.renditions)

    @property
    def srcset_jpg(self) -> str:
        return ", ".join(f"{r.jpg_url} {r.width}w" for r in self.renditions)


describe_many_to_many(
    MediaItem.places, lambda row: place_of(row.place, row.mediaitem), ("place", "mediaitem")
)
