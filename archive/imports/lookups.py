"""Slug (or name) → primary key look-ups for one import, each table read once."""

from django.db.models import Model
from django.utils.translation import gettext


class Lookup:
    """Finds rows of `model` by slug, then (if `by_name`) by exact, then case-folded name."""

    def __init__(self, model: type[Model], *, by_name: str = "", label: str = ""):
        self.model = model
        self.by_name = by_name
        self.label = label or model._meta.verbose_name
        self._by_slug: dict[str, int] | None = None
        self._by_name: dict[str, int | None] = {}
        self._slug_of: dict[int, str] = {}

    def _load(self) -> None:
        if self._by_slug is not None:
            return
        fields = ["pk", "slug"] + ([self.by_name] if self.by_name else [])
        self._by_slug = {}
        for row in self.model._default_manager.values_list(*fields):
            pk, slug = row[0], row[1]
            self._by_slug[slug] = pk
            self._slug_of[pk] = slug
            if self.by_name:
                for key in (row[2], row[2].casefold()):
                    # A name two rows share is ambiguous: remember that, match neither.
                    self._by_name[key] = None if self._by_name.get(key, pk) != pk else pk

    def add(self, pk: int, slug: str) -> None:
        """Rows made during this import become known too."""
        self._load()
        self._by_slug[slug] = pk
        self._slug_of[pk] = slug

    def pk(self, value: str) -> int:
        """The primary key for a slug or name, or ValueError naming what is unknown."""
        self._load()
        value = (value or "").strip()
        if value in self._by_slug:
            return self._by_slug[value]
        if self.by_name:
            for key in (value, value.casefold()):
                if key in self._by_name:
                    if self._by_name[key] is None:
                        raise ValueError(
                            gettext("“%(value)s” names more than one %(kind)s; give its slug.")
                            % {"value": value, "kind": self.label}
                        )
                    return self._by_name[key]
        raise ValueError(
            gettext("Unknown %(kind)s “%(value)s”.") % {"kind": self.label, "value": value}
        )

    def slug(self, pk) -> str:
        if pk is None:
            return ""
        self._load()
        if pk not in self._slug_of:
            slug = self.model._default_manager.filter(pk=pk).values_list("slug", flat=True).first()
            self._slug_of[pk] = slug or ""
        return self._slug_of[pk]
