"""Words the admin writes from data, in the curator's language: a batch edit's description on
its preview page (stored in English all the same) and the private metadata a media file
carries."""

import pytest
from django.conf import settings
from django.utils import translation

from archive.media import private
from archive.models import BatchEdit
from people.models import Person
from tests import factories
from tests.batch.test_admin import apply, preview, select

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "shown"),
    [("az", "sahəsini boşaltmaq"), ("ru", "очистить поле")],
)
def test_a_batch_preview_describes_it_in_the_curators_language(curator_client, language, shown):
    curator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    people = [factories.person(summary="Old summary") for _ in range(2)]
    url = select(curator_client, Person, people)
    response = preview(curator_client, url, "clear:summary")
    assert shown in response.context["description"]
    assert shown in response.content.decode()
    apply(curator_client, url, response)
    # What is stored (history, revision comments) stays English.
    assert BatchEdit.objects.get().description == "clear summary on 2 people"


FOUND = ["a GPS position (40.37, 49.83)", "the camera's serial number", "text (Author)"]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "a GPS position (40.37, 49.83), the camera's serial number and text (Author)"),
        ("az", "GPS koordinatları (40.37, 49.83), kameranın seriya nömrəsi və mətn (Author)"),
        ("ru", "координаты GPS (40.37, 49.83), серийный номер камеры и текст (Author)"),
    ],
)
def test_what_a_file_carries_is_said_in_the_curators_language(language, sentence):
    with translation.override(language):
        assert private.sentence(FOUND) == sentence
