"""The one lifecycle of a record: the rules every door goes through.

Who may set which status, which statuses there are, slugs (valid, unique, old ones
remembered), `published_at`, date bounds, a kind's required fields and the defaults a kind
fills. Each rule's message is written here once; a door only adds where (an import's row and
column).

The doors: the admin form, its list actions, restoring and recovering a version
(`archive/admin/base.py`), the admin import and `manage.py import_records` (`archive/imports/`),
merging people (`people/merge.py`) and, later, the API. What they call:

- `refusals(record, may_publish=..., previous_status=...)`: {field name: [messages]}, all that
  stops `record` from being saved as it stands, slug uniqueness included (a query); `check()`
  raises the same as a ValidationError. A door that checks in bulk calls the parts
  (`field_refusals`, `record_refusals`, `status_refusals`, `slug_refusal`, `slug_taken`).
- `prepare(record)` before writing: the kind's defaults, a slug, `published_at`, date bounds.
  `Record.save()` calls it; bulk writes call it themselves.

This module imports no model (the models import it): it reads the record or model it is
given, and asks the model for what only a query knows (`Model.slug_holders`).
"""

import copy

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from archive import translations
from archive.dates import EDTFField, set_date_bounds


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Checked for every row of an import or a batch: a set, not the enum's list built per call.
STATUS_VALUES = frozenset(Status.values)

# Statuses a cataloguer may set; publishing and withdrawing need the publish permission.
CATALOGUER_STATUSES = (Status.DRAFT, Status.REVIEW)

# --- the messages, written once (marked here, read in the curator's language where used) -----
UNKNOWN_STATUS = gettext_noop(
    "“%(value)s” is not a status: use draft, review, published or withdrawn."
)
FORBIDDEN_STATUS = gettext_noop(
    "You may not set “%(value)s”: only curators publish or withdraw. Use draft or review."
)
FORBIDDEN_CHANGE = gettext_noop(
    "You may not change “%(previous)s” to “%(value)s”: only curators publish or withdraw."
)
REQUIRED = gettext_noop("This %(kind)s needs a %(field)s.")
REQUIRED_IN_A_LANGUAGE = gettext_noop("This %(kind)s needs a %(field)s in at least one language.")
BAD_SLUG = gettext_noop("“%(slug)s” is not a slug (a-z, 0-9 and hyphens, at most 200 characters).")
SLUG_TAKEN = gettext_noop("“%(slug)s” is already used by %(holder)s.")
OLD_SLUG_HOLDER = gettext_noop("“%(record)s”, as an old slug that redirects there")
SLUG_MAX_LENGTH = 200


# --- status -------------------------------------------------------------------------------------
def may_publish(user, model) -> bool:
    """Publishing and withdrawing need the kind's publish permission. No user is the command
    line, run by whoever runs the server."""
    if user is None:
        return True
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


FORBIDDEN_DECISION = gettext_noop("Only curators decide “%(field)s”: it is a publishing decision.")


def publishing_refusals(record, previous=None, *, may_publish: bool = True) -> dict:
    """A change to a field the kind lists in `publishing_fields` (a media item's "publish the
    original as it is") by a user who may not publish; `previous` is the stored record (None:
    new, compared with the field's default)."""
    if may_publish:
        return {}
    errors = {}
    for name in getattr(record, "publishing_fields", ()):
        field = record._meta.get_field(name)
        before = getattr(previous, name) if previous is not None else field.get_default()
        if getattr(record, name) != before:
            errors[name] = [gettext(FORBIDDEN_DECISION) % {"field": field.verbose_name}]
    return errors


def status_refusals(new, previous=None, *, may_publish: bool = True) -> list[str]:
    """Why `new` may not follow `previous` (None: a new record), or nothing."""
    if new not in STATUS_VALUES:
        return [gettext(UNKNOWN_STATUS) % {"value": new}]
    if may_publish:
        return []
    before = previous or Status.DRAFT
    if new == before:
        return []
    if new not in CATALOGUER_STATUSES:
        return [gettext(FORBIDDEN_STATUS) % {"value": new}]
    if previous is not None and previous not in CATALOGUER_STATUSES:
        return [gettext(FORBIDDEN_CHANGE) % {"previous": previous, "value": new}]
    return []


# --- review before live ---------------------------------------------------------------------
# A published or withdrawn record is what the public knows: a change to it by a user who may
# not publish waits as a proposal for a curator (archive/proposals.py).
REVIEWED_STATUSES = (Status.PUBLISHED, Status.WITHDRAWN)
NEEDS_REVIEW = gettext_noop(
    "“%(record)s” is %(status)s: a cataloguer's change to it waits for a curator's review. "
    "Edit it in the admin, where your change becomes a proposal; this row was not imported."
)
IN_REVIEW_MESSAGE = gettext_noop("Your changes wait for a curator's review.")


def needs_review(previous_status, *, may_publish: bool) -> bool:
    """Whether a change to a record stored with `previous_status` (None: new) must wait for
    a curator's review instead of going live."""
    return not may_publish and previous_status in REVIEWED_STATUSES


def review_refusal(record, previous_status, *, may_publish: bool) -> str:
    """The refusal for a door that cannot make proposals (an import), or ""."""
    if not needs_review(previous_status, may_publish=may_publish):
        return ""
    return gettext(NEEDS_REVIEW) % {
        "record": record,
        "status": Status(previous_status).label.lower(),
    }


# A batch edit cannot make proposals: it leaves such records as they are, and says why.
PUBLISHED_NEEDS_CURATOR = gettext_noop(
    "This %(kind)s is %(status)s: a cataloguer's change to it waits for a curator's review, "
    "which a batch edit cannot ask for; it was left as it is. Edit it in the admin, where your "
    "change becomes a proposal."
)


def published_change_refusals(record, previous_status, *, may_publish: bool = True) -> list:
    """The batch edit's refusal of a record that `needs_review` for this user, or []."""
    if not needs_review(previous_status, may_publish=may_publish):
        return []
    status = Status(previous_status).label.lower()
    return [
        gettext(PUBLISHED_NEEDS_CURATOR) % {"kind": record._meta.verbose_name, "status": status}
    ]


# --- required fields ----------------------------------------------------------------------------
_required_cache: dict[type, tuple] = {}


def required_fields(model) -> tuple:
    """The fields a record of `model` must fill: concrete, editable, not blank, with no default
    and not derived here (the slug is made from the name)."""
    if model not in _required_cache:
        _required_cache[model] = tuple(
            field
            for field in model._meta.concrete_fields
            if field.editable
            and not field.blank
            and not field.primary_key
            and not field.has_default()
            and field.name != "slug"
        )
    return _required_cache[model]


def required_message(model, field) -> str:
    message = REQUIRED_IN_A_LANGUAGE if translations.is_translated(model, field.name) else REQUIRED
    return gettext(message) % {"kind": model._meta.verbose_name, "field": field.verbose_name}


def field_refusals(record, exclude=()) -> dict[str, list[str]]:
    """Refusals of single fields that need no query: required fields, the status, the slug's
    form. Fields in `exclude` are not looked at."""
    errors: dict[str, list[str]] = {}
    model = type(record)
    for field in required_fields(model):
        if field.name in exclude:
            continue
        if translations.is_translated(model, field.name):
            missing = not translations.filled(record, field.name)  # in any one language
        else:
            missing = getattr(record, field.attname) in field.empty_values
        if missing:
            errors[field.name] = [required_message(model, field)]
    if "status" not in exclude and (found := status_refusals(record.status)):
        errors["status"] = found
    if "slug" not in exclude and record.slug and (found := slug_refusal(record.slug)):
        errors["slug"] = [found]
    return errors


def record_refusals(record) -> dict[str, list[str]]:
    """What the kind demands before it publishes (`Record.publish_errors()`)."""
    if record.status != Status.PUBLISHED:
        return {}
    return {name: [message] for name, message in record.publish_errors().items()}


def publishing_requirements(record) -> list[str]:
    """The fields the kind demands before it publishes, in order: what `publish_errors()`
    refuses on a copy of `record` whose optional fields are empty (so that forms can say so
    before saving; derived facts such as a media item's type stay as they are)."""
    blank = copy.copy(record)
    blank._state = copy.copy(record._state)
    blank._state.fields_cache = {}  # the original's related objects stay the original's
    for field in record._meta.concrete_fields:
        if field.editable and field.blank and not field.primary_key:
            setattr(blank, field.attname, None if field.null or field.is_relation else "")
    return list(blank.publish_errors())


# --- slugs --------------------------------------------------------------------------------------
def slug_refusal(slug: str) -> str:
    if slug != slugify(slug) or len(slug) > SLUG_MAX_LENGTH:
        return gettext(BAD_SLUG) % {"slug": slug}
    return ""


def slug_taken(slug: str, holder: str) -> str:
    """`holder` says who has it: “Gustav Klucis”, row 3."""
    return gettext(SLUG_TAKEN) % {"slug": slug, "holder": holder}


def slug_holders(model, slugs, exclude_pk=None, *, current: bool = True) -> dict[str, str]:
    """{slug: the refusal} for the `slugs` another record of `model` has, now (unless not
    `current`: an import matches rows to records by slug) or as an old slug it redirects
    from: a query or two for any number of slugs."""
    slugs = {slug for slug in slugs if slug}
    if not slugs:
        return {}
    found = {}
    holders = model.slug_holders(slugs, exclude_pk=exclude_pk, current=current)
    for slug, record, is_old in holders:
        holder = f"“{record}”"
        if is_old:
            holder = gettext(OLD_SLUG_HOLDER) % {"record": record}
        found.setdefault(slug, slug_taken(slug, holder))
    return found


def slug_base(text: str, model) -> str:
    return slugify(text)[:180] or model._meta.model_name


def unique_slug(record, text: str) -> str:
    """A free slug made from `text`: “heydar-aliyev”, then “heydar-aliyev-2”..."""
    model = type(record)
    base = slug_base(text, model)
    slug, n = base, 2
    while slug_holders(model, [slug], exclude_pk=record.pk):
        slug, n = f"{base}-{n}", n + 1
    return slug


# --- all of it ----------------------------------------------------------------------------------
def refusals(record, *, may_publish: bool = True, previous_status=None) -> dict[str, list[str]]:
    """Everything that stops `record` from being saved as it stands by a user who may (or may
    not) publish, its stored status being `previous_status` (None: new). Costs the slug query."""
    errors = field_refusals(record)
    for name, messages in record_refusals(record).items():
        errors.setdefault(name, messages)
    if "status" not in errors:
        found = status_refusals(record.status, previous_status, may_publish=may_publish)
        if found:
            errors["status"] = found
    if "slug" not in errors and record.slug:
        taken = slug_holders(type(record), [record.slug], exclude_pk=record.pk)
        if taken:
            errors["slug"] = [taken[record.slug]]
    for field in record._meta.concrete_fields:
        if isinstance(field, EDTFField) and field.name not in errors:
            try:
                field.run_validators(getattr(record, field.attname))
            except ValidationError as error:
                errors[field.name] = error.messages
    return errors


def check(record, **options) -> None:
    """Raise `refusals()` as a ValidationError {field: messages}."""
    if errors := refusals(record, **options):
        raise ValidationError(errors)


def messages_of(errors: dict[str, list[str]]) -> list[str]:
    return [message for messages in errors.values() for message in messages]


# --- before writing -----------------------------------------------------------------------------
def fill_defaults(record) -> None:
    """The values a kind fills from others when left blank (a person's sort name)."""
    record.fill_defaults()


def prepare(record, *, slug: bool = True) -> None:
    """What every write does first: defaults, a slug for a record without one, the time it was
    first published, the earliest/latest bounds of its EDTF dates (ValidationError for a date
    that is not EDTF: such text is never turned into bounds)."""
    fill_defaults(record)
    if slug and not record.slug:
        record.slug = unique_slug(record, str(record))
    if record.status == Status.PUBLISHED and record.published_at is None:
        record.published_at = timezone.now()
    set_date_bounds(record)
