"""Demo content: one account per role and country, so every part can be tried at once.

Passwords are random, written once to ``$LMEC_HOME/demo-accounts.txt`` (readable by the
owner only) and never reset by later runs, so a public deployment that forgot
``--no-demo`` does not expose a well-known password.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import Country, Role, User
from .services import create_user

DEMO_ACCOUNTS = [
    # (username, role, country code or None, preferred language)
    ("admin", Role.ADMINISTRATOR, None, "en"),
    ("editor", Role.EDITOR, None, "en"),
    ("focal-kh", Role.FOCAL_POINT, "KH", "km"),
    ("focal-cn", Role.FOCAL_POINT, "CN", "zh-hans"),
    ("focal-la", Role.FOCAL_POINT, "LA", "lo"),
    ("focal-mm", Role.FOCAL_POINT, "MM", "my"),
    ("focal-th", Role.FOCAL_POINT, "TH", "th"),
    ("focal-vn", Role.FOCAL_POINT, "VN", "vi"),
    ("member", Role.MEMBER, None, "en"),
    ("provider", Role.DATA_PROVIDER, None, "en"),
]


def accounts_file() -> Path:
    return settings.WORK_DIR / "demo-accounts.txt"


@transaction.atomic
def ensure_demo_accounts() -> list[tuple[str, str]]:
    """Create the demo accounts that do not exist yet; returns ``(username, password)`` pairs."""
    created = []
    for username, role, country_code, language in DEMO_ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(9)
        create_user(
            username=username,
            password=password,
            role=role,
            country=Country.objects.get(code=country_code) if country_code else None,
            email=f"{username}@demo.lmec.invalid",
            language=language,
        )
        created.append((username, password))
    if created:
        path = accounts_file()
        with path.open("a", encoding="utf-8") as handle:
            for username, password in created:
                handle.write(f"{username}\t{password}\n")
        path.chmod(0o600)
    return created
