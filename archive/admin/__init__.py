from .base import CitationInline, ClaimInline, DecadeListFilter, IdentifierInline, RecordAdmin
from .media import MediaItemAdmin
from .records import CitationAdmin, ClaimAdmin, PlaceAdmin, SourceAdmin
from .review import ProposedChangeAdmin
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
    "ProposedChangeAdmin",
    "RecordAdmin",
    "SourceAdmin",
    "TermAdmin",
]
