"""A source is a record too: what other sources say about it stands on its page, apart from
the records that cite it."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_claim_about_a_source_shows_on_its_page_with_its_own_source(client):
    article = factories.source(title="The article", slug="the-article")
    catalogue = factories.source(title="A library catalogue", slug="a-library-catalogue")
    factories.claim(article, catalogue, attribute="date", value="2017", locator="entry 12")
    cited_event = factories.event(title="An event citing the article")
    factories.citation(cited_event, article, locator="para. 3")

    page = client.get(article.get_absolute_url()).content.decode()

    assert "A library catalogue" in page and "entry 12" in page
    assert "An event citing the article" in page
    assert "para. 3" in page
