"""The records' texts in each language, in the admin."""

from django.contrib import admin
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from archive import lifecycle, translations


class InLanguagesFormMixin:
    """A record form whose plain translated inputs (`title`) are the English column, in every
    language the admin speaks. modeltranslation's descriptor would read `title` as the active
    language's text with the fallback (an English input showing the Azerbaijani title) and
    write it into the active language's column (the `title` and `title_az` inputs editing one
    column). A text required by the kind is required in one language, not in English."""

    def __init__(self, *args, initial=None, **kwargs):
        super().__init__(*args, initial=initial, **kwargs)
        model = self._meta.model
        self.plain_translated = [
            name for name in translations.translated_fields(model) if name in self.fields
        ]
        required = {field.name for field in lifecycle.required_fields(model)}
        default = translations.default_language()
        for name in self.plain_translated:
            # Labelled as its neighbours are (“Title [az]”): side by side, the language shows.
            label = self.fields[name].label
            if label and not str(label).endswith("]"):
                self.fields[name].label = format_lazy("{} [{}]", label, default)
            if name not in (initial or {}):
                self.initial[name] = getattr(self.instance, translations.column(model, name))
            if name in required:
                self.fields[name].required = False

    def _languages_shown(self, name: str) -> list[str]:
        """Each language's text of `name` as the form will save it."""
        model = self._meta.model
        default = translations.default_language()
        texts = []
        for code, column in zip(
            translations.languages(), translations.columns(model, name), strict=True
        ):
            field_name = name if code == default else column
            if field_name in self.fields:
                texts.append(self.cleaned_data.get(field_name))
            else:
                texts.append(getattr(self.instance, column, None))
        return texts

    def clean(self):
        cleaned = super().clean()
        model = self._meta.model
        for field in lifecycle.required_fields(model):
            name = field.name
            if (
                name in self.plain_translated
                and name not in self.errors
                and not any(self._languages_shown(name))
            ):
                self.add_error(name, lifecycle.required_message(model, field))
        return cleaned

    def _post_clean(self):
        model = self._meta.model
        for name in self.plain_translated:
            if name in self.cleaned_data:
                value = self.cleaned_data[name]
                if value in ("", None):
                    value = translations.empty_value(model, name)
                setattr(self.instance, translations.column(model, name), value)
        # Building the instance sets `title` too: without this, into the active language.
        self.instance._mt_disable = True
        try:
            super()._post_clean()
        finally:
            self.instance._mt_disable = False


class MissingTranslationFilter(admin.SimpleListFilter):
    """Records that have a text in some language but not in the chosen one, in any of their
    translated fields: what a translator still has to write."""

    title = _("missing translation")
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        return [
            (code, gettext(translations.language_name(code))) for code in translations.languages()
        ]

    def queryset(self, request, queryset):
        if self.value() in translations.languages():
            return queryset.filter(translations.missing_q(queryset.model, self.value()))
        return queryset


class LanguagesAdminMixin:
    """A translated field is edited as itself — English, as the import's `title` means — with
    its other languages beside it (`title_az`, `title_ru`); the English column is the field,
    so it is not shown twice. Saving a form writes only the columns it shows."""

    def _with_languages(self, names):
        model, default = self.model, translations.default_language()
        shown, seen = [], set()
        for name in names:
            if isinstance(name, (list, tuple)):
                shown.append(type(name)(self._with_languages(name)))
                continue
            if name in seen:
                continue
            seen.add(name)
            shown.append(name)
            if isinstance(name, str) and translations.is_translated(model, name):
                for code, column in zip(
                    translations.languages(),
                    translations.columns(model, name),
                    strict=True,
                ):
                    if code != default and column not in seen:
                        seen.add(column)
                        shown.append(column)
        return [
            name for name in shown if not (isinstance(name, str) and self._is_default_column(name))
        ]

    def _is_default_column(self, name: str) -> bool:
        suffix = f"_{translations.default_language()}"
        return name.endswith(suffix) and translations.is_translated(
            self.model, name.removesuffix(suffix)
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.pop("form", self.form)
        if translations.translated_fields(self.model) and not issubclass(
            base, InLanguagesFormMixin
        ):
            base = type(base.__name__, (InLanguagesFormMixin, base), {})
        return super().get_form(request, obj, change, form=base, **kwargs)

    def get_list_filter(self, request):
        found = list(super().get_list_filter(request))
        if translations.translated_fields(self.model) and MissingTranslationFilter not in found:
            found.append(MissingTranslationFilter)
        return found

    def get_fields(self, request, obj=None):
        return self._with_languages(super().get_fields(request, obj))

    def get_search_fields(self, request):
        # A curator finds a record by its text in any language, whatever the admin's language
        # (a plain `title` would be read as the active language's column alone).
        found = []
        for name in super().get_search_fields(request):
            name = str(name)
            if name[:1] not in "^=@" and translations.is_translated(self.model, name):
                found += translations.columns(self.model, name)
            else:
                found.append(name)
        return found

    def get_fieldsets(self, request, obj=None):
        return [
            (title, {**options, "fields": self._with_languages(options["fields"])})
            for title, options in super().get_fieldsets(request, obj)
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # A name or a text in Arabic or Hebrew script is typed and read right to left.
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if (
            field is not None
            and isinstance(db_field, (models.CharField, models.TextField))
            and not db_field.choices
            and not isinstance(db_field, (models.SlugField, models.URLField))
        ):
            field.widget.attrs.setdefault("dir", "auto")
        return field
