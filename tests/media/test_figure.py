"""The figure include that galleries and media pages use: srcset, WebP with a JPEG fallback,
HTML5 players, no storage URL, no query."""

import re

import pytest
from django.template.loader import render_to_string

from archive.models import MediaItem, Status

from . import files

pytestmark = pytest.mark.django_db


def figure(item, **context) -> str:
    return render_to_string("archive/media/figure.html", {"item": item, **context})


def test_an_image_figure_has_webp_and_jpeg_srcsets(make_item, django_assert_num_queries):
    item = make_item("wide.jpg", files.image_bytes(size=(2000, 1000)), alt_text="Buses & tanks")
    item = MediaItem.objects.for_display().get(pk=item.pk)
    with django_assert_num_queries(0):
        html = figure(item)
    assert "<picture>" in html
    webp = re.search(r'<source type="image/webp" srcset="([^"]+)"', html).group(1)
    assert webp == (
        f"{item.derivative_url('thumb', 'webp')} 320w, {item.derivative_url('medium', 'webp')} "
        f"800w, {item.derivative_url('large', 'webp')} 1600w"
    )
    img = re.search(r"<img [^>]+>", html).group(0)
    assert f'src="{item.derivative_url("medium", "jpg")}"' in img
    assert f"{item.derivative_url('large', 'jpg')} 1600w" in img
    assert 'alt="Buses &amp; tanks"' in img
    assert 'width="800" height="400"' in img
    assert 'sizes="' in img and 'loading="lazy"' in img
    assert item.credit_line in html and item.get_absolute_url() in html


def test_the_caller_can_say_how_wide_the_image_is_shown(make_item):
    item = make_item("wide.jpg", files.image_bytes(size=(700, 350)))
    assert 'sizes="10rem"' in figure(item, sizes="10rem")


def test_audio_and_video_play_in_html5_players(make_item):
    audio = make_item("talk.wav", files.wav_bytes())
    html = figure(audio)
    assert "<audio controls" in html
    assert f'<source src="{audio.original_url}" type="audio/x-wav">' in html
    video = make_item("film.webm", files.webm_bytes())
    html = figure(video)
    assert "<video controls" in html
    assert f'<source src="{video.original_url}" type="video/webm">' in html


def test_a_pdf_is_a_link(make_item):
    pdf = make_item("report.pdf", files.pdf_bytes())
    assert f'<a href="{pdf.original_url}">' in figure(pdf)


def test_no_figure_exposes_the_storage_url(make_item):
    for item in (
        make_item("a.jpg", status=Status.DRAFT),
        make_item("b.wav", files.wav_bytes()),
        make_item("c.pdf", files.pdf_bytes()),
    ):
        html = figure(item)
        assert item.file.url not in html and "originals/" not in html
        for name in item.derivatives.values_list("file", flat=True):
            assert name not in html


def test_the_iiif_link_include(make_item):
    item = make_item("a.jpg", status=Status.PUBLISHED)
    html = render_to_string("archive/media/iiif_link.html", {"kind": "media", "slug": item.slug})
    assert f'href="/iiif/media/{item.slug}/manifest.json"' in html


def test_the_caller_can_choose_where_the_image_leads(make_item):
    item = make_item("wide.jpg", files.image_bytes(size=(700, 350)))
    assert f'<a href="{item.get_absolute_url()}">\n    <picture>' in figure(item)
    html = figure(item, link=item.largest.jpg_url)
    assert f'<a href="{item.largest.jpg_url}">\n    <picture>' in html
