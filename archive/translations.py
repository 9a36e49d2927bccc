"""The records' own texts in each language: which fields are translated and which value a
visitor reads.

Each app declares its translated fields once, in its `translation.py` (django-modeltranslation:
`title_en`, `title_az`, `title_ru` are columns of the record's own row, so no page needs a join
or a prefetch for them). Everything else asks this module. A text missing in the visitor's
language falls back in one order, `settings.MODELTRANSLATION_FALLBACK_LANGUAGES` (the visitor's
language, then English, then any); `localized()` also says which language the shown text is
in, so that a page can mark it with its own `lang`.
"""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.utils import translation
from modeltranslation.manager import get_translatable_fields_for_model
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order


@dataclass(frozen=True)
class LocalText:
    """A text and the language it is in ("" when not known)."""

    text: str
    lang: str = ""

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def default_language() -> str:
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def language_name(code: str) -> str:
    """The language's English name (Azerbaijani, Russian), for editors' messages."""
    return translation.get_language_info(code)["name"]


def current_language() -> str:
    return get_language()


@cache  # registrations are made once, when the apps load
def translated_fields(model) -> tuple[str, ...]:
    """The fields of `model` written in each language, in the model's field order (the same
    in every process)."""
    names = get_translatable_fields_for_model(model) or ()
    order = {field.name: i for i, field in enumerate(model._meta.get_fields())}
    return tuple(sorted(names, key=lambda name: (order.get(name, len(order)), name)))


def is_translated(model, field: str) -> bool:
    return field in translated_fields(model)


def columns(model, field: str) -> list[str]:
    """The attribute names holding `field` in every language (just `field` if untranslated)."""
    if not is_translated(model, field):
        return [field]
    return [build_localized_fieldname(field, code) for code in languages()]


def column(model, field: str, lang: str | None = None) -> str:
    """The attribute holding `field` in `lang` (the default language: English): what a
    curator's plain `title` input and an import's `title` column read and write, whatever
    language the admin speaks (the field itself would be the active language's)."""
    if not is_translated(model, field):
        return field
    return build_localized_fieldname(field, lang or default_language())


def empty_value(model, field: str, lang: str | None = None):
    """What an empty text is stored as in that language's column ("" or NULL)."""
    translation_field = model._meta.get_field(column(model, field, lang))
    return None if getattr(translation_field, "empty_value", "") is None else ""


def filled(record, field: str) -> bool:
    """Whether `field` of `record` has a text in at least one language."""
    return bool(every_language(record, field))


def missing_q(model, lang: str):
    """Records lacking a text in `lang` that they have in another language, in any of their
    translated fields (the admin's "missing translation" filter)."""
    from django.db.models import Q

    found = Q(pk__in=[])
    for field in translated_fields(model):
        names = dict(zip(languages(), columns(model, field), strict=True))
        target = names.pop(lang)
        empty = Q(**{f"{target}__isnull": True}) | Q(**{target: ""})
        elsewhere = Q()
        for other in names.values():
            elsewhere |= Q(**{f"{other}__gt": ""})
        found |= empty & elsewhere
    return found


def fallback_order(lang: str | None = None) -> tuple[str, ...]:
    return resolution_order(lang or get_language())


def localized(record, field: str, lang: str | None = None) -> LocalText:
    """`field` of `record` in `lang` (the active language), else in the fallback order."""
    if record is None:
        return LocalText("")
    if not is_translated(type(record), field):
        return LocalText(getattr(record, field, "") or "", "")
    for code in fallback_order(lang):
        text = getattr(record, build_localized_fieldname(field, code), None)
        if text:
            return LocalText(text, code)
    return LocalText("", "")


def every_language(record, field: str) -> list[str]:
    """`field`'s text in each language it is written in (search, citation markers)."""
    values = (getattr(record, name, "") or "" for name in columns(type(record), field))
    return [value for value in dict.fromkeys(values) if value]


def sort_key(model, field: str, lang: str | None = None):
    """What sorting by a translated `field` means: by the text the visitor reads (their
    language, else the fallback), not by a column that is empty for records written in
    another language. An untranslated field is itself."""
    from django.db.models import F, Value
    from django.db.models.functions import Coalesce, NullIf

    if not is_translated(model, field):
        return F(field)
    keys = [
        NullIf(F(build_localized_fieldname(field, code)), Value(""))
        for code in fallback_order(lang)
    ]
    return Coalesce(*keys, Value(""), output_field=model._meta.get_field(field).__class__())


def order_by(model, ordering: str):
    """An `order_by()` argument ("-title") sorting a translated field by `sort_key`."""
    name = ordering.removeprefix("-")
    if not is_translated(model, name):
        return ordering
    key = sort_key(model, name)
    return key.desc() if ordering.startswith("-") else key.asc()


def with_languages(model, fields) -> list[str]:
    """`fields` (an import's columns, say) with each translated field followed by its other
    languages: `title` (English, as before), `title_az`, `title_ru`."""
    default = default_language()
    found = []
    for name in fields:
        found.append(name)
        if is_translated(model, name):
            found += [
                column
                for code, column in zip(languages(), columns(model, name), strict=True)
                if code != default
            ]
    return found


def lookups(relation: str, model, *fields: str) -> list[str]:
    """`fields` of the `model` reached through `relation`, for `.only()` on a model that is
    not translated itself (a participation: its queryset rewrites nothing), with every
    language's column of each translated field: `to_event__title`, `to_event__title_en`, …"""
    return [
        f"{relation}__{column}"
        for name in fields
        for column in dict.fromkeys([name, *columns(model, name)])
    ]


def copy_to_default_language(app_label: str, fields: dict[str, tuple[str, ...]]):
    """A migration operation: each field's existing text becomes its English value
    (`title` → `title_en`), and back when the migration is reversed. One UPDATE per model,
    on SQLite and PostgreSQL alike."""
    from django.db import migrations
    from django.db.models import F, Value
    from django.db.models.functions import Coalesce, NullIf

    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE

    def copy(apps, schema_editor, forwards=True):
        for model_name, names in fields.items():
            model = apps.get_model(app_label, model_name)
            pairs = [(name, build_localized_fieldname(name, default)) for name in names]
            manager = model._base_manager.using(schema_editor.connection.alias)
            if forwards:
                # A value another app's migration wrote in the column itself is kept.
                manager.update(
                    **{
                        column: Coalesce(NullIf(column, Value("")), F(name))
                        for name, column in pairs
                    }
                )
            else:  # what was edited in English since is kept in the original column
                manager.update(**{name: Coalesce(column, name) for name, column in pairs})

    return migrations.RunPython(copy, lambda apps, editor: copy(apps, editor, forwards=False))


def fill_labels(app_label: str, labels: dict[str, dict[str, dict[str, dict[str, str]]]]):
    """A migration operation: the default vocabularies' labels in other languages,
    `{model_name: {slug: {field: {language: label}}}}`, written only where the column is empty
    (a label a curator wrote is kept); reversing leaves them."""
    from django.db import migrations

    def fill(apps, schema_editor):
        for model_name, terms in labels.items():
            model = apps.get_model(app_label, model_name)
            manager = model._base_manager.using(schema_editor.connection.alias)
            for slug, fields in terms.items():
                term = manager.filter(slug=slug).first()
                if term is None:  # deleted by a curator, or renamed: nothing to label
                    continue
                changed = []
                for field, by_language in fields.items():
                    for code, label in by_language.items():
                        column = build_localized_fieldname(field, code)
                        # A unique label (a name) another term already has is left out.
                        taken = (
                            model._meta.get_field(column).unique
                            and manager.filter(**{column: label}).exclude(pk=term.pk).exists()
                        )
                        if not getattr(term, column) and not taken:
                            setattr(term, column, label)
                            changed.append(column)
                if changed:
                    term.save(update_fields=changed)

    return migrations.RunPython(fill, migrations.RunPython.noop)


def version_every_language() -> None:
    """django-reversion lists a model's fields when the model is registered (in models.py),
    before modeltranslation adds the language columns: add them, so that a version carries,
    and a revert restores, every language. Called in ArchiveConfig.ready, which runs after
    modeltranslation's (it is first in INSTALLED_APPS) has read every app's translation.py."""
    from reversion import revisions

    for model in revisions.get_registered_models():
        added = [column for name in translated_fields(model) for column in columns(model, name)]
        if added:
            key = revisions._get_registration_key(model)  # no public way to amend options
            options = revisions._registered_models[key]
            fields = tuple(dict.fromkeys((*options.fields, *added)))
            revisions._registered_models[key] = options._replace(fields=fields)


def field_label(model_field) -> str:
    """A field's label for curators: a language column reads as its field ("title") in
    English, the default, and with its language in the others ("title (Azerbaijani)"),
    rather than modeltranslation's "title [az]"."""
    original = getattr(model_field, "translated_field", None)
    lang = getattr(model_field, "language", None)
    if original is None or lang is None:
        return str(model_field.verbose_name)
    if lang == default_language():
        return str(original.verbose_name)
    name = translation.gettext(translation.get_language_info(lang)["name"])
    return f"{original.verbose_name} ({name})"
