"""Who may do what in the knowledge catalogue (django-rules).

- Visitors read what is published and download its open files.
- Members (any signed-in person, data providers included) propose resources; the author
  edits and submits their own while it is a draft or returned with comments.
- A national focal point reviews, publishes and edits the resources whose owning
  ``country`` is theirs, and decides the access requests to them.
- Editors and administrators (the secretariat) do all of that for every resource.
- An "on request" file is downloaded by those who review its resource, its author, and the
  people whose access request was approved.

The services ask these rules for every write (and raise ``PermissionDenied``); pages, the API
and the admin ask the same ``user.has_perm(...)``.
"""

from __future__ import annotations

import rules

from lmec.core.permissions import (
    is_focal_point,
    is_focal_point_of,
    is_member,
    is_secretariat,
)

from .models import Access, AccessRequest, Distribution, Resource, Status

#: Statuses in which the author may still change their own resource.
AUTHOR_EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})


def _resource(obj) -> Resource | None:
    """The resource a rule is asked about: a resource, or the resource of a file or request."""
    if isinstance(obj, Resource):
        return obj
    if isinstance(obj, Distribution | AccessRequest):
        return obj.resource
    return None


@rules.predicate
def without_object(user, obj) -> bool:
    """The question is asked without an object ("may they review *some* resources?")."""
    return obj is None


@rules.predicate
def is_author(user, obj) -> bool:
    resource = _resource(obj)
    return (
        resource is not None
        and bool(user and user.is_authenticated)
        and resource.created_by_id == user.pk
    )


@rules.predicate
def author_may_edit(user, obj) -> bool:
    resource = _resource(obj)
    return resource is not None and resource.status in AUTHOR_EDITABLE


@rules.predicate
def is_published(user, obj) -> bool:
    resource = _resource(obj)
    return resource is not None and resource.status == Status.PUBLISHED


@rules.predicate
def focal_point_of_resource(user, obj) -> bool:
    resource = _resource(obj)
    return resource is not None and is_focal_point_of(user, resource)


@rules.predicate
def is_open(user, obj) -> bool:
    resource = _resource(obj)
    return resource is not None and resource.access == Access.OPEN


@rules.predicate
def access_approved(user, obj) -> bool:
    resource = _resource(obj)
    if resource is None or not (user and user.is_authenticated):
        return False
    return resource.access_requests.filter(
        user=user, status=AccessRequest.Decision.APPROVED
    ).exists()


#: Reviewers of one resource: the secretariat, or the focal point of its owning country.
reviews = is_secretariat | focal_point_of_resource
#: Reviewers of *some* resources (the review queue, the admin).
reviews_some = is_secretariat | (is_focal_point & without_object)

may_view = without_object | is_published | reviews | is_author

rules.add_perm("knowledge", is_secretariat | is_focal_point)
rules.add_perm("knowledge.view_resource", may_view)
rules.add_perm("knowledge.add_resource", is_member)
rules.add_perm(
    "knowledge.change_resource",
    reviews | reviews_some | (is_author & author_may_edit),
)
rules.add_perm("knowledge.delete_resource", is_secretariat)
rules.add_perm("knowledge.submit_resource", reviews | (is_author & author_may_edit))
rules.add_perm("knowledge.review_resource", reviews | reviews_some)
rules.add_perm("knowledge.decide_access", reviews | reviews_some)
rules.add_perm("knowledge.request_access", is_member & (without_object | is_published))
rules.add_perm(
    "knowledge.download_distribution",
    (is_published & is_open) | reviews | is_author | (is_published & access_approved),
)
# The admin's model permissions for the records that hang on a resource.
for _model in ("distribution", "resourceevent", "accessrequest", "download", "keyword"):
    rules.add_perm(f"knowledge.view_{_model}", is_secretariat | is_focal_point)
for _model in ("distribution", "keyword"):
    for _verb in ("add", "change", "delete"):
        rules.add_perm(f"knowledge.{_verb}_{_model}", is_secretariat)
rules.add_perm("knowledge.change_accessrequest", is_secretariat)
