"""Names are found across spellings and scripts, and misspelt names by similarity."""

from .conftest import search, titles


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


def test_an_e_finds_a_name_spelt_with_schwa_even_beside_exact_matches(client, db):
    from tests import factories

    factories.person(name="Səttar Bəhlulzadə")
    factories.source(title="A letter signed Bahlulzade")  # the spelling typed: an exact match
    factories.person(name="İmadəddin Nəsimi")
    found = search(client, "Bahlulzade")
    assert {hit["title"] for hit in found["results"]} == {
        "Səttar Bəhlulzadə",
        "A letter signed Bahlulzade",
    }
    assert found["similar_spellings"] == {}  # an equivalence, not a guess
    assert titles(client, "Nesimi") == ["İmadəddin Nəsimi"]
    html = client.get("/search/", {"q": "Nesimi"}).content.decode()
    assert "<mark>Nəsimi</mark>" in html


def test_an_e_is_not_widened_to_names_the_archive_does_not_hold(client, db):
    from tests import factories

    factories.source(title="Letters from the front")
    factories.person(name="Lattars Mammadov")  # "letters" with a for e: a name, not a spelling
    # Only e's that can be ə are varied, and only to names: "letters" -> "lattars" is a name
    # here, so it is searched too; a word with no such name stays as it is.
    assert set(titles(client, "letters")) == {"Letters from the front", "Lattars Mammadov"}
    assert titles(client, "front") == ["Letters from the front"]
