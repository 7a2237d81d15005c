"""The search benchmark's harness (benchmarks/search.py, search_corpus.py): its arithmetic
and its corpus handling, on a tiny parallel slice written here — not its timings."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Four sentences in the seven languages (written for this test), aligned line by line.
TINY = {
    "eng_Latn": [
        "The Mekong River flows through six countries.",
        "Solar power reduces carbon emissions in industrial parks.",
        "Farmers plant trees along the riverbanks to prevent floods.",
        "Plastic waste in the ocean harms fish and birds.",
    ],
    "zho_Hans": [
        "湄公河流经六个国家。",
        "太阳能发电减少了工业园区的碳排放。",
        "农民沿着河岸种树以防止洪水。",
        "海洋中的塑料垃圾危害鱼类和鸟类。",
    ],
    "tha_Thai": [
        "แม่น้ำโขงไหลผ่านหกประเทศในภูมิภาคนี้",
        "พลังงานแสงอาทิตย์ช่วยลดการปล่อยคาร์บอนในนิคมอุตสาหกรรม",
        "เกษตรกรปลูกต้นไม้ริมฝั่งแม่น้ำเพื่อป้องกันน้ำท่วม",
        "ขยะพลาสติกในทะเลเป็นอันตรายต่อปลาและนก",
    ],
    "vie_Latn": [
        "Sông Mê Kông chảy qua sáu quốc gia.",
        "Điện mặt trời giúp giảm phát thải các-bon trong các khu công nghiệp.",
        "Nông dân trồng cây dọc bờ sông để chống lũ lụt.",
        "Rác thải nhựa trong đại dương gây hại cho cá và chim.",
    ],
    "lao_Laoo": [
        "ແມ່ນ້ຳຂອງໄຫຼຜ່ານຫົກປະເທດໃນພາກພື້ນນີ້",
        "ພະລັງງານແສງຕາເວັນຊ່ວຍຫຼຸດຜ່ອນການປ່ອຍອາຍກາກບອນໃນເຂດອຸດສາຫະກຳ",
        "ຊາວກະສິກອນປູກຕົ້ນໄມ້ຕາມແຄມແມ່ນ້ຳເພື່ອປ້ອງກັນນ້ຳຖ້ວມ",
        "ຂີ້ເຫຍື້ອພລາສຕິກໃນມະຫາສະໝຸດເປັນອັນຕະລາຍຕໍ່ປາແລະນົກ",
    ],
    "khm_Khmr": [
        "ទន្លេមេគង្គហូរកាត់ប្រទេសចំនួនប្រាំមួយ។",
        "ថាមពលពន្លឺព្រះអាទិត្យជួយកាត់បន្ថយការបញ្ចេញកាបូននៅក្នុងតំបន់ឧស្សាហកម្ម។",
        "កសិករដាំដើមឈើតាមមាត់ទន្លេដើម្បីការពារទឹកជំនន់។",
        "សំណល់ប្លាស្ទិកនៅក្នុងមហាសមុទ្របង្កគ្រោះថ្នាក់ដល់ត្រី និងបក្សី។",
    ],
    "mya_Mymr": [
        "မဲခေါင်မြစ်သည် နိုင်ငံခြောက်နိုင်ငံကို ဖြတ်၍ စီးဆင်းသည်။",
        "နေရောင်ခြည်စွမ်းအင်သည် စက်မှုဇုန်များတွင် ကာဗွန်ထုတ်လွှတ်မှုကို လျှော့ချသည်။",
        "လယ်သမားများသည် ရေကြီးမှုကို ကာကွယ်ရန် မြစ်ကမ်းတစ်လျှောက် သစ်ပင်များ စိုက်ပျိုးကြသည်။",
        "ပင်လယ်ထဲရှိ ပလတ်စတစ်အမှိုက်များသည် ငါးများနှင့် ငှက်များကို ထိခိုက်စေသည်။",
    ],
}


def _load(name: str):
    path = ROOT / "benchmarks" / f"{name}.py"
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


sc = _load("search_corpus")


@pytest.fixture
def tiny(tmp_path):
    for code, lines in TINY.items():
        (tmp_path / f"{code}.devtest").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_it_scores_known_rankings_with_ndcg_and_top1():
    assert sc.ndcg_at(["a", "b", "c"], {"a"}) == 1.0
    assert sc.ndcg_at(["x", "y", "a"], {"a"}) == pytest.approx(1 / math.log2(4))  # 0.5
    assert sc.ndcg_at(["x", "a"], {"a"}) == pytest.approx(1 / math.log2(3))
    assert sc.ndcg_at([f"x{i}" for i in range(10)] + ["a"], {"a"}) == 0.0  # rank 11
    assert sc.ndcg_at([], {"a"}) == 0.0
    # two relevant documents: the ideal DCG is 1 + 1/log2(3)
    assert sc.ndcg_at(["a", "x", "b"], {"a", "b"}) == pytest.approx(
        (1 + 0.5) / (1 + 1 / math.log2(3))
    )
    scores = sc.PairScores()
    scores.add(["a", "b"], "a")
    scores.add(["b", "x", "a"], "a")
    scores.add([], "a")
    assert scores.top1 == [1.0, 0.0, 0.0]
    assert scores.ndcg == pytest.approx([1.0, 0.5, 0.0])
    assert sc.rank_of(["b", "x", "a"], "a") == 3
    assert sc.rank_of(["b"], "a") is None


def test_it_summarises_same_and_cross_language_pairs():
    scores = {}
    for q, d, ranks in [("en", "th", [1, 3]), ("lo", "th", [None, 1]), ("th", "th", [1, 1])]:
        pair = scores[("hybrid", q, d)] = sc.PairScores()
        for r in ranks:
            ranked = ["x"] * 12 if r is None else ["x"] * (r - 1) + ["rel"]
            pair.add(ranked, "rel")
    summary = sc.summarise(scores)
    same_top1, same_ndcg, same_n = summary[("hybrid", "th")]["same"]
    cross_top1, cross_ndcg, cross_n = summary[("hybrid", "th")]["cross"]
    assert (same_top1, same_ndcg, same_n) == (1.0, 1.0, 2)
    assert cross_n == 4
    assert cross_top1 == pytest.approx(2 / 4)
    assert cross_ndcg == pytest.approx((1 + 0.5 + 0 + 1) / 4)


def test_it_reads_the_aligned_corpus_and_refuses_a_misaligned_one(tiny):
    corpus = sc.load_corpus(tiny, n=3)
    assert set(corpus) == {"zh-hans", "en", "th", "vi", "lo", "km", "my"}
    assert corpus["en"] == TINY["eng_Latn"][:3]
    assert corpus["my"][2] == TINY["mya_Mymr"][2]
    (tiny / "lao_Laoo.devtest").write_text("one line only\n", encoding="utf-8")
    with pytest.raises(sc.CorpusMissing, match="not aligned"):
        sc.load_corpus(tiny, n=3)
    (tiny / "lao_Laoo.devtest").unlink()
    with pytest.raises(sc.CorpusMissing, match="lao_Laoo|not found"):
        sc.load_corpus(tiny, n=3)


def test_it_segments_unspaced_scripts_into_words():
    assert sc.icu_words("แม่น้ำโขงไหลผ่านหกประเทศ", "th")[:2] == ["แม่น้ำ", "โขง"]
    assert "".join(sc.icu_words("湄公河流经六个国家。", "zh-hans")) == "湄公河流经六个国家"
    assert sc.icu_words("Sông Mê Kông, 2024!", "vi") == ["Sông", "Mê", "Kông", "2024"]


def test_it_measures_the_fts5_default_tokenizer_against_icu_words(tiny):
    corpus = sc.load_corpus(tiny)
    result = sc.fts5_word_baseline(corpus)
    assert set(result) == set(corpus)
    # ICU segmentation at index and query time finds every sentence by a word of its middle
    for lang in ("th", "lo", "km", "zh-hans"):
        assert result[lang]["icu"] == 1.0, lang
    # the default tokenizer cannot find a word inside an unspaced Thai or Chinese run
    assert result["th"]["default"] < 1.0
    assert result["zh-hans"]["default"] < 1.0
    # spaced English is found either way
    assert result["en"]["default"] == result["en"]["icu"] == 1.0
    # the number of queries is the sentences that have a middle word
    assert result["en"]["queries"] == 4


def test_it_generates_a_reproducible_catalogue_from_the_corpus(tiny):
    corpus = sc.load_corpus(tiny)
    kwargs = {"themes": ["energy", "water", "parks"], "licences": ["cc-by-4.0", "cc-zero"]}
    records = sc.generate_records(corpus, 300, seed=5, **kwargs)
    again = sc.generate_records(corpus, 300, seed=5, **kwargs)
    assert [r.titles for r in records] == [r.titles for r in again]
    assert len({r.identifier for r in records}) == 300
    assert {r.language for r in records} == set(sc.LANGS)
    for r in records:
        assert r.language in r.titles
        lines = r.sentences[r.language]
        assert r.titles[r.language] == corpus[r.language][lines[0]]
        for lang, text in r.titles.items():  # translations are the aligned lines
            assert text == corpus[lang][lines[0]]
        assert r.licence in kwargs["licences"]
        assert set(r.themes) <= set(kwargs["themes"])
        assert 2000 <= r.year <= 2026
    assert any(len(r.titles) > 1 for r in records)


def test_it_draws_latency_queries_in_every_language(tiny):
    corpus = sc.load_corpus(tiny)
    queries = sc.latency_queries(corpus, 14)
    assert [lang for lang, _q in queries] == list(sc.LANGS) * 2
    for lang, q in queries:
        assert q
        for word in q.split(" "):
            assert word in " ".join(corpus[lang]) or lang == "zh-hans"


@pytest.mark.django_db
def test_it_runs_the_quick_quality_harness_on_the_engine(tiny):
    """The harness end to end on the real engine (the test database: SQLite or PostgreSQL):
    28 one-sentence resources, every (query language → document language) pair."""
    bench = _load("search")
    from lmec.knowledge.models import Resource
    from lmec.knowledge.search import index

    corpus = sc.load_corpus(tiny)
    assert bench.make_corpus_resources(corpus) == 28
    assert Resource.objects.get(identifier="flores-th-0002").title_th == TINY["tha_Thai"][2]
    index.reindex_all()
    result = bench.run_quality(corpus, n_queries=4, modes=("lexical", "semantic"))
    assert result["queries_per_pair"] == 4
    # lexical: same language only (7 pairs); semantic: all 49
    assert sum(k.startswith("lexical|") for k in result["pairs"]) == 7
    assert sum(k.startswith("semantic|") for k in result["pairs"]) == 49
    for lang in sc.LANGS:
        top1, ndcg, n = result["summary"][f"lexical|{lang}"]["same"]
        # a whole sentence as the query finds that sentence first in its own language
        assert (top1, ndcg, n) == (1.0, 1.0, 4), lang
        assert result["summary"][f"lexical|{lang}"]["cross"] is None
        top1, ndcg, n = result["summary"][f"semantic|{lang}"]["cross"]
        assert n == 6 * 4
        assert 0.0 <= top1 <= ndcg <= 1.0
    # the engine's lexical mode finds a word from the middle of each sentence
    rates = bench.engine_word_rate(corpus)
    assert rates["th"] == [1.0, 4]
    assert rates["zh-hans"][0] == 1.0
