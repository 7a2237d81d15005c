"""One record (a JSONL line, an API body, a form, a harvested dataset) checked whole.

:func:`validate_record` reads a dict shaped like one line of ``docs/knowledge-import.md`` and
returns a :class:`CleanRecord` with the values in the model's terms, or raises
:class:`ResourceInvalid` naming every bad field at once. It writes nothing; the lookups of
codes (countries, themes, activities, organisations) come from a :class:`Lookups` that an
import shares across all its lines, so checking 100,000 lines costs a handful of queries.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from lmec.core.i18n import LANGUAGE_CODES, normalise_language

from .. import licences
from ..files import FileInfo, FileRefused, check_upload
from ..models import TRANSLATED_FIELDS, Access, ResourceType, Status, identifier_validator
from .errors import ResourceInvalid
from .hooks import normalize_text

#: Fields translated into the seven languages (``translation.py``).
TRANSLATED = TRANSLATED_FIELDS
MAX_LENGTH = {"title": 500}
#: Every field a record may carry.
FIELDS = (
    "identifier",
    "type",
    "language",
    *TRANSLATED,
    "status",
    "access",
    "authors",
    "publisher",
    "organisations",
    "country",
    "countries",
    "spatial",
    "latitude",
    "longitude",
    "themes",
    "keywords",
    "activities",
    "licence",
    "date",
    "doi",
    "url",
    "sdgs",
    "figures",
    "files",
)
ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_url = URLValidator(schemes=["http", "https", "ftp"])


def column(field_name: str, lang: str) -> str:
    """``title``, ``zh-hans`` → ``title_zh_hans`` (modeltranslation's column)."""
    return build_localized_fieldname(field_name, lang)


class Lookups:
    """The codes a record may name, loaded once (per import, or per call)."""

    def __init__(self):
        from lmec.cooperation.models import Activity
        from lmec.core.models import Country, Theme
        from lmec.network.models import Organisation

        self.countries = set(Country.objects.values_list("code", flat=True))
        self.themes = set(Theme.objects.values_list("code", flat=True))
        self.activities = dict(Activity.objects.values_list("code", "id"))
        self.organisations = set(Organisation.objects.values_list("slug", flat=True))
        #: organisations an import's earlier lines describe as {slug, name}: later lines may
        #: name them by code (they are created when the first of those lines is stored)
        self.planned: set[str] = set()


@dataclass(frozen=True)
class FileSpec:
    """One file or link of a record."""

    kind: str  # "file" or "link"
    url: str = ""
    path: Path | None = None
    info: FileInfo | None = None
    title: str = ""
    format: str = ""
    language: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return ("link", self.url) if self.kind == "link" else ("file", self.info.sha256)


@dataclass
class CleanRecord:
    """A checked record in the model's terms; only the fields the record carried are set."""

    identifier: str | None = None
    #: model column -> value (translated fields as ``title_th`` …, ``published_on`` …)
    values: dict[str, Any] = field(default_factory=dict)
    #: m2m name -> sorted keys (country/theme codes, activity codes, keyword names, org slugs)
    relations: dict[str, list] = field(default_factory=dict)
    #: publisher slug (None: no publisher); only when the record names the key
    publisher: str | None = None
    has_publisher: bool = False
    #: organisations the record describes as dicts (harvest): slug -> fields
    new_organisations: dict[str, dict] = field(default_factory=dict)
    files: list[FileSpec] | None = None
    #: field name of the record -> its cleaned value, for history and comparisons
    given: set[str] = field(default_factory=set)


class _Errors(dict):
    def add(self, name: str, message: str) -> None:
        self.setdefault(name, []).append(message)


def validate_record(
    data: Any,
    *,
    lookups: Lookups | None = None,
    partial: bool = False,
    original_language: str | None = None,
    files_root: Path | str | None = None,
) -> CleanRecord:
    """Check ``data`` whole; raise :class:`ResourceInvalid` listing every bad field.

    ``partial`` (an update): only the fields given are checked and set; ``identifier``,
    ``type`` and ``language`` are not required. ``original_language`` is the stored record's
    language, for a title given as a plain string in a partial update. ``files_root``: the
    folder that ``files[].path`` are relative to (the JSONL file's).
    """
    errors = _Errors()
    if not isinstance(data, dict):
        raise ResourceInvalid({"record": [_("A record is a JSON object of fields.")]})
    lookups = lookups or Lookups()
    clean = CleanRecord()
    unknown = sorted(set(data) - set(FIELDS))
    for name in unknown:
        errors.add(name, _("Unknown field; the fields are: %s.") % ", ".join(FIELDS))
    clean.given = {name for name in data if name in FIELDS}

    def required(name: str) -> bool:
        if data.get(name) in (None, ""):
            if not partial:
                errors.add(name, _("Required."))
            elif name in data:
                errors.add(name, _("May not be empty."))
            return False
        return True

    # identifier, type, language
    if required("identifier"):
        value = data["identifier"]
        try:
            if not isinstance(value, str):
                raise ValidationError(_("Must be a string."))
            identifier_validator(value)
            clean.identifier = value
        except ValidationError as exc:
            errors.add("identifier", " ".join(exc.messages))
    if required("type"):
        _choice(data, "type", ResourceType.values, clean.values, errors)
    language = original_language
    if required("language"):
        code = normalise_language(data["language"]) if isinstance(data["language"], str) else None
        if code is None:
            errors.add(
                "language",
                _("Unknown language %(value)r; choose one of: %(choices)s.")
                % {"value": data["language"], "choices": ", ".join(LANGUAGE_CODES)},
            )
        else:
            clean.values["language"] = language = code

    for name in TRANSLATED:
        if name in data:
            _translated(name, data[name], language, clean, errors)
    if not partial and language and not clean.values.get(column("title", language)):
        if "title" in data and "title" not in errors:
            errors.add(
                "title",
                _("Give the title in the original language (%s).") % language,
            )
        elif "title" not in data:
            errors.add("title", _("Required."))

    if data.get("status") is not None:
        _choice(data, "status", Status.values, clean.values, errors)
    if data.get("access") is not None:
        _choice(data, "access", Access.values, clean.values, errors)
    if "licence" in data:
        if data["licence"] in (None, ""):
            clean.values["licence"] = licences.DEFAULT
        elif data["licence"] not in licences.BY_ID:
            errors.add(
                "licence",
                _("Unknown licence %(value)r; choose one of: %(choices)s.")
                % {"value": data["licence"], "choices": ", ".join(licences.BY_ID)},
            )
        else:
            clean.values["licence"] = data["licence"]

    if "authors" in data:
        clean.values["authors"] = _authors(data["authors"], errors)
    for name, max_length in (("spatial", 300), ("doi", 200), ("url", 1000)):
        if name in data:
            value = data[name]
            if value is None:
                value = ""
            if not isinstance(value, str):
                errors.add(name, _("Must be a string."))
                continue
            value = normalize_text(value.strip())
            if len(value) > max_length:
                errors.add(name, _("At most %d characters.") % max_length)
            elif name == "url" and value:
                try:
                    _url(value)
                except ValidationError:
                    errors.add(name, _("Not a valid http(s) URL: %r.") % value)
            elif name == "doi" and value:
                value = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", value, flags=re.I)
                if not DOI_RE.match(value):
                    errors.add(name, _("Not a DOI (10.NNNN/suffix): %r.") % data[name])
            clean.values[name] = value
    _coordinates(data, clean, errors)
    if "date" in data:
        clean.values["published_on"] = _date(data["date"], errors)
    if "sdgs" in data:
        clean.values["sdgs"] = _sdgs(data["sdgs"], errors)
    if "figures" in data:
        clean.values["figures"] = _figures(data["figures"], language, errors)

    if "country" in data:
        value = data["country"]
        if value in (None, ""):
            clean.values["country_id"] = None
        elif not isinstance(value, str) or value.upper() not in lookups.countries:
            errors.add(
                "country",
                _("Unknown country %(value)r; choose one of: %(choices)s.")
                % {"value": value, "choices": ", ".join(sorted(lookups.countries))},
            )
        else:
            clean.values["country_id"] = value.upper()
    if "countries" in data:
        clean.relations["countries"] = _codes(
            data, "countries", lookups.countries, errors, upper=True
        )
    if "themes" in data:
        clean.relations["themes"] = _codes(data, "themes", lookups.themes, errors)
    if "activities" in data:
        clean.relations["activities"] = _codes(
            data, "activities", set(lookups.activities), errors, upper=True
        )
    if "keywords" in data:
        clean.relations["keywords"] = _keywords(data["keywords"], errors)
    if "publisher" in data:
        clean.has_publisher = True
        value = data["publisher"]
        if value not in (None, ""):
            slugs = _organisations([value], "publisher", lookups, clean, errors, single=True)
            clean.publisher = slugs[0] if slugs else None
    if "organisations" in data:
        value = data["organisations"]
        if not isinstance(value, list):
            errors.add("organisations", _("Must be a list of organisation codes."))
        else:
            clean.relations["organisations"] = sorted(
                set(_organisations(value, "organisations", lookups, clean, errors))
            )
    if "files" in data:
        clean.files = _files(data["files"], files_root, errors)

    if errors:
        raise ResourceInvalid(dict(errors))
    return clean


def _unknown_choice(name: str) -> str:
    # One sentence per field: a field name inserted into a sentence reads badly in translation.
    if name == "type":
        return _("Unknown resource type %(value)r; choose one of: %(choices)s.")
    if name == "status":
        return _("Unknown status %(value)r; choose one of: %(choices)s.")
    return _("Unknown access setting %(value)r; choose one of: %(choices)s.")


def _choice(data, name, choices, values, errors) -> None:
    value = data[name]
    if value not in choices:
        errors.add(
            name,
            _unknown_choice(name) % {"value": value, "choices": ", ".join(choices)},
        )
    else:
        values[name] = value


def _translated(name, value, language, clean, errors) -> None:
    """A string in the original language (the other languages are left as they are), or
    ``{lang: text}``, which replaces the field in every language (those not given are emptied)."""
    texts: dict[str, str] = {}
    if value is None:
        value = {}
    if isinstance(value, str):
        if language is None:
            errors.add(name, _("Give the language, or the text as {language: text}."))
            return
        texts[language] = value
    elif isinstance(value, dict):
        for key, text in value.items():
            code = normalise_language(key) if isinstance(key, str) else None
            if code is None:
                errors.add(
                    name,
                    _("Unknown language %(value)r; choose one of: %(choices)s.")
                    % {"value": key, "choices": ", ".join(LANGUAGE_CODES)},
                )
            elif text is not None and not isinstance(text, str):
                errors.add(f"{name}.{key}", _("Must be a string."))
            else:
                texts[code] = text or ""
    else:
        errors.add(name, _("Must be a string or an object {language: text}."))
        return
    limit = MAX_LENGTH.get(name)
    # A plain string sets the original language only; an object replaces every language.
    for code in LANGUAGE_CODES if isinstance(value, dict) else [language]:
        text = normalize_text((texts.get(code) or "").strip())
        if name == "title":
            text = " ".join(text.split())  # a title is one line
        if limit and len(text) > limit:
            errors.add(
                name, _("At most %(limit)d characters (%(lang)s).") % {"limit": limit, "lang": code}
            )
        clean.values[column(name, code)] = text


def _authors(value, errors) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list):
        errors.add("authors", _("Must be a list of names or {name, affiliation, orcid}."))
        return []
    authors = []
    for i, item in enumerate(value):
        where = f"authors[{i}]"
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            errors.add(where, _("Must be a name or {name, affiliation, orcid}."))
            continue
        extra = sorted(set(item) - {"name", "affiliation", "orcid"})
        if extra:
            errors.add(where, _("Unknown keys %s; use name, affiliation, orcid.") % extra)
        author = {}
        for key in ("name", "affiliation", "orcid"):
            text = item.get(key)
            if text is None or text == "":
                continue
            if not isinstance(text, str):
                errors.add(f"{where}.{key}", _("Must be a string."))
                continue
            text = normalize_text(" ".join(text.split()))
            if key == "orcid":
                text = re.sub(r"^https?://orcid\.org/", "", text)
                if not ORCID_RE.match(text):
                    errors.add(f"{where}.orcid", _("Not an ORCID iD (0000-0000-0000-0000)."))
            if text:
                author[key] = text
        if not author.get("name"):
            errors.add(f"{where}.name", _("Required."))
        authors.append(author)
    return authors


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _coordinates(data, clean, errors) -> None:
    given = [name for name in ("latitude", "longitude") if name in data]
    if not given:
        return
    values = {}
    for name, limit in (("latitude", 90), ("longitude", 180)):
        value = data.get(name)
        if value is None:
            values[name] = None
            continue
        number = _number(value)
        if number is None or not -limit <= number <= limit:
            errors.add(
                name, _("A number from %(low)d to %(high)d [°].") % {"low": -limit, "high": limit}
            )
        values[name] = number
    if (values.get("latitude") is None) != (values.get("longitude") is None):
        errors.add("latitude", _("Give both latitude and longitude, or neither."))
    clean.values.update(values)


def _date(value, errors) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else _partial_date(text)
        except ValueError:
            pass
    errors.add("date", _("Not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY): %r.") % (value,))
    return None


def _partial_date(text: str) -> dt.date:
    """``2021`` → 2021-01-01, ``2021-03`` → 2021-03-01 (publication years are common)."""
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return dt.date(int(text[:4]), int(text[5:]), 1)
    raise ValueError(text)


def _sdgs(value, errors) -> list[int]:
    if value is None:
        return []
    if not isinstance(value, list) or any(
        isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 17 for n in value
    ):
        errors.add("sdgs", _("A list of SDG numbers from 1 to 17."))
        return []
    return sorted(set(value))


def _figures(value, language, errors) -> list[dict]:
    """``[{label, value, unit}]``; a label (and a unit that is a word, "households") is a
    string in the original language or ``{lang: text}``, stored as given (a dict with the
    languages' canonical codes, empty texts left out); see :func:`_figure_text`."""
    if value is None:
        return []
    if not isinstance(value, list):
        errors.add("figures", _("Must be a list of {label, value, unit}."))
        return []
    figures = []
    for i, item in enumerate(value):
        where = f"figures[{i}]"
        if not isinstance(item, dict):
            errors.add(where, _("Must be {label, value, unit}."))
            continue
        extra = sorted(set(item) - {"label", "value", "unit"})
        if extra:
            errors.add(where, _("Unknown keys %s; use label, value, unit.") % extra)
        number = _number(item.get("value"))
        if number is None:
            errors.add(f"{where}.value", _("Must be a number."))
        label = _figure_text(item.get("label"), f"{where}.label", language, errors)
        unit = _figure_text(item.get("unit"), f"{where}.unit", language, errors, required=False)
        if label is None:
            errors.add(f"{where}.label", _("Required."))
        else:
            figures.append({"label": label, "value": number, "unit": unit})
    return figures


def _figure_text(value, where, language, errors, *, required=True) -> str | dict | None:
    """A figure's label or unit: a stripped string, or ``{lang: text}`` in the order of the
    languages with the empty texts left out. Empty: ``None`` if ``required`` (the caller says
    "Required."), else ``""``; bad: ``""`` with the error added. A dict must have the original
    ``language`` (when known), like a title."""
    if value is None or value == "":
        return None if required else ""
    if isinstance(value, str):
        text = normalize_text(value.strip())
        return text or (None if required else "")
    if not isinstance(value, dict):
        errors.add(where, _("Must be a string or an object {language: text}."))
        return ""
    texts: dict[str, str] = {}
    bad = False
    for key, text in value.items():
        code = normalise_language(key) if isinstance(key, str) else None
        if code is None:
            errors.add(
                where,
                _("Unknown language %(value)r; choose one of: %(choices)s.")
                % {"value": key, "choices": ", ".join(LANGUAGE_CODES)},
            )
            bad = True
        elif text is not None and not isinstance(text, str):
            errors.add(f"{where}.{key}", _("Must be a string."))
            bad = True
        else:
            texts[code] = normalize_text((text or "").strip())
    if bad:
        return ""
    texts = {code: texts[code] for code in LANGUAGE_CODES if texts.get(code)}
    if not texts:
        return None if required else ""
    if language and language not in texts:
        # as for the title: the original language is the one every reader can fall back on
        errors.add(where, _("Give the text in the original language (%s).") % language)
        return ""
    return texts


def _codes(data, name, known, errors, *, upper=False) -> list[str]:
    value = data[name]
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.add(name, _("Must be a list of codes."))
        return []
    codes = [v.upper() if upper else v for v in value]
    unknown = sorted(set(codes) - known)
    if unknown:
        shown = sorted(known)
        more = "" if len(shown) <= 12 else ", …"
        errors.add(
            name,
            _("Unknown code(s) %(codes)s; choose from: %(choices)s%(more)s.")
            % {"codes": ", ".join(unknown), "choices": ", ".join(shown[:12]), "more": more},
        )
    return sorted(set(codes) & known)


def _keywords(value, errors) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.add("keywords", _("Must be a list of words."))
        return []
    seen: dict[str, str] = {}
    for word in value:
        word = normalize_text(" ".join(word.split()))
        if not word:
            continue
        if len(word) > 100:
            errors.add("keywords", _("A keyword has at most 100 characters: %r.") % word[:40])
            continue
        seen.setdefault(word.casefold(), word)
    return sorted(seen.values())


def _organisations(values, name, lookups, clean, errors, *, single=False) -> list[str]:
    slugs = []
    for i, item in enumerate(values):
        where = name if single else f"{name}[{i}]"
        if isinstance(item, dict):
            slug, org_name = item.get("slug"), item.get("name")
            if not isinstance(slug, str) or not re.fullmatch(r"[-a-zA-Z0-9_]{1,100}", slug):
                errors.add(f"{where}.slug", _("A code of letters, digits, - and _ (up to 100)."))
                continue
            if slug not in lookups.organisations and not (
                isinstance(org_name, str) and org_name.strip()
            ):
                errors.add(f"{where}.name", _("Required for a new organisation."))
                continue
            fields = {
                k: item[k]
                for k in ("name", "acronym", "kind", "website", "description")
                if isinstance(item.get(k), str) and item[k]
            }
            country = item.get("country")
            if isinstance(country, str) and country.upper() in lookups.countries:
                fields["country_id"] = country.upper()
            clean.new_organisations.setdefault(slug, fields)
            slugs.append(slug)
        elif isinstance(item, str):
            if item not in lookups.organisations and item not in lookups.planned:
                errors.add(
                    where,
                    _(
                        "Unknown organisation %r; add it in the directory first, or give it as {slug, name}."
                    )
                    % item,
                )
                continue
            slugs.append(item)
        else:
            errors.add(where, _("An organisation code, or {slug, name}."))
    return slugs


def _files(value, files_root, errors) -> list[FileSpec]:
    if value is None:
        return []
    if not isinstance(value, list):
        errors.add("files", _("Must be a list of {url | path, title, format, language}."))
        return []
    root = Path(files_root).resolve() if files_root is not None else None
    specs = []
    for i, item in enumerate(value):
        where = f"files[{i}]"
        if not isinstance(item, dict):
            errors.add(where, _("Must be {url | path, title, format, language}."))
            continue
        extra = sorted(set(item) - {"url", "path", "title", "format", "language"})
        if extra:
            errors.add(
                where, _("Unknown keys %s; use url or path, title, format, language.") % extra
            )
        title = item.get("title") or ""
        fmt = item.get("format") or ""
        lang = item.get("language") or ""
        if not isinstance(title, str) or len(title) > 300:
            errors.add(f"{where}.title", _("A string of at most 300 characters."))
            title = ""
        if not isinstance(fmt, str) or len(fmt) > 20:
            errors.add(f"{where}.format", _("A format name of at most 20 characters (PDF, CSV …)."))
            fmt = ""
        if lang:
            code = normalise_language(lang) if isinstance(lang, str) else None
            if code is None:
                errors.add(
                    f"{where}.language",
                    _("Unknown language %(value)r; choose one of: %(choices)s.")
                    % {"value": lang, "choices": ", ".join(LANGUAGE_CODES)},
                )
            lang = code or ""
        url, path = item.get("url"), item.get("path")
        if bool(url) == bool(path):
            errors.add(where, _("Give either url (a link) or path (a file), not both or neither."))
            continue
        if url:
            if not isinstance(url, str) or len(url) > 1000:
                errors.add(f"{where}.url", _("A URL of at most 1000 characters."))
                continue
            try:
                _url(url)
            except ValidationError:
                errors.add(f"{where}.url", _("Not a valid http(s) URL: %r.") % url)
                continue
            specs.append(
                FileSpec(
                    "link",
                    url=url,
                    title=normalize_text(title.strip()),
                    format=fmt.upper(),
                    language=lang,
                )
            )
            continue
        if root is None:
            errors.add(
                f"{where}.path", _("Files by path are only read from an import file's folder.")
            )
            continue
        if not isinstance(path, str):
            errors.add(f"{where}.path", _("Must be a string."))
            continue
        full = (root / path).resolve()
        if not full.is_relative_to(root):
            errors.add(
                f"{where}.path", _("Must stay inside the folder of the import file: %r.") % path
            )
            continue
        if not full.is_file():
            errors.add(f"{where}.path", _("No such file: %s.") % path)
            continue
        try:
            with full.open("rb") as fh:
                info = check_upload(fh, name=full.name)
        except FileRefused as exc:
            errors.add(f"{where}.path", str(exc))
            continue
        specs.append(
            FileSpec(
                "file",
                path=full,
                info=info,
                title=normalize_text(title.strip()),
                format=info.format,
                language=lang,
            )
        )
    return specs
