"""The data files themselves: faithful to the seed and really translated."""

import re
import unicodedata
from pathlib import Path

import pytest

from lmec.cooperation import registry

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_236be571b7594ba9.txt"


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", "", text)
    return re.sub(r"\s+", "", text)


def all_texts(node, path=""):
    if isinstance(node, dict):
        if set(node) == set(registry.LANGUAGES):
            yield path, node
            return
        for key, value in node.items():
            yield from all_texts(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from all_texts(value, f"{path}[{i}]")


@pytest.fixture(scope="module")
def strategy():
    return registry.read_strategy()


@pytest.fixture(scope="module")
def areas():
    return registry.read_priority_areas()


@pytest.mark.skipif(not SEED.exists(), reason="shared/seeds is beside the checkout only")
def test_it_quotes_every_activity_of_the_seed_in_chinese(strategy):
    seed = normalise(SEED.read_text(encoding="utf-8"))
    for direction in strategy["directions"]:
        for action in direction["actions"]:
            for activity in action["activities"]:
                assert normalise(activity["name"]["zh-hans"]) in seed, activity["code"]


@pytest.mark.skipif(not SEED.exists(), reason="shared/seeds is beside the checkout only")
def test_it_quotes_every_priority_item_of_the_seed_in_chinese(areas):
    seed = normalise(SEED.read_text(encoding="utf-8"))
    for path, texts in all_texts(areas):
        if ".items[" in path:
            assert normalise(texts["zh-hans"]) in seed, path


@pytest.mark.parametrize("lang", ["th", "vi", "lo", "km", "my"])
def test_it_translates_rather_than_copies_english(strategy, areas, lang):
    for data in (strategy, areas):
        for path, texts in all_texts(data):
            if not any(c.isalpha() for c in texts["en"]):
                continue  # "2023-2027" is written the same way in every language
            assert texts[lang].strip() != texts["en"].strip(), f"{path} [{lang}] is English"


SCRIPTS = {
    "th": (0x0E00, 0x0E7F),
    "lo": (0x0E80, 0x0EFF),
    "km": (0x1780, 0x17FF),
    "my": (0x1000, 0x109F),
}


@pytest.mark.parametrize("lang", sorted(SCRIPTS))
def test_it_writes_each_language_in_its_own_script(strategy, areas, lang):
    low, high = SCRIPTS[lang]
    for data in (strategy, areas):
        for path, texts in all_texts(data):
            letters = [c for c in texts[lang] if c.isalpha()]
            native = sum(low <= ord(c) <= high for c in letters)
            assert native >= 0.5 * len(letters), f"{path} [{lang}] is not mostly in its script"


def test_it_writes_burmese_in_unicode_not_zawgyi(strategy, areas):
    # Zawgyi puts the medial ra (U+103B in Zawgyi's mapping) and vowel-e before consonants;
    # a Unicode text never starts a syllable with U+1031. Real Unicode Burmese uses asat U+103A.
    joined = "".join(t["my"] for d in (strategy, areas) for _p, t in all_texts(d))
    assert "\u103a" in joined
    assert not re.search(r"(^|\s)\u1031", joined)
