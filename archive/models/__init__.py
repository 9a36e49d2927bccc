import reversion

from .base import CATALOGUER_STATUSES, Record, RecordQuerySet, SlugRedirect, Status
from .batch import BatchEdit
from .changes import RecordChange
from .citations import Citation, Claim, RecordLink
from .generation import PublicationGeneration
from .identifiers import Identifier
from .media import MediaItem
from .places import NameVariant, Place, PlaceName
from .proposals import ProposedChange
from .sources import Source, SourceCreator
from .vocabularies import ClaimAttribute, IdentifierScheme, Licence, SourceKind, Term

# Versioned with django-reversion; inline rows are versioned with the record they belong to.
RECORD_FOLLOW = ("citations", "claims", "identifiers")
for _model in (Citation, Claim, Identifier, PlaceName, SourceCreator):
    reversion.register(_model)
reversion.register(Source, follow=(*RECORD_FOLLOW, "creators"))
reversion.register(Place, follow=(*RECORD_FOLLOW, "names"))
reversion.register(MediaItem, follow=RECORD_FOLLOW)

__all__ = [
    "BatchEdit",
    "RECORD_FOLLOW",
    "CATALOGUER_STATUSES",
    "Citation",
    "Claim",
    "ClaimAttribute",
    "Identifier",
    "IdentifierScheme",
    "Licence",
    "MediaItem",
    "NameVariant",
    "Place",
    "PlaceName",
    "ProposedChange",
    "PublicationGeneration",
    "Record",
    "RecordChange",
    "RecordLink",
    "RecordQuerySet",
    "SlugRedirect",
    "Source",
    "SourceCreator",
    "SourceKind",
    "Status",
    "Term",
]
