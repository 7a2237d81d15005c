"""Presentation helpers the knowledge pages share: language names, texts, labels, dates.

No queries of their own beyond what they are given; the records come from
:mod:`lmec.knowledge.selectors`.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.utils import formats, numberformat
from django.utils.translation import gettext_lazy as _

from lmec.core.i18n import NATIVE_NAMES

from .. import licences, selectors
from ..models import Resource, ResourceType

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
#: The languages' names in the reader's language ("Thai"), from the settings' translations.
LANGUAGE_LABELS = dict(settings.LANGUAGES)

#: The structured sections of a good-practice case, in reading order.
CASE_SECTIONS = (
    ("context", _("Context")),
    ("challenge", _("Challenge")),
    ("solution", _("Solution")),
    ("results", _("Results")),
    ("costs", _("Costs")),
    ("lessons", _("Lessons learnt")),
    ("partners", _("Partners")),
)


def column(lang: str) -> str:
    """The modeltranslation column suffix of a language code (``zh-hans`` → ``zh_hans``)."""
    return lang.replace("-", "_")


def language(code: str) -> dict:
    """A language for the templates: its code, its name in the reader's language and its own."""
    return {
        "code": code,
        "label": str(LANGUAGE_LABELS.get(code, code)),
        "native": NATIVE_NAMES.get(code, code),
    }


def content_languages(resource: Resource) -> list[str]:
    """The languages the record has a title in: the original first, then the others in order."""
    filled = [c for c in LANGUAGE_CODES if getattr(resource, f"title_{column(c)}", "")]
    return sorted(filled, key=lambda c: (c != resource.language, LANGUAGE_CODES.index(c)))


def text(resource: Resource, field: str, lang: str) -> dict:
    """A translated field as shown: the text, its language and whether it is the original."""
    value, value_lang = selectors.resource_text(resource, field, lang)
    return {
        "text": value,
        "lang": value_lang,
        "language": language(value_lang) if value_lang else None,
        "original": value_lang == resource.language,
    }


def type_label(code: str) -> str:
    try:
        return str(ResourceType(code).label)
    except ValueError:
        return code


def licence_info(licence_id: str) -> dict:
    found = licences.BY_ID.get(licence_id)
    if found is None or found.id == "notspecified":
        return {"id": licence_id, "title": str(licences.LABEL_NOT_SPECIFIED), "url": ""}
    return {"id": found.id, "title": found.title, "url": found.url, "open": found.open}


def as_date(value) -> dt.date | None:
    """Search results carry dates as ISO text or dates; the templates localise a date."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def query_url(path: str, params: dict[str, list[str]]) -> str:
    """``path?a=1&b=2&b=3`` from a dict of lists, empty values left out, keys in order."""
    pairs = [(key, v) for key, values in params.items() for v in values if v not in ("", None)]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def authors_line(authors) -> list[dict]:
    """Authors as stored (``"Name"`` or ``{name, affiliation, orcid}``) as dicts."""
    out = []
    for author in authors or []:
        if isinstance(author, str):
            out.append({"name": author})
        elif isinstance(author, dict) and author.get("name"):
            out.append(author)
    return out


def case_map_point(resource: Resource, title: str) -> dict | None:
    if resource.latitude is None or resource.longitude is None:
        return None
    return {
        "identifier": resource.identifier,
        "title": title,
        "lat": resource.latitude,
        "lon": resource.longitude,
        "place": resource.spatial,
    }


def number(value) -> str:
    """A figure's value in the active language's notation, grouped as with
    ``USE_THOUSAND_SEPARATOR``, a whole number without ".0": "18,500" in English, Thai, Lao
    and Burmese, "18.500" and "2,3" in Vietnamese and Khmer, "18500" in Chinese (Django's
    format has no thousands separator there).

    Django's own separators of the language; where its format leaves ``NUMBER_GROUPING``
    unset (0: Vietnamese, Khmer, and Lao and Burmese, which have no format module), groups
    of three, as CLDR writes these languages."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return numberformat.format(
        value,
        formats.get_format("DECIMAL_SEPARATOR"),
        grouping=formats.get_format("NUMBER_GROUPING") or 3,
        thousand_sep=formats.get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )


def figures(resource: Resource, lang: str) -> list[dict]:
    """The results in figures as the page shows them: label and unit in ``lang`` where
    translated (:func:`lmec.knowledge.selectors.resource_figures`), the value localised."""
    return [
        {**figure, "number": number(figure["value"])}
        for figure in selectors.resource_figures(resource, lang)
    ]
