"""The two staff groups, filled by data migrations (each app grants its own models)."""

CURATORS = "Curators"
CATALOGUERS = "Cataloguers"
# Cataloguers catalogue; only curators publish, withdraw and delete.
CATALOGUER_ACTIONS = ("add", "change", "view")


def grant(apps, app_label: str) -> None:
    """Give Curators every permission of `app_label`, Cataloguers add/change/view."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(app_label)
    # Migration-state app configs have no models module; create_permissions needs one.
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    curators, _ = Group.objects.get_or_create(name=CURATORS)
    cataloguers, _ = Group.objects.get_or_create(name=CATALOGUERS)
    permissions = Permission.objects.filter(content_type__app_label=app_label)
    curators.permissions.add(*permissions)
    cataloguers.permissions.add(
        *[p for p in permissions if p.codename.split("_", 1)[0] in CATALOGUER_ACTIONS]
    )
