"""The Record base every catalogued kind (source, media item, place, person, event) shares."""

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from archive.dates import set_date_bounds


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Statuses a cataloguer may set; publishing and withdrawing need the publish permission.
CATALOGUER_STATUSES = (Status.DRAFT, Status.REVIEW)


class RecordQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Published records for visitors; everything for staff (who preview drafts)."""
        if user is not None and user.is_active and user.is_staff:
            return self
        return self.published()


class Record(models.Model):
    """Abstract base: slug, workflow status, timestamps, citations, claims, identifiers.

    Concrete models set `url_name` (a URL pattern taking `slug`) and may list the Markdown
    fields whose citation markers keep `citations` in step (`cited_text_fields`).
    """

    slug = models.SlugField(
        max_length=200,
        unique=True,
        allow_unicode=False,
        help_text="The permanent address of this record. Changing it keeps the old address "
        "working as a redirect.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text="Only published records appear on the public site.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    citations = GenericRelation("archive.Citation")
    claims = GenericRelation("archive.Claim")
    identifiers = GenericRelation("archive.Identifier")

    objects = RecordQuerySet.as_manager()

    url_name = ""
    cited_text_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_slug = instance.__dict__.get("slug")
        return instance

    @property
    def display_name(self) -> str:
        return str(self)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def get_absolute_url(self):
        return reverse(self.url_name, kwargs={"slug": self.slug})

    def make_unique_slug(self, text: str) -> str:
        base = slugify(text)[:180] or self._meta.model_name
        slug, n = base, 2
        manager = type(self)._default_manager
        while manager.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.make_unique_slug(str(self))
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        set_date_bounds(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            # Derived columns travel with the fields they derive from.
            kwargs["update_fields"] = set(update_fields) | self._derived_fields(update_fields)
        old_slug = getattr(self, "_loaded_slug", None)
        super().save(*args, **kwargs)
        if old_slug and old_slug != self.slug:
            SlugRedirect.remember(self, old_slug)
        self._loaded_slug = self.slug
        if self.cited_text_fields:
            self.sync_citations()

    def _derived_fields(self, update_fields) -> set[str]:
        derived = {"published_at"} if "status" in update_fields else set()
        for name in update_fields:
            field = self._meta.get_field(name)
            if field.__class__.__name__ == "EDTFField":
                derived |= {f"{name}_earliest", f"{name}_latest"}
        return derived

    def publish_errors(self) -> dict[str, str]:
        """What stops this record from being published, as {field name: message}; the admin's
        publish action and the kind's own clean() refuse to publish while it is not empty."""
        return {}

    def cited_texts(self) -> list[str]:
        return [getattr(self, name) or "" for name in self.cited_text_fields]

    def sync_citations(self) -> None:
        from archive.citetext import sync_citations

        sync_citations(self)

    def clean(self):
        super().clean()
        from archive.citetext import validate_markers

        for name in self.cited_text_fields:
            validate_markers(getattr(self, name) or "", field=name)


class SlugRedirect(models.Model):
    """An old slug of a record, so that a permalink never breaks when a slug changes."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    old_slug = models.SlugField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "old_slug"], name="unique_old_slug_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model}: {self.old_slug} → {self.object_id}"

    @classmethod
    def remember(cls, record, old_slug: str) -> None:
        content_type = ContentType.objects.get_for_model(record)
        cls.objects.update_or_create(
            content_type=content_type, old_slug=old_slug, defaults={"object_id": record.pk}
        )
        # A slug given back to this record must not redirect away from it.
        cls.objects.filter(content_type=content_type, old_slug=record.slug).delete()

    @classmethod
    def target_for(cls, model, old_slug: str):
        """The record that once had `old_slug`, or None."""
        content_type = ContentType.objects.get_for_model(model)
        redirect = cls.objects.filter(content_type=content_type, old_slug=old_slug).first()
        if redirect is None:
            return None
        return model._default_manager.filter(pk=redirect.object_id).first()
