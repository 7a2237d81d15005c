"""Citations of a resource: BibTeX, RIS and CSL-JSON.

A citation names the work as published: the title in its original language (``Resource.
language``), the authors as written, the publisher, the year, the DOI and the page URL.

- BibTeX: the entry type by resource type (:data:`BIBTEX_TYPES`); the key is the identifier
  (letters, digits and ``: . - _`` are valid in keys); LaTeX's special characters
  (``\\ { } $ & % # _ ~ ^``) are escaped, other text is kept as UTF-8 (biber, bibtex8 and
  every reference manager read it); the title is braced so styles keep its case.
- RIS: tags and types of the RIS format (Research Information Systems; the tag list in
  Clarivate's RIS specification), ``CRLF`` line ends, one ``AU`` per author.
- CSL-JSON: one item as the CSL 1.0.2 input schema (``csl-data.json``) defines it; names
  as ``literal`` (names of the region are not reliably split into family and given).
"""

from __future__ import annotations

import re

from . import catalogue, licences
from .models import Resource

#: resource type -> (BibTeX entry type, RIS type, CSL type)
TYPES = {
    "publication": ("techreport", "RPRT", "report"),
    "dataset": ("misc", "DATA", "dataset"),
    "case": ("misc", "GEN", "report"),
    "policy": ("misc", "GOVDOC", "legislation"),
    "tool": ("manual", "GEN", "document"),
    "training": ("misc", "GEN", "document"),
    "multimedia": ("misc", "MULTI", "document"),
}
BIBTEX_TYPES = {key: value[0] for key, value in TYPES.items()}
FORMATS = {
    "bibtex": ("application/x-bibtex", "bib"),
    "ris": ("application/x-research-info-systems", "ris"),
    "csl-json": ("application/vnd.citationstyles.csl+json", "json"),
}

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    """Text safe inside a BibTeX field: LaTeX's special characters escaped, one line."""
    text = " ".join(text.split())
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in text)


def _authors(resource: Resource) -> list[str]:
    names = []
    for author in resource.authors or []:
        name = author.get("name", "") if isinstance(author, dict) else str(author)
        if name.strip():
            names.append(" ".join(name.split()))
    return names


def _title(resource: Resource) -> tuple[str, str]:
    return catalogue.text(resource, "title", resource.language)


def _page_url(resource: Resource, base_url: str) -> str:
    return base_url + catalogue.landing_path(resource)


def bibtex(resource: Resource, *, base_url: str = "") -> str:
    """One BibTeX entry."""
    entry_type = BIBTEX_TYPES.get(resource.type, "misc")
    key = re.sub(r"[^A-Za-z0-9:._-]", "-", resource.identifier)
    title, _lang = _title(resource)
    fields: list[tuple[str, str]] = []
    authors = _authors(resource)
    if authors:
        # an author name with " and " or a comma would be split by BibTeX: keep it whole
        fields.append(
            (
                "author",
                " and ".join(
                    "{" + bibtex_escape(a) + "}" if (" and " in a or "," in a) else bibtex_escape(a)
                    for a in authors
                ),
            )
        )
    elif resource.publisher:
        fields.append(("author", "{" + bibtex_escape(resource.publisher.name) + "}"))
    fields.append(("title", "{" + bibtex_escape(title) + "}"))
    if resource.publisher:
        where = (
            "institution"
            if entry_type == "techreport"
            else "organization"
            if entry_type == "manual"
            else "publisher"
        )
        fields.append((where, bibtex_escape(resource.publisher.name)))
    if resource.published_on:
        fields.append(("year", str(resource.published_on.year)))
        fields.append(("month", resource.published_on.strftime("%b").lower()))
    if resource.doi:
        fields.append(("doi", bibtex_escape(resource.doi)))
    url = resource.url or (_page_url(resource, base_url) if base_url else "")
    if url:
        fields.append(("url", url.replace("%", r"\%").replace("#", r"\#")))
    fields.append(("language", catalogue.bcp47(resource.language)))
    keywords = [k.name for k in resource.keywords.all()]
    if keywords:
        fields.append(("keywords", bibtex_escape(", ".join(keywords))))
    licence = licences.BY_ID.get(resource.licence)
    if licence:
        fields.append(("note", bibtex_escape(f"Licence: {licence.title_en}")))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@{entry_type}{{{key},\n{body}\n}}\n"


def ris(resource: Resource, *, base_url: str = "") -> str:
    """One RIS record (``TY`` … ``ER``), CRLF line ends."""
    lines = [("TY", TYPES.get(resource.type, TYPES["publication"])[1])]
    for author in _authors(resource):
        lines.append(("AU", author))
    title, _lang = _title(resource)
    lines.append(("TI", title))
    if resource.published_on:
        lines.append(("PY", str(resource.published_on.year)))
        lines.append(("DA", resource.published_on.strftime("%Y/%m/%d/")))
    if resource.publisher:
        lines.append(("PB", resource.publisher.name))
    abstract, _lang = catalogue.text(resource, "abstract", resource.language)
    if abstract:
        lines.append(("AB", " ".join(abstract.split())))
    for keyword in resource.keywords.all():
        lines.append(("KW", keyword.name))
    if resource.doi:
        lines.append(("DO", resource.doi))
    url = resource.url or (_page_url(resource, base_url) if base_url else "")
    if url:
        lines.append(("UR", url))
    lines.append(("LA", catalogue.bcp47(resource.language)))
    lines.append(("ID", resource.identifier))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def csl_json(resource: Resource, *, base_url: str = "") -> dict:
    """One CSL-JSON item (a dict; a CSL-JSON file is a list of them)."""
    title, _lang = _title(resource)
    item: dict = {
        "id": resource.identifier,
        "type": TYPES.get(resource.type, TYPES["publication"])[2],
        "title": title,
        "language": catalogue.bcp47(resource.language),
    }
    authors = _authors(resource)
    if authors:
        item["author"] = [{"literal": name} for name in authors]
    if resource.published_on:
        d = resource.published_on
        item["issued"] = {"date-parts": [[d.year, d.month, d.day]]}
    if resource.publisher:
        item["publisher"] = resource.publisher.name
    abstract, _lang = catalogue.text(resource, "abstract", resource.language)
    if abstract:
        item["abstract"] = abstract
    keywords = [k.name for k in resource.keywords.all()]
    if keywords:
        item["keyword"] = ", ".join(keywords)
    if resource.doi:
        item["DOI"] = resource.doi
    url = resource.url or (_page_url(resource, base_url) if base_url else "")
    if url:
        item["URL"] = url
    return item


def citation(resource: Resource, fmt: str, *, base_url: str = "") -> str:
    """The citation as text in ``fmt`` (``bibtex``, ``ris``, ``csl-json``)."""
    import json

    if fmt == "bibtex":
        return bibtex(resource, base_url=base_url)
    if fmt == "ris":
        return ris(resource, base_url=base_url)
    if fmt == "csl-json":
        return json.dumps([csl_json(resource, base_url=base_url)], ensure_ascii=False, indent=2)
    raise ValueError(f"Unknown citation format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
