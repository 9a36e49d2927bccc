"""OAI-PMH 2.0 at /oai/: the archive's published records for harvesters (Europeana, DPLA...).

- Sets: one per registered kind (`archive.registry`): setSpec = kind key, setName = plural.
- Identifiers: ``oai:<OAI_REPOSITORY_ID or the host>:<kind>:<slug>`` (`identifiers.py`).
- Formats: ``oai_dc`` for every kind, ``edm`` (RDF/XML) for kinds whose records are works;
  both written only from `archive.registry.description()` (`formats.py`).
- Datestamps: UTC to the second, a record's `updated_at`; a deleted record's is the time of its
  delete in the change log (`archive.models.RecordChange`).
- Deleted records are persistent: a withdrawn, unpublished or deleted record answers as deleted,
  never silently gone.
- A renamed slug: the old identifier answers as *deleted*, with a pointer to the new one in an
  ``about`` container (``dcterms:isReplacedBy``), and the record reappears under its new
  identifier (its `updated_at` moved with the rename). Why not keep the old identifier alive
  through `SlugRedirect`: a harvester keys records by identifier, so a record answering under
  two identifiers would be held twice by every aggregator; a delete plus a new record is what
  an aggregator can act on, and the pointer lets it keep its links.
- Resumption tokens are stateless and signed (`tokens.py`): they carry the request and a keyset
  position (kind, stream, last id), never an offset (`listing.py`).
"""
