"""Names are found across spellings and scripts, and misspelt names by similarity."""

from .conftest import titles


def test_it_finds_a_person_by_any_spelling_or_script(client, world):
    for query in ("Aliyev", "Əliyev", "Алиев", "aliev", "ALIYEV"):
        assert "Heydar Aliyev" in titles(client, query), query


def test_it_finds_the_events_a_person_took_part_in(client, world):
    assert "Rally on Freedom Square" in titles(client, "Алиев")


def test_it_ignores_diacritics(client, world):
    assert set(titles(client, "Susa")) == {"Şuşa", "Karabakh and Şuşa"}
    assert "Baku" in titles(client, "Bakı")
    assert "Baku" in titles(client, "Баку")


def test_it_finds_a_misspelt_name_by_trigram_similarity(client, world):
    data = titles(client, "Gorbachov")
    assert data[:1] == ["Mikhail Gorbachev"]
    assert "Soviet troops enter the city" in data


def test_it_says_when_it_widened_a_misspelt_name(client, world):
    from .conftest import search

    data = search(client, "Gorbachov")
    assert data["similar_spellings"] == {"gorbacov": ["gorbacev"]}
    assert search(client, "Gorbachev")["similar_spellings"] == {}


def test_it_does_not_widen_a_word_that_is_spelt_right_but_absent(client, world):
    assert titles(client, "Zzyzx") == []
    assert titles(client, "Aliyev Zanzibar") == []
