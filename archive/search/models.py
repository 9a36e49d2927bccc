"""The search index: one denormalised row per published record, its facet values and the
lexicon of name words that misspelt queries are matched against.

The full-text structures live beside these tables, created by migration 0002 per database:
PostgreSQL adds a generated, weighted `search_vector` tsvector column with a GIN index and a
trigram index on the lexicon; SQLite adds FTS5 tables kept in step by triggers. A later
migration that rebuilds `search_document` on SQLite must recreate those triggers.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db import models


class WordPairsField(models.Field):
    """The keys of a record's adjacent word pairs (`archive.search.pairs`): an integer array
    with a GIN index on PostgreSQL (migration 0006), which narrows phrases; elsewhere a column
    left empty (SQLite's FTS5 keeps positions and needs nothing)."""

    def db_type(self, connection):
        return "integer[]" if connection.vendor == "postgresql" else "text"

    def get_db_prep_value(self, value, connection, prepared=False):
        """PostgreSQL's text of the array (`{1,2,3}`), which COPY and a parameter take as it
        is, from that text, a list, or a list's JSON (dumpdata's)."""
        if value is None or connection.vendor != "postgresql":
            return None
        if isinstance(value, str):
            if not value.startswith("["):
                return value
            value = json.loads(value)
        return "{" + ",".join(str(int(key)) for key in value) + "}"


class SearchDocument(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    # Small columns first: on SQLite, facet counts then read rows without their overflow pages.
    kind = models.CharField(max_length=20, db_index=True)
    earliest = models.DateField(null=True, blank=True, db_index=True)
    latest = models.DateField(null=True, blank=True, db_index=True)
    decade = models.IntegerField(null=True, blank=True)
    source_kind = models.CharField(max_length=100, blank=True, db_index=True)
    date = models.CharField(max_length=200, blank=True)
    date_display = models.CharField(max_length=300, blank=True)
    url = models.CharField(max_length=500)
    indexed_at = models.DateTimeField(auto_now=True)
    title = models.CharField(max_length=1000)
    # One folded key per word of title, names and text (see archive.search.folding).
    title_folded = models.TextField(blank=True)
    names = models.TextField(blank=True, help_text="Other names, one per line.")
    names_folded = models.TextField(blank=True)
    text = models.TextField(blank=True, help_text="Plain text shown in snippets.")
    text_folded = models.TextField(blank=True)
    # What a result shows in each language, beside the one English `title` and `text`:
    # {"titles": {lang: title}, "texts": {lang: the record's own words in it}, "dates":
    # [EDTF, EDTF]} (a lifetime, written by the kind at display time). One row per record,
    # whatever its languages. Nullable: SQLite then adds the column without rebuilding the
    # table, which would drop its FTS5 triggers.
    shown = models.JSONField(null=True, blank=True)
    word_pairs = WordPairsField(null=True, blank=True, editable=False)

    class Meta:
        db_table = "search_document"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_document_one_per_record"
            )
        ]

    def __str__(self):
        return f"{self.kind}: {self.title}"


class SearchFacet(models.Model):
    """A record a document is about (by primary key), for facet counts and filters. `facet`
    is the key of a kind registered with `facet=True` ("place"...): a new facet kind needs no
    change here."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="facets", db_index=False
    )
    facet = models.CharField(max_length=30)
    value_id = models.PositiveBigIntegerField()

    class Meta:
        db_table = "search_facet"
        indexes = [
            models.Index(fields=["facet", "value_id"], name="search_facet_value_idx"),
            # Covering: facet counts read (document, facet, value) from the index alone.
            models.Index(
                fields=["document", "facet", "value_id"], name="search_facet_document_idx"
            ),
        ]

    def __str__(self):
        return f"{self.facet} #{self.value_id}"


class SearchTerm(models.Model):
    """A folded name word found in published records: what misspelt names are matched to."""

    word = models.CharField(max_length=100, unique=True)

    class Meta:
        db_table = "search_term"

    def __str__(self):
        return self.word
