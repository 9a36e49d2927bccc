from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from .item import MediaItem


def public_original_upload_to(instance, filename: str) -> str:
    return f"public-originals/{filename}"


class PublicOriginal(models.Model):
    """The original of an image as visitors get it: the same file without its private metadata
    (GPS, serial numbers, maker notes, XMP, IPTC, text), made from the original. The original
    itself stays as uploaded, for staff and for fixity."""

    item = models.OneToOneField(MediaItem, on_delete=models.CASCADE, related_name="public_original", verbose_name=_("item"))
    file = models.FileField(upload_to=public_original_upload_to, max_length=300, verbose_name=_("file"))
    size = models.PositiveBigIntegerField(help_text=_("In bytes."), verbose_name=_("size"))
    original_sha256 = models.CharField(
        max_length=64, help_text=_("The checksum of the original it was made from.")
    , verbose_name=_("original sha256"))
    removed = models.JSONField(
        default=list, blank=True, help_text=_("What the original carries that the copy does not.")
    , verbose_name=_("removed"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("public copy of an original")
        verbose_name_plural = _("public copies of originals")

    def __str__(self):
        return f"{self.item} · public copy"


@receiver(post_delete, sender=PublicOriginal)
def _delete_public_original_file(sender, instance, **kwargs):
    # Made again from the original when needed; the file goes with its row (after commit).
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
