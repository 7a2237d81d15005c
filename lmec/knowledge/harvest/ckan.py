"""Reading a CKAN portal: its ``package_search`` pages, and a package as one of our records.

The mapping (docs/knowledge-open-data.md, "Harvesting"):

- identifier ``<prefix>:<name>``; type ``dataset`` (or the ``knowledge_type`` extra an LMEC
  platform publishes); title and notes in the package's language (the ``language`` extra,
  else ckanext-fluent's ``title_translated``, else detected from the text);
- licence: kept when our register knows the id; otherwise ``other-open`` for an open one
  (``isopen``) and ``notspecified`` else, the source's id kept in :class:`HarvestRecord`;
- tags → keywords; organization → publisher (created when missing); groups that are our
  theme codes → themes; ``countries`` extra (ISO codes) → countries;
- CKAN resources → links (never downloaded).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime

from django.conf import settings
from django.utils.dateparse import parse_datetime

from lmec.core.i18n import normalise_language

from .. import licences

#: Seconds to wait for the source before the run fails.
TIMEOUT = 30
#: Packages per page (CKAN's default maximum is 1000).
ROWS = 100
USER_AGENT = "lmec-harvester (+https://github.com/; CKAN Action API client)"
LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
TYPES = ("publication", "dataset", "case", "policy", "tool", "training", "multimedia")


class HarvestError(Exception):
    """The source could not be read: the run stops and is marked failed."""


def action_url(base: str, name: str) -> str:
    return base.rstrip("/") + "/api/3/action/" + name


def call(base: str, name: str, params: dict, *, timeout: float = TIMEOUT) -> dict | list:
    """GET one action; its ``result``, or :class:`HarvestError` saying what went wrong."""
    url = action_url(base, name) + "?" + urllib.parse.urlencode(params)
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        detail = error.read()[:300].decode("utf-8", "replace")
        raise HarvestError(f"{url} answered HTTP {error.code}: {detail}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        raise HarvestError(f"cannot reach {url}: {reason}") from None
    try:
        data = json.loads(body)
    except ValueError:
        raise HarvestError(f"{url} did not answer JSON (is it a CKAN Action API?)") from None
    if not isinstance(data, dict) or "success" not in data:
        raise HarvestError(f"{url} did not answer CKAN's envelope {{success, result}}")
    if not data["success"]:
        raise HarvestError(f"{url} refused the request: {data.get('error')}")
    return data["result"]


def search_params(*, organization: str, since: str, start: int, rows: int = ROWS) -> dict:
    """``package_search`` parameters for one page of packages changed since ``since``, oldest
    first (the order makes the saved cursor safe to resume from)."""
    fq = []
    if organization:
        fq.append(f"organization:{organization}")
    if since:
        fq.append(f"metadata_modified:[{to_solr_time(since)} TO *]")
    params = {"sort": "metadata_modified asc", "rows": rows, "start": start}
    if fq:
        params["fq"] = " ".join(fq)
    return params


def to_solr_time(text: str) -> str:
    """``2024-03-01T08:00:00.123456`` or a date → ``2024-03-01T08:00:00.123456Z`` (Solr's form)."""
    moment = parse_time(text)
    if moment is None:
        raise HarvestError(f"not a date or time: {text!r} (use YYYY-MM-DD or ISO 8601)")
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"


def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    text = text.strip().removesuffix("Z")
    moment = parse_datetime(text if "T" in text else text + "T00:00:00")
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _extras(package: dict) -> dict:
    extras = {}
    for item in package.get("extras") or []:
        if isinstance(item, dict) and "key" in item:
            extras[item["key"]] = item.get("value")
    return extras


def _language(package: dict, extras: dict) -> str | None:
    # CKAN's "language" extra; ckanext-scheming portals (Open Development Mekong: odm_language)
    # put a list at the top level
    for value in (extras.get("language"), package.get("language"), package.get("odm_language")):
        if isinstance(value, list):  # ODM's odm_language-like lists
            value = value[0] if value else None
        if isinstance(value, str):
            for part in re.split(r"[,;\s]+", value):
                code = normalise_language(part)
                if code:
                    return code
    return None


def _detect(text: str) -> str:
    from lmec.knowledge.search.text import detect_language

    return detect_language(text) or "en"


def _codes(*values) -> list[str]:
    """Country codes from a comma-separated text or a list (ODM's ``odm_spatial_range``)."""
    codes = []
    for value in values:
        if isinstance(value, str):
            codes += re.split(r"[,;\s]+", value)
        elif isinstance(value, list):
            codes += [v for v in value if isinstance(v, str)]
    return [c for c in codes if c]


def _translated(value) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    out = {}
    for key, text in value.items():
        code = normalise_language(key) if isinstance(key, str) else None
        if code and isinstance(text, str) and text.strip():
            out[code] = text
    return out


def licence_for(package: dict) -> tuple[str, str]:
    """``(our licence id, the source's id when it differs)``."""
    remote = package.get("license_id") or ""
    if remote in licences.BY_ID:
        return remote, ""
    ours = "other-open" if package.get("isopen") else "notspecified"
    return ours, remote


def package_to_record(
    package: dict, *, base: str, prefix: str, countries: set[str], themes: set[str]
) -> tuple[dict, dict]:
    """``(data for services.upsert_resource, bookkeeping)`` of one CKAN package."""
    extras = _extras(package)
    name = package.get("name") or package.get("id") or ""
    titles = _translated(package.get("title_translated"))
    notes = _translated(package.get("notes_translated"))
    title = (package.get("title") or name).strip()
    abstract = (package.get("notes") or "").strip()
    language = _language(package, extras)
    if language is None and titles:
        language = next(iter(titles))
    if language is None:
        language = _detect(f"{title} {abstract}")
    if not titles.get(language):
        titles[language] = title
    if abstract and not notes.get(language):
        notes[language] = abstract
    licence, licence_original = licence_for(package)
    page = base.rstrip("/") + "/dataset/" + urllib.parse.quote(name)
    kind = extras.get("knowledge_type")
    data = {
        "identifier": f"{prefix}:{name}"[:200],
        "type": kind if kind in TYPES else "dataset",
        "language": language,
        "title": titles,
        "abstract": notes,
        "status": "published",
        "licence": licence,
        "keywords": [t["name"] for t in package.get("tags") or [] if t.get("name")],
        "themes": sorted(g["name"] for g in package.get("groups") or [] if g.get("name") in themes),
        "countries": sorted(
            {
                code.strip().upper()
                for code in _codes(extras.get("countries"), package.get("odm_spatial_range"))
                if code.strip().upper() in countries
            }
        ),
        "files": [
            {
                "url": r["url"],
                "title": (r.get("name") or "")[:300],
                "format": (r.get("format") or "")[:20],
            }
            for r in package.get("resources") or []
            if isinstance(r.get("url"), str) and r["url"].startswith(("http://", "https://"))
        ],
    }
    organization = package.get("organization")
    if isinstance(organization, dict) and organization.get("name"):
        data["publisher"] = {
            "slug": organization["name"][:100],
            "name": organization.get("title") or organization["name"],
            "description": organization.get("description") or "",
        }
    url = package.get("url") or ""
    if url.startswith(("http://", "https://")):
        data["url"] = url
    if extras.get("doi"):
        data["doi"] = extras["doi"]
    issued = extras.get("issued") or (package.get("metadata_created") or "")[:10]
    if issued:
        data["date"] = issued[:10]
    if package.get("author"):
        data["authors"] = [a.strip() for a in package["author"].split(";") if a.strip()]
    bookkeeping = {
        "remote_id": package.get("id") or name,
        "remote_name": name,
        "remote_modified": package.get("metadata_modified") or "",
        "licence_original": licence_original,
        "source_url": page,
    }
    return data, bookkeeping
