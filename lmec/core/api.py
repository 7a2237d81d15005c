"""Pieces shared by every app's API: language selection and error shapes.

Every ``/api/v1`` operation documents its error answers (``response={200: ...,
**ERROR_RESPONSES}``) and describes its parameters exactly enough that a request the schema
allows is answered (``schemathesis run --checks all`` checks both): a value the schema
cannot rule out but the server refuses would be a broken contract.
"""

import re
from contextlib import contextmanager
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.utils import translation
from ninja import Query, Schema, Status
from ninja.errors import HttpError
from pydantic import WithJsonSchema

from .errors import RecordInvalid, StateConflict
from .i18n import LANGUAGE_CODES, normalise_language

#: What ``?lang=`` accepts: a platform language, any case, ``_`` or ``-`` and a region or
#: script (``zh-CN``, ``zh_Hans``, ``TH``, ``en-GB``). An ECMA-262 regex (OpenAPI), also
#: valid in Python; every value it matches is one :func:`normalise_language` maps.
LANG_PATTERN = (
    r"^([zZ][hH]|[eE][nN]|[tT][hH]|[vV][iI]|[lL][oO]|[kK][mM]|[mM][yY])([-_][A-Za-z0-9]{1,8})*$"
)
_LANG_RE = re.compile(LANG_PATTERN)


#: The type of a ``lang`` query parameter: documented with :data:`LANG_PATTERN`, checked by
#: :func:`requested_language` (not by the schema) so that a wrong value gets this platform's
#: 400 naming the languages.
#: Use as ``lang: Lang = None``.
Lang = Annotated[
    str | None,
    WithJsonSchema(
        {
            "type": "string",
            "pattern": LANG_PATTERN,
            "description": "Language of the texts: "
            + ", ".join(LANGUAGE_CODES)
            + " (default: the Accept-Language header).",
        }
    ),
    Query(None),
]


def requested_language(request, lang: str | None) -> str:
    """``?lang=`` if given (must be a platform language), else the negotiated language."""
    if lang is not None:
        code = normalise_language(lang) if _LANG_RE.match(lang) else None
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


class ErrorOut(Schema):
    """A refused request: ``detail`` says what is wrong and names the valid choices."""

    detail: str


class ValidationErrorOut(Schema):
    """A parameter that does not fit its schema (django-ninja's validation answer): one
    item per parameter, with ``loc`` (``["query", "limit"]``), ``msg`` and ``type``."""

    detail: list[dict[str, Any]]


#: The error answers every operation documents.
ERROR_RESPONSES = {400: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}
READ_ERRORS = ERROR_RESPONSES


class RecordErrorOut(Schema):
    """A record the services refused: ``errors`` maps each bad field to its messages."""

    detail: str
    errors: dict[str, list[str]]


def write_errors(*, conflict: bool = False) -> dict:
    """The error answers of a write: 400, 401 (not signed in), 403 (no right, no CSRF token),
    404, 422 (the record's fields, or the parameters) and, with ``conflict``, 409 (the
    record's state does not allow the step)."""
    errors = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
    if conflict:
        errors[409] = ErrorOut
    errors[422] = RecordErrorOut | ValidationErrorOut
    return errors


def write_docs(
    *,
    conflict: str | None = None,
    invalid: str = "The record does not validate (each bad field named)",
    not_found: str | None = None,
) -> dict:
    """``openapi_extra`` describing a write's error answers; ``conflict`` describes its 409
    (give it with ``write_errors(conflict=True)``), ``not_found`` its 404."""
    responses = {
        401: {"description": "Not signed in"},
        403: {
            "description": "Signed in without the right to do this, or the CSRF token is missing"
        },
    }
    if not_found:
        responses[404] = {"description": not_found}
    if conflict:
        responses[409] = {"description": conflict}
    responses[422] = {"description": invalid}
    return {"responses": responses}


def refusals(call):
    """Run ``call`` (a service); turn its refusals into the documented answers: no right
    403, fields that do not validate 422 with ``errors`` by field, a step the state does not
    allow 409."""
    try:
        return call()
    except PermissionDenied as exc:
        return Status(403, {"detail": str(exc) or "Forbidden"})
    except RecordInvalid as exc:
        return Status(422, {"detail": exc.describe(), "errors": exc.errors})
    except StateConflict as exc:
        return Status(409, {"detail": str(exc)})
