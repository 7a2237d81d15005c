"""README.md is the front door: it must name every command and setting we add."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_it_documents_the_two_commands():
    assert "make demo" in README and "make test" in README


def test_it_documents_every_lmec_management_command():
    commands = sorted(
        path.stem
        for path in (ROOT / "lmec").glob("*/management/commands/*.py")
        if not path.stem.startswith("_")
    )
    assert commands, "no management commands found"
    missing = [name for name in commands if f"lmec {name}" not in README]
    assert not missing, f"README.md does not document: {missing}"


def test_it_documents_every_environment_setting():
    source = (ROOT / "lmec" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'env(?:bool|int|list)\("([A-Z_]+)"', source))
    names |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', source))
    assert "DATABASE_URL" in names and "SECRET_KEY" in names
    missing = sorted(name for name in names if f"`{name}`" not in README)
    assert not missing, f"README.md settings table lacks: {missing}"
