"""People's and organisations' texts in each language (see archive/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from people.models import ContributionRole, Organisation, OrganisationType, Person


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("summary", "biography")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("summary", "description")


@register([ContributionRole, OrganisationType])
class VocabularyTranslation(TranslationOptions):
    fields = ()  # name and description, from archive's Term
