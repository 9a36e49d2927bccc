"""Media: safe ingest, derivatives, fixity, protected serving and IIIF manifests (issue 5)."""
