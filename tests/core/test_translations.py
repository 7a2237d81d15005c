"""The UI catalogues: complete, real translations with their placeholders intact."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["zh_Hans", "th", "vi", "lo", "km", "my"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}|%[sd]")


def catalogue(lang):
    with (LOCALE / lang / "LC_MESSAGES" / "django.po").open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def messages(lang):
    for message in catalogue(lang):
        if message.id:
            yield message


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_translates_every_message(lang):
    missing = []
    for message in messages(lang):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            missing.append(message.id)
    assert not missing, f"{lang}: {len(missing)} untranslated, e.g. {missing[:3]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_does_not_copy_english(lang):
    copies = []
    for message in messages(lang):
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        target = message.string[0] if isinstance(message.string, tuple) else message.string
        if any(c.isalpha() for c in source) and source.strip() == target.strip():
            copies.append(source)
    assert not copies, f"{lang}: English copies: {copies[:5]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_keeps_every_placeholder(lang):
    for message in messages(lang):
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        targets = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(sources[-1]))
        for target in targets:
            assert set(PLACEHOLDER.findall(target)) == wanted, (lang, message.id, target)


def test_it_serves_the_compiled_catalogues():
    from django.utils import translation

    with translation.override("th"):
        thai = translation.gettext("Strategy framework")
    with translation.override("lo"):
        lao = translation.gettext("Strategy framework")
    assert thai != "Strategy framework" and lao != "Strategy framework"
    assert any("\u0e00" <= c <= "\u0e7f" for c in thai)
    assert any("\u0e80" <= c <= "\u0eff" for c in lao)
