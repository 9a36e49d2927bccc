"""Review before live: a change to a published record by a user who may not publish waits as a
`ProposedChange` until a curator approves or rejects it.

Behavior:
- `record_state(record)` serialises the record and the rows django-reversion follows with it
  (citations, claims, identifiers, names...), one dict per object, as reversion stores them.
- The admin (`archive/admin/review.py`) runs the usual save inside a transaction, takes the
  state with `record_state()` and rolls everything back (record, rows, search index, change
  log, versions); `propose()` then stores the state. A replaced file is stored by the admin
  under `PENDING_DIR`, which nothing serves.
- `approve()` applies the proposed state through the lifecycle (`lifecycle.check()`) with the
  record's own `save()`, so that the search index, the change log, slug redirects and citation
  rows follow as on any save, in a reversion revision naming proposer and approver; a pending
  file becomes the original and gets its derivatives.
- A proposal whose record changed since it was made is *stale*: `approve()` refuses it (it
  would silently undo the later change); the curator rejects it and the cataloguer proposes
  again from the current state. The review page shows the diff against the current state.
- `reject()` changes no record and deletes the pending file.
"""

import json
import posixpath
import uuid

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.revisions import _follow_relations_recursive, _get_options

from archive import lifecycle
from archive.models import ProposedChange

PENDING_DIR = "pending"  # never served: the media views serve an item's stored file only
STALE = _(
    "“%(record)s” changed after this proposal was made; approving it would undo that change. "
    "Reject it and ask for the change to be proposed again."
)
# "This proposal was approved/rejected.", whole sentences so each language words its own.
DECIDED = {
    ProposedChange.Status.APPROVED: _("This proposal was approved."),
    ProposedChange.Status.REJECTED: _("This proposal was rejected."),
}


def record_state(record) -> list[dict]:
    """The record and the rows reversion follows with it, as reversion serialises them."""
    state = []
    for obj in sorted(_follow_relations_recursive(record), key=lambda o: (o._meta.label, o.pk)):
        options = _get_options(type(obj))
        data = serializers.serialize(
            options.format,
            (obj,),
            fields=options.fields,
            use_natural_foreign_keys=options.use_natural_foreign_keys,
        )
        state.extend(json.loads(data))
    return state


def main_object(state: list[dict], model, pk) -> dict:
    label = model._meta.label_lower
    return next(item for item in state if item["model"] == label and item["pk"] == pk)


def pending_name(upload_name: str) -> str:
    suffix = posixpath.splitext(upload_name or "")[1].lower()[:10] or ".bin"
    return f"{PENDING_DIR}/{uuid.uuid4().hex}{suffix}"


def pending_file_of(record) -> str:
    """The name of a file field of `record` that is stored under PENDING_DIR, or ""."""
    for field in record._meta.concrete_fields:
        if isinstance(field, models.FileField):
            name = getattr(record, field.attname).name or ""
            if name.startswith(f"{PENDING_DIR}/"):
                return name
    return ""


def _storage(model):
    for field in model._meta.concrete_fields:
        if isinstance(field, models.FileField):
            return field.storage
    return None


def _delete_pending(model, name: str) -> None:
    storage = _storage(model)
    if name and storage is not None:
        transaction.on_commit(lambda: storage.delete(name))


def propose(record, user, proposed: list[dict], base: list[dict]) -> ProposedChange:
    """Store `proposed` as the user's pending proposal for `record` (a second edit updates the
    first; its replaced file, if no longer named, is deleted)."""
    content_type = ContentType.objects.get_for_model(record)
    main = main_object(proposed, type(record), record.pk)
    pending = pending_file_of(
        next(serializers.deserialize("json", json.dumps([main]), ignorenonexistent=True)).object
    )
    with transaction.atomic():
        proposal = (
            ProposedChange.objects.pending()
            .select_for_update()
            .filter(content_type=content_type, object_id=record.pk, proposed_by=user)
            .first()
        )
        if proposal is None:
            proposal = ProposedChange(content_type=content_type, object_id=record.pk)
            proposal.proposed_by = user
        elif proposal.pending_file and proposal.pending_file != pending:
            _delete_pending(type(record), proposal.pending_file)
        proposal.object_repr = str(record)[:500]
        proposal.proposed_data = json.dumps(proposed)
        proposal.base_data = json.dumps(base)
        proposal.pending_file = pending
        proposal.save()
    return proposal


# --- reviewing ------------------------------------------------------------------------------
def _editable(model, fields: dict) -> dict:
    """The fields a person edits (not timestamps or values derived from them)."""
    names = {f.name for f in model._meta.get_fields() if getattr(f, "editable", False)}
    return {name: value for name, value in fields.items() if name in names}


def _comparable(state: list[dict]) -> dict:
    from django.apps import apps

    return {
        (item["model"], item["pk"]): _editable(apps.get_model(item["model"]), item["fields"])
        for item in state
    }


def current_record(proposal):
    return proposal.model._default_manager.filter(pk=proposal.object_id).first()


def is_stale(proposal, record=None) -> bool:
    """Whether the record changed (in what people edit) since the proposal was made."""
    record = record if record is not None else current_record(proposal)
    if record is None:
        return True
    return _comparable(record_state(record)) != _comparable(proposal.base)


def may_review(user, proposal) -> bool:
    return lifecycle.may_publish(user, proposal.model)


def _decide(proposal, reviewer, status, comment: str) -> None:
    proposal.status = status
    proposal.reviewed_by = reviewer
    proposal.reviewed_at = timezone.now()
    proposal.review_comment = comment
    proposal.save()


def approve(proposal, reviewer, comment: str = ""):
    """Apply the proposal (see the module docstring); PermissionDenied for a user who may not
    publish the kind, ValidationError for a stale proposal or one the lifecycle refuses."""
    if not may_review(reviewer, proposal):
        raise PermissionDenied(gettext("Only curators approve proposed changes."))
    model = proposal.model
    with transaction.atomic():
        locked = ProposedChange.objects.select_for_update().get(pk=proposal.pk)
        if not locked.is_pending:
            raise ValidationError(DECIDED[locked.status])
        record = model._default_manager.select_for_update().filter(pk=proposal.object_id).first()
        if record is None or is_stale(proposal, record):
            raise ValidationError(STALE % {"record": proposal.object_repr})
        objects = list(
            serializers.deserialize("json", proposal.proposed_data, ignorenonexistent=True)
        )
        label = model._meta.label_lower
        main = next(
            o for o in objects if o.object._meta.label_lower == label and o.object.pk == record.pk
        )
        previous_status = record.status
        for field in model._meta.concrete_fields:
            if not field.primary_key:
                setattr(record, field.attname, getattr(main.object, field.attname))
        lifecycle.check(record, may_publish=True, previous_status=previous_status)
        with reversion.create_revision():
            reversion.set_user(reviewer)
            reversion.set_comment(
                f"Proposed by {proposal.proposed_by}, approved by {reviewer}."
                + (f" {comment}" if comment else "")
            )
            if proposal.pending_file:
                _take_pending_file(record, proposal.pending_file)
            _apply_rows(record, [o for o in objects if o is not main], proposal.base)
            record.save()
            for name, values in (main.m2m_data or {}).items():
                getattr(record, name).set(values)
            _after_file(record, proposal.pending_file)
        _decide(proposal, reviewer, ProposedChange.Status.APPROVED, comment)
    return record


def _apply_rows(record, rows, base: list[dict]) -> None:
    """Make the followed rows what the proposal says: remove those it dropped, update those
    the record had, and insert the ones it added (with new keys: theirs were only ever taken
    inside a rolled-back transaction)."""
    known = {(item["model"], item["pk"]) for item in base}
    proposed = {(o.object._meta.label_lower, o.object.pk) for o in rows}
    for obj in _follow_relations_recursive(record):
        key = (obj._meta.label_lower, obj.pk)
        if obj is not record and key not in proposed and key in known:
            obj.delete()
    for row in rows:
        if (row.object._meta.label_lower, row.object.pk) not in known:
            row.object.pk = None
            row.object._state.adding = True
        row.object.save()
        for name, values in (row.m2m_data or {}).items():
            getattr(row.object, name).set(values)


def _take_pending_file(record, pending: str) -> None:
    """The pending file becomes the record's stored file, under the field's own naming."""
    for field in record._meta.concrete_fields:
        if isinstance(field, models.FileField) and getattr(record, field.attname).name == pending:
            storage = field.storage
            with storage.open(pending, "rb") as source:
                name = storage.save(
                    field.generate_filename(record, posixpath.basename(pending)), source
                )
            setattr(record, field.attname, name)
            transaction.on_commit(lambda storage=storage: storage.delete(pending))


def _after_file(record, pending: str) -> None:
    """A new original gets its derivatives and public copy, as at upload."""
    from archive.models import MediaItem

    if pending and isinstance(record, MediaItem):
        from archive.media.derivatives import ensure_derivatives

        ensure_derivatives(record, force=True)


def reject(proposal, reviewer, comment: str = "") -> None:
    if not may_review(reviewer, proposal):
        raise PermissionDenied(gettext("Only curators reject proposed changes."))
    with transaction.atomic():
        locked = ProposedChange.objects.select_for_update().get(pk=proposal.pk)
        if not locked.is_pending:
            raise ValidationError(DECIDED[locked.status])
        _delete_pending(proposal.model, proposal.pending_file)
        _decide(proposal, reviewer, ProposedChange.Status.REJECTED, comment)
