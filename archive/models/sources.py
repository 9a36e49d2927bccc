from django.db import models

from archive import translations
from archive.dates import EDTFField
from archive.sentences import role_in

from .base import Record
from .vocabularies import SourceKind


class Source(Record):
    """A bibliographic or archival source that records cite."""

    kind = models.ForeignKey(SourceKind, on_delete=models.PROTECT, related_name="sources")
    title = models.CharField(max_length=500, help_text="As published, in the source's language.")
    translated_title = models.CharField(
        max_length=500,
        blank=True,
        help_text="The title in the archive's words, shown beside the published one.",
    )
    creators_text = models.CharField(
        "creators as credited",
        max_length=500,
        blank=True,
        help_text="As the source credits them, when the creators below cannot be named; when "
        "the creators are unknown, why (“the article names no writer”).",
    )
    creators_unknown = models.BooleanField(
        "creators unknown",
        default=False,
        help_text="The source names no creator. Exports then give no author at all (an unknown "
        "author is not a name); the page says “Author unknown” with the words above.",
    )
    container_title = models.CharField(
        "publication", max_length=300, blank=True, help_text="Journal, magazine, newspaper, series."
    )
    publisher = models.CharField(max_length=300, blank=True)
    publication_place = models.CharField(max_length=200, blank=True)
    date = EDTFField(help_text="Date of publication or creation, EDTF.")
    date_earliest = models.DateField(null=True, blank=True, editable=False, db_index=True)
    date_text = models.CharField(
        "date as written",
        max_length=200,
        blank=True,
        help_text="The date as the source or museum record gives it (“c.1819”, “date not known”); "
        "shown when it says more than the EDTF date.",
    )
    date_latest = models.DateField(null=True, blank=True, editable=False, db_index=True)
    volume = models.CharField(max_length=50, blank=True)
    issue = models.CharField(max_length=50, blank=True)
    pages = models.CharField(max_length=50, blank=True)
    url = models.URLField("URL", max_length=1000, blank=True)
    accessed = models.DateField(null=True, blank=True, help_text="When the URL was consulted.")
    repository = models.CharField(
        "holding repository", max_length=300, blank=True, help_text="Archive or library."
    )
    call_number = models.CharField(max_length=200, blank=True)
    language = models.CharField(
        max_length=35, blank=True, help_text="BCP 47 code: en, az, ru, az-Cyrl..."
    )
    doi = models.CharField("DOI", max_length=200, blank=True)
    isbn = models.CharField("ISBN", max_length=20, blank=True)
    rights = models.CharField(
        max_length=500, blank=True, help_text="The rights statement in words (© The Times, 1990)."
    )
    licence = models.ForeignKey(
        "archive.Licence",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sources",
        help_text="The licence or rights statement machines read (a Creative Commons or "
        "RightsStatements.org URI). Without one, its rights are exported as "
        "Copyright Not Evaluated.",
    )
    abstract = models.TextField(blank=True, help_text="A summary in the archive's own words.")
    transcript = models.TextField(
        blank=True, help_text="Full text or transcript, where rights allow it to be shown."
    )
    criticism_note = models.TextField(
        "source criticism",
        blank=True,
        help_text="Perspective, provenance and reliability: who wrote it, for whom, and how far "
        "it can be trusted.",
    )

    url_name = "archive:source_detail"

    class Meta(Record.Meta):
        ordering = ["title"]
        permissions = [("publish_source", "Can publish and withdraw sources")]

    def __str__(self):
        return self.title

    @property
    def local_name(self) -> translations.LocalText:
        """The title as published, in the source's language (never translated here:
        `translated_title` is the archive's translation)."""
        return translations.LocalText(self.title, self.language)

    @property
    def creator_names(self) -> list[str]:
        names = [creator.name for creator in self.creators.all()]
        if names or self.creators_unknown:
            return names
        return [self.creators_text] if self.creators_text else []

    @property
    def creators_note(self) -> str:
        """What the page says of creators it cannot name: “Author unknown (the article names
        no writer)”."""
        if not self.creators_unknown:
            return ""
        reason = self.creators_text.strip().strip("()")
        return f"Author unknown ({reason})" if reason else "Author unknown"


class SourceCreator(models.Model):
    """A named creator of a source, in credited order."""

    class Role(models.TextChoices):
        AUTHOR = "author", "Author"
        EDITOR = "editor", "Editor"
        TRANSLATOR = "translator", "Translator"
        INTERVIEWER = "interviewer", "Interviewer"
        INTERVIEWEE = "interviewee", "Interviewee"
        PHOTOGRAPHER = "photographer", "Photographer"
        DIRECTOR = "director", "Director"
        CONTRIBUTOR = "contributor", "Contributor"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="creators")
    name = models.CharField(max_length=300, help_text="Family name, given name.")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.AUTHOR)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    str_select_related = ("source",)

    def __str__(self):
        return role_in(self.name, self.get_role_display(), f"“{self.source}”", preposition="of")
