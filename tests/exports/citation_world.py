"""Records of every kind to cite, on top of the demo collection: a book with several creator
roles, an ISBN and a DOI, and a published image that belongs to it. The demo gives the event,
the person, the place and its opinion article, whose author is unknown."""

from dataclasses import dataclass

from archive.models import SourceCreator, SourceKind
from tests import factories
from tests.public.conftest import image
from tests.public.data import EVENT_SLUG

BOOK_SLUG = "black-january-a-chronicle"


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    csl_type: str  # what its CSL-JSON download says it is


def add_book():
    book = factories.source(
        title="Black January: a chronicle", slug=BOOK_SLUG,
        kind=SourceKind.objects.get(slug="book"), date="1991-03", publisher="Elm",
        publication_place="Baku", isbn="978-5-8066-0000-0", doi="10.1000/xyz_1", language="az",
    )  # fmt: skip
    roles = [("Mammadov, Ali", "author"), ("Huseynova, Leyla", "author")]
    roles += [("Editorial board of Elm", "editor"), ("Smith, John", "translator")]
    for order, (name, role) in enumerate(roles):
        SourceCreator.objects.create(source=book, name=name, role=role, order=order)
    return book


def pages() -> list[Page]:
    """Every kind's record page (the demo loaded first)."""
    book = add_book()
    media = image(title="The night of 19–20 January", creator="Rustamov, Elchin", source=book)
    return [
        Page("event", f"/events/{EVENT_SLUG}/", "webpage"),
        Page("person", "/people/heydar-aliyev/", "webpage"),
        Page("place", "/places/baku/", "webpage"),
        Page("media", media.get_absolute_url(), "webpage"),
        Page("opinion piece, author unknown", "/sources/azerbaijan-remembers-january-20/",
             "article-magazine"),
        Page("book with several roles", book.get_absolute_url(), "book"),
    ]  # fmt: skip
