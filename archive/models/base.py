"""The Record base every catalogued kind (source, media item, place, person, event) shares."""

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive import citetext, lifecycle, translations
from archive.lifecycle import CATALOGUER_STATUSES, Status

__all__ = ["CATALOGUER_STATUSES", "Record", "RecordQuerySet", "SlugRedirect", "Status"]


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
        help_text=_(
            "The permanent address of this record. Changing it keeps the old address "
            "working as a redirect."
        ),
        verbose_name=_("slug"),
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Only published records appear on the public site."),
        verbose_name=_("status"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    published_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("published at")
    )

    citations = GenericRelation("archive.Citation")
    claims = GenericRelation("archive.Claim")
    identifiers = GenericRelation("archive.Identifier")

    objects = RecordQuerySet.as_manager()

    url_name = ""
    cited_text_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True
        # The home page and the feed read the newest published records, the sitemap index
        # each kind's latest change: one index each, so neither scans the table. Kinds
        # inherit them with `class Meta(Record.Meta)`.
        indexes = [
            models.Index(fields=["status", "published_at"], name="%(app_label)s_%(class)s_pub"),
            models.Index(fields=["status", "updated_at"], name="%(app_label)s_%(class)s_upd"),
        ]

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_slug = instance.__dict__.get("slug")
        return instance

    @property
    def display_name(self) -> str:
        return str(self)

    @property
    def local_name(self) -> "translations.LocalText":
        """What a page calls the record, in the visitor's language where it can, and which
        language that is: its translated title or name, else its own."""
        for field in ("title", "name"):
            if translations.is_translated(type(self), field):
                return translations.localized(self, field)
        return translations.LocalText(str(self), "")

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def get_absolute_url(self):
        return reverse(self.url_name, kwargs={"slug": self.slug})

    def make_unique_slug(self, text: str) -> str:
        return lifecycle.unique_slug(self, text)

    @classmethod
    def slug_holders(cls, slugs, exclude_pk=None, current=True):
        """(slug, record, is_old) for each of `slugs` another record of this kind has, now
        (when `current`) or as an old slug (`SlugRedirect`); lifecycle's slug rules ask this."""
        found = []
        if current:
            holders = cls._default_manager.filter(slug__in=slugs).exclude(pk=exclude_pk)
            found += [(record.slug, record, False) for record in holders]
        content_type = ContentType.objects.get_for_model(cls)
        redirects = list(
            SlugRedirect.objects.filter(content_type=content_type, old_slug__in=slugs)
            .exclude(object_id=exclude_pk)
            .values_list("old_slug", "object_id")
        )
        if redirects:
            records = cls._default_manager.in_bulk([pk for _, pk in redirects])
            found += [(old, records[pk], True) for old, pk in redirects if pk in records]
        return found

    def fill_defaults(self) -> None:
        """Fill what the kind derives from other fields when left blank; the lifecycle calls
        it before every write and before an import compares a row with the stored record."""

    def save(self, *args, **kwargs):
        lifecycle.prepare(self)
        if self.cited_text_fields and kwargs.get("update_fields") is None:
            self.update_citation_keys()
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

    def cited_columns(self) -> list[tuple[str, str]]:
        """(attribute, language) of each cited text in each language: a marker in any of them
        keeps its citation. The default language's text is the field itself (the admin's and
        the import's `biography`); the others are `biography_az`, `biography_ru`."""
        found = []
        for name in self.cited_text_fields:
            columns = translations.columns(type(self), name)
            if len(columns) == 1:
                found.append((name, ""))
                continue
            for code, column in zip(translations.languages(), columns, strict=True):
                is_default = code == translations.default_language()
                found.append((name if is_default else column, code))
        return found

    def cited_texts(self) -> list[str]:
        return [getattr(self, column) or "" for column, _lang in self.cited_columns()]

    @classmethod
    def citation_model(cls):
        """archive.Citation, which this module cannot import (it imports this module): asked
        of the app registry by its own name, not found by reflection."""
        return apps.get_model("archive", "Citation")

    def sync_citations(self) -> None:
        self.citation_model().objects.sync_with_text(self)

    def update_citation_keys(self) -> None:
        """Rewrite markers that name a source by an old slug to its current one."""
        texts = {column: getattr(self, column) or "" for column, _lang in self.cited_columns()}
        if not any("[@" in text for text in texts.values()):
            return
        keys = {cite.key for text in texts.values() for cite in citetext.cites_in(text)}
        sources = self.citation_model().objects.sources_by_key(keys)
        renamed = {key: source.slug for key, source in sources.items() if key != source.slug}
        if renamed:
            for name, text in texts.items():
                setattr(self, name, citetext.rename_keys(text, renamed))

    def clean_fields(self, exclude=None):
        # The lifecycle's words replace Django's for the rules it owns (required, status, slug).
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        errors.update(lifecycle.field_refusals(self, exclude=set(exclude or ())))
        if errors:
            raise ValidationError(errors)

    def full_clean(self, exclude=None, validate_unique=True, validate_constraints=True):
        # What publishing demands is judged last, on the record as the kind's clean() left it
        # (a media item learns its type from its file there).
        errors = {}
        try:
            super().full_clean(exclude, validate_unique, validate_constraints)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name, messages in lifecycle.record_refusals(self).items():
            errors.setdefault(name, messages)
        if errors:
            raise ValidationError(errors)

    def clean(self):
        super().clean()
        errors = {}
        lookup = self.citation_model().objects.sources_by_key
        for column, lang in self.cited_columns():
            try:
                citetext.validate_markers(getattr(self, column) or "", field=column, lookup=lookup)
            except ValidationError as error:
                if lang and lang != translations.default_language():
                    error = ValidationError(  # which language's text holds the marker
                        {column: [f"{translations.language_name(lang)} text: {message}"
                                  for message in error.message_dict[column]]}
                    )  # fmt: skip
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def validate_unique(self, exclude=None):
        # A slug is taken by another record's slug or old slug: the lifecycle says so.
        exclude = set(exclude or ())
        if "slug" not in exclude and self.slug:
            taken = lifecycle.slug_holders(type(self), [self.slug], exclude_pk=self.pk)
            if taken:
                try:
                    super().validate_unique(exclude | {"slug"})
                except ValidationError as error:
                    raise ValidationError(
                        error.update_error_dict({"slug": [taken[self.slug]]})
                    ) from error
                raise ValidationError({"slug": [taken[self.slug]]})
        super().validate_unique(exclude)


class SlugRedirect(models.Model):
    """An old slug of a record, so that a permalink never breaks when a slug changes."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(verbose_name=_("object id"))
    record = GenericForeignKey("content_type", "object_id")
    old_slug = models.SlugField(max_length=200, verbose_name=_("old slug"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "old_slug"], name="unique_old_slug_per_kind"
            )
        ]
        verbose_name = _("slug redirect")
        verbose_name_plural = _("slug redirects")

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
