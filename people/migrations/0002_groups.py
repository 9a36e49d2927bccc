from django.db import migrations

from archive.groups import grant


def forwards(apps, schema_editor):
    grant(apps, "people")


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial"), ("archive", "0002_groups_and_vocabularies")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
