"""Vocabulary for person ↔ source contributions, the "artwork" source kind and Tate identifiers.

The source kind and identifier schemes live in `archive`, but it is people's imports that need
them; get_or_create leaves any a curator already made untouched.
"""

from django.db import migrations

from archive.groups import grant

# name, slug (the term used in import files), description
CONTRIBUTION_ROLES = [
    ("Artist", "artist", "Made the work."),
    ("Author", "author", "Wrote the text."),
    ("After", "after", "The work copies or reproduces a work by this person."),
    ("Prints after", "prints-after", "A print made after a work by this person."),
    ("Attributed to", "attributed-to", "Probably by this person; not certain."),
    ("Formerly attributed to", "formerly-attributed-to", "Once thought to be by this person."),
    ("Doubtfully attributed to", "doubtfully-attributed-to", "Perhaps by this person."),
    ("Studio of", "studio-of", "Made in this person's workshop."),
    ("And studio", "and-studio", "By this person together with their studio."),
    ("And assistants", "and-assistants", "By this person together with assistants."),
    ("And a pupil", "and-a-pupil", "By this person together with a pupil."),
    ("And other artists", "and-other-artists", "By this person together with others."),
    ("Pupil of", "pupil-of", "By a pupil of this person."),
    ("School of", "school-of", "By an artist of this person's school."),
    ("Circle of", "circle-of", "By an artist close to this person."),
    ("Follower of", "follower-of", "By a follower of this person."),
    ("Manner of", "manner-of", "In this person's manner, by another hand."),
    ("Style of", "style-of", "In this person's style, by another hand."),
    ("Imitator of", "imitator-of", "Imitating this person's work."),
    ("Associated with", "associated-with", "Connected with this person."),
    ("Pseudo", "pseudo", "By an artist known by a name derived from this person."),
    ("Stylist", "stylist", "Styled the work (photography)."),
    ("With", "with", "Made together with this person."),
]


def forwards(apps, schema_editor):
    grant(apps, "people")
    ContributionRole = apps.get_model("people", "ContributionRole")
    for order, (name, slug, description) in enumerate(CONTRIBUTION_ROLES):
        ContributionRole.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )
    SourceKind = apps.get_model("archive", "SourceKind")
    SourceKind.objects.get_or_create(
        slug="artwork",
        defaults={
            "name": "Artwork",
            "description": "A work of art or museum object, itself a primary source.",
            "csl_type": "graphic",
            "bibtex_type": "misc",
            "ris_type": "ART",
            "order": 20,
        },
    )
    IdentifierScheme = apps.get_model("archive", "IdentifierScheme")
    for order, (name, slug, template) in enumerate(
        [
            ("Tate artist", "tate-artist", ""),
            ("Tate artwork", "tate-artwork", ""),
        ],
        start=20,
    ):
        IdentifierScheme.objects.get_or_create(
            slug=slug, defaults={"name": name, "url_template": template, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("people", "0004_contributions"), ("archive", "0002_groups_and_vocabularies")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
