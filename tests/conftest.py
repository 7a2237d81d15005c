"""Shared fixtures: the strategy loaded once per test database, and one user per role.

Django is imported inside the fixtures so that ``tests/quality`` also runs without Django
(``pytest tests/quality -p no:django``).
"""

import os

import pytest


def pytest_collection_modifyitems(config, items):
    """Tests marked ``own_database`` run ``lmec`` in a subprocess on a SQLite database of
    their own: the same test whatever the suite's database, so the PostgreSQL run leaves
    them to the SQLite run (scripts/test_all.sh runs both)."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    skip = pytest.mark.skip(reason="runs lmec on a SQLite database of its own: the SQLite run")
    for item in items:
        if "own_database" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the strategy registry into the test database once for the whole session."""
    from lmec.cooperation.services import load_strategy

    with django_db_blocker.unblock():
        load_strategy()


@pytest.fixture
def users(db):
    """One user per role, and a focal point for each of the six countries."""
    from tests.helpers import make_users

    return make_users()


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: Django's test client leaves the language of the last page
    it fetched active in the thread, and model fields written then (modeltranslation) would
    land in that language's column."""
    import sys

    conf = sys.modules.get("django.conf")
    if conf is None or not conf.settings.configured:  # tests/quality without Django
        yield
        return
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
