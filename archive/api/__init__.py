"""The read-only JSON API at /api/: every registered kind as a list and a detail, published
records only, each record as its one description (`archive.registry.description`)."""
