"""Rows of relation models as sentences a curator reads: "Baku — place of Soviet troops in
Baku, 19–20 January 1990", "Heydər Əliyev — speaker in …". The admin shows them as inline row
headers and in delete confirmations; `str_select_related` names what they read (see
archive/admin/deletion.py). Each is a whole sentence to translate, read in the curator's
language."""

from django.utils.translation import gettext


def lower_first(text) -> str:
    """A vocabulary term inside a sentence: "Speaker" → "speaker" (an acronym stays: "USSR")."""
    text = str(text)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def role_in(subject, role, whole, preposition: str = "in") -> str:
    """ "Heydər Əliyev — speaker in …"; `preposition` "of": "Klucis — author of “…”"."""
    if preposition == "of":
        sentence = gettext("%(subject)s — %(role)s of %(whole)s")
    else:
        sentence = gettext("%(subject)s — %(role)s in %(whole)s")
    return sentence % {"subject": subject, "role": lower_first(role), "whole": whole}


def place_of(place, whole) -> str:
    return gettext("%(place)s — place of %(whole)s") % {"place": place, "whole": whole}


def media_of(item, whole) -> str:
    return gettext("%(item)s — media of %(whole)s") % {"item": item, "whole": whole}


def describe_many_to_many(field, sentence, select_related: tuple[str, ...]) -> None:
    """Give the rows of a many-to-many field's auto-made table a sentence instead of
    "Event_places object (8)": `sentence(row)` reads the row's two ends."""
    through = field.through
    through.__str__ = sentence
    through.str_select_related = select_related
