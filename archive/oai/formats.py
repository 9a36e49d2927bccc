"""The metadata formats, each written only from a record's one description
(`archive.registry.description`): Dublin Core (`oai_dc`) for every kind, the Europeana Data
Model (`edm`, RDF/XML) for the kinds whose records are works (a kind registered with a
schema.org CreativeWork or MediaObject type: EDM's provided object is a work; the other kinds
appear inside it as contextual agents, events and places).

Linked records become EDM contextual classes by their kind's schema.org type (Person and
Organization: edm:Agent; Event: edm:Event; Place: edm:Place), read from the registry, so no kind
is named here.
"""

from dataclasses import dataclass
from xml.etree.ElementTree import Element, SubElement

from archive import registry
from archive.description import Relation

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
EDM = "http://www.europeana.eu/schemas/edm/"
ORE = "http://www.openarchives.org/ore/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
WGS84 = "http://www.w3.org/2003/01/geo/wgs84_pos#"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"  # xml:lang (ElementTree writes the prefix)

NAMESPACES = {
    "oai_dc": OAI_DC,
    "dc": DC,
    "dcterms": DCTERMS,
    "edm": EDM,
    "ore": ORE,
    "rdf": RDF,
    "skos": SKOS,
    "wgs84_pos": WGS84,
    "xsi": XSI,
}

WORK_SCHEMA_TYPES = {"CreativeWork", "MediaObject"}
CONTEXT_CLASSES = {"Person": "Agent", "Organization": "Agent", "Event": "Event", "Place": "Place"}
# DCMI types and EDM types of a description's media type or CSL type.
DCMI_TYPES = {"image": "StillImage", "video": "MovingImage", "audio": "Sound"}
DCMI_BY_CSL = {"graphic": "StillImage", "motion_picture": "MovingImage", "song": "Sound"}
EDM_TYPES = {"StillImage": "IMAGE", "MovingImage": "VIDEO", "Sound": "SOUND"}


def q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def _add(parent, namespace, name, text="", resource="", **attributes):
    element = SubElement(parent, q(namespace, name), attributes)
    if resource:
        element.set(q(RDF, "resource"), resource)
    elif text:
        element.text = str(text)
    return element


def _add_text(parent, namespace, name, description, text_name: str) -> None:
    """One of the description's own texts ("title", "summary"): each language it is written
    in as its own element with `xml:lang`, so that a harvester keeps them all and picks its
    own; a text in no translation, with its language when known (a work's title)."""
    every = description.translations.get(text_name)
    if every:
        for lang, text in every.items():
            _add(parent, namespace, name, text, **{q(XML, "lang"): lang})
        return
    text = getattr(description, text_name)
    if text:
        lang = description.language_of(text_name)
        _add(parent, namespace, name, text, **({q(XML, "lang"): lang} if lang else {}))


def dcmi_type(description) -> str:
    """The DCMI type of a media item or a work; other records say theirs as a genre."""
    if description.media_type:
        return DCMI_TYPES.get(description.media_type, "Text")
    if description.is_work:
        return DCMI_BY_CSL.get(description.type, "Text")
    return ""


def write_oai_dc(description) -> Element:
    root = Element(q(OAI_DC, "dc"))
    root.set(q(XSI, "schemaLocation"), f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
    _add_text(root, DC, "title", description, "title")
    for agent in description.creators:
        _add(root, DC, "creator", agent.name)
    if description.publisher:
        _add(root, DC, "publisher", description.publisher)
    for subject in description.subjects:
        _add(root, DC, "subject", subject)
    _add_text(root, DC, "description", description, "summary")
    if description.date:
        _add(root, DC, "date", description.date)
    for dc_type in filter(None, [dcmi_type(description), description.genre]):
        _add(root, DC, "type", dc_type)
    if description.mime_type:
        _add(root, DC, "format", description.mime_type)
    _add(root, DC, "identifier", description.url)
    for identifier in description.identifiers:
        _add(root, DC, "identifier", identifier.url or f"{identifier.scheme}:{identifier.value}")
    if description.container:
        _add(root, DC, "source", description.container)
    if description.language:
        _add(root, DC, "language", description.language)
    for link in description.links:
        if link.relation == Relation.PLACE:
            _add(root, DC, "coverage", link.title)
        _add(root, DC, "relation", link.url)
    for rights in filter(None, [description.rights_url, description.rights]):
        _add(root, DC, "rights", rights)
    return root


def fits_edm(kind) -> bool:
    return kind.schema_type in WORK_SCHEMA_TYPES


def write_edm(description) -> Element:
    root = Element(q(RDF, "RDF"))
    cho_uri = f"{description.url}#object"
    cho = _add(root, EDM, "ProvidedCHO", **{q(RDF, "about"): cho_uri})
    _add_text(cho, DC, "title", description, "title")
    contexts = []
    for agent in description.creators:
        if agent.url:
            _add(cho, DC, "creator", resource=agent.url)
            contexts.append(("Agent", agent.url, agent.name))
        else:
            _add(cho, DC, "creator", agent.name)
    if description.publisher:
        _add(cho, DC, "publisher", description.publisher)
    _add_text(cho, DC, "description", description, "summary")
    if description.date:
        _add(cho, DC, "date", description.date)
    if description.genre:
        _add(cho, DC, "type", description.genre)
    for subject in description.subjects:
        _add(cho, DC, "subject", subject)
    if description.language:
        _add(cho, DC, "language", description.language)
    for identifier in description.identifiers:
        _add(cho, DC, "identifier", identifier.url or f"{identifier.scheme}:{identifier.value}")
    for link in description.links:
        linked_kind = registry.get(link.kind)
        context = CONTEXT_CLASSES.get(linked_kind.schema_type if linked_kind else "")
        if context == "Place":
            _add(cho, DCTERMS, "spatial", resource=link.url)
        elif context == "Event":
            _add(cho, EDM, "wasPresentAt", resource=link.url)
        elif context == "Agent":
            _add(cho, DC, "subject", resource=link.url)
        elif link.relation == Relation.PART_OF or link.relation == Relation.BASED_ON:
            _add(cho, DCTERMS, "isPartOf", resource=link.url)
        else:
            _add(cho, EDM, "isRelatedTo", resource=link.url)
        if context:
            contexts.append((context, link.url, link.title))
    _add(cho, EDM, "type", EDM_TYPES.get(dcmi_type(description), "TEXT"))

    aggregation = _add(
        root, ORE, "Aggregation", **{q(RDF, "about"): f"{description.url}#aggregation"}
    )
    _add(aggregation, EDM, "aggregatedCHO", resource=cho_uri)
    _add(aggregation, EDM, "dataProvider", description.site_name)
    _add(aggregation, EDM, "isShownAt", resource=description.url)
    _add(aggregation, EDM, "provider", description.site_name)
    if description.rights_url:
        _add(aggregation, EDM, "rights", resource=description.rights_url)

    page = _add(root, EDM, "WebResource", **{q(RDF, "about"): description.url})
    if description.mime_type:
        _add(page, DC, "format", description.mime_type)
    if description.rights_url:
        _add(page, EDM, "rights", resource=description.rights_url)

    seen = set()
    for context, uri, label in contexts:
        if uri in seen:
            continue
        seen.add(uri)
        entity = _add(root, EDM, context, **{q(RDF, "about"): uri})
        _add(entity, SKOS, "prefLabel", label)
    return root


@dataclass(frozen=True)
class Format:
    prefix: str
    schema: str
    namespace: str
    write: object  # fn(description) -> Element
    fits: object  # fn(kind) -> bool


FORMATS = {
    "oai_dc": Format(
        "oai_dc",
        "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
        OAI_DC,
        write_oai_dc,
        lambda kind: True,
    ),
    "edm": Format("edm", "http://www.europeana.eu/schemas/edm/EDM.xsd", EDM, write_edm, fits_edm),
}


def formats_for(kind) -> list[Format]:
    return [fmt for fmt in FORMATS.values() if fmt.fits(kind)]
