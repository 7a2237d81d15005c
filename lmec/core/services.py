"""Writes for countries and users: one function per use case."""

from collections.abc import Iterable, Mapping

from django.contrib.auth import get_user_model

from .models import STAFF_ROLES, Country, Role, User


def field_suffix(language: str) -> str:
    """Modeltranslation column suffix of a language: ``zh-hans`` -> ``zh_hans``."""
    return language.replace("-", "_")


def translated_values(field: str, texts: Mapping[str, str]) -> dict[str, str]:
    """``{"en": "x", "zh-hans": "y"}`` -> ``{"field_en": "x", "field_zh_hans": "y"}``."""
    return {f"{field}_{field_suffix(lang)}": text for lang, text in texts.items()}


def upsert_countries(*, countries: Iterable[Mapping]) -> dict[str, int]:
    """Create or update the six countries from the strategy data; counts by outcome."""
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for position, item in enumerate(countries):
        values = {"position": position, **translated_values("name", item["name"])}
        values.update(translated_values("formal_name", item.get("formal_name", {})))
        _obj, outcome = upsert_row(Country, lookup={"code": item["code"]}, values=values)
        counts[outcome] += 1
    return counts


def create_user(
    *,
    username: str,
    password: str | None,
    role: Role | str = Role.MEMBER,
    country: Country | None = None,
    email: str = "",
    language: str = "",
    first_name: str = "",
    last_name: str = "",
) -> User:
    """Register a person with a role; staff access follows from the role."""
    user = get_user_model()(
        username=username,
        email=email,
        role=role,
        country=country,
        language=language,
        first_name=first_name,
        last_name=last_name,
    )
    user.is_staff = role in STAFF_ROLES
    user.is_superuser = role == Role.ADMINISTRATOR
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def set_role(*, user: User, role: Role | str, country: Country | None = None) -> User:
    """Change what a person may do, keeping ``is_staff``/``is_superuser`` consistent."""
    user.role = role
    user.country = country
    user.is_staff = role in STAFF_ROLES
    user.is_superuser = role == Role.ADMINISTRATOR
    user.full_clean(exclude=["password"])
    user.save(update_fields=["role", "country", "is_staff", "is_superuser"])
    return user


def upsert_row(model, *, lookup: Mapping, values: Mapping) -> tuple[object, str]:
    """Create or update one row; returns ``(obj, "created" | "updated" | "unchanged")``.

    Loaders of reference data call this so that running them twice changes nothing and
    the summary they print is truthful.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), "created"
    dirty = [key for key, value in values.items() if getattr(obj, key) != value]
    if not dirty:
        return obj, "unchanged"
    for key in dirty:
        setattr(obj, key, values[key])
    obj.save(update_fields=dirty)
    return obj, "updated"
