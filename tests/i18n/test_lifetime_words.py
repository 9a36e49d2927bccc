"""A life and an organisation's existence in words, in each language: one function each
(`people.models.lifetime_words`, `existence_words`), which pages and search results call."""

import pytest
from django.utils import translation

from people.models import existence_words, lifetime_words
from tests import factories

CASES = [
    (("1923-05-10", ""), "born 10 May 1923", "doğum: 10 may 1923", "род. 10 мая 1923"),
    (("", "2003"), "died 2003", "vəfat: 2003", "ум. 2003"),
    (("1923", "2003~"), "1923 – about 2003", "1923 – təxminən 2003", "1923 – около 2003"),
    (("", ""), "", "", ""),
]


@pytest.mark.parametrize(("dates", "en", "az", "ru"), CASES)
def test_a_lifetime_in_each_language(dates, en, az, ru):
    for language, expected in (("en", en), ("az", az), ("ru", ru)):
        with translation.override(language):
            assert lifetime_words(*dates) == expected


def test_an_existence_in_each_language():
    expected = {"en": "founded 1918", "az": "yaranma: 1918", "ru": "основание: 1918"}
    for language, words in expected.items():
        with translation.override(language):
            assert existence_words("1918", "") == words
    with translation.override("ru"):
        assert existence_words("", "1991") == "упразднение: 1991"


@pytest.mark.django_db
def test_the_models_say_the_same():
    person = factories.person(birth_date="1923-05-10", death_date="")
    with translation.override("az"):
        assert person.lifetime == "doğum: 10 may 1923"
