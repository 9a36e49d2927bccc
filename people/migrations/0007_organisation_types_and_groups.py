"""Organisation types, and the staff groups' permissions on organisations.

`archive.groups.grant` gives every permission of `people` to Curators (publish_organisation
included) and add/change/view to Cataloguers; get_or_create leaves any type a curator already
made untouched.
"""

from django.db import migrations

from archive.groups import grant

# name, slug (the term used in import files), description
ORGANISATION_TYPES = [
    ("Army", "army", "The armed forces of a state, or their land forces."),
    ("Military unit", "military-unit", "A formation within an army: a division, a regiment."),
    ("Government", "government", "The government of a state or a republic."),
    ("Ministry", "ministry", "A ministry or other department of government."),
    ("Police", "police", "A police force or internal security service."),
    ("Newspaper", "newspaper", "A newspaper and its editorial office."),
    ("Magazine", "magazine", "A magazine or journal."),
    ("Broadcaster", "broadcaster", "A radio or television broadcaster."),
    ("Party", "party", "A political party or movement."),
    ("Museum", "museum", "A museum, archive or library."),
    ("Other", "other", "Any other body."),
]


def forwards(apps, schema_editor):
    grant(apps, "people")
    OrganisationType = apps.get_model("people", "OrganisationType")
    for order, (name, slug, description) in enumerate(ORGANISATION_TYPES):
        OrganisationType.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("people", "0006_organisations"), ("archive", "0002_groups_and_vocabularies")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
