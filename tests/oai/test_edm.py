"""EDM records parsed as RDF by rdflib: the classes and properties they use exist in EDM's and
the vocabularies' namespaces, each aggregation has what Europeana requires, and rights are
the record's rights URI."""

import pytest
from lxml import etree
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.namespace import DC, DCTERMS, SKOS

from archive.models import Licence
from tests import factories
from tests.oai.client import NS, oai

pytestmark = pytest.mark.django_db

EDM = Namespace("http://www.europeana.eu/schemas/edm/")
ORE = Namespace("http://www.openarchives.org/ore/terms/")

# EDM 5.2.8's classes and properties (Europeana's EDM Definition and its OWL file), and ORE's.
EDM_TERMS = {
    "ProvidedCHO", "WebResource", "Agent", "Event", "Place", "TimeSpan", "rights",
    "dataProvider", "provider", "isShownAt", "isShownBy", "aggregatedCHO", "type",
    "wasPresentAt", "isRelatedTo", "object", "currentLocation", "hasMet",
}  # fmt: skip
ORE_TERMS = {"Aggregation", "aggregates"}
DC_TERMS = {
    "title", "creator", "contributor", "date", "description", "format", "identifier",
    "language", "publisher", "relation", "rights", "source", "subject", "type", "coverage",
}  # fmt: skip
DCTERMS_TERMS = {"spatial", "temporal", "isPartOf", "hasPart", "created", "issued"}
KNOWN = {
    str(EDM): EDM_TERMS,
    str(ORE): ORE_TERMS,
    str(DC): DC_TERMS,
    str(DCTERMS): DCTERMS_TERMS,
    str(SKOS): {"prefLabel", "altLabel", "note"},
    str(RDF): {"type"},
}


def edm_graph(client, record) -> Graph:
    tree = oai(
        client,
        verb="GetRecord",
        identifier=f"oai:testserver:{kind_of(record)}:{record.slug}",
        metadataPrefix="edm",
    )
    rdf = tree.find(".//oai:metadata/{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF", NS)
    return Graph().parse(data=etree.tostring(rdf), format="xml")


def kind_of(record) -> str:
    from archive import registry

    return registry.kind_for_model(type(record)).key


def split(uri: str) -> tuple[str, str]:
    for namespace in KNOWN:
        if uri.startswith(namespace):
            return namespace, uri[len(namespace) :]
    raise AssertionError(f"{uri} is in no namespace the EDM profile uses")


def assert_known_terms(graph: Graph):
    for _, predicate, obj in graph:
        namespace, name = split(str(predicate))
        assert name in KNOWN[namespace], predicate
        if predicate == RDF.type:
            namespace, name = split(str(obj))
            assert name in KNOWN[namespace], obj


def test_a_source_is_a_provided_object_in_an_aggregation_with_its_rights(client):
    licence = Licence.objects.exclude(uri="").first()
    source = factories.source(title="A ledger")
    if licence is not None and hasattr(source, "licence"):
        source.licence = licence
        source.save()
    author = factories.person()
    factories.publication(factories.organisation(), source)
    place = factories.place()
    event = factories.event(places=[place])
    factories.citation(event, source)
    del author
    graph = edm_graph(client, source)
    assert_known_terms(graph)
    chos = list(graph.subjects(RDF.type, EDM.ProvidedCHO))
    aggregations = list(graph.subjects(RDF.type, ORE.Aggregation))
    assert len(chos) == len(aggregations) == 1
    aggregation = aggregations[0]
    assert graph.value(aggregation, EDM.aggregatedCHO) == chos[0]
    assert str(graph.value(chos[0], DC.title)) == "A ledger"
    assert str(graph.value(chos[0], EDM.type)) in {"TEXT", "IMAGE", "SOUND", "VIDEO", "3D"}
    shown_at = graph.value(aggregation, EDM.isShownAt)
    assert (shown_at, RDF.type, EDM.WebResource) in graph
    assert str(graph.value(aggregation, EDM.dataProvider))
    assert str(graph.value(aggregation, EDM.provider))
    rights = graph.value(aggregation, EDM.rights)
    if licence is not None and hasattr(source, "licence"):
        assert rights == URIRef(licence.uri)


def test_a_media_item_is_an_image_with_its_licence_and_places(client):
    licence = Licence.objects.exclude(uri="").first()
    place = factories.place(name="Baku")
    item = factories.media_item(licence=licence)
    item.places.set([place])
    graph = edm_graph(client, item)
    assert_known_terms(graph)
    cho = next(graph.subjects(RDF.type, EDM.ProvidedCHO))
    assert str(graph.value(cho, EDM.type)) == "IMAGE"
    spatial = graph.value(cho, DCTERMS.spatial)
    assert (spatial, RDF.type, EDM.Place) in graph
    assert str(graph.value(spatial, SKOS.prefLabel)) == "Baku"
    if licence is not None:
        aggregation = next(graph.subjects(RDF.type, ORE.Aggregation))
        assert graph.value(aggregation, EDM.rights) == URIRef(licence.uri)
        web = graph.value(aggregation, EDM.isShownAt)
        assert graph.value(web, EDM.rights) == URIRef(licence.uri)
