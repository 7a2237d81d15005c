"""Every write on projects and funding × every role, on a project led by Thailand."""

import pytest
from django.core.exceptions import PermissionDenied

from lmec.cooperation.models import Funding, Project
from lmec.cooperation.services import projects as services
from tests.cooperation.project_fixtures import *  # noqa: F403

ROLES = ["admin", "editor", "member", "provider", "anonymous", "focal_own", "focal_other"]
ALLOWED = {"admin", "editor", "focal_own"}
#: Deleting a whole project is the secretariat's.
ALLOWED_DELETE = {"admin", "editor"}


def _user(users, role):
    if role == "focal_own":
        return users.focal["TH"]
    if role == "focal_other":
        return users.focal["VN"]
    return getattr(users, role)


WRITES = {
    "create": lambda user, p: services.create_project(
        user=user, data={"code": "new-th", "kind": "pilot", "title": "New", "country": "TH"}
    ),
    "update": lambda user, p: services.update_project(user=user, project=p, data={"summary": "x"}),
    "status": lambda user, p: services.set_status(user=user, project=p, status="ongoing"),
    "publish": lambda user, p: services.update_project(
        user=user, project=p, data={"published": True}
    ),
    "delete": lambda user, p: services.delete_project(user=user, project=p),
    "add_funding": lambda user, p: services.add_funding(
        user=user,
        project=p,
        data={"source_type": "F1", "date": "2024-02-01", "amount": "10", "currency": "THB"},
    ),
    "edit_funding": lambda user, p: services.update_funding(
        user=user, funding=p.funding.get(), data={"amount": "20"}
    ),
    "delete_funding": lambda user, p: services.delete_funding(user=user, funding=p.funding.get()),
    "import_funding": lambda user, p: services.import_funding(
        user=user,
        project=p,
        fmt="csv",
        content=b"source_type,date,amount,currency\nF2,2024-03-01,5,THB\n",
    ),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("write", list(WRITES))
def test_it_allows_each_write_only_to_the_right_roles(users, make_project, rates, write, role):
    project = make_project("th-project", country="TH", published=False)
    services.add_funding(
        user=users.editor,
        project=project,
        data={"source_type": "F1", "date": "2024-02-01", "amount": "10", "currency": "THB"},
    )
    before = (Project.objects.count(), Funding.objects.count())
    allowed = ALLOWED_DELETE if write == "delete" else ALLOWED
    user = _user(users, role)
    if role in allowed:
        WRITES[write](user, project)
    else:
        with pytest.raises(PermissionDenied):
            WRITES[write](user, project)
        assert (Project.objects.count(), Funding.objects.count()) == before
        project.refresh_from_db()
        assert (project.summary_en or "", project.status, project.published) == (
            "",
            "pipeline",
            False,
        )
        assert project.funding.get().amount == 10


@pytest.mark.parametrize("role", ROLES)
def test_a_regional_project_is_the_secretariats(users, make_project, role):
    project = make_project("regional", country=None)
    user = _user(users, role)
    if role in {"admin", "editor"}:
        services.update_project(user=user, project=project, data={"summary": "ok"})
    else:
        with pytest.raises(PermissionDenied):
            services.update_project(user=user, project=project, data={"summary": "no"})


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_drafts_only_to_those_who_manage_them(users, make_project, role):
    from lmec.cooperation.selectors.projects import visible_projects

    make_project("draft-th", country="TH", published=False)
    make_project("public-vn", country="VN", published=True)
    seen = sorted(visible_projects(_user(users, role)).values_list("code", flat=True))
    expected = ["draft-th", "public-vn"] if role in ALLOWED else ["public-vn"]
    assert seen == expected
