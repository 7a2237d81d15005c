"""Pieces shared by every app's API: language selection and error shapes."""

from contextlib import contextmanager

from django.utils import translation
from ninja.errors import HttpError

from .i18n import LANGUAGE_CODES, normalise_language


def requested_language(request, lang: str | None) -> str:
    """``?lang=`` if given (must be a platform language), else the negotiated language."""
    if lang:
        code = normalise_language(lang)
        if code is None:
            raise HttpError(
                400, f"Unknown language {lang!r}; choose one of: {', '.join(LANGUAGE_CODES)}."
            )
        return code
    return translation.get_language_from_request(request) or "en"


@contextmanager
def language_of(request, lang: str | None):
    """Run the body with the requested language active (modeltranslation reads it)."""
    code = requested_language(request, lang)
    with translation.override(code):
        yield code
