"""Writes of the network directory: organisations, expert profiles, focal points and the
monitoring-capacity network.

One function per use case, keyword-only arguments, each in one transaction; every write asks
the rules of :mod:`lmec.network.permissions` (``PermissionDenied`` otherwise) and validates
the whole record before storing anything (:class:`DirectoryInvalid` names every bad field).

Records come as dicts (the form's cleaned data or the API's JSON). A translated text
(an organisation's name and description, an expert's position and biography, a capacity
member's notes) is a string — stored in the active language — or ``{language: text}``.
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from lmec.core.errors import RecordInvalid
from lmec.core.i18n import LANGUAGE_CODES
from lmec.core.models import Country, Theme

from .models import CapacityMember, Expert, FocalPoint, Organisation

#: An organisation's code: lower-case letters and digits in words joined by hyphens.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)
SLUG_MAX = 100
#: An expert's language: an ISO 639-1/639-3 code, with a script or region (``zh-hans``).
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


class DirectoryInvalid(RecordInvalid):
    """A record that cannot be stored: ``errors`` maps each bad field to its messages."""


class _Errors(dict):
    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)

    def raise_any(self) -> None:
        if self:
            raise DirectoryInvalid(self)


# --- field checks shared by the records ---------------------------------------------------


def _texts(value, field: str, errors: _Errors, *, max_length: int | None = None) -> dict:
    """``{language: text}`` from a string (the active language) or a dict."""
    if value is None:
        return {}
    if isinstance(value, str):
        value = {get_language() or "en": value}
    if not isinstance(value, dict):
        errors.add(field, _("Give a text, or an object of texts by language."))
        return {}
    texts = {}
    for lang, text in value.items():
        if lang not in LANGUAGE_CODES:
            errors.add(
                field,
                _("Unknown language %(lang)s; choose one of: %(choices)s.")
                % {"lang": lang, "choices": ", ".join(LANGUAGE_CODES)},
            )
        elif not isinstance(text, str):
            errors.add(field, _("The %(lang)s text must be a string.") % {"lang": lang})
        elif max_length and len(text.strip()) > max_length:
            errors.add(
                field,
                _("At most %(n)d characters (the %(lang)s text has %(m)d).")
                % {"n": max_length, "lang": lang, "m": len(text.strip())},
            )
        else:
            texts[lang] = text.strip()
    return texts


def _set_texts(obj, field: str, texts: dict, *, fallback: bool = False) -> None:
    for lang, text in texts.items():
        setattr(obj, build_localized_fieldname(field, lang), text)
    # the English column is every reader's fallback (MODELTRANSLATION_FALLBACK_LANGUAGES):
    # a name given only in Thai is shown to a Lao reader rather than nothing
    english = build_localized_fieldname(field, "en")
    if fallback and not getattr(obj, english) and any(texts.values()):
        setattr(obj, english, next(t for t in texts.values() if t))


def _any_text(obj, field: str) -> bool:
    return any(getattr(obj, build_localized_fieldname(field, lang)) for lang in LANGUAGE_CODES)


def _choice(value, field: str, choices, errors: _Errors) -> str | None:
    if value in choices.values:
        return value
    errors.add(
        field,
        _("%(value)r is not a valid type; choose one of: %(choices)s.")
        % {"value": value, "choices": ", ".join(choices.values)},
    )
    return None


def _country(value, field: str, errors: _Errors) -> Country | None:
    if value in (None, ""):
        return None
    country = Country.objects.filter(code=str(value).upper()).first()
    if country is None:
        codes = ", ".join(Country.objects.order_by("code").values_list("code", flat=True))
        errors.add(
            field,
            _("Unknown country %(value)r; choose one of: %(codes)s.")
            % {"value": value, "codes": codes},
        )
    return country


def _organisation(value, field: str, errors: _Errors) -> Organisation | None:
    if value in (None, ""):
        return None
    if isinstance(value, Organisation):
        return value
    organisation = Organisation.objects.filter(slug=value).first()
    if organisation is None:
        errors.add(field, _("No organisation with the code %(value)r.") % {"value": value})
    return organisation


def _url(value, field: str, errors: _Errors) -> str:
    value = (value or "").strip()
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            errors.add(field, _("Give a web address starting with http:// or https://."))
    return value


def _email(value, field: str, errors: _Errors) -> str:
    value = (value or "").strip()
    if value:
        try:
            validate_email(value)
        except ValidationError:
            errors.add(field, _("%(value)r is not an e-mail address.") % {"value": value})
    return value


def _short(value, field: str, errors: _Errors, max_length: int) -> str:
    value = "" if value is None else str(value).strip()
    if len(value) > max_length:
        errors.add(
            field,
            _("At most %(n)d characters (it has %(m)d).") % {"n": max_length, "m": len(value)},
        )
    return value


def _phrases(value, field: str, errors: _Errors, *, pattern=None, max_length=100) -> list[str]:
    """A list of short strings, duplicates dropped, order kept."""
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = [part for part in re.split(r"[,;\n]", value)]
    if not isinstance(value, list | tuple):
        errors.add(field, _("Give a list of short texts."))
        return []
    out: list[str] = []
    for position, item in enumerate(value):
        text = str(item).strip()
        if not text:
            continue
        if pattern is not None:
            text = text.lower()
            if not pattern.match(text):
                errors.add(
                    f"{field}[{position}]",
                    _("%(value)r is not a language code such as th, en or zh-hans.")
                    % {"value": item},
                )
                continue
        if len(text) > max_length:
            errors.add(f"{field}[{position}]", _("At most %(n)d characters.") % {"n": max_length})
            continue
        if text not in out:
            out.append(text)
    return out


def _require(user, perm: str, obj, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def _check_country_scope(user, country: Country | None, what: str) -> None:
    """A focal point writes only records of their own country (never regional ones)."""
    from lmec.core.permissions import is_secretariat

    if is_secretariat(user):
        return
    if country is None or country.code != user.country_id:
        raise PermissionDenied(
            _("You may only manage %(what)s of your own country (%(country)s).")
            % {"what": what, "country": user.country_id or "-"}
        )


# --- organisations ----------------------------------------------------------------------

ORGANISATION_FIELDS = frozenset(
    {"slug", "name", "acronym", "kind", "country", "website", "iati_ref", "description"}
)


def new_slug(*, name: str = "", acronym: str = "", country: str | None = None) -> str:
    """A free code for a new organisation: the acronym and country (``pcd-th``), else the
    name in Latin letters, else ``organisation``; ``-2``, ``-3`` … added when taken."""
    stem = slugify(f"{acronym} {country or ''}") if acronym else slugify(name)
    stem = stem[: SLUG_MAX - 4].strip("-") or "organisation"
    slug, n = stem, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{stem}-{n}"
    return slug


def _unknown(data: dict, allowed: frozenset, errors: _Errors) -> None:
    for key in sorted(set(data) - allowed):
        errors.add(
            key,
            _("Unknown field; the fields are: %(fields)s.")
            % {"fields": ", ".join(sorted(allowed))},
        )


def _fill_organisation(organisation: Organisation, data: dict, errors: _Errors) -> None:
    if "name" in data:
        _set_texts(
            organisation,
            "name",
            _texts(data["name"], "name", errors, max_length=300),
            fallback=True,
        )
    if "description" in data:
        _set_texts(organisation, "description", _texts(data["description"], "description", errors))
    if "acronym" in data:
        organisation.acronym = _short(data["acronym"], "acronym", errors, 40)
    if "kind" in data:
        organisation.kind = (
            _choice(data["kind"], "kind", Organisation.Kind, errors) or organisation.kind
        )
    if "country" in data:
        organisation.country = _country(data["country"], "country", errors)
    if "website" in data:
        organisation.website = _url(data["website"], "website", errors)
    if "iati_ref" in data:
        ref = _short(data["iati_ref"], "iati_ref", errors, 100)
        # IATI organisation identifiers: registration agency prefix, a hyphen, the number
        if ref and not re.match(r"^[A-Za-z]{2,}-[A-Za-z0-9]+(-[A-Za-z0-9._]+)*$", ref):
            errors.add("iati_ref", _("An IATI organisation identifier looks like XM-DAC-41114."))
        organisation.iati_ref = ref
    if not _any_text(organisation, "name"):
        errors.add("name", _("Give the organisation's name."))


@transaction.atomic
def create_organisation(*, user, data: dict) -> Organisation:
    """A new organisation (editors; a focal point for their own country). Without a
    ``slug`` one is made from the acronym and country or the name (:func:`new_slug`)."""
    _require(user, "network.add_organisation", None, _("You may not add organisations."))
    errors = _Errors()
    _unknown(data, ORGANISATION_FIELDS, errors)
    organisation = Organisation()
    _fill_organisation(organisation, data, errors)
    slug = (data.get("slug") or "").strip()
    if slug:
        if len(slug) > SLUG_MAX or not _SLUG_RE.match(slug):
            errors.add(
                "slug",
                _("Use lower-case letters, digits and single hyphens (at most %(n)d), e.g. pcd-th.")
                % {"n": SLUG_MAX},
            )
        elif Organisation.objects.filter(slug=slug).exists():
            errors.add("slug", _("%(slug)s is taken; choose another code.") % {"slug": slug})
    errors.raise_any()
    _check_country_scope(user, organisation.country, _("organisations"))
    organisation.slug = slug or new_slug(
        name=organisation.name_en or "",
        acronym=organisation.acronym,
        country=organisation.country_id,
    )
    organisation.save()
    return organisation


@transaction.atomic
def update_organisation(*, user, organisation: Organisation, data: dict) -> Organisation:
    """Change the fields given; the code (``slug``) never changes (URLs and other records
    use it). A focal point cannot move an organisation to another country."""
    _require(
        user,
        "network.change_organisation",
        organisation,
        _("You may not change this organisation."),
    )
    errors = _Errors()
    _unknown(data, ORGANISATION_FIELDS, errors)
    if "slug" in data and data["slug"] != organisation.slug:
        errors.add("slug", _("The code of an organisation does not change."))
    _fill_organisation(organisation, data, errors)
    errors.raise_any()
    _check_country_scope(user, organisation.country, _("organisations"))
    organisation.save()
    return organisation


# --- experts ------------------------------------------------------------------------------

EXPERT_FIELDS = frozenset(
    {
        "name",
        "title",
        "organisation",
        "country",
        "fields",
        "languages",
        "themes",
        "bio",
        "email",
        "consent",
    }
)


def _fill_expert(expert: Expert, data: dict, errors: _Errors) -> list[Theme] | None:
    if "name" in data:
        expert.name = _short(data["name"], "name", errors, 200)
    if not expert.name:
        errors.add("name", _("Give the expert's name."))
    if "title" in data:
        _set_texts(expert, "title", _texts(data["title"], "title", errors, max_length=200))
    if "bio" in data:
        _set_texts(expert, "bio", _texts(data["bio"], "bio", errors, max_length=3000))
    if "organisation" in data:
        expert.organisation = _organisation(data["organisation"], "organisation", errors)
    if "country" in data:
        expert.country = _country(data["country"], "country", errors)
    if "fields" in data:
        expert.fields = _phrases(data["fields"], "fields", errors)
    if "languages" in data:
        expert.languages = _phrases(data["languages"], "languages", errors, pattern=_LANGUAGE_RE)
    if "email" in data:
        expert.email = _email(data["email"], "email", errors)
    if "consent" in data:
        consent = data["consent"]
        if not isinstance(consent, bool):
            errors.add("consent", _("Say true (listed publicly) or false (not listed)."))
        elif consent and not expert.public:
            expert.public, expert.consent_at = True, timezone.now()
        elif not consent:
            # withdrawing consent hides the profile at once and forgets when it was given
            expert.public, expert.consent_at = False, None
    themes = None
    if "themes" in data:
        codes = _phrases(data["themes"], "themes", errors)
        themes = list(Theme.objects.filter(code__in=codes))
        unknown = sorted(set(codes) - {t.code for t in themes})
        if unknown:
            errors.add(
                "themes",
                _("Unknown themes %(codes)s; choose from: %(choices)s.")
                % {
                    "codes": ", ".join(unknown),
                    "choices": ", ".join(
                        Theme.objects.order_by("code").values_list("code", flat=True)
                    ),
                },
            )
    return themes


def _save_expert(expert: Expert, themes) -> Expert:
    expert.save()
    if themes is not None:
        expert.themes.set(themes)
    return expert


@transaction.atomic
def create_expert(*, user, data: dict) -> Expert:
    """A profile the secretariat or a focal point (for their country) enters for someone;
    ``consent: true`` records the consent the person gave them."""
    _require(user, "network.add_expert", None, _("You may not add experts."))
    errors = _Errors()
    _unknown(data, EXPERT_FIELDS, errors)
    expert = Expert()
    themes = _fill_expert(expert, data, errors)
    errors.raise_any()
    _check_country_scope(user, expert.country, _("experts"))
    return _save_expert(expert, themes)


@transaction.atomic
def update_expert(*, user, expert: Expert, data: dict) -> Expert:
    """Change the fields given of a profile (its owner, their country's focal point, the
    secretariat). ``consent: false`` hides it from the public directory at once."""
    _require(user, "network.change_expert", expert, _("You may not change this profile."))
    errors = _Errors()
    _unknown(data, EXPERT_FIELDS, errors)
    themes = _fill_expert(expert, data, errors)
    errors.raise_any()
    if expert.user_id != getattr(user, "pk", None):
        _check_country_scope(user, expert.country, _("experts"))
    return _save_expert(expert, themes)


@transaction.atomic
def save_own_expert_profile(*, user, data: dict) -> Expert:
    """Create or change the signed-in person's own profile (any member). It is listed
    publicly only while ``consent`` is true; the consent's time is recorded."""
    _require(user, "network.keep_own_expert_profile", None, _("Sign in to keep an expert profile."))
    errors = _Errors()
    _unknown(data, EXPERT_FIELDS, errors)
    expert = Expert.objects.select_for_update().filter(user=user).first()
    if expert is None:
        expert = Expert(user=user, name=(data.get("name") or user.get_full_name() or "").strip())
        data = {"consent": False, **data}
    themes = _fill_expert(expert, data, errors)
    errors.raise_any()
    return _save_expert(expert, themes)


@transaction.atomic
def withdraw_consent(*, user, expert: Expert) -> Expert:
    """Take a profile off the public directory at once (owner, focal point, secretariat)."""
    _require(user, "network.change_expert", expert, _("You may not change this profile."))
    expert.public, expert.consent_at = False, None
    expert.save(update_fields=["public", "consent_at", "updated_at"])
    return expert


@transaction.atomic
def delete_expert(*, user, expert: Expert) -> None:
    _require(user, "network.delete_expert", expert, _("You may not delete this profile."))
    expert.delete()


# --- focal points ---------------------------------------------------------------------------

FOCAL_POINT_FIELDS = frozenset(
    {"kind", "country", "organisation", "contact_name", "contact_title", "email", "phone", "since"}
)


@transaction.atomic
def save_focal_point(*, user, data: dict) -> FocalPoint:
    """Designate (or change) a country's national focal point or the centre (strategy 5.1);
    editors and administrators only. One per country, one centre: saving again replaces."""
    _require(
        user, "network.change_focalpoint", None, _("Only the secretariat designates focal points.")
    )
    errors = _Errors()
    _unknown(data, FOCAL_POINT_FIELDS, errors)
    kind = _choice(data.get("kind", FocalPoint.Kind.NATIONAL), "kind", FocalPoint.Kind, errors)
    country = _country(data.get("country"), "country", errors)
    if kind == FocalPoint.Kind.NATIONAL and country is None and "country" not in errors:
        errors.add("country", _("A national focal point needs its country."))
    if kind == FocalPoint.Kind.CENTRE and country is not None:
        errors.add("country", _("The centre has no country; leave it empty."))
    organisation = _organisation(data.get("organisation"), "organisation", errors)
    if organisation is None and "organisation" not in errors:
        errors.add("organisation", _("Give the organisation's code."))
    wanted = {
        "contact_name": _short(data.get("contact_name"), "contact_name", errors, 200),
        "contact_title": _short(data.get("contact_title"), "contact_title", errors, 200),
        "email": _email(data.get("email"), "email", errors),
        "phone": _short(data.get("phone"), "phone", errors, 40),
        "since": data.get("since") or None,
    }
    if isinstance(wanted["since"], str):
        from django.utils.dateparse import parse_date

        try:
            wanted["since"] = parse_date(wanted["since"])
        except ValueError:
            wanted["since"] = None
        if wanted["since"] is None:
            errors.add("since", _("Give a date as YYYY-MM-DD."))
    errors.raise_any()
    lookup = {"country": country} if kind == FocalPoint.Kind.NATIONAL else {"kind": kind}
    focal_point, _created = FocalPoint.objects.update_or_create(
        **lookup, defaults={"kind": kind, "organisation": organisation, **wanted}
    )
    return focal_point


@transaction.atomic
def remove_focal_point(*, user, focal_point: FocalPoint) -> None:
    _require(
        user,
        "network.delete_focalpoint",
        focal_point,
        _("Only the secretariat removes focal points."),
    )
    focal_point.delete()


# --- the monitoring-capacity network --------------------------------------------------------

CAPACITY_FIELDS = frozenset(
    {"organisation", "kind", "media", "parameters", "accreditation", "stations", "notes"}
)


def _fill_capacity(member: CapacityMember, data: dict, errors: _Errors):
    from lmec.monitoring import parameters as registry
    from lmec.monitoring.models import Station

    if "kind" in data:
        member.kind = _choice(data["kind"], "kind", CapacityMember.Kind, errors) or member.kind
    if "media" in data:
        member.media = _choice(data["media"], "media", CapacityMember.Media, errors) or member.media
    if "parameters" in data:
        codes = [c.lower() for c in _phrases(data["parameters"], "parameters", errors)]
        unknown = [c for c in codes if c not in registry.BY_CODE]
        if unknown:
            errors.add(
                "parameters",
                _("Unknown parameters %(codes)s; choose from: %(choices)s.")
                % {"codes": ", ".join(unknown), "choices": ", ".join(registry.BY_CODE)},
            )
        member.parameters = [c for c in codes if c in registry.BY_CODE]
    if "accreditation" in data:
        member.accreditation = _short(data["accreditation"], "accreditation", errors, 200)
    if "notes" in data:
        _set_texts(member, "notes", _texts(data["notes"], "notes", errors, max_length=3000))
    for field in ("kind", "media"):
        if not getattr(member, field) and field not in errors:
            errors.add(field, _("Choose one."))
    stations = None
    if "stations" in data:
        codes = _phrases(data["stations"], "stations", errors)
        stations = list(Station.objects.filter(code__in=codes))
        unknown = sorted(set(codes) - {s.code for s in stations})
        if unknown:
            errors.add(
                "stations",
                _("No monitoring station with the codes %(codes)s.")
                % {"codes": ", ".join(unknown)},
            )
    return stations


def _check_station_scope(user, stations) -> None:
    """A focal point links only stations of their own country."""
    from lmec.core.permissions import is_secretariat

    if stations and not is_secretariat(user):
        foreign = sorted(s.code for s in stations if s.country_id != user.country_id)
        if foreign:
            raise PermissionDenied(
                _("You may only link stations of your own country (not %(codes)s).")
                % {"codes": ", ".join(foreign)}
            )


@transaction.atomic
def create_capacity_member(*, user, data: dict) -> CapacityMember:
    """Add an organisation to the monitoring-capacity network, with the stations it runs
    (by station code) and the parameters it measures or analyses (parameter codes)."""
    _require(user, "network.add_capacitymember", None, _("You may not add capacity members."))
    errors = _Errors()
    _unknown(data, CAPACITY_FIELDS, errors)
    organisation = _organisation(data.get("organisation"), "organisation", errors)
    if organisation is None and "organisation" not in errors:
        errors.add("organisation", _("Give the organisation's code."))
    elif (
        organisation is not None
        and CapacityMember.objects.filter(organisation=organisation).exists()
    ):
        errors.add(
            "organisation", _("%(slug)s is already in the network.") % {"slug": organisation.slug}
        )
    member = CapacityMember(organisation=organisation) if organisation else CapacityMember()
    stations = _fill_capacity(member, data, errors)
    errors.raise_any()
    _check_country_scope(user, organisation.country, _("capacity members"))
    _check_station_scope(user, stations)
    member.save()
    if stations is not None:
        member.stations.set(stations)
    return member


@transaction.atomic
def update_capacity_member(*, user, member: CapacityMember, data: dict) -> CapacityMember:
    _require(user, "network.change_capacitymember", member, _("You may not change this member."))
    errors = _Errors()
    _unknown(data, CAPACITY_FIELDS - {"organisation"}, errors)
    stations = _fill_capacity(member, data, errors)
    errors.raise_any()
    _check_station_scope(user, stations)
    member.save()
    if stations is not None:
        member.stations.set(stations)
    return member


@transaction.atomic
def remove_capacity_member(*, user, member: CapacityMember) -> None:
    _require(user, "network.delete_capacitymember", member, _("You may not remove this member."))
    member.delete()
