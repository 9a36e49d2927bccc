"""Web-search syntax: phrases, or, exclusion; the same meaning on both databases."""

from archive.search.query import parse

from .conftest import titles


def test_it_parses_web_search_syntax():
    query = parse('Aliyev "January tragedy" or Baku -Moscow -"red army"')
    assert query.tsquery() == "aliev & (january <-> tragedy | baku) & !(moscow) & !(red <-> army)"
    assert query.fts5() == (
        '(("aliev") AND ("january tragedy" OR "baku")) NOT ("moscow" OR "red army")'
    )


def test_it_reads_nothing_to_search_for_as_an_empty_query():
    for text in ("", "   ", "!!!", "or", "-baku", '""', "or or -x", "\x00\x01"):
        assert not parse(text), text


def test_it_matches_a_quoted_phrase_only_in_order(client, world):
    assert set(titles(client, '"January tragedy"')) == {
        "Azerbaijan remembers January 20",
        "Soviet troops enter the city",
    }
    assert titles(client, '"tragedy January"') == []


def test_it_treats_an_unbalanced_quote_as_a_phrase_to_the_end(client, world):
    assert set(titles(client, '"January tragedy')) == set(titles(client, '"January tragedy"'))


def test_it_combines_alternatives_with_or(client, world):
    both = set(titles(client, "Gorbachev or Şuşa"))
    assert {"Mikhail Gorbachev", "Şuşa", "Karabakh and Şuşa"} <= both
    assert set(titles(client, "Gorbachev")) < both


def test_it_requires_every_word_without_or(client, world):
    assert titles(client, "Gorbachev Şuşa") == []


def test_it_leaves_out_excluded_words(client, world):
    assert "Soviet troops enter the city" in titles(client, "January")
    assert "Soviet troops enter the city" not in titles(client, "January -Gorbachev")
    assert "Soviet troops enter the city" not in titles(client, 'January -"Mikhail Gorbachev"')


def test_it_reads_hyphenated_words_as_a_phrase(client, world):
    assert titles(client, "Karabakh-and-Şuşa") == ["Karabakh and Şuşa"]
