"""Who may do what with projects and their funding (django-rules).

- Everyone reads published projects (and their funding, sites, milestones, partners).
- Editors and administrators (the secretariat) create, change, publish and delete any project.
- The focal point of a country creates projects led by that country (``country``) and changes
  them, with their funding, sites, milestones and partners; never another country's, and
  never a regional project (no lead country), which the secretariat runs.
- Members, data providers and visitors change nothing here.
Exchange rates are reference data: the secretariat keeps them.

The services ask these rules for every write (and raise ``PermissionDenied``); pages and the
API call the services.
"""

from __future__ import annotations

import rules

from lmec.core.permissions import is_focal_point, is_focal_point_of, is_secretariat


def _project(obj):
    from ..models import Project

    if isinstance(obj, Project):
        return obj
    return getattr(obj, "project", None)


@rules.predicate
def without_object(user, obj) -> bool:
    return obj is None


@rules.predicate
def focal_point_of_project(user, obj) -> bool:
    project = _project(obj)
    return project is not None and is_focal_point_of(user, project)


@rules.predicate
def is_published_project(user, obj) -> bool:
    project = _project(obj)
    return project is not None and project.published


#: Who manages one project (and its funding, sites, milestones, partners).
manages_project = is_secretariat | focal_point_of_project

rules.add_perm("cooperation.view_project", without_object | is_published_project | manages_project)
rules.add_perm("cooperation.add_project", is_secretariat | (is_focal_point & without_object))
rules.add_perm("cooperation.change_project", manages_project)
rules.add_perm("cooperation.delete_project", is_secretariat)
for _model in ("funding", "projectsite", "milestone", "projectpartner"):
    rules.add_perm(f"cooperation.view_{_model}", rules.always_allow)
    for _verb in ("add", "change", "delete"):
        rules.add_perm(f"cooperation.{_verb}_{_model}", manages_project | is_secretariat)
rules.add_perm("cooperation.view_exchangerate", rules.always_allow)
for _verb in ("add", "change", "delete"):
    rules.add_perm(f"cooperation.{_verb}_exchangerate", is_secretariat)
