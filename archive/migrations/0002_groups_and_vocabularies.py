from django.db import migrations

from archive.groups import grant

SOURCE_KINDS = [
    # name, slug, csl, bibtex, ris, is_opinion
    ("Article", "article", "article-journal", "article", "JOUR", False),
    ("Magazine article", "magazine-article", "article-magazine", "article", "MGZN", False),
    ("Newspaper article", "newspaper-article", "article-newspaper", "article", "NEWS", False),
    ("Opinion piece", "opinion-piece", "article-magazine", "article", "MGZN", True),
    ("Book", "book", "book", "book", "BOOK", False),
    ("Book chapter", "book-chapter", "chapter", "incollection", "CHAP", False),
    ("Archival document", "archival-document", "manuscript", "misc", "UNPB", False),
    ("Official record", "official-record", "report", "techreport", "GOVDOC", False),
    ("Oral history", "oral-history", "interview", "misc", "SOUND", False),
    ("Photograph", "photograph", "graphic", "misc", "ART", False),
    ("Film", "film", "motion_picture", "misc", "MPCT", False),
    ("Web page", "web-page", "webpage", "online", "ELEC", False),
    ("Dataset", "dataset", "dataset", "misc", "DATA", False),
]
CLAIM_ATTRIBUTES = [
    ("Killed", "killed", "number", "people"),
    ("Wounded", "wounded", "number", "people"),
    ("Arrested", "arrested", "number", "people"),
    ("Missing", "missing", "number", "people"),
    ("Participants", "participants", "text", ""),
    ("Date", "date", "date", ""),
    ("Place", "place", "text", ""),
    ("Ordered by", "ordered-by", "text", ""),
    ("Carried out by", "carried-out-by", "text", ""),
    ("Role or office", "role", "text", ""),
]
LICENCES = [
    ("CC0 1.0", "cc0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    ("Public Domain Mark 1.0", "pdm", "https://creativecommons.org/publicdomain/mark/1.0/"),
    ("CC BY 4.0", "cc-by", "https://creativecommons.org/licenses/by/4.0/"),
    ("CC BY-SA 4.0", "cc-by-sa", "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("CC BY-NC 4.0", "cc-by-nc", "https://creativecommons.org/licenses/by-nc/4.0/"),
    ("In copyright", "in-copyright", "http://rightsstatements.org/vocab/InC/1.0/"),
    ("Copyright not evaluated", "cne", "http://rightsstatements.org/vocab/CNE/1.0/"),
]
IDENTIFIER_SCHEMES = [
    ("Wikidata", "wikidata", "https://www.wikidata.org/wiki/{}"),
    ("VIAF", "viaf", "https://viaf.org/viaf/{}"),
    ("GeoNames", "geonames", "https://www.geonames.org/{}"),
    ("GND", "gnd", "https://d-nb.info/gnd/{}"),
    ("Library of Congress", "lccn", "https://id.loc.gov/authorities/names/{}"),
    ("ORCID", "orcid", "https://orcid.org/{}"),
]


def forwards(apps, schema_editor):
    grant(apps, "archive")
    SourceKind = apps.get_model("archive", "SourceKind")
    for order, (name, slug, csl, bibtex, ris, opinion) in enumerate(SOURCE_KINDS):
        SourceKind.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "csl_type": csl,
                "bibtex_type": bibtex,
                "ris_type": ris,
                "is_opinion": opinion,
                "order": order,
            },
        )
    ClaimAttribute = apps.get_model("archive", "ClaimAttribute")
    for order, (name, slug, kind, unit) in enumerate(CLAIM_ATTRIBUTES):
        ClaimAttribute.objects.get_or_create(
            slug=slug, defaults={"name": name, "value_kind": kind, "unit": unit, "order": order}
        )
    Licence = apps.get_model("archive", "Licence")
    for order, (name, slug, uri) in enumerate(LICENCES):
        Licence.objects.get_or_create(
            slug=slug, defaults={"name": name, "uri": uri, "order": order}
        )
    IdentifierScheme = apps.get_model("archive", "IdentifierScheme")
    for order, (name, slug, template) in enumerate(IDENTIFIER_SCHEMES):
        IdentifierScheme.objects.get_or_create(
            slug=slug, defaults={"name": name, "url_template": template, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
