"""Phrases stay exact and ordered; on PostgreSQL the word-pair index narrows them first."""

from importlib import import_module

import pytest
from django.db import connection

from archive.search.backends.postgres import word_pairs
from archive.search.pairs import document_keys, one_token, pair_key
from archive.search.query import parse
from tests import factories

from .conftest import titles

postgres_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="the word-pair index is PostgreSQL's"
)


@pytest.fixture
def texts(db):
    return {
        "law": factories.source(
            title="Decree of 20 January",
            abstract="The decree declared martial law in the city of Baku.",
        ),
        "apart": factories.source(
            title="Court records",
            abstract="A martial arts club took the case to the law court.",
        ),
        "reversed": factories.source(
            title="Essay on order",
            abstract="What is law martial in spirit, asked the essay.",
        ),
    }


def test_it_builds_the_pairs_every_match_must_contain():
    key = pair_key
    assert word_pairs(parse('"martial law"')) == [key("martial", "law")]
    assert word_pairs(parse('"state of emergency" Baku')) == [
        key("state", "of"),
        key("of", "emergency"),
    ]
    assert word_pairs(parse('"21 January 1990"')) == [key("21", "january"), key("january", "1990")]
    assert word_pairs(parse('"a b" "a b c"')) == [key("a", "b"), key("b", "c")]
    assert key("martial", "law") != key("law", "martial")
    assert key("martial", "law") == 1_513_465_589  # the same in every process, as stored


def test_it_builds_no_pairs_where_a_phrase_is_not_required_or_not_predictable():
    assert word_pairs(parse("martial law")) is None
    assert word_pairs(parse('"martial law" or curfew')) is None
    assert word_pairs(parse('Baku -"martial law"')) is None
    assert word_pairs(parse('"1990s decree"')) is None  # letters after digits: parser's choice
    assert word_pairs(parse("")) is None


def test_it_finds_a_phrase_only_with_its_words_side_by_side_and_in_order(client, texts):
    assert titles(client, '"martial law"') == ["Decree of 20 January"]
    assert titles(client, '"law martial"') == ["Essay on order"]
    assert set(titles(client, "martial law")) == {
        "Decree of 20 January",
        "Court records",
        "Essay on order",
    }


def test_it_finds_longer_phrases_and_phrases_with_numbers(client, texts):
    assert titles(client, '"declared martial law in the city"') == ["Decree of 20 January"]
    assert titles(client, '"declared law martial"') == []
    assert titles(client, '"decree of 20 january"') == ["Decree of 20 January"]
    assert titles(client, '"of 20 January" "martial law"') == ["Decree of 20 January"]
    assert titles(client, '"of 20 January" "law court"') == []


def test_it_keeps_phrases_in_or_and_exclusions(client, texts):
    assert set(titles(client, '"martial law" or "law court"')) == {
        "Decree of 20 January",
        "Court records",
    }
    assert titles(client, 'martial -"martial law" -"law martial"') == ["Court records"]


def test_it_follows_an_edited_text(client, texts):
    source = texts["apart"]
    source.abstract = "Martial law, the club said, closed the court."
    source.save()
    assert set(titles(client, '"martial law"')) == {"Decree of 20 January", "Court records"}


def keys(*pairs) -> str:
    return "{" + ",".join(map(str, sorted({pair_key(*pair.split()) for pair in pairs}))) + "}"


def test_it_pairs_neighbouring_words_across_title_names_and_text():
    assert document_keys("a b", "", "c a b") == keys("a b", "b c", "c a")
    assert document_keys("", "", "") == "{}"
    assert document_keys("a _ b", None, None) == keys("a b")  # a word that folds to nothing


@postgres_only
def test_its_pairs_hold_every_pair_postgresql_can_match_side_by_side(db):
    """Checked against PostgreSQL's own reading of the words (the generated column of
    migration 0003, made again here): words of letters and digits that its parser splits,
    a word so frequent that positions are dropped, and a text past the last position."""
    # Different words: one found more than 256 times keeps no position that far.
    distinct = ["".join(chr(97 + i // 26**k % 26) for k in range(3)) for i in range(26**3)]
    reference = import_module("archive.search.migrations.0003_phrase_word_pairs").POSTGRES[0]
    texts = [
        ("decree of 20 january", "heydar aliev", "martial law in baku 1990"),
        ("5e5e x", "", "e x 1e5e5e5 y 1990s end"),
        ("a " * 300 + "x " + "a " * 10, "b c", "d"),  # "x" keeps the last position
        ("t", "x " * 300 + "y", "z _ q"),
        ("", "", " ".join(distinct[:16390])),
        ("", "", "1e5e " * 40 + " ".join(distinct[:16370])),
    ]
    with connection.cursor() as cursor:
        cursor.execute(reference)
        for title, names, text in texts:
            cursor.execute(
                "SELECT tsvector_to_array(search_word_pairs(%s, %s, %s))", [title, names, text]
            )
            plain = [
                pair for pair in cursor.fetchone()[0] if all(one_token(w) for w in pair.split())
            ]  # a phrase asks only for these (`phrase_keys`)
            needed = set(keys(*plain).strip("{}").split(",")) - {""}
            made = set(document_keys(title, names, text).strip("{}").split(","))
            assert needed <= made, title[:20]


@postgres_only
def test_it_asks_the_word_pair_index_for_a_phrase(db):
    from archive.search import backends

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_document_word_pairs_gin'"
        )
        assert "USING gin (word_pairs)" in cursor.fetchone()[0]
    sql, values = backends.get().match_sql(parse('"martial law"'))
    assert "d.word_pairs @> (SELECT %s::integer[]) AND ts_match_vq(d.search_vector, " in sql
    assert values == [[pair_key("martial", "law")], "martial <-> law"]
