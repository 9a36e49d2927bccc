"""Batch edits: one change to many records of a kind, previewed, applied in one revision,
undone from History. `operations` (what may change), `run` (preview and apply, in chunks),
`history` (remembering and undoing), `forms` and `admin` (the admin's pages)."""
