"""Workflow and permissions, through the services: every role × country on every write."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from lmec.knowledge import selectors, services
from lmec.knowledge.models import ResourceEvent

#: who may review a Thai resource
REVIEWERS = ["admin", "editor", "focal-TH"]
NOT_REVIEWERS = ["member", "provider", "focal-LA", "focal-VN", "author"]


def who(users, name, author):
    if name == "author":
        return author
    if name.startswith("focal-"):
        return users.focal[name[6:]]
    return getattr(users, name)


@pytest.fixture
def author(django_user_model):
    from lmec.core.models import Role
    from lmec.core.services import create_user

    return create_user(username="t-author", password="x" * 12, role=Role.MEMBER)


@pytest.mark.parametrize("name", REVIEWERS + NOT_REVIEWERS)
def test_it_lets_only_reviewers_of_the_country_publish(users, author, resource, name):
    submitted = resource("th-1", status="submitted", country="TH", author=author)
    user = who(users, name, author)
    if name in REVIEWERS:
        services.publish(user=user, resource=submitted)
        assert submitted.status == "published"
        event = submitted.events.last()
        assert (event.action, event.user, event.changes) == (
            "published",
            user,
            {"status": ["submitted", "published"]},
        )
    else:
        with pytest.raises(PermissionDenied):
            services.publish(user=user, resource=submitted)
        submitted.refresh_from_db()
        assert submitted.status == "submitted"


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("author", True),
        ("editor", True),
        ("focal-TH", True),
        ("focal-LA", False),
        ("member", False),
    ],
)
def test_it_lets_the_author_and_reviewers_edit_a_draft(users, author, resource, name, allowed):
    draft = resource("th-2", status="draft", country="TH", author=author)
    user = who(users, name, author)
    if allowed:
        services.update_resource(user=user, resource=draft, data={"keywords": ["rice"]})
        assert list(draft.keywords.values_list("name", flat=True)) == ["rice"]
        assert draft.events.last().changes == {"keywords": [[], ["rice"]]}
    else:
        with pytest.raises(PermissionDenied):
            services.update_resource(user=user, resource=draft, data={"keywords": ["rice"]})


def test_it_stops_the_author_editing_once_submitted(users, author, resource):
    submitted = resource("th-3", status="submitted", country="TH", author=author)
    with pytest.raises(PermissionDenied):
        services.update_resource(user=author, resource=submitted, data={"spatial": "Delta"})


def test_it_walks_the_whole_workflow_with_history(users, author):
    draft = services.create_resource(
        user=author,
        data={"type": "case", "language": "km", "title": "កសិកម្ម", "country": "KH"},
    )
    assert draft.status == "draft" and draft.created_by == author
    services.submit(user=author, resource=draft)
    focal = users.focal["KH"]
    assert list(selectors.review_queue(focal)) == [draft]
    assert list(selectors.review_queue(users.focal["TH"])) == []
    services.start_review(user=focal, resource=draft)
    services.return_to_author(user=focal, resource=draft, comment="Add the costs.")
    services.update_resource(user=author, resource=draft, data={"costs": "USD 2 million"})
    services.submit(user=author, resource=draft)
    services.publish(user=users.editor, resource=draft)
    services.unpublish(user=focal, resource=draft, comment="Wrong figures")
    steps = list(draft.events.values_list("action", "user__username", "comment"))
    assert steps == [
        ("created", "t-author", ""),
        ("submitted", "t-author", ""),
        ("review_started", "t-focal-kh", ""),
        ("returned", "t-focal-kh", "Add the costs."),
        ("edited", "t-author", ""),
        ("submitted", "t-author", ""),
        ("published", "t-editor", ""),
        ("unpublished", "t-focal-kh", "Wrong figures"),
    ]
    assert draft.status == "returned"


@pytest.mark.parametrize(
    ("status", "step"),
    [
        ("draft", "publish"),
        ("published", "submit"),
        ("draft", "start_review"),
        ("in_review", "unpublish"),
    ],
)
def test_it_refuses_steps_the_status_does_not_allow(users, resource, status, step):
    record = resource("th-4", status=status, country="TH")
    service = getattr(services, step)
    kwargs = {"comment": "why"} if step == "unpublish" else {}
    with pytest.raises(services.InvalidTransition):
        service(user=users.editor, resource=record, **kwargs)
    assert ResourceEvent.objects.filter(resource=record).count() == 1  # the import only


def test_it_names_the_step_and_statuses_in_the_readers_language(users, resource):
    record = resource("th-5", status="draft", country="TH")
    with pytest.raises(services.InvalidTransition) as exc:
        services.publish(user=users.editor, resource=record)
    assert str(exc.value) == (
        "“Publish” is not possible for a resource that is “Draft”; "
        "it is possible for: Submitted, In review."
    )
    with translation.override("th"), pytest.raises(services.InvalidTransition) as exc:
        services.publish(user=users.editor, resource=record)
    with translation.override("th"):
        thai = [translation.gettext(x) for x in ("Publish", "Draft", "Submitted", "In review")]
    assert all(f"“{word}”" in str(exc.value) for word in thai[:2])
    assert str(exc.value).endswith(f"{thai[2]}, {thai[3]}")
    assert "Publish" not in str(exc.value)


def test_it_requires_a_comment_to_return(users, resource):
    record = resource("th-5", status="submitted", country="TH")
    with pytest.raises(services.ResourceInvalid) as exc:
        services.return_to_author(user=users.editor, resource=record, comment="  ")
    assert list(exc.value.errors) == ["comment"]


def test_it_keeps_the_status_out_of_edits_and_new_records(users, author, resource):
    draft = resource("th-6", status="draft", author=author)
    with pytest.raises(services.ResourceInvalid) as exc:
        services.update_resource(user=author, resource=draft, data={"status": "published"})
    assert list(exc.value.errors) == ["status"]
    with pytest.raises(services.ResourceInvalid):
        services.create_resource(
            user=author,
            data={"type": "tool", "language": "en", "title": "T", "status": "published"},
        )
    with pytest.raises(PermissionDenied):
        services.create_resource(
            user=users.anonymous, data={"type": "tool", "language": "en", "title": "T"}
        )


def test_it_shows_visitors_only_what_is_published(users, author, resource):
    resource("pub", status="published", country="TH")
    resource("draft-th", status="draft", country="TH", author=author)
    resource("sub-la", status="submitted", country="LA")

    def seen(user):
        return sorted(selectors.visible_resources(user).values_list("identifier", flat=True))

    assert seen(users.anonymous) == ["pub"]
    assert seen(users.member) == ["pub"]
    assert seen(author) == ["draft-th", "pub"]
    assert seen(users.focal["TH"]) == ["draft-th", "pub"]
    assert seen(users.focal["LA"]) == ["pub", "sub-la"]
    assert seen(users.editor) == ["draft-th", "pub", "sub-la"]
