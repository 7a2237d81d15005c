"""Harvesting a CKAN portal into the catalogue: incremental, idempotent, resumable.

A run pages through the source's ``package_search`` (changed since the source's cursor,
oldest first, ``rows`` per page) and stores each page in one transaction through
:func:`lmec.knowledge.services.upsert_resource` (``action="harvested"``), then saves the cursor
— the newest ``metadata_modified`` stored. So:

- a second run asks only for what changed since (and the boundary record, which it finds
  unchanged): the same source twice changes nothing;
- a run that is killed leaves its last committed page and cursor; the next run marks it
  ``interrupted`` and resumes from that cursor;
- a network error, a non-CKAN answer or a refused request ends the run ``failed`` with the
  reason; the page being read is not stored in part.

A package our validation refuses is skipped and listed in the run's ``problems`` with the
reasons; the others are stored.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from lmec.core.models import Country, Theme

from .ckan import ROWS, TIMEOUT, HarvestError, call, package_to_record, parse_time, search_params
from .models import HarvestRecord, HarvestRun, HarvestSource

_GENERIC_LABELS = {
    "www",
    "data",
    "catalog",
    "catalogue",
    "api",
    "ckan",
    "open",
    "opendata",
    "portal",
}


def default_prefix(url: str) -> str:
    """A short name for a source from its host: ``data.opendevelopmentmekong.net`` →
    ``opendevelopmentmekong``; ``catalog.data.gov`` → ``data-gov``; ``127.0.0.1:8000`` →
    ``127-0-0-1``."""
    host = urllib.parse.urlsplit(url).hostname or "source"
    if re.fullmatch(r"[\d.]+", host) or host == "localhost":
        return slugify(host.replace(".", "-"))[:60]
    labels = [label for label in host.split(".")[:-1] if label not in _GENERIC_LABELS]
    return slugify(labels[0] if labels else "-".join(host.split(".")[-2:]))[:60] or "source"


def normalise_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise HarvestError(f"not an http(s) URL: {url!r}")
    path = parts.path.rstrip("/")
    for tail in ("/api/3/action", "/api/3", "/api/action", "/api"):
        path = path.removesuffix(tail)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def source_for(*, url: str, organization: str = "", prefix: str = "") -> HarvestSource:
    base = normalise_url(url)
    source, created = HarvestSource.objects.get_or_create(
        kind=HarvestSource.Kind.CKAN,
        url=base,
        organization=organization,
        defaults={"prefix": prefix or default_prefix(base)},
    )
    if prefix and not created and prefix != source.prefix:
        raise HarvestError(
            f"{base} is harvested with the prefix {source.prefix!r}; another prefix would "
            "duplicate its records"
        )
    return source


def harvest_ckan(
    *,
    url: str,
    organization: str = "",
    since: str = "",
    prefix: str = "",
    rows: int = ROWS,
    timeout: float = TIMEOUT,
    progress: Callable[[str], None] | None = None,
) -> HarvestRun:
    """Harvest one CKAN source; returns the run (its status says how it ended)."""
    from lmec.knowledge import services  # the catalogue's writes (one place for validation)

    source = source_for(url=url, organization=organization, prefix=prefix)
    if since and parse_time(since) is None:
        raise HarvestError(f"--since: not a date or time: {since!r} (use YYYY-MM-DD)")
    HarvestRun.objects.filter(source=source, status=HarvestRun.Status.RUNNING).update(
        status=HarvestRun.Status.INTERRUPTED,
        finished_at=timezone.now(),
        error="Stopped before it finished; the next run resumed from its last saved page.",
    )
    run = HarvestRun.objects.create(source=source, since=since or source.cursor)
    countries = set(Country.objects.values_list("code", flat=True))
    themes = set(Theme.objects.values_list("code", flat=True))
    start = 0
    try:
        while True:
            result = call(
                source.url,
                "package_search",
                search_params(organization=organization, since=run.since, start=start, rows=rows),
                timeout=timeout,
            )
            if not isinstance(result, dict) or not isinstance(result.get("results"), list):
                raise HarvestError(f"{source.url}: package_search answered no results list")
            packages = result["results"]
            if not packages:
                break
            _store_page(
                run, source, packages, countries=countries, themes=themes, services=services
            )
            if progress:
                progress(
                    f"page {run.pages}: {run.created} created, {run.updated} updated, "
                    f"{run.unchanged} unchanged, {run.skipped} skipped"
                )
            start += len(packages)
            if start >= int(result.get("count") or 0):
                break
        run.status = HarvestRun.Status.SUCCEEDED
    except HarvestError as error:
        run.status = HarvestRun.Status.FAILED
        run.error = str(error)
    run.finished_at = timezone.now()
    run.save()
    return run


def _store_page(run, source, packages, *, countries, themes, services) -> None:
    """One page in one transaction: its records, the run's counts and the source's cursor."""
    counts = {"created": 0, "updated": 0, "unchanged": 0, "skipped": 0}
    problems = []
    newest = source.cursor
    with transaction.atomic():
        for package in packages:
            if not isinstance(package, dict):
                raise HarvestError(f"{source.url}: a result is not a package object")
            data, book = package_to_record(
                package, base=source.url, prefix=source.prefix, countries=countries, themes=themes
            )
            try:
                with transaction.atomic():  # a refused package leaves the page intact
                    resource, created, changed = services.upsert_resource(
                        data=data,
                        action="harvested",
                        source_name=source.url,
                        source_url=book["source_url"],
                        source_modified=parse_time(book["remote_modified"]),
                    )
            except services.ResourceInvalid as invalid:
                counts["skipped"] += 1
                problems.append({"name": book["remote_name"], "errors": invalid.errors})
                continue
            counts["created" if created else "updated" if changed else "unchanged"] += 1
            HarvestRecord.objects.update_or_create(
                source=source,
                remote_id=book["remote_id"],
                defaults={
                    "remote_name": book["remote_name"],
                    "identifier": resource.identifier,
                    "remote_modified": book["remote_modified"],
                    "licence_original": book["licence_original"],
                },
            )
            if book["remote_modified"] and (
                not newest or parse_time(book["remote_modified"]) > parse_time(newest)
            ):
                newest = book["remote_modified"]
        for name, count in counts.items():
            setattr(run, name, getattr(run, name) + count)
        run.problems = [*run.problems, *problems]
        run.pages += 1
        run.save()
        if newest != source.cursor:
            source.cursor = newest
            source.save(update_fields=["cursor"])
