"""Events' texts in each language (see archive/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from events.models import Event, EventType, RelationType, Role


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


@register([EventType, Role])
class VocabularyTranslation(TranslationOptions):
    fields = ()  # name and description, from archive's Term


@register(RelationType)
class RelationTypeTranslation(TranslationOptions):
    fields = ("inverse_name",)
