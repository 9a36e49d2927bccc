from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from . import specs
from .item import MediaItem


def derivative_upload_to(instance, filename: str) -> str:
    return f"derivatives/{filename}"


class MediaDerivative(models.Model):
    """A public-safe copy of an image (resized, sRGB, no EXIF), made from the original."""

    class Format(models.TextChoices):
        WEBP = "webp", _("WebP")
        JPEG = "jpg", _("JPEG")

    item = models.ForeignKey(MediaItem, on_delete=models.CASCADE, related_name="derivatives", verbose_name=_("item"))
    name = models.CharField(max_length=20, help_text="Size name: " + ", ".join(
        s.name for s in specs.SIZES), verbose_name=_("name"))  # fmt: skip
    format = models.CharField(max_length=4, choices=Format.choices, verbose_name=_("format"))
    file = models.FileField(upload_to=derivative_upload_to, max_length=300, verbose_name=_("file"))
    width = models.PositiveIntegerField(verbose_name=_("width"))
    height = models.PositiveIntegerField(verbose_name=_("height"))
    size = models.PositiveIntegerField(help_text=_("In bytes."), verbose_name=_("size"))
    original_sha256 = models.CharField(
        max_length=64, help_text=_("The checksum of the original it was made from.")
    , verbose_name=_("original sha256"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        ordering = ["item", "width", "format"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "name", "format"], name="unique_derivative_per_item"
            )
        ]
        verbose_name = _("media derivative")
        verbose_name_plural = _("media derivatives")

    def __str__(self):
        return f"{self.item} · {self.name}.{self.format} ({self.width} × {self.height})"

    @property
    def mime_type(self) -> str:
        return specs.FORMATS[self.format]


@receiver(post_delete, sender=MediaDerivative)
def _delete_derivative_file(sender, instance, **kwargs):
    # Derivatives can always be made again; their files go when their rows go (after commit).
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
