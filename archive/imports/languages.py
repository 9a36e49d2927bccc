"""An import's columns of translated texts: `title` is English (as in every export),
`title_az` and `title_ru` the other languages; `title_en` is read as `title`. A column in a
language the archive does not have (`title_de`) is refused rather than ignored, and a row
whose `title` and `title_en` differ is refused rather than one of them kept."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from archive import translations


def default_columns(model, headers) -> dict[str, str]:
    """{`title_en`: `title`} for the default language's columns the file has."""
    return {
        translations.column(model, name): name
        for name in translations.translated_fields(model)
        if translations.column(model, name) in headers
    }


def check_headers(model, headers) -> None:
    """Refuse columns named as a translated field in a language the archive does not have."""
    codes = set(translations.languages())
    unknown = []
    for header in headers:
        for name in translations.translated_fields(model):
            suffix = header.removeprefix(f"{name}_") if header.startswith(f"{name}_") else None
            if suffix and suffix.isalpha() and len(suffix) <= 3 and suffix not in codes:
                unknown.append(header)
    if unknown:
        raise ValidationError(
            gettext(
                "Column(s) %(columns)s: the archive's texts are in %(languages)s only "
                "(“title” is English, “title_az” Azerbaijani, “title_ru” Russian)."
            )
            % {"columns": ", ".join(unknown), "languages": ", ".join(translations.languages())}
        )


def read_default_columns(model, row) -> dict[str, ValidationError]:
    """Take each `title_en` cell as the row's `title`; refuse a row where both are filled and
    differ. Returns the errors by column."""
    errors = {}
    for column, name in default_columns(model, row.keys()).items():
        english = (row.get(column) or "").strip() if isinstance(row.get(column), str) else ""
        plain = row.get(name)
        plain = plain.strip() if isinstance(plain, str) else (plain or "")
        if name not in row or not plain:
            row[name] = row.get(column)
        elif english and english != plain:
            errors[column] = ValidationError(
                gettext("“%(column)s” and “%(name)s” are both the English text and differ.")
                % {"column": column, "name": name},
                code="invalid",
            )
    return errors
