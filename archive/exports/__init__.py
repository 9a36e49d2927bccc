"""Exports of the archive's records: CSL-JSON items (the common shape), BibTeX, RIS, COinS and
`citation_*` meta tags built from them, and schema.org JSON-LD. Published records only: the
views that call these find records through `Record.objects.published()`."""
