"""How a curator picks a related row: the one rule for autocomplete versus a plain select.

A vocabulary (a `Term`: event types, roles, licences, source kinds...) is a few dozen rows at
most, so it is a plain select that shows every choice at once. Records (people, places,
sources, events, media) grow without bound, so they autocomplete.
"""

from archive.models.vocabularies import Term


def is_small_vocabulary(model) -> bool:
    return issubclass(model, Term) or getattr(model, "small_vocabulary", False)


def large_only(model, names) -> list[str]:
    """The `names` of `model`'s relations whose targets are large enough to autocomplete."""
    # Only asks "is the target a vocabulary?": it names no model of another app.
    targets = {name: model._meta.get_field(name).remote_field.model for name in names}
    return [name for name in names if not is_small_vocabulary(targets[name])]


class LargeAutocompleteMixin:
    """For a ModelAdmin or an inline: autocomplete only for large tables, whatever the
    `autocomplete_fields` say."""

    def get_autocomplete_fields(self, request):
        return large_only(self.model, super().get_autocomplete_fields(request))
