from django.db import migrations

from archive.groups import grant

EVENT_TYPES = [
    ("Protest", "protest"),
    ("Military operation", "military-operation"),
    ("Massacre", "massacre"),
    ("Speech", "speech"),
    ("Investigation", "investigation"),
    ("Political process", "political-process"),
    ("Commemoration", "commemoration"),
    ("Trial", "trial"),
]
ROLES = [
    ("Organiser", "organiser"),
    ("Participant", "participant"),
    ("Victim", "victim"),
    ("Witness", "witness"),
    ("Official", "official"),
    ("Speaker", "speaker"),
    ("Perpetrator (alleged)", "alleged-perpetrator"),
    ("Investigator", "investigator"),
    ("Named in the source", "named"),
]
RELATION_TYPES = [
    ("caused", "caused", "was caused by"),
    ("led to", "led-to", "followed from"),
    ("responded to", "responded-to", "was responded to by"),
    ("investigated", "investigated", "was investigated by"),
    ("commemorates", "commemorates", "is commemorated by"),
]


def forwards(apps, schema_editor):
    grant(apps, "events")
    EventType = apps.get_model("events", "EventType")
    Role = apps.get_model("events", "Role")
    RelationType = apps.get_model("events", "RelationType")
    for order, (name, slug) in enumerate(EVENT_TYPES):
        EventType.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
    for order, (name, slug) in enumerate(ROLES):
        Role.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
    for order, (name, slug, inverse) in enumerate(RELATION_TYPES):
        RelationType.objects.get_or_create(
            slug=slug, defaults={"name": name, "inverse_name": inverse, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial"), ("archive", "0002_groups_and_vocabularies")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
