"""Test data of the public-site tests' own, on top of the demo: a second source that gives a
different death toll (a disagreement), a third that agrees with the article, and a published
image of the night of 19–20 January. Never added to the demo collection."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from archive.media.ingest import ingest
from archive.models import Licence, Place, SourceKind, Status
from events.models import Event
from tests import factories

EVENT_SLUG = "baku-19-20-january-1990"


def image_upload(name="night.jpg", size=(960, 640)) -> SimpleUploadedFile:
    image = Image.new("RGB", size, (46, 52, 64))
    draw = ImageDraw.Draw(image)
    for i in range(0, size[0], 40):
        draw.line([(i, 0), (i + 200, size[1])], fill=(120, 110, 90), width=6)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def add_disagreement():
    """Two more sources on the night in Baku: one disagrees on the dead, one agrees."""
    event = Event.objects.get(slug=EVENT_SLUG)
    other = factories.source(
        title="Casualty report of a human-rights monitor",
        slug="monitor-casualty-report",
        kind=SourceKind.objects.get(slug="official-record"),
        creators_text="Monitoring group",
        date="1991~",
        publisher="Monitoring group",
    )
    agreeing = factories.source(
        title="Newspaper account of the funerals",
        slug="newspaper-funerals",
        kind=SourceKind.objects.get(slug="newspaper-article"),
        date="1990-01-23",
        container_title="A daily newspaper",
    )
    factories.claim(event, other, "killed", 131, locator="p. 12", quotation="131 dead")
    factories.claim(event, agreeing, "killed", 147, locator="p. 1", quotation="147 were buried")
    factories.citation(event, other, locator="p. 3", quotation="troops entered the city")
    return other, agreeing


def add_image():
    event = Event.objects.get(slug=EVENT_SLUG)
    item = ingest(
        image_upload(),
        title="Street in Baku at night (test image)",
        alt_text="A dark street drawn in grey diagonal lines",
        caption="A test image standing in for a photograph of the night.",
        credit_line="Test image made for the archive's tests",
        licence=Licence.objects.get(slug="cc0"),
        date="1990-01~",
        status=Status.PUBLISHED,
    )
    item.places.add(Place.objects.get(slug="baku"))
    event.media.add(item)
    return item
