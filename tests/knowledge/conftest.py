"""Shared fixtures of the knowledge tests (other branches use them too).

- ``users``: one user per role and a focal point per country (``tests.helpers.make_users``);
  the countries and themes come from the strategy the session loads.
- ``resource``: a factory ``resource(identifier=..., status=..., country=..., author=...,
  **fields)`` storing a record through :func:`services.upsert_resource`.
- ``media``: uploaded files go to a temporary folder.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Files the tests store go to a temporary MEDIA_ROOT, not the working directory's."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def resource(db):
    """Make a resource: ``resource("r-1", status="submitted", country="TH", author=user)``."""
    from lmec.knowledge import services
    from lmec.knowledge.models import Resource

    counter = iter(range(1, 10_000))

    def make(identifier: str | None = None, *, status="published", author=None, **fields):
        n = next(counter)
        data = {
            "identifier": identifier or f"test-{n}",
            "type": "publication",
            "language": "en",
            "title": f"Test resource {n}",
            "status": status,
            **fields,
        }
        created, _, _ = services.upsert_resource(data=data, action="imported")
        if author is not None:
            Resource.objects.filter(pk=created.pk).update(created_by=author)
            created.refresh_from_db()
        return created

    return make
