"""Test helpers: users for each role and country, so permission tests are one-liners."""

from contextlib import contextmanager
from dataclasses import dataclass

PASSWORD = "correct horse battery staple"


@dataclass
class Users:
    admin: object
    editor: object
    member: object
    provider: object
    focal: dict  # country code -> focal point user
    anonymous: object


def make_users() -> Users:
    from django.contrib.auth.models import AnonymousUser

    from lmec.core.models import Country, Role
    from lmec.core.services import create_user

    def user(name, role, country=None):
        return create_user(username=name, password=PASSWORD, role=role, country=country)

    return Users(
        admin=user("t-admin", Role.ADMINISTRATOR),
        editor=user("t-editor", Role.EDITOR),
        member=user("t-member", Role.MEMBER),
        provider=user("t-provider", Role.DATA_PROVIDER),
        focal={
            country.code: user(f"t-focal-{country.code.lower()}", Role.FOCAL_POINT, country)
            for country in Country.objects.all()
        },
        anonymous=AnonymousUser(),
    )


LANGUAGES = ["zh-hans", "en", "th", "vi", "lo", "km", "my"]


def login(client, user) -> None:
    """Sign ``user`` (one of :func:`make_users`') in on the test client."""
    assert client.login(username=user.username, password=PASSWORD)


def page_html(client, url: str, lang: str) -> str:
    """GET a page; check it answers 200 and declares its language; return its HTML."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    return html


@contextmanager
def connection_kept_between_wsgi_requests():
    """Keep the test's database connection across in-process WSGI calls (schemathesis
    ``from_wsgi``), as Django's test client does: the handler's request signals would
    otherwise close the connection (CONN_MAX_AGE 0) in the middle of the test's transaction."""
    from django.core import signals
    from django.db import close_old_connections

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)
