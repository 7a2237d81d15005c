"""Language helpers shared by pages and the API."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

#: Each language named in itself, for the language switcher.
NATIVE_NAMES = {
    "zh-hans": "简体中文",
    "en": "English",
    "th": "ไทย",
    "vi": "Tiếng Việt",
    "lo": "ລາວ",
    "km": "ខ្មែរ",
    "my": "မြန်မာ",
}

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)

#: The script-specific font stack for each language (fonts shipped in static/fonts).
FONT_CLASSES = {
    "th": "script-thai",
    "lo": "script-lao",
    "km": "script-khmer",
    "my": "script-myanmar",
    "zh-hans": "script-han",
}


def normalise_language(code: str | None) -> str | None:
    """Map ``zh-CN``, ``zh_Hans``, ``TH`` … to one of the platform's language codes, or None."""
    if not code:
        return None
    code = code.strip().lower().replace("_", "-")
    if code in LANGUAGE_CODES:
        return code
    if code.startswith("zh"):
        return "zh-hans"
    base = code.split("-")[0]
    return base if base in LANGUAGE_CODES else None


def language_choices(request) -> list[dict]:
    """Switcher entries: the current page's URL in every language."""
    current = translation.get_language()
    path = request.get_full_path() if request is not None else "/"
    return [
        {
            "code": code,
            "name": NATIVE_NAMES[code],
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code in LANGUAGE_CODES
    ]


def font_class(language: str | None) -> str:
    return FONT_CLASSES.get(language or "", "script-latin")
