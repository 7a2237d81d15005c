"""Access to "on request" datasets, and the download log.

A signed-in person asks with a purpose (one pending request per person and resource); the
focal point of the resource's owning country or an editor approves or declines it, with a
note. Every download of a file is logged (who, when).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Access, AccessRequest, Distribution, Download, Resource
from .errors import InvalidTransition, ResourceInvalid

MAX_PURPOSE = 5000


def request_access(*, user, resource: Resource, purpose: str) -> AccessRequest:
    if not user.has_perm("knowledge.request_access", resource):
        raise PermissionDenied(_("Sign in to ask for access to a published dataset."))
    if resource.access != Access.ON_REQUEST:
        raise InvalidTransition(_("This resource is open: its files are downloaded directly."))
    purpose = (purpose or "").strip()
    if not purpose:
        raise ResourceInvalid({"purpose": [_("Say what you will use the data for.")]})
    if len(purpose) > MAX_PURPOSE:
        raise ResourceInvalid({"purpose": [_("At most %d characters.") % MAX_PURPOSE]})
    mine = AccessRequest.objects.filter(resource=resource, user=user)
    if mine.filter(status=AccessRequest.Decision.APPROVED).exists():
        raise InvalidTransition(_("Your access to this resource was approved already."))
    if mine.filter(status=AccessRequest.Decision.PENDING).exists():
        raise InvalidTransition(_("You have a request for this resource waiting for a decision."))
    try:
        with transaction.atomic():
            return AccessRequest.objects.create(resource=resource, user=user, purpose=purpose)
    except IntegrityError:  # a second request sent at the same moment
        raise InvalidTransition(
            _("You have a request for this resource waiting for a decision.")
        ) from None


def decide_access(*, user, request: AccessRequest, approve: bool, note: str = "") -> AccessRequest:
    if not user.has_perm("knowledge.decide_access", request.resource):
        raise PermissionDenied(_("You may not decide requests for this resource."))
    with transaction.atomic():
        locked = AccessRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != AccessRequest.Decision.PENDING:
            raise InvalidTransition(
                _("This request was %s already.") % locked.get_status_display().lower()
            )
        locked.status = (
            AccessRequest.Decision.APPROVED if approve else AccessRequest.Decision.DECLINED
        )
        locked.decided_by = user
        locked.decided_at = timezone.now()
        locked.decision_note = (note or "").strip()
        locked.save()
    return locked


def record_download(*, user, distribution: Distribution) -> Download:
    """Log a download after checking that ``user`` may have the file."""
    if not user.has_perm("knowledge.download_distribution", distribution):
        raise PermissionDenied(_("This file is available on request."))
    return Download.objects.create(
        distribution=distribution, user=user if user.is_authenticated else None
    )
