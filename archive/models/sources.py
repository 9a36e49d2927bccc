from django.db import models
from django.utils.translation import gettext_lazy as _

from archive import translations
from archive.dates import EDTFField
from archive.sentences import role_in

from .base import Record
from .vocabularies import SourceKind


class Source(Record):
    """A bibliographic or archival source that records cite."""

    kind = models.ForeignKey(
        SourceKind, on_delete=models.PROTECT, related_name="sources", verbose_name=_("kind")
    )
    title = models.CharField(
        max_length=500,
        verbose_name=_("title"),
        help_text=_("As published, in the source's language."),
    )
    translated_title = models.CharField(
        max_length=500,
        blank=True,
        verbose_name=_("translated title"),
        help_text=_("The title in the archive's words, shown beside the published one."),
    )
    creators_text = models.CharField(
        _("creators as credited"),
        max_length=500,
        blank=True,
        help_text=_(
            "As the source credits them, when the creators below cannot be named; when "
            "the creators are unknown, why (“the article names no writer”)."
        ),
    )
    creators_unknown = models.BooleanField(
        _("creators unknown"),
        default=False,
        help_text=_(
            "The source names no creator. Exports then give no author at all (an unknown "
            "author is not a name); the page says “Author unknown” with the words above."
        ),
    )
    container_title = models.CharField(
        _("publication"),
        max_length=300,
        blank=True,
        help_text=_("Journal, magazine, newspaper, series."),
    )
    publisher = models.CharField(max_length=300, blank=True, verbose_name=_("publisher"))
    publication_place = models.CharField(
        max_length=200, blank=True, verbose_name=_("publication place")
    )
    date = EDTFField(help_text=_("Date of publication or creation, EDTF."), verbose_name=_("date"))
    date_earliest = models.DateField(
        null=True, blank=True, editable=False, db_index=True, verbose_name=_("date earliest")
    )
    date_text = models.CharField(
        _("date as written"),
        max_length=200,
        blank=True,
        help_text=_(
            "The date as the source or museum record gives it (“c.1819”, “date not known”); "
            "shown when it says more than the EDTF date."
        ),
    )
    date_latest = models.DateField(
        null=True, blank=True, editable=False, db_index=True, verbose_name=_("date latest")
    )
    volume = models.CharField(max_length=50, blank=True, verbose_name=_("volume"))
    issue = models.CharField(max_length=50, blank=True, verbose_name=_("issue"))
    pages = models.CharField(max_length=50, blank=True, verbose_name=_("pages"))
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    accessed = models.DateField(
        null=True,
        blank=True,
        help_text=_("When the URL was consulted."),
        verbose_name=_("accessed"),
    )
    repository = models.CharField(
        _("holding repository"), max_length=300, blank=True, help_text=_("Archive or library.")
    )
    call_number = models.CharField(max_length=200, blank=True, verbose_name=_("call number"))
    language = models.CharField(
        max_length=35,
        blank=True,
        db_index=True,  # the admin's language filter finds the languages in use from it
        help_text=_("BCP 47 code: en, az, ru, az-Cyrl..."),
        verbose_name=_("language"),
    )
    doi = models.CharField(_("DOI"), max_length=200, blank=True)
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)
    rights = models.CharField(
        max_length=500,
        blank=True,
        help_text=_("The rights statement in words (© The Times, 1990)."),
        verbose_name=_("rights"),
    )
    licence = models.ForeignKey(
        "archive.Licence",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sources",
        help_text=_(
            "The licence or rights statement machines read (a Creative Commons or "
            "RightsStatements.org URI). Without one, its rights are exported as "
            "Copyright Not Evaluated."
        ),
        verbose_name=_("licence"),
    )
    abstract = models.TextField(
        blank=True, help_text=_("A summary in the archive's own words."), verbose_name=_("abstract")
    )
    transcript = models.TextField(
        blank=True,
        help_text=_("Full text or transcript, where rights allow it to be shown."),
        verbose_name=_("transcript"),
    )
    criticism_note = models.TextField(
        _("source criticism"),
        blank=True,
        help_text=_(
            "Perspective, provenance and reliability: who wrote it, for whom, and how far "
            "it can be trusted."
        ),
    )

    url_name = "archive:source_detail"

    class Meta(Record.Meta):
        ordering = ["title"]
        permissions = [("publish_source", "Can publish and withdraw sources")]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

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
        AUTHOR = "author", _("Author")
        EDITOR = "editor", _("Editor")
        TRANSLATOR = "translator", _("Translator")
        INTERVIEWER = "interviewer", _("Interviewer")
        INTERVIEWEE = "interviewee", _("Interviewee")
        PHOTOGRAPHER = "photographer", _("Photographer")
        DIRECTOR = "director", _("Director")
        CONTRIBUTOR = "contributor", _("Contributor")

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="creators", verbose_name=_("source")
    )
    name = models.CharField(
        max_length=300, help_text=_("Family name, given name."), verbose_name=_("name")
    )
    role = models.CharField(
        max_length=20, choices=Role.choices, default=Role.AUTHOR, verbose_name=_("role")
    )
    order = models.PositiveSmallIntegerField(default=0, verbose_name=_("order"))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("source creator")
        verbose_name_plural = _("source creators")

    str_select_related = ("source",)

    def __str__(self):
        return role_in(self.name, self.get_role_display(), f"“{self.source}”", preposition="of")
