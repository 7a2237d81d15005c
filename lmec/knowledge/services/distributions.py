"""Files and links of a resource: added from uploads, links, or an import's ``files``.

A stored file is checked by content (:func:`lmec.knowledge.files.check_upload`), saved under a
safe name, its text extracted for search (PDF, DOCX) and, for a PDF, a preview of the first
page rendered. Removing a distribution deletes its files from storage once the transaction
has committed.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from lmec.core.i18n import LANGUAGE_CODES, normalise_language

from .. import files
from ..models import Distribution, Resource, ResourceEvent
from . import hooks
from .errors import ResourceInvalid

logger = logging.getLogger(__name__)


def current_files(resource: Resource) -> list[dict]:
    """The resource's files and links as an import's ``files`` compare them."""
    return [_file_state(d) for d in resource.distributions.all()]


def current_files_many(resource_ids) -> dict[int, list[dict]]:
    """:func:`current_files` of many resources in one query (an import's batch)."""
    state: dict[int, list[dict]] = {}
    rows = (
        Distribution.objects.filter(resource_id__in=list(resource_ids))
        .only("resource_id", "kind", "url", "sha256", "title", "format", "language")
        .order_by("resource_id", "position", "id")
    )
    for d in rows:
        state.setdefault(d.resource_id, []).append(_file_state(d))
    return state


def _file_state(d: Distribution) -> dict:
    if d.kind == Distribution.Kind.LINK:
        return {"url": d.url, "title": d.title, "format": d.format, "language": d.language}
    return {"sha256": d.sha256, "title": d.title, "format": d.format, "language": d.language}


def sync_files(resource: Resource, specs) -> None:
    """Make the resource's distributions those of ``specs`` (import): keep the ones that match
    (a link by URL, a file by its SHA-256), add the new, remove the others."""
    existing = {}
    for d in resource.distributions.all():
        key = ("link", d.url) if d.kind == Distribution.Kind.LINK else ("file", d.sha256)
        existing.setdefault(key, d)
    keep = set()
    for position, spec in enumerate(specs):
        d = existing.get(spec.key)
        if d is not None and d.pk not in keep:
            keep.add(d.pk)
            fields = {
                "title": spec.title,
                "format": spec.format,
                "language": spec.language,
                "position": position,
            }
            if any(getattr(d, k) != v for k, v in fields.items()):
                for k, v in fields.items():
                    setattr(d, k, v)
                d.save(update_fields=list(fields))
            continue
        if spec.kind == "link":
            d = Distribution.objects.create(
                resource=resource,
                kind=Distribution.Kind.LINK,
                url=spec.url,
                title=spec.title,
                format=spec.format,
                language=spec.language,
                position=position,
            )
        else:
            with spec.path.open("rb") as fh:
                d = _store_file(resource, File(fh), spec.info, spec.title, spec.language, position)
        keep.add(d.pk)
    for d in existing.values():
        if d.pk not in keep:
            _delete(d)


def _store_file(resource, upload, info, title, language, position) -> Distribution:
    d = Distribution(
        resource=resource,
        kind=Distribution.Kind.FILE,
        title=title,
        format=info.format,
        media_type=info.media_type,
        size=info.size,
        sha256=info.sha256,
        language=language,
        position=position,
    )
    upload.seek(0)
    d.file.save(info.safe_name, upload, save=False)
    if info.format in files.TEXT_FORMATS:
        with d.file.open("rb") as fh:
            d.text = files.extract_text(fh, info.format)
    if info.format == "PDF":
        try:
            with d.file.open("rb") as fh:
                png = files.render_preview(fh)
            d.preview.save(info.safe_name.rsplit(".", 1)[0] + ".png", ContentFile(png), save=False)
        except Exception:  # a PDF PDFium cannot render still goes in, without a preview
            logger.warning("no preview for %s", d.file.name, exc_info=True)
    d.save()
    return d


def _delete(d: Distribution) -> None:
    names = [(f.storage, f.name) for f in (d.file, d.preview) if f]
    d.delete()

    def remove():
        for storage, name in names:
            try:
                storage.delete(name)
            except OSError:
                logger.warning("could not delete %s", name, exc_info=True)

    transaction.on_commit(remove)


def _language(language: str) -> str:
    if not language:
        return ""
    code = normalise_language(language)
    if code is None:
        raise ResourceInvalid(
            {
                "language": [
                    _("Unknown language %(value)r; choose one of: %(choices)s.")
                    % {"value": language, "choices": ", ".join(LANGUAGE_CODES)}
                ]
            }
        )
    return code


def add_file(
    *, user, resource: Resource, upload, title: str = "", language: str = ""
) -> Distribution:
    """Attach an uploaded file; raises :class:`~lmec.knowledge.files.FileRefused` saying why
    a file is not accepted."""
    if not user.has_perm("knowledge.change_resource", resource):
        raise PermissionDenied(_("You may not change this resource."))
    language = _language(language)
    info = files.check_upload(upload)
    title = title.strip()[:300]
    with transaction.atomic():
        position = resource.distributions.count()
        d = _store_file(resource, upload, info, title, language, position)
        ResourceEvent.objects.create(
            resource=resource,
            user=user,
            action=ResourceEvent.Action.FILE_ADDED,
            changes={
                "files": [
                    None,
                    {"name": d.file.name.rsplit("/", 1)[-1], "sha256": d.sha256, "title": title},
                ]
            },
        )
        hooks.changed(resource.pk)
    return d


def add_link(
    *, user, resource: Resource, url: str, title: str = "", format: str = ""
) -> Distribution:
    if not user.has_perm("knowledge.change_resource", resource):
        raise PermissionDenied(_("You may not change this resource."))
    try:
        URLValidator(schemes=["http", "https", "ftp"])(url)
    except ValidationError:
        raise ResourceInvalid({"url": [_("Not a valid http(s) URL: %r.") % url]}) from None
    if len(url) > 1000:
        raise ResourceInvalid({"url": [_("At most %d characters.") % 1000]})
    with transaction.atomic():
        d = Distribution.objects.create(
            resource=resource,
            kind=Distribution.Kind.LINK,
            url=url,
            title=title.strip()[:300],
            format=format.strip().upper()[:20],
            position=resource.distributions.count(),
        )
        ResourceEvent.objects.create(
            resource=resource,
            user=user,
            action=ResourceEvent.Action.FILE_ADDED,
            changes={"files": [None, {"url": url, "title": d.title}]},
        )
        hooks.changed(resource.pk)
    return d


def remove_distribution(*, user, distribution: Distribution) -> None:
    resource = distribution.resource
    if not user.has_perm("knowledge.change_resource", resource):
        raise PermissionDenied(_("You may not change this resource."))
    old = {"title": distribution.title}
    if distribution.kind == Distribution.Kind.LINK:
        old["url"] = distribution.url
    else:
        old.update(name=distribution.file.name.rsplit("/", 1)[-1], sha256=distribution.sha256)
    with transaction.atomic():
        _delete(distribution)
        ResourceEvent.objects.create(
            resource=resource,
            user=user,
            action=ResourceEvent.Action.FILE_REMOVED,
            changes={"files": [old, None]},
        )
        hooks.changed(resource.pk)
