"""The archive's own texts that are written in each language (django-modeltranslation:
`title_en`, `title_az`, `title_ru` columns beside `title`, read through
`archive.translations`). A source's title, quotation and transcript are the source's words,
in its language: not here (`translated_title` is the archive's translation of the title)."""

from modeltranslation.translator import TranslationOptions, register

from archive.models import (
    ClaimAttribute,
    IdentifierScheme,
    Licence,
    MediaItem,
    Place,
    Source,
    SourceKind,
    Term,
)


@register(Term)
class TermTranslation(TranslationOptions):
    """Every vocabulary: each concrete `Term` registers itself (in its app's translation.py),
    inheriting these fields; tests/i18n checks that none is missing."""

    fields = ("name", "description")
    # `name` is unique: an empty translation is NULL, so two terms may both lack one.
    empty_values = {"name": None}


@register([SourceKind, Licence, IdentifierScheme])
class VocabularyTranslation(TranslationOptions):
    fields = ()


@register(ClaimAttribute)
class ClaimAttributeTranslation(TranslationOptions):
    # The unit is read after the figure (“147 people”, “147 nəfər”, “147 человек”).
    fields = ("unit",)


@register(Place)
class PlaceTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("translated_title", "abstract", "criticism_note")


@register(MediaItem)
class MediaItemTranslation(TranslationOptions):
    fields = ("title", "caption", "alt_text")
