"""The records' texts in each language, in the admin."""

from django.db import models

from archive import translations


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

    def get_fields(self, request, obj=None):
        return self._with_languages(super().get_fields(request, obj))

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
