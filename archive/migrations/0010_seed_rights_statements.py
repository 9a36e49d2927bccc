"""Seed the Creative Commons licences and RightsStatements.org statements by their canonical
URIs (Creative Commons writes its own with https://, RightsStatements.org with http://).

A licence already stored with the same URI (or slug) is given its URI and otherwise left as
the curators named it; running this again changes nothing."""

from django.db import migrations

CC = "https://creativecommons.org/"
RS = "http://rightsstatements.org/vocab/"
RIGHTS = [
    ("CC0 1.0", "cc0", f"{CC}publicdomain/zero/1.0/"),
    ("Public Domain Mark 1.0", "pdm", f"{CC}publicdomain/mark/1.0/"),
    ("CC BY 4.0", "cc-by", f"{CC}licenses/by/4.0/"),
    ("CC BY-SA 4.0", "cc-by-sa", f"{CC}licenses/by-sa/4.0/"),
    ("CC BY-NC 4.0", "cc-by-nc", f"{CC}licenses/by-nc/4.0/"),
    ("CC BY-NC-SA 4.0", "cc-by-nc-sa", f"{CC}licenses/by-nc-sa/4.0/"),
    ("CC BY-ND 4.0", "cc-by-nd", f"{CC}licenses/by-nd/4.0/"),
    ("CC BY-NC-ND 4.0", "cc-by-nc-nd", f"{CC}licenses/by-nc-nd/4.0/"),
    ("In Copyright", "in-copyright", f"{RS}InC/1.0/"),
    ("In Copyright – Educational Use Permitted", "inc-edu", f"{RS}InC-EDU/1.0/"),
    ("In Copyright – Non-Commercial Use Permitted", "inc-nc", f"{RS}InC-NC/1.0/"),
    ("No Copyright – Non-Commercial Use Only", "noc-nc", f"{RS}NoC-NC/1.0/"),
    ("No Copyright – Other Known Legal Restrictions", "noc-oklr", f"{RS}NoC-OKLR/1.0/"),
    ("No Known Copyright", "nkc", f"{RS}NKC/1.0/"),
    ("Copyright Not Evaluated", "cne", f"{RS}CNE/1.0/"),
    ("Copyright Undetermined", "und", f"{RS}UND/1.0/"),
]


def _variants(uri: str) -> list[str]:
    bare = uri.split("://", 1)[1]
    return [
        f"https://{bare}",
        f"http://{bare}",
        f"https://{bare}".rstrip("/"),
        f"http://{bare}".rstrip("/"),
    ]


def forwards(apps, schema_editor):
    Licence = apps.get_model("archive", "Licence")
    for order, (name, slug, uri) in enumerate(RIGHTS):
        found = (
            Licence.objects.filter(uri__in=_variants(uri)).first()
            or Licence.objects.filter(slug=slug).first()
            or Licence.objects.filter(name__iexact=name).first()
        )
        if found is None:
            Licence.objects.create(name=name, slug=slug, uri=uri, order=order)
        elif found.uri != uri:
            found.uri = uri
            found.save(update_fields=["uri"])


class Migration(migrations.Migration):
    dependencies = [("archive", "0009_source_licence")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
