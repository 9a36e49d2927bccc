"""Curators may see failed logins and lift a lockout (delete its access attempt): the lockout
page tells a locked-out cataloguer to ask a curator."""

from django.db import migrations

from archive.groups import CURATORS

CODENAMES = (
    "view_accessattempt",
    "delete_accessattempt",
    "view_accessfailurelog",
    "view_accesslog",
)


def grant_lockouts(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("axes")
    app_config.models_module = (
        True  # migration-state configs have none; create_permissions needs one
    )
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    curators, _ = Group.objects.get_or_create(name=CURATORS)
    curators.permissions.add(
        *Permission.objects.filter(content_type__app_label="axes", codename__in=CODENAMES)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0010_seed_rights_statements"),
        ("axes", "0010_accessattemptexpiration"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant_lockouts, migrations.RunPython.noop)]
