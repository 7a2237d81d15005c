"""The directory's writes: slugs, validation naming each field, consent."""

import pytest

from lmec.network import services
from lmec.network.models import CapacityMember, Expert, FocalPoint, Organisation


def test_it_makes_a_slug_from_the_acronym_and_country(users, directory):
    org = services.create_organisation(
        user=users.editor,
        data={"name": "Department of Environment", "acronym": "DoE", "country": "MM"},
    )
    again = services.create_organisation(
        user=users.editor, data={"name": "Another DoE", "acronym": "DoE", "country": "MM"}
    )
    assert (org.slug, again.slug) == ("doe-mm", "doe-mm-2")


def test_it_makes_a_slug_from_a_name_without_latin_letters(users, db):
    org = services.create_organisation(user=users.editor, data={"name": {"th": "กรมทรัพยากรน้ำ"}})
    assert org.slug == "organisation"
    # the only name is also the English fallback, so every reader sees one
    assert (org.name_th, org.name_en) == ("กรมทรัพยากรน้ำ", "กรมทรัพยากรน้ำ")


def test_it_refuses_a_bad_record_naming_every_field(users, db):
    with pytest.raises(services.DirectoryInvalid) as error:
        services.create_organisation(
            user=users.editor,
            data={
                "slug": "Bad Slug",
                "kind": "army",
                "country": "FR",
                "website": "ftp://x",
                "iati_ref": "41114",
                "colour": "green",
            },
        )
    assert sorted(error.value.errors) == [
        "colour",
        "country",
        "iati_ref",
        "kind",
        "name",
        "slug",
        "website",
    ]
    assert "government" in error.value.errors["kind"][0]
    assert "CN, KH, LA, MM, TH, VN" in error.value.errors["country"][0]
    assert Organisation.objects.count() == 0


def test_it_refuses_a_taken_slug_and_a_changed_one(users, directory):
    with pytest.raises(services.DirectoryInvalid) as error:
        services.create_organisation(user=users.editor, data={"slug": "pcd-th", "name": "Copy"})
    assert error.value.errors == {"slug": ["pcd-th is taken; choose another code."]}
    with pytest.raises(services.DirectoryInvalid) as error:
        services.update_organisation(
            user=users.editor, organisation=directory["pcd"], data={"slug": "pcd"}
        )
    assert error.value.errors == {"slug": ["The code of an organisation does not change."]}


def test_it_stores_texts_by_language(users, directory):
    services.update_organisation(
        user=users.editor,
        organisation=directory["vea"],
        data={"description": {"vi": "Cơ quan môi trường", "en": "Environment agency"}},
    )
    vea = Organisation.objects.get(slug="vea-vn")
    assert (vea.description_vi, vea.description_en) == ("Cơ quan môi trường", "Environment agency")


def test_it_records_consent_and_hides_at_once_on_withdrawal(users, db):
    profile = services.save_own_expert_profile(
        user=users.member,
        data={"name": "Vannak Sok", "languages": ["KM", "en", "km"], "themes": ["energy-climate"]},
    )
    assert (profile.public, profile.consent_at) == (False, None)
    assert profile.languages == ["km", "en"]
    profile = services.save_own_expert_profile(user=users.member, data={"consent": True})
    assert profile.public and profile.consent_at is not None
    assert Expert.objects.filter(public=True).get() == profile
    services.save_own_expert_profile(user=users.member, data={"consent": False})
    profile.refresh_from_db()
    assert (profile.public, profile.consent_at) == (False, None)
    assert not Expert.objects.filter(public=True).exists()


def test_it_refuses_bad_expert_fields(users, db):
    with pytest.raises(services.DirectoryInvalid) as error:
        services.create_expert(
            user=users.editor,
            data={
                "name": "",
                "email": "not-mail",
                "languages": ["thai!"],
                "themes": ["space"],
                "consent": "yes",
            },
        )
    assert sorted(error.value.errors) == ["consent", "email", "languages[0]", "name", "themes"]


def test_it_designates_one_focal_point_per_country_and_one_centre(users, directory):
    Organisation.objects.create(slug="lmec-centre", name_en="LMEC")
    services.save_focal_point(
        user=users.editor, data={"kind": "centre", "organisation": "lmec-centre"}
    )
    services.save_focal_point(
        user=users.editor,
        data={
            "country": "TH",
            "organisation": "pcd-th",
            "contact_name": "K. P.",
            "since": "2023-03-01",
        },
    )
    assert FocalPoint.objects.count() == 2
    th = FocalPoint.objects.get(country_id="TH")
    assert (th.contact_name, th.since.isoformat()) == ("K. P.", "2023-03-01")
    with pytest.raises(services.DirectoryInvalid) as error:
        services.save_focal_point(
            user=users.editor, data={"kind": "centre", "country": "TH", "organisation": "x"}
        )
    assert sorted(error.value.errors) == ["country", "organisation"]


def test_it_links_capacity_members_to_stations_by_code(users, directory):
    lab = Organisation.objects.create(slug="cem-vn", name_en="CEM", country_id="VN")
    member = services.create_capacity_member(
        user=users.focal["VN"],
        data={
            "organisation": "cem-vn",
            "kind": "both",
            "media": "air",
            "parameters": ["PM25", "no2"],
            "stations": ["VN-HN-NVC"],
        },
    )
    assert member.parameters == ["pm25", "no2"]
    assert [s.code for s in member.stations.all()] == ["VN-HN-NVC"]
    with pytest.raises(services.DirectoryInvalid) as error:
        services.create_capacity_member(
            user=users.editor,
            data={
                "organisation": lab.slug,
                "kind": "x",
                "media": "air",
                "parameters": ["radon"],
                "stations": ["NOPE-1"],
            },
        )
    assert sorted(error.value.errors) == ["kind", "organisation", "parameters", "stations"]
    assert error.value.errors["stations"] == ["No monitoring station with the codes NOPE-1."]
    assert CapacityMember.objects.count() == 2
