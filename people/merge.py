"""Likely duplicate people, and merging two records of one person.

Names are folded before they are compared so that spellings and scripts meet: lower case, no
diacritics, ə → a, Cyrillic and other scripts to Latin (Unidecode), y/j → i, ts/tz → c, doubled
letters once (Klutsis → klucis, Əliyev → alieu... → aliev, Алиев → aliev). People are blocked by
the folded surname, so only names in one block are compared (never all pairs of 3,500 people);
within a block a similarity ratio of the folded full names decides.
"""

import copy
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from unidecode import unidecode

from archive import lifecycle, translations
from archive.models import Citation, Claim, Identifier, SlugRedirect, Status
from people import hooks
from people.models import Contribution, Person, PersonName

THRESHOLD = 0.88


def fold(name: str) -> str:
    """A name reduced to what survives spelling and script: “Heydər Əliyev” → “heidar aliev”."""
    text = (name or "").replace("ə", "a").replace("Ə", "A")
    text = unidecode(unicodedata.normalize("NFC", text)).lower()
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = re.sub(r"t[sz]", "c", text)
    text = re.sub(r"[yj]", "i", text)
    text = re.sub(r"(.)\1+", r"\1", text)
    return " ".join(text.split())


def _surname(person_name: str, sort_name: str) -> str:
    if sort_name and "," in sort_name:
        return fold(sort_name.split(",", 1)[0]).replace(" ", "")
    words = fold(person_name).split()
    return words[-1] if words else ""


@dataclass(frozen=True)
class Candidate:
    first: Person
    second: Person
    score: float
    reason: str


def likely_duplicates(limit: int | None = None) -> list[Candidate]:
    """Pairs of people who are probably one person, best first. Two queries in all."""
    people = {p.pk: p for p in Person.objects.only("pk", "name", "sort_name", "slug", "status")}
    names: dict[int, set[str]] = defaultdict(set)
    for pk, person in people.items():
        names[pk].add(person.name)
    for person_id, name in PersonName.objects.values_list("person_id", "name"):
        names[person_id].add(name)
    blocks: dict[str, set[int]] = defaultdict(set)
    folded: dict[int, set[str]] = {}
    for pk, person in people.items():
        folded[pk] = {fold(n) for n in names[pk]} - {""}
        blocks[_surname(person.name, person.sort_name)].add(pk)
        for name in names[pk]:
            words = fold(name).split()
            if words:
                blocks[words[-1]].add(pk)
    pairs: dict[tuple[int, int], Candidate] = {}
    for members in blocks.values():
        if len(members) < 2 or len(members) > 200:
            continue  # a block that large is a common surname; its pairs are not “likely”
        ordered = sorted(members)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if (a, b) in pairs:
                    continue
                score, reason = _similarity(folded[a], folded[b])
                if score >= THRESHOLD:
                    pairs[(a, b)] = Candidate(people[a], people[b], score, reason)
    found = sorted(pairs.values(), key=lambda c: (-c.score, c.first.name))
    return found[:limit] if limit else found


def _similarity(a: set[str], b: set[str]) -> tuple[float, str]:
    if a & b:
        return 1.0, f"same name once folded: “{sorted(a & b)[0]}”"
    best, reason = 0.0, ""
    for x in a:
        for y in b:
            ratio = SequenceMatcher(None, x, y).ratio()
            if ratio > best:
                best, reason = ratio, f"“{x}” ≈ “{y}”"
    return best, reason


def _moved_rows(person: Person) -> list:
    content_type = ContentType.objects.get_for_model(Person)
    generic = {"content_type": content_type, "object_id": person.pk}
    return [
        *person.names.all(),
        *Identifier.objects.filter(**generic),
        *Citation.objects.filter(**generic),
        *Claim.objects.filter(**generic),
        *Claim.objects.filter(value_record_type=content_type, value_record_id=person.pk),
        *Contribution.objects.filter(person=person),
        # Rows of the apps above `people` (an event's participations), through their hook.
        *(row for rows in hooks.merge_rows() for row in rows.rows(person)),
    ]


FILLABLE = [
    "sort_name", "summary", "birth_date", "birth_date_text", "birth_place", "death_date",
    "death_date_text", "death_place", "biography", "portrait",
]  # fmt: skip


def _fillable() -> list[str]:
    """FILLABLE, a translated text language by language (summary_az from the other's)."""
    return [column for name in FILLABLE for column in translations.columns(Person, name)]


def _check_merge(survivor: Person, other: Person, user) -> None:
    """The lifecycle's rules, before anything moves: the other record leaves the public site
    (as if withdrawn), and the survivor, its blanks filled from the other, must be saveable.
    Raises ValidationError {field: messages} in the lifecycle's words."""
    may_publish = lifecycle.may_publish(user, Person)
    errors = {}
    if found := lifecycle.status_refusals(
        Status.WITHDRAWN if other.status == Status.PUBLISHED else other.status,
        other.status,
        may_publish=may_publish,
    ):
        errors["status"] = found
    merged = copy.copy(survivor)
    for name in _fillable():
        field = Person._meta.get_field(name)
        if not getattr(merged, field.attname) and getattr(other, field.attname):
            setattr(merged, field.attname, getattr(other, field.attname))
    lifecycle.fill_defaults(merged)
    for name, messages in lifecycle.refusals(
        merged, may_publish=may_publish, previous_status=survivor.status
    ).items():
        errors.setdefault(name, messages)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def merge(survivor: Person, other: Person, user=None) -> reversion.models.Revision:
    """Fold `other` into `survivor`; return the revision that undoes it (`undo_merge`).

    Participations, contributions, citations, claims, name variants, identifiers and media move
    to the survivor; the survivor's empty fields take the other's values; the other's name
    becomes a name variant and its slug redirects to the survivor; the other is deleted.
    The revision holds both records and every moved row as they were before.
    """
    if survivor.pk == other.pk:
        raise ValueError("A person cannot be merged with themself.")
    survivor = Person.objects.select_for_update().get(pk=survivor.pk)
    other = Person.objects.select_for_update().get(pk=other.pk)
    _check_merge(survivor, other, user)
    before = [survivor, other, *_moved_rows(survivor), *_moved_rows(other)]
    with reversion.create_revision(atomic=False):
        for obj in before:
            reversion.add_to_revision(obj)
        reversion.set_comment(
            f"Before merging “{other}” ({other.slug}) into “{survivor}” ({survivor.slug}). "
            "Revert this revision to undo the merge."
        )
        if user is not None:
            reversion.set_user(user)
    revision = reversion.models.Revision.objects.order_by("-pk").first()
    _move(survivor, other)
    return revision


def _move(survivor: Person, other: Person) -> None:
    content_type = ContentType.objects.get_for_model(Person)
    for name in _fillable():
        field = Person._meta.get_field(name)
        if not getattr(survivor, field.attname) and getattr(other, field.attname):
            setattr(survivor, field.attname, getattr(other, field.attname))
    other.names.update(person=survivor)
    known = {(n.name, n.language, n.script) for n in survivor.names.all()}
    if other.name != survivor.name and (other.name, "", "") not in known:
        PersonName.objects.create(person=survivor, name=other.name, kind=PersonName.Kind.ALIAS)
    generic = {"content_type": content_type, "object_id": other.pk}
    have = set(
        Identifier.objects.filter(content_type=content_type, object_id=survivor.pk).values_list(
            "scheme_id", "value"
        )
    )
    for identifier in Identifier.objects.filter(**generic):
        if (identifier.scheme_id, identifier.value) in have:
            identifier.delete()
    Identifier.objects.filter(**generic).update(object_id=survivor.pk)
    Citation.objects.filter(**generic).update(object_id=survivor.pk)
    Claim.objects.filter(**generic).update(object_id=survivor.pk)
    # Claims whose value names the merged person now name the survivor.
    Claim.objects.filter(value_record_type=content_type, value_record_id=other.pk).update(
        value_record_id=survivor.pk
    )
    for rows in hooks.merge_rows():  # participations in events, less those the survivor has
        rows.move(survivor, other)
    for contribution in Contribution.objects.filter(person=other):
        clash = Contribution.objects.filter(
            person=survivor, source=contribution.source_id, role=contribution.role_id
        )
        if clash.exists():
            contribution.delete()
        else:
            contribution.person = survivor
            contribution.save(update_fields=["person"])
    survivor.media.add(*other.media.all())
    SlugRedirect.objects.filter(content_type=content_type, object_id=other.pk).update(
        object_id=survivor.pk
    )
    old_slug = other.slug
    survivor.save()
    other.delete()
    SlugRedirect.remember(survivor, old_slug)


@transaction.atomic
def undo_merge(revision) -> None:
    """Bring back both people as they were before the merge recorded in `revision`."""
    content_type = ContentType.objects.get_for_model(Person)
    people = revision.version_set.filter(content_type=content_type)
    slugs = [v.field_dict["slug"] for v in people]
    revision.revert(delete=True)
    SlugRedirect.objects.filter(content_type=content_type, old_slug__in=slugs).delete()
