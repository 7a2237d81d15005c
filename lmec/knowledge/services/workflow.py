"""Review before publication: draft → submitted → in review → published, or returned.

The author submits (from draft or returned); a reviewer — an editor or administrator, or the
focal point of the resource's owning country — starts the review, publishes, or returns it
with comments; a reviewer may unpublish (it goes back to the author as returned, with the
reason). Each step is a :class:`ResourceEvent` with the status change and the comment.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Resource, ResourceEvent, Status
from . import hooks
from .errors import InvalidTransition, ResourceInvalid

#: step -> (permission, statuses it starts from, status it leads to, history action)
STEPS = {
    "submit": (
        "knowledge.submit_resource",
        (Status.DRAFT, Status.RETURNED),
        Status.SUBMITTED,
        ResourceEvent.Action.SUBMITTED,
    ),
    "start_review": (
        "knowledge.review_resource",
        (Status.SUBMITTED,),
        Status.IN_REVIEW,
        ResourceEvent.Action.REVIEW_STARTED,
    ),
    "publish": (
        "knowledge.review_resource",
        (Status.SUBMITTED, Status.IN_REVIEW),
        Status.PUBLISHED,
        ResourceEvent.Action.PUBLISHED,
    ),
    "return": (
        "knowledge.review_resource",
        (Status.SUBMITTED, Status.IN_REVIEW),
        Status.RETURNED,
        ResourceEvent.Action.RETURNED,
    ),
    "unpublish": (
        "knowledge.review_resource",
        (Status.PUBLISHED,),
        Status.RETURNED,
        ResourceEvent.Action.UNPUBLISHED,
    ),
}


def _step(
    step: str, *, user, resource: Resource, comment: str = "", need_comment=False
) -> Resource:
    permission, sources, target, action = STEPS[step]
    if not user.has_perm(permission, resource):
        raise PermissionDenied(_("You may not do this to this resource."))
    comment = (comment or "").strip()
    if need_comment and not comment:
        raise ResourceInvalid({"comment": [_("Say what the author should change.")]})
    with transaction.atomic():
        locked = Resource.objects.select_for_update().get(pk=resource.pk)
        if locked.status not in sources:
            raise InvalidTransition(
                _("Cannot %(step)s a resource that is %(status)s; only from: %(sources)s.")
                % {
                    "step": step.replace("_", " "),
                    "status": locked.get_status_display(),
                    "sources": ", ".join(str(Status(s).label) for s in sources),
                }
            )
        old = locked.status
        locked.status = target
        fields = ["status", "updated_at"]
        if target == Status.PUBLISHED and locked.published_at is None:
            locked.published_at = timezone.now()
            fields.append("published_at")
        locked.save(update_fields=fields)
        ResourceEvent.objects.create(
            resource=locked,
            user=user,
            action=action,
            comment=comment,
            changes={"status": [old, target]},
        )
        hooks.changed(locked.pk)
    resource.status, resource.published_at = locked.status, locked.published_at
    return resource


def submit(*, user, resource: Resource, comment: str = "") -> Resource:
    return _step("submit", user=user, resource=resource, comment=comment)


def start_review(*, user, resource: Resource) -> Resource:
    return _step("start_review", user=user, resource=resource)


def publish(*, user, resource: Resource, comment: str = "") -> Resource:
    return _step("publish", user=user, resource=resource, comment=comment)


def return_to_author(*, user, resource: Resource, comment: str) -> Resource:
    return _step("return", user=user, resource=resource, comment=comment, need_comment=True)


def unpublish(*, user, resource: Resource, comment: str) -> Resource:
    return _step("unpublish", user=user, resource=resource, comment=comment, need_comment=True)
