"""Phrases stay exact and ordered; on PostgreSQL the word-pair index narrows them first."""

import pytest
from django.db import connection

from archive.search.backends.postgres import word_pairs
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
    assert word_pairs(parse('"martial law"')) == "'martial law'"
    assert word_pairs(parse('"state of emergency" Baku')) == "'state of' & 'of emergency'"
    assert word_pairs(parse('"21 January 1990"')) == "'21 january' & 'january 1990'"
    assert word_pairs(parse('"a b" "a b c"')) == "'a b' & 'b c'"


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


@postgres_only
def test_it_pairs_neighbouring_words_across_title_names_and_text(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_word_pairs(%s, %s, %s)::text", ["a b", "", "c a b"])
        assert cursor.fetchone()[0] == "'a b' 'b c' 'c a'"
        cursor.execute("SELECT search_word_pairs(NULL, NULL, NULL)::text")
        assert cursor.fetchone()[0] == ""


@postgres_only
def test_it_asks_the_word_pair_index_for_a_phrase(db):
    from archive.search import backends

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_document_word_pairs_gin'"
        )
        assert "USING gin (word_pairs)" in cursor.fetchone()[0]
    sql, values = backends.get().match_sql(parse('"martial law"'))
    assert "d.word_pairs @@ (SELECT %s::tsquery) AND ts_match_vq(d.search_vector, " in sql
    assert values == ["'martial law'", "martial <-> law"]
