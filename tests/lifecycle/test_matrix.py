"""Every door × every rule of the lifecycle (archive/lifecycle.py): the same refusal, in the
same words, naming the row and column in an import, and nothing written (no row, no version,
no search document, no redirect).

Doors: the admin form, the admin import (preview, then confirm whatever it offers),
`import_records` (the batch importer), merging people, restoring a version, recovering a
deleted record. Rules: an empty required field, a cataloguer publishing, an unknown status, a
duplicate slug. The cells where a rule cannot apply to a door are listed in `NOT_APPLICABLE`
with the reason. `test_the_matrix_catches_a_door_that_bypasses_the_lifecycle` shows that the
matrix fails for a door that writes without the lifecycle.
"""

import io
from dataclasses import dataclass

import pytest
import reversion
import tablib
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape
from reversion.models import Version

from archive import lifecycle
from archive.imports.run import import_dataset
from archive.lifecycle import Status
from archive.models import SlugRedirect
from archive.search.models import SearchDocument
from people.merge import merge
from people.models import Person
from people.resources import PersonResource
from tests import factories
from tests.catalogue.admin_forms import form_data

pytestmark = pytest.mark.django_db

RULES = ["empty_required", "cataloguer_publishing", "unknown_status", "duplicate_slug"]
DOORS = [
    "admin_form", "admin_import", "import_records", "merge", "restore", "recover", "batch_edit",
]  # fmt: skip
NOT_APPLICABLE = {
    ("merge", "duplicate_slug"): "a merge keeps the survivor's slug; the other's becomes its "
    "old slug, so no slug can clash",
    ("batch_edit", "duplicate_slug"): "a batch edit never changes a slug (one record's address)",
}
TAKEN = "gustav-klucis"  # the old slug of the holder: it redirects there


@dataclass
class Outcome:
    messages: list[str]  # what the door said, as the user sees it
    where: str = ""  # an import's “row N, column C”
    before: tuple | None = None  # the state after the door's own setup, when it made one


def _expected(rule: str, holder: Person, door: str = "") -> str:
    model = Person
    if rule == "empty_required":
        return lifecycle.required_message(model, model._meta.get_field("name"))
    if rule == "cataloguer_publishing":
        # A merge takes the other person off the public site: for the rule, a withdrawal.
        status = Status.WITHDRAWN if door == "merge" else Status.PUBLISHED
        return lifecycle.FORBIDDEN_STATUS % {"value": status}
    if rule == "unknown_status":
        return lifecycle.UNKNOWN_STATUS % {"value": "bogus"}
    return lifecycle.slug_taken(TAKEN, lifecycle.OLD_SLUG_HOLDER % {"record": holder})


@pytest.fixture
def holder(db):
    """A person whose old slug is TAKEN (renamed: the old address redirects)."""
    person = factories.person(name="Gustav Klucis", slug=TAKEN, status=Status.DRAFT)
    person.slug = "klucis"
    person.save()
    return Person.objects.get(pk=person.pk)


def _state():
    """What a refused door must leave as it was."""
    people = sorted(Person.objects.values_list("pk", "name", "slug", "status"))
    return (
        people,
        Version.objects.count(),
        SearchDocument.objects.count(),
        SlugRedirect.objects.count(),
    )


# --- the doors: each tries to break `rule` and returns what it said ---------------------------
def _row(rule: str) -> dict:
    if rule == "empty_required":
        return {"slug": "new-person", "name": "", "status": "draft"}
    if rule == "cataloguer_publishing":
        return {"slug": "new-person", "name": "New Person", "status": "published"}
    if rule == "unknown_status":
        return {"slug": "new-person", "name": "New Person", "status": "bogus"}
    return {"slug": TAKEN, "name": "Another Klucis", "status": "draft"}


def _user(rule, curator, cataloguer):
    return cataloguer if rule == "cataloguer_publishing" else curator


def _client(client_for, rule):
    return client_for(rule)


def door_admin_form(rule, holder, client_for, users):
    """The add form (a new record), posted with what breaks the rule."""
    client = client_for(rule)
    url = reverse("admin:people_person_add")
    data = form_data(client.get(url))
    data.update(_row(rule))
    response = client.post(url, data)
    assert response.status_code == 200
    return Outcome([response.content.decode()])


def _column(rule: str) -> str:
    return {"empty_required": "name", "duplicate_slug": "slug"}.get(rule, "status")


def _csv(row: dict) -> bytes:
    return ("slug,name,status\n" + ",".join(row.values()) + "\n").encode()


def door_admin_import(rule, holder, client_for, users):
    """Preview, then confirm whatever the preview offers."""
    client = client_for(rule)
    upload = io.BytesIO(_csv(_row(rule)))
    upload.name = "people.csv"
    response = client.post(
        reverse("admin:people_person_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    html = response.content.decode()
    form = response.context.get("confirm_form") if response.context else None
    if form:
        data = {name: form.initial.get(name, "") for name in form.fields}
        client.post(reverse("admin:people_person_process_import"), data)
    return Outcome([html], where=f"<td>2</td><td>{_column(rule)}</td>")


def door_import_records(rule, holder, client_for, users):
    dataset = tablib.Dataset(headers=["slug", "name", "status"])
    dataset.append(list(_row(rule).values()))
    summary = import_dataset(PersonResource, dataset, user=users(rule))
    assert not summary.written
    return Outcome(summary.errors, where=f"row 2, column {_column(rule)}: ")


def door_merge(rule, holder, client_for, users):
    """Merge `other` into `survivor`. An empty required field and an unknown status are a
    survivor stored so (data from before the rules); “a cataloguer publishing” is a
    cataloguer merging away a published person: it leaves the public site, as if withdrawn."""
    survivor = factories.person(name="Survivor", slug="survivor", status=Status.DRAFT)
    other = factories.person(name="Other", slug="other", status=Status.DRAFT)
    if rule == "empty_required":
        Person.objects.filter(pk=survivor.pk).update(name="")
    elif rule == "unknown_status":
        Person.objects.filter(pk=survivor.pk).update(status="bogus")
    elif rule == "cataloguer_publishing":
        Person.objects.filter(pk=other.pk).update(status=Status.PUBLISHED)
    state = _state()
    with pytest.raises(ValidationError) as refused:
        merge(survivor, other, user=users(rule))
    return Outcome(refused.value.messages, before=state)


def _version_of(person, **stored) -> Version:
    """A version of `person` as it was stored with `stored` (older data, before a rule)."""
    Person.objects.filter(pk=person.pk).update(**stored)
    with reversion.create_revision():
        reversion.add_to_revision(Person.objects.get(pk=person.pk))
    return Version.objects.get_for_object(person).first()


def _broken_version(rule, holder, person):
    if rule == "empty_required":
        return _version_of(person, name="")
    if rule == "cataloguer_publishing":
        return _version_of(person, status=Status.PUBLISHED)
    if rule == "unknown_status":
        return _version_of(person, status="bogus")
    # Its slug then, an old slug of the holder now (a merge gave the holder that address).
    return _version_of(person, slug=TAKEN)


def _messages(response) -> list[str]:
    found = [str(m) for m in get_messages(response.wsgi_request)]
    return [*found, response.content.decode()]


def door_restore(rule, holder, client_for, users):
    """Restore a version of a record; for “a cataloguer publishing”, a published version of a
    record withdrawn since."""
    person = factories.person(name="Restored", slug="restored", status=Status.DRAFT)
    version = _broken_version(rule, holder, person)
    SlugRedirect.objects.filter(old_slug=TAKEN).update(object_id=holder.pk)
    current = Status.WITHDRAWN if rule == "cataloguer_publishing" else Status.DRAFT
    Person.objects.filter(pk=person.pk).update(name="Restored", slug="restored", status=current)
    client = client_for(rule)
    url = reverse("admin:people_person_revision", args=[person.pk, version.pk])
    state = _state()
    response = client.post(url, {"name": "ignored"})
    return Outcome(_messages(response), before=state)


def door_recover(rule, holder, client_for, users):
    """Recover a deleted record from its last version."""
    person = factories.person(name="Deleted", slug="deleted", status=Status.DRAFT)
    _broken_version(rule, holder, person)
    with reversion.create_revision():
        Person.objects.get(pk=person.pk).delete()
    SlugRedirect.objects.filter(old_slug=TAKEN).update(object_id=holder.pk)
    version = Version.objects.get_deleted(Person).get(object_id=str(person.pk))
    client = client_for(rule)
    state = _state()
    response = client.post(reverse("admin:people_person_recover", args=[version.pk]), {})
    return Outcome(_messages(response), before=state)


def door_batch_edit(rule, holder, client_for, users):
    """A batch edit from the list, previewed, then applied whatever the preview says: a
    summary set on a person stored without a name (data from before the rules), the status
    published by a cataloguer, an unknown status."""
    person = factories.person(name="Batched", slug="batched", status=Status.DRAFT)
    if rule == "empty_required":
        Person.objects.filter(pk=person.pk).update(name="")
        operation, value = "set:summary", "A summary"
    else:
        operation = "status"
        value = Status.PUBLISHED if rule == "cataloguer_publishing" else "bogus"
    client = client_for(rule)
    url = reverse("admin:people_person_batch") + f"?ids={person.pk}"
    state = _state()
    data = {"operation": operation, "value": value}
    response = client.post(url, {**data, "preview": "1"})
    said = [response.content.decode()]
    if previewed := (response.context or {}).get("previewed_at"):
        response = client.post(url, {**data, "apply": "1", "previewed_at": previewed})
        said += _messages(response)
    return Outcome(said, before=state)


# --- the matrix -------------------------------------------------------------------------------
def _assert_refused(door, rule, holder, client_for, users):
    state = _state()
    outcome = door(rule, holder, client_for, users)
    expected = _expected(rule, holder, door.__name__.removeprefix("door_"))
    said = "\n".join(outcome.messages)
    assert expected in said or escape(expected) in said, said[:2000]
    if outcome.where.startswith("row"):
        assert f"{outcome.where}{expected}" in outcome.messages
    elif outcome.where:
        assert outcome.where in said
    assert _state() == (outcome.before or state), "a refused door wrote something"


@pytest.fixture
def client_for(curator_client, cataloguer_client):
    return lambda rule: cataloguer_client if rule == "cataloguer_publishing" else curator_client


@pytest.fixture
def users(curator, cataloguer):
    return lambda rule: cataloguer if rule == "cataloguer_publishing" else curator


CELLS = [
    pytest.param(
        door,
        rule,
        id=f"{door}-{rule}",
        marks=[pytest.mark.skip(reason=NOT_APPLICABLE[(door, rule)])]
        if (door, rule) in NOT_APPLICABLE
        else [],
    )
    for door in DOORS
    for rule in RULES
]


@pytest.mark.parametrize(("door", "rule"), CELLS)
def test_it_refuses_alike_at_every_door(door, rule, holder, client_for, users):
    _assert_refused(globals()[f"door_{door}"], rule, holder, client_for, users)


def door_that_bypasses_the_lifecycle(rule, holder, client_for, users):
    """A deliberate violation: a door that writes rows without asking the lifecycle."""
    row = _row(rule)
    Person.objects.bulk_create([Person(**row)])
    return Outcome([])


def test_the_matrix_catches_a_door_that_bypasses_the_lifecycle(holder, client_for, users):
    for rule in RULES:
        with pytest.raises(AssertionError):
            _assert_refused(door_that_bypasses_the_lifecycle, rule, holder, client_for, users)
        Person.objects.exclude(pk=holder.pk).delete()
