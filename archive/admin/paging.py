"""The admin's paginator lives in `archive.paging`, shared with the public browse pages."""

from archive.paging import EXACT_COUNT_UP_TO, EstimatedCountPaginator  # noqa: F401
