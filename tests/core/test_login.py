"""Signing in continues in the person's preferred language."""

import pytest

from tests.helpers import PASSWORD

pytestmark = pytest.mark.django_db


def test_it_continues_in_the_preferred_language(client, users):
    users.focal["LA"].language = "lo"
    users.focal["LA"].save()
    response = client.post(
        "/en/accounts/login/",
        {"username": users.focal["LA"].username, "password": PASSWORD, "next": "/en/framework/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/lo/framework/"


def test_it_keeps_the_page_language_without_a_preference(client, users):
    response = client.post(
        "/th/accounts/login/", {"username": users.member.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/th/"


def test_it_refuses_a_wrong_password_with_a_message(client, users):
    response = client.post(
        "/en/accounts/login/", {"username": users.member.username, "password": "nope"}
    )
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
