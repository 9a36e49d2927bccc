"""Roles an organisation plays in an event, and the staff groups' permissions on involvements.

The roles vocabulary is shared with participants (organiser, named in the source...); these are
the roles only a body plays. get_or_create leaves any a curator already made untouched.
"""

from django.db import migrations

from archive.groups import grant

# name, slug, description
ORGANISATION_ROLES = [
    ("Acting force or unit", "acting-unit", "The army, unit or force that carried it out."),
    ("Reporting outlet", "reporting-outlet", "The newspaper or broadcaster that reported it."),
    ("Host", "host", "The body at whose premises or invitation it took place."),
]


def forwards(apps, schema_editor):
    grant(apps, "events")
    Role = apps.get_model("events", "Role")
    start = Role.objects.count()
    for order, (name, slug, description) in enumerate(ORGANISATION_ROLES, start=start):
        Role.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_involvements"),
        ("archive", "0002_groups_and_vocabularies"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
