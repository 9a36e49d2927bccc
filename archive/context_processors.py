from archive.i18n import site_name


def site(request):
    return {"SITE_NAME": site_name()}
