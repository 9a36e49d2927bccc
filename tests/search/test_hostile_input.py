"""No input ever gives an error page: the query is parsed, folded and bound as parameters."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.search import engine
from archive.search.forms import SearchParams
from archive.search.query import parse
from tests import factories

NASTY = [
    "",
    " ",
    "!!!",
    '"',
    '""',
    '"""',
    '"unbalanced',
    'unbalanced"',
    "-",
    "--",
    '-"',
    "or",
    "OR OR OR",
    "a or",
    "or a",
    "-a -b -c",
    "NEAR(a b, 2)",
    "a NEAR b",
    "a* b^ c: d:*",
    "title:aliyev",
    "{title names}: x",
    "a AND b OR NOT c",
    "a & b | !c <-> d",
    "'; DROP TABLE search_document; --",
    '" OR 1=1 --',
    "%s %(x)s %%",
    "\\",
    "\x00",
    "a\x00b",
    "\x01\x02\x1f\x7f",
    "\u200b\u200d\ufeff",
    "\ud7ff\ue000\uffff",
    "🙂🙂 Əliyev 🙂",
    "ﷺ ﷽",
    "ǅ ﬁ Ⅻ ½",
    "الأذربيجانيون",
    "中文 日本語 한국어",
    "x" * 10_000,
    "Aliyev " * 2_000,
    '"a' * 3_000,
    "-" * 10_000,
    "🙂" * 10_000,
]


@pytest.fixture
def indexed(db):
    factories.person(name="Heydar Aliyev", names=["Heydər Əliyev", "Гейдар Алиев"])
    factories.source(title="January tragedy", transcript="Baku " * 50)


@pytest.mark.parametrize("query", NASTY)
def test_it_answers_every_nasty_query(client, indexed, query):
    for fmt in ("html", "json", "csv"):
        response = client.get("/search/", {"q": query, "format": fmt})
        assert response.status_code == 200, (query, fmt)


@pytest.mark.parametrize(
    "params",
    [
        {"page": "-1"}, {"page": "99999999999999999999999"}, {"page": "1e3"}, {"page": "٣"},
        {"kind": "nope"}, {"kind": "'"}, {"place": "x"}, {"place": "-1"},
        {"person": "9" * 40}, {"from": "0"}, {"from": "10000"}, {"to": "١٩٩٠"},
        {"sort": "rank; drop"}, {"format": "xml"}, {"source_kind": "'\""},
        {"results_only": "\x00"},
    ],
)  # fmt: skip
def test_it_ignores_nonsense_parameters(client, indexed, params):
    response = client.get("/search/", {"q": "Aliyev", **params})
    assert response.status_code == 200


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.one_of(
            st.characters(codec="utf-8"),
            st.characters(max_codepoint=0x7F),
            st.sampled_from(list("\"-*^:()[]{}<>|&!~+,.;'\\%_") + [" ", " or ", "NEAR", "AND"]),
            st.sampled_from(["Aliyev", "Baku", "January", "tragedy", "Алиев", "Əliyev"]),
        ),
        max_size=40,
    ).map("".join)
)
def test_it_never_fails_on_generated_queries(indexed, query):
    # Straight against the engine (the view adds only parameter parsing, tested above).
    params = SearchParams.from_query(_querydict(q=query), engine.kind_keys())
    results = engine.search(params)
    for hit in results.hits:
        str(hit.title_html), str(hit.snippet_html)
    parsed = parse(query)
    assert all(word.isascii() and word.isalnum() for word in parsed.words)


def _querydict(**values):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    data.update(values)
    return data


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.text(max_size=40), st.sampled_from(["html", "json", "csv"]))
def test_the_view_never_fails_on_generated_queries(client, indexed, query, fmt):
    response = client.get("/search/", {"q": query, "format": fmt})
    assert response.status_code == 200
