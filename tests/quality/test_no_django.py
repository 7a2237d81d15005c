"""lmec.quality is a library of its own: it must never import Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "lmec" / "quality"


def _modules() -> list[str]:
    """Every module under lmec/quality, sub-packages included (lmec.quality.aqi._cn, ...)."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_it_finds_the_modules_of_the_sub_packages():
    modules = _modules()
    assert "lmec.quality" in modules and "lmec.quality.aqi" in modules
    assert "lmec.quality.aqi.nowcast" in modules and "lmec.quality.units" in modules


def test_it_imports_every_module_without_django():
    code = (
        "import sys, importlib\n"
        f"for m in {_modules()!r}:\n"
        "    try: importlib.import_module(m)\n"
        "    except Exception as e: raise SystemExit(f'{m}: {e!r}')\n"
        "loaded = sorted(n for n in sys.modules if n == 'django' or n.startswith('django.'))\n"
        "assert not loaded, loaded\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_it_has_no_django_import_in_its_source():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import django" not in text and "from django" not in text, path
