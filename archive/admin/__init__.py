from .base import CitationInline, ClaimInline, DecadeListFilter, IdentifierInline, RecordAdmin
from .records import CitationAdmin, ClaimAdmin, MediaItemAdmin, PlaceAdmin, SourceAdmin
from .vocabularies import TermAdmin

__all__ = [
    "CitationAdmin",
    "CitationInline",
    "ClaimAdmin",
    "ClaimInline",
    "DecadeListFilter",
    "IdentifierInline",
    "MediaItemAdmin",
    "PlaceAdmin",
    "RecordAdmin",
    "SourceAdmin",
    "TermAdmin",
]
