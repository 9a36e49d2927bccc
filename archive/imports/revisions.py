"""Versions for rows written in bulk, where reversion's save signals never fire.

One `ImportRevision` is one reversion Revision for a whole import (created on first use), plus,
for updated records that had no version yet, one “before the import” revision holding their
previous state, so that every change an import makes can be restored from History.
Followed relations (name variants, identifiers, citations...) are read with one query per
relation per batch, not per record; many-to-many values likewise. Each version holds the JSON
reversion itself writes (Django's serializer), produced for the whole batch in one pass and
inserted in bulk.

What is versioned is what reversion registers: the record with the rows it follows. A source's
contributors (people.Contribution) live in `people`, which archive's Source registration cannot
follow: an import's version of a source does not hold them (as in the admin).
"""

import json
from collections import defaultdict

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router
from django.utils import timezone
from django.utils.encoding import force_str
from reversion.models import Revision, Version
from reversion.revisions import _get_options, is_registered

from .sql import insert, pks_filter


def _children(model, pks: list, follow: str) -> list:
    """Rows of a followed relation, one query for all `pks` (a range when they are
    consecutive, as the rows a batch has just created are)."""
    field = model._meta.get_field(follow)
    related = field.related_model
    if isinstance(field, GenericRelation):
        lookup = field.object_id_field_name
        queryset = related._default_manager.filter(
            **{field.content_type_field_name: ContentType.objects.get_for_model(model)}
        )
    else:
        lookup = f"{field.field.name}_id"
        queryset = related._default_manager.all()
    where, keys = pks_filter(lookup, pks)
    # select_related: their names (object_repr) show the rows they point to.
    rows = queryset.filter(**where).select_related()
    attname = related._meta.get_field(lookup).attname
    return [row for row in rows if getattr(row, attname) in keys]


def _m2m_values(model, objects: list, fields) -> dict[str, dict]:
    """Related primary keys of every many-to-many field, a query per field for all objects
    (the serializer would otherwise ask once per object)."""
    found = {}
    pks = [obj.pk for obj in objects]
    for field in model._meta.many_to_many:
        if fields is not None and field.name not in fields:
            continue
        through = field.remote_field.through
        own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
        related = defaultdict(list)
        rows = through._default_manager.filter(**{f"{own}_id__in": pks}).order_by("pk")
        for owner, value in rows.values_list(f"{own}_id", f"{other}_id"):
            related[owner].append(field.related_model(pk=value))
        found[field.name] = related
    return found


def _fetched(field, objects: list):
    """A queryset that holds `objects` as if prefetch_related had read them."""
    queryset = field.related_model._base_manager.all()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    return queryset


def _versions(objects: list) -> list[Version]:
    """Versions of objects of one model, serialized in one pass: the same JSON reversion
    writes (Django's serializer, one object a list), many-to-many values read per batch."""
    if not objects:
        return []
    model = type(objects[0])
    options = _get_options(model)
    content_type = ContentType.objects.get_for_model(model)
    db = router.db_for_write(model)
    if options.format == "json":
        m2m = _m2m_values(model, objects, options.fields)
        copies = []
        for obj in objects:
            copy = model.__new__(model)
            copy.__dict__ = dict(obj.__dict__)  # its own prefetch cache, the record untouched
            copy._prefetched_objects_cache = {
                name: _fetched(model._meta.get_field(name), values.get(obj.pk, []))
                for name, values in m2m.items()
            }
            copies.append(copy)
        items = serializers.serialize("python", copies, fields=options.fields)
        data = [json.dumps([item], cls=DjangoJSONEncoder, ensure_ascii=False) for item in items]
    else:
        data = [serializers.serialize(options.format, (o,), fields=options.fields) for o in objects]
    return [
        Version(
            content_type=content_type,
            object_id=force_str(obj.pk),
            db=db,
            format=options.format,
            serialized_data=serialized,
            object_repr=force_str(obj),
        )
        for obj, serialized in zip(objects, data, strict=True)
    ]


def versions_for(objects: list) -> list[Version]:
    """Versions of `objects` (all of one model) and of the rows they follow, as stored now."""
    if not objects:
        return []
    model = type(objects[0])
    versions = _versions(objects)
    pks = [obj.pk for obj in objects]
    for follow in _get_options(model).follow:
        children = _children(model, pks, follow)
        if children and is_registered(type(children[0])):
            versions += _versions(children)
    return versions


class ImportRevision:
    def __init__(self, user=None, comment: str = ""):
        self.user = user if user is not None and user.is_authenticated else None
        self.comment = comment
        self._revisions: dict[str, Revision] = {}
        self.counts: dict[str, int] = defaultdict(int)
        self._seen: dict[str, set] = {}

    def _revision(self, key: str, comment: str) -> Revision:
        if key not in self._revisions:
            self._revisions[key] = Revision.objects.create(
                date_created=timezone.now(), user=self.user, comment=comment
            )
        return self._revisions[key]

    def checkpoint(self) -> tuple:
        """What `restore` needs to forget writes a rolled-back savepoint undid."""
        return dict(self._revisions), {k: set(v) for k, v in self._seen.items()}, dict(self.counts)

    def restore(self, checkpoint: tuple) -> None:
        revisions, seen, counts = checkpoint
        self._revisions, self._seen = revisions, seen
        self.counts = defaultdict(int, counts)

    @property
    def revision(self) -> Revision | None:
        return self._revisions.get("import")

    @property
    def before_revision(self) -> Revision | None:
        return self._revisions.get("before")

    def resume(self, revision: Revision | None, before: Revision | None) -> None:
        """Go on writing into the revisions an earlier step made (a batch edit in steps)."""
        for key, found in (("import", revision), ("before", before)):
            if found is not None:
                self._revisions[key] = found

    def _store(self, key: str, comment: str, versions: list[Version]) -> None:
        if not versions:
            return
        revision = self._revision(key, comment)
        # One version of an object per revision (reversion's unique constraint): the first.
        seen = self._seen.setdefault(key, set())
        fresh = []
        for version in versions:
            identity = (version.content_type_id, version.object_id, version.db)
            if identity not in seen:
                seen.add(identity)
                version.revision = revision
                fresh.append(version)
        insert(Version, fresh)
        self.counts[key] += len(fresh)

    def before_update(self, originals: list) -> None:
        """Keep the stored state of records about to change that have no version yet."""
        if not originals:
            return
        model = type(originals[0])
        versioned = set(
            Version.objects.get_for_model(model)
            .filter(object_id__in=[force_str(o.pk) for o in originals])
            .values_list("object_id", flat=True)
        )
        missing = [o for o in originals if force_str(o.pk) not in versioned]
        self._store("before", f"Before: {self.comment}", versions_for(missing))

    def add(self, objects: list) -> None:
        self._store("import", self.comment, versions_for(objects))
