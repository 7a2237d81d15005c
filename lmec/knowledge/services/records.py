"""Writing records: upsert by identifier (import, harvest), create and update (forms, API).

Every write checks the whole record first (:func:`validation.validate_record`), compares it
with what is stored, and writes only when something differs: the same data again changes
nothing and records no history. A change is one :class:`ResourceEvent` with
``{field: [old, new]}``; after the commit the search index is told (:mod:`.hooks`).
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lmec.core.i18n import LANGUAGE_CODES

from ..models import Keyword, Resource, ResourceEvent, Status
from . import hooks
from .distributions import current_files, sync_files
from .errors import ResourceInvalid
from .validation import TRANSLATED, CleanRecord, Lookups, column, validate_record

TRANSLATED_COLUMNS = frozenset(column(name, lang) for name in TRANSLATED for lang in LANGUAGE_CODES)

ACTIONS = ("imported", "harvested", "created", "edited")
#: Statuses a new record gets when its data names none.
_DEFAULT_STATUS = {
    "imported": Status.PUBLISHED,
    "harvested": Status.PUBLISHED,
    "created": Status.DRAFT,
    "edited": Status.DRAFT,
}
_RELATION_KEY = {
    "countries": "code",
    "themes": "code",
    "activities": "code",
    "keywords": "name",
    "organisations": "slug",
}
#: model column -> name in the record and in the history
_HISTORY_NAME = {"published_on": "date", "country_id": "country"}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _history_name(column: str) -> str:
    return _HISTORY_NAME.get(column, column)


def _current(resource: Resource, clean: CleanRecord) -> dict[str, Any]:
    """What is stored now, for the fields ``clean`` would set (history names, JSON values)."""
    return stored_state(
        clean,
        value=lambda c: getattr(resource, c),
        relation=lambda name: getattr(resource, name).values_list(_RELATION_KEY[name], flat=True),
        publisher=lambda: resource.publisher.slug if resource.publisher_id else None,
        files=lambda: current_files(resource),
    )


def stored_state(clean: CleanRecord, *, value, relation, publisher, files) -> dict[str, Any]:
    """The stored side of the comparison, from getters (an instance's attributes, or the rows
    an import fetched for a whole batch): ``value(column)``, ``relation(name) -> keys``,
    ``publisher() -> slug | None``, ``files() -> [state]``."""
    # An empty translation is None or "" depending on who wrote it: both are "no text".
    state = {}
    for c in clean.values:
        stored = value(c)
        state[_history_name(c)] = (
            "" if stored is None and c in TRANSLATED_COLUMNS else _jsonable(stored)
        )
    for name in clean.relations:
        state[name] = sorted(relation(name))
    if clean.has_publisher:
        state["publisher"] = publisher()
    if clean.files is not None:
        state["files"] = files()
    return state


def _wanted(clean: CleanRecord) -> dict[str, Any]:
    state = {_history_name(c): _jsonable(v) for c, v in clean.values.items()}
    state.update(clean.relations)
    if clean.has_publisher:
        state["publisher"] = clean.publisher
    if clean.files is not None:
        state["files"] = [_file_state(spec) for spec in clean.files]
    return state


def _file_state(spec) -> dict:
    if spec.kind == "link":
        return {
            "url": spec.url,
            "title": spec.title,
            "format": spec.format,
            "language": spec.language,
        }
    return {
        "sha256": spec.info.sha256,
        "title": spec.title,
        "format": spec.format,
        "language": spec.language,
    }


def _diff(old: dict, new: dict) -> dict[str, list]:
    return {name: [old.get(name), value] for name, value in new.items() if old.get(name) != value}


def upsert_resource(
    *,
    data: dict,
    user=None,
    action: str = "imported",
    source_name: str = "",
    source_url: str = "",
    source_modified: dt.datetime | None = None,
    files_root: Path | str | None = None,
    lookups: Lookups | None = None,
) -> tuple[Resource, bool, bool]:
    """Create or update the resource ``data["identifier"]``; return ``(resource, created,
    changed)``.

    ``user`` None is the platform itself (``lmec knowledge import``, harvests): no permission
    check, and ``status`` may be set directly (a new record without one is published when
    imported or harvested, a draft otherwise). With a ``user``, the rules apply
    (``knowledge.add_resource`` / ``change_resource``) and the status only moves through the
    workflow. Organisations given as ``{slug, name, …}`` are created when missing.
    ``lookups`` lets an import share the code tables across its lines.
    """
    if action not in ACTIONS:
        raise ValueError(f"action {action!r}: expected one of {', '.join(ACTIONS)}")
    lookups = lookups or Lookups()
    clean = validate_record(
        data,
        lookups=lookups,
        partial=False,
        files_root=files_root,
    )
    return store_record(
        clean,
        user=user,
        action=action,
        source_name=source_name,
        source_url=source_url,
        source_modified=source_modified,
        lookups=lookups,
    )


def store_record(
    clean: CleanRecord,
    *,
    user=None,
    action: str = "imported",
    source_name: str = "",
    source_url: str = "",
    source_modified: dt.datetime | None = None,
    lookups: Lookups,
) -> tuple[Resource, bool, bool]:
    """Write a record :func:`validate_record` checked (the second half of
    :func:`upsert_resource`; the importer checks every line before it writes any)."""
    with transaction.atomic():
        resource = Resource.objects.select_for_update().filter(identifier=clean.identifier).first()
        source = {
            k: v
            for k, v in (
                ("source_name", source_name),
                ("source_url", source_url),
                ("source_modified", source_modified),
            )
            if v
        }
        if resource is None:
            return (
                _create(clean, user=user, action=action, source=source, lookups=lookups),
                True,
                True,
            )
        changed = _update(resource, clean, user=user, action=action, source=source, lookups=lookups)
        return resource, False, changed


def create_resource(*, user, data: dict) -> Resource:
    """A new resource from a form or the API, as a draft of ``user`` (any signed-in member).
    Without an ``identifier`` one is made from the title."""
    if not user.has_perm("knowledge.add_resource"):
        raise PermissionDenied(_("Sign in to propose a resource."))
    data = dict(data)
    if data.get("status") not in (None, Status.DRAFT):
        raise ResourceInvalid(
            {"status": [_("A new resource starts as a draft; submit it for review when ready.")]}
        )
    data.pop("status", None)
    if not data.get("identifier"):
        data["identifier"] = _new_identifier(data)
    elif Resource.objects.filter(identifier=data["identifier"]).exists():
        raise ResourceInvalid(
            {"identifier": [_("%s is taken; choose another identifier.") % data["identifier"]]}
        )
    lookups = Lookups()
    clean = validate_record(data, lookups=lookups)
    with transaction.atomic():
        return _create(clean, user=user, action="created", source={}, lookups=lookups)


def update_resource(*, user, resource: Resource, data: dict) -> Resource:
    """Change the fields given (a partial update, as PATCH); the rest stays as it is."""
    if not user.has_perm("knowledge.change_resource", resource):
        raise PermissionDenied(_("You may not change this resource."))
    data = dict(data)
    errors = {}
    if "identifier" in data and data["identifier"] != resource.identifier:
        errors["identifier"] = [_("The identifier of a resource does not change.")]
    if "status" in data and data["status"] != resource.status:
        errors["status"] = [_("Use the workflow (submit, review, publish, return) to change it.")]
    if errors:
        raise ResourceInvalid(errors)
    data.pop("identifier", None)
    data.pop("status", None)
    lookups = Lookups()
    clean = validate_record(
        data, lookups=lookups, partial=True, original_language=resource.language
    )
    with transaction.atomic():
        resource = Resource.objects.select_for_update().get(pk=resource.pk)
        _update(resource, clean, user=user, action="edited", source={}, lookups=lookups)
    return resource


def _new_identifier(data: dict) -> str:
    title = data.get("title")
    if isinstance(title, dict):
        title = next((t for t in title.values() if isinstance(t, str) and t), "")
    from ..files import safe_name

    stem = slugify(safe_name(title if isinstance(title, str) else "", ""))[:60] or "resource"
    return f"{stem}-{secrets.token_hex(3)}"


def _check_original_title(resource: Resource) -> None:
    if not getattr(resource, column("title", resource.language)):
        raise ResourceInvalid(
            {"title": [_("Give the title in the original language (%s).") % resource.language]}
        )


def _create(clean: CleanRecord, *, user, action, source, lookups) -> Resource:
    if user is not None and not user.has_perm("knowledge.add_resource"):
        raise PermissionDenied(_("Sign in to propose a resource."))
    values = dict(clean.values)
    if user is not None and values.get("status", Status.DRAFT) != Status.DRAFT:
        raise ResourceInvalid(
            {"status": [_("A new resource starts as a draft; submit it for review when ready.")]}
        )
    values.setdefault("status", _DEFAULT_STATUS[action])
    create_organisations(clean, lookups)
    resource = Resource(identifier=clean.identifier, created_by=user, **values, **source)
    if clean.has_publisher and clean.publisher:
        resource.publisher = _organisation(clean.publisher)
    if resource.status == Status.PUBLISHED:
        resource.published_at = timezone.now()
    _check_original_title(resource)
    resource.save()
    _set_relations(resource, clean, lookups)
    if clean.files:
        sync_files(resource, clean.files)
    changes = {k: [None, v] for k, v in _wanted(clean).items() if v not in (None, "", [], {})}
    event_action = "created" if action == "edited" else action
    ResourceEvent.objects.create(resource=resource, user=user, action=event_action, changes=changes)
    hooks.changed(resource.pk)
    return resource


def _update(resource: Resource, clean: CleanRecord, *, user, action, source, lookups) -> bool:
    if user is not None:
        if not user.has_perm("knowledge.change_resource", resource):
            raise PermissionDenied(_("You may not change this resource."))
        if clean.values.get("status", resource.status) != resource.status:
            raise ResourceInvalid(
                {"status": [_("Use the workflow (submit, review, publish, return) to change it.")]}
            )
    changes = _diff(_current(resource, clean), _wanted(clean))
    source_changed = any(getattr(resource, k) != v for k, v in source.items())
    if not changes and not source_changed:
        return False
    write_update(resource, clean, changes, user=user, action=action, source=source, lookups=lookups)
    return bool(changes)


def changes_of(clean: CleanRecord, stored: dict[str, Any]) -> dict[str, list]:
    """``{field: [old, new]}`` between :func:`stored_state` and what ``clean`` sets."""
    return _diff(stored, _wanted(clean))


def write_update(
    resource: Resource, clean: CleanRecord, changes: dict, *, user, action, source, lookups
) -> None:
    """Write ``clean`` over ``resource`` (locked by the caller) whose ``changes`` were
    computed by :func:`changes_of`: the row, the changed relations and files, one history
    entry (when ``changes``), and the search index told."""
    create_organisations(clean, lookups)
    for name, value in clean.values.items():
        setattr(resource, name, value)
    if clean.has_publisher:
        resource.publisher = _organisation(clean.publisher) if clean.publisher else None
    for key, value in source.items():
        setattr(resource, key, value)
    if resource.status == Status.PUBLISHED and resource.published_at is None:
        resource.published_at = timezone.now()
    _check_original_title(resource)
    resource.save()
    _set_relations(resource, clean, lookups, only=set(changes))
    if "files" in changes:
        sync_files(resource, clean.files)
    if changes:
        ResourceEvent.objects.create(resource=resource, user=user, action=action, changes=changes)
    hooks.changed(resource.pk)


def _organisation(slug: str):
    from lmec.network.models import Organisation

    return Organisation.objects.get(slug=slug)


def create_organisations(clean: CleanRecord, lookups: Lookups) -> None:
    from lmec.network.models import Organisation

    for slug, fields in clean.new_organisations.items():
        if slug in lookups.organisations:
            continue
        Organisation.objects.get_or_create(slug=slug, defaults=fields)
        lookups.organisations.add(slug)


def _set_relations(resource: Resource, clean: CleanRecord, lookups: Lookups, *, only=None) -> None:
    from lmec.network.models import Organisation

    for name, keys in clean.relations.items():
        if only is not None and name not in only:
            continue
        manager = getattr(resource, name)
        if name in ("countries", "themes"):
            manager.set(keys)  # primary keys are the codes
        elif name == "activities":
            manager.set([lookups.activities[code] for code in keys])
        elif name == "organisations":
            manager.set(Organisation.objects.filter(slug__in=keys))
        elif name == "keywords":
            manager.set(_keywords(keys))


def _keywords(names: list[str]) -> list[Keyword]:
    if not names:
        return []
    found = {k.name: k for k in Keyword.objects.filter(name__in=names)}
    missing = [Keyword(name=n) for n in names if n not in found]
    if missing:
        Keyword.objects.bulk_create(missing, ignore_conflicts=True)
        found = {k.name: k for k in Keyword.objects.filter(name__in=names)}
    return list(found.values())
