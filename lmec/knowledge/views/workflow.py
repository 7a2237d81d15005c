"""Which workflow steps a person may take on a record, as the pages offer them.

Only an offer: the services check the permission again on every step
(:mod:`lmec.knowledge.services` raises ``PermissionDenied``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..models import Resource, Status

#: step -> (button label, statuses it applies to, permission, whether a comment is required)
STEPS = {
    "submit": (
        _("Submit for review"),
        (Status.DRAFT, Status.RETURNED),
        "knowledge.submit_resource",
        False,
    ),
    "start_review": (
        _("Start review"),
        (Status.SUBMITTED,),
        "knowledge.review_resource",
        False,
    ),
    "publish": (
        _("Publish"),
        (Status.SUBMITTED, Status.IN_REVIEW),
        "knowledge.review_resource",
        False,
    ),
    "return": (
        _("Return with comments"),
        (Status.SUBMITTED, Status.IN_REVIEW),
        "knowledge.review_resource",
        True,
    ),
    "unpublish": (
        _("Unpublish"),
        (Status.PUBLISHED,),
        "knowledge.review_resource",
        True,
    ),
}


def workflow_actions(user, resource: Resource) -> list[dict]:
    """The steps this user may take on this record now, in the order the page shows them."""
    if not user.is_authenticated:
        return []
    out = []
    for step, (label, statuses, permission, needs_comment) in STEPS.items():
        if resource.status in statuses and user.has_perm(permission, resource):
            out.append({"step": step, "label": label, "needs_comment": needs_comment})
    return out
