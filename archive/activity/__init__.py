"""Change discovery: what became public, changed or left, as Activity Streams.

Two streams read the change log (`archive.models.RecordChange`): the IIIF Change Discovery API
1.0 for the IIIF manifests (`/iiif/discovery/`, objects of type Manifest) and the same
activities for record pages (`/activity/`, objects typed by their kind's schema.org type).
Each is an OrderedCollection of OrderedCollectionPages, oldest first, paged by keyset on the
change's id (`streams.py`: two queries per page, whatever its place). A record never
published has no activity; a withdrawn or deleted one ends with a Delete.
"""
