from django.conf import settings

from .i18n import language_choices


def site(request):
    """What every page needs: the site name and the language switcher's entries."""
    return {"SITE_NAME": settings.SITE_NAME, "language_choices": language_choices(request)}
