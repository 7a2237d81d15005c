"""``lmec knowledge import`` throughput on a generated multilingual JSONL, SQLite and PostgreSQL.

Run: ``.venv/bin/python benchmarks/knowledge_import.py [--lines 100000] [--skip-postgres]``.
Prints a markdown table; the last recorded one is in benchmarks/README.md.

The JSONL (seeded, reproducible) has one catalogue record a line in the seven languages
(titles and abstracts drawn from word pools of each language, written without spaces in the
scripts that have none), a third with an English translation of the title, authors, a
publisher given as ``{slug, name}``, countries, themes, keywords, a framework activity,
licence and date; no files. For each database, in separate processes:

* **import**: :func:`lmec.knowledge.importer.import_jsonl` end to end into a database that
  has the strategy (themes, activities) but no records: read, check every line, write in
  batches, commit, then the lexical search index (synchronous) and the embedding queue (the
  vectors themselves are computed by the background task, measured apart: **embed**);
* **re-import**: the same file again (every line unchanged: nothing written);
* **re-import, 1 % changed**: a copy in which every hundredth line has another abstract;
* **per-line re-import (old path)**: the services' one-record-at-a-time write
  (:func:`lmec.knowledge.services.records.store_record`) of the first ``--sample`` checked
  lines, unchanged, as the importer did before batching;
* **baseline**: ``Resource.objects.bulk_create`` of the same lines' values (built beforehand,
  nothing checked, no relations, history or index) into an empty table;
* **embed**: ``index.embed_pending(limit=--embed)`` — passages per second of the model.

PostgreSQL is a throw-away server started with scripts/pg_temp.sh on a free port, or the
server of ``BENCH_DATABASE_URL`` (a database ``lmec_bench`` is created and dropped there).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest import Postgres, _peak_mb  # noqa: E402  (the same server helper and memory probe)

#: Words of each language (spaces between words only where the script has them).
WORDS = {
    "en": "river sediment energy solar hydropower fish migration climate forest mangrove "
    "industrial park waste recycling finance bond transport road railway emissions carbon "
    "policy water quality air pollution agriculture rice flood drought biodiversity wetland "
    "community investment green infrastructure ecosystem assessment report basin".split(),
    "th": "แม่น้ำ ตะกอน พลังงาน แสงอาทิตย์ ไฟฟ้า ปลา การอพยพ ภูมิอากาศ ป่าไม้ ป่าชายเลน "
    "อุตสาหกรรม นิคม ขยะ การรีไซเคิล การเงิน การขนส่ง ถนน รถไฟ คาร์บอน นโยบาย น้ำ คุณภาพ "
    "อากาศ มลพิษ เกษตรกรรม ข้าว น้ำท่วม ภัยแล้ง ชุมชน การลงทุน สีเขียว".split(),
    "lo": "ແມ່ນ້ຳ ພະລັງງານ ໄຟຟ້າ ປາ ປ່າໄມ້ ອຸດສາຫະກຳ ເສດຖະກິດ ຂີ້ເຫຍື້ອ ນ້ຳ ອາກາດ ກະສິກຳ "
    "ເຂົ້າ ຊຸມຊົນ ການລົງທຶນ ສີຂຽວ ນະໂຍບາຍ".split(),
    "km": "ទន្លេ ថាមពល អគ្គិសនី ត្រី ព្រៃឈើ ព្រៃកោងកាង ឧស្សាហកម្ម សំណល់ ទឹក ខ្យល់ កសិកម្ម "
    "ស្រូវ សហគមន៍ ការវិនិយោគ បៃតង គោលនយោបាយ".split(),
    "my": "မြစ် စွမ်းအင် လျှပ်စစ် ငါး သစ်တော စက်မှု အမှိုက် ရေ လေ စိုက်ပျိုးရေး ဆန် ရပ်ရွာ ရင်းနှီးမြှုပ်နှံမှု စိမ်း မူဝါဒ".split(),
    "zh-hans": "河流 泥沙 能源 太阳能 水电 鱼类 洄游 气候 森林 红树林 工业 园区 废物 回收 金融 "
    "交通 铁路 碳排放 政策 水质 空气 污染 农业 水稻 洪水 干旱 社区 投资 绿色".split(),
    "vi": "sông;trầm tích;năng lượng;mặt trời;thủy điện;cá;di cư;khí hậu;rừng;rừng ngập mặn;"
    "công nghiệp;khu;chất thải;tái chế;tài chính;giao thông;đường sắt;phát thải;chính sách;"
    "nước;chất lượng;không khí;ô nhiễm;nông nghiệp;lúa;lũ lụt;hạn hán;cộng đồng;đầu tư;xanh".split(
        ";"
    ),
}
JOIN = {"en": " ", "vi": " ", "th": "", "lo": "", "km": "", "my": "", "zh-hans": ""}
THEMES = [
    "transport-ecosystems",
    "energy-climate",
    "green-industrial-parks",
    "natural-capital-finance",
    "nature-based-solutions",
]
COUNTRIES = ["CN", "KH", "LA", "MM", "TH", "VN"]
TYPES = ["publication", "dataset", "case", "policy", "tool", "training", "multimedia"]
LICENCES = ["cc-by-4.0", "cc-by-sa-4.0", "cc-by-nc-4.0", "cc-zero", "odc-by", "notspecified"]
ACTIVITIES = ["D5-A1-1", "D5-A1-2"]


def _text(rng: random.Random, lang: str, low: int, high: int) -> str:
    words = rng.choices(WORDS[lang], k=rng.randint(low, high))
    if JOIN[lang]:
        return JOIN[lang].join(words).capitalize()
    # scripts without spaces between words: a space between phrases of 3-6 words
    out, i = [], 0
    while i < len(words):
        n = rng.randint(3, 6)
        out.append("".join(words[i : i + n]))
        i += n
    return " ".join(out)


def record(rng: random.Random, n: int) -> dict:
    lang = rng.choice(list(WORDS))
    title: str | dict = _text(rng, lang, 5, 12)
    if lang != "en" and rng.random() < 0.33:
        title = {lang: title, "en": _text(rng, "en", 5, 12)}
    org = rng.randrange(40)
    return {
        "identifier": f"bench:{n:06d}",
        "type": rng.choice(TYPES),
        "language": lang,
        "title": title,
        "abstract": _text(rng, lang, 30, 70),
        "authors": [f"Author {rng.randrange(5000)}" for _ in range(rng.randint(1, 3))],
        "publisher": {"slug": f"bench-org-{org}", "name": f"Benchmark organisation {org}"},
        "country": rng.choice(COUNTRIES),
        "countries": rng.sample(COUNTRIES, rng.randint(1, 3)),
        "themes": rng.sample(THEMES, rng.randint(1, 2)),
        "keywords": rng.sample(WORDS["en"], rng.randint(2, 4)),
        "activities": [rng.choice(ACTIVITIES)],
        "licence": rng.choice(LICENCES),
        "date": f"{rng.randint(2000, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }


def generate(path: Path, lines: int, seed: int = 2024) -> int:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(lines):
            fh.write(json.dumps(record(rng, n), ensure_ascii=False) + "\n")
    return lines


def changed_copy(source: Path, target: Path, every: int = 100) -> int:
    """``source`` with another abstract on every ``every``-th line; returns how many."""
    count = 0
    with source.open(encoding="utf-8") as src, target.open("w", encoding="utf-8") as out:
        for n, line in enumerate(src):
            if n % every == every - 1:
                data = json.loads(line)
                data["abstract"] = data["abstract"] + " (revised)"
                line = json.dumps(data, ensure_ascii=False) + "\n"
                count += 1
            out.write(line)
    return count


# --- the measured phases, each in its own process ------------------------------------------


def _django(database_url: str, home: str):
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ["LMEC_HOME"] = home
    os.environ["TASKS_BACKEND"] = "database"  # the embedding task waits for a worker
    os.environ["DJANGO_SETTINGS_MODULE"] = "lmec.settings"
    import django

    django.setup()


def _load() -> float:
    return os.getloadavg()[0]


def phase_setup(database_url: str, home: str) -> dict:
    _django(database_url, home)
    from django.core.management import call_command

    from lmec.cooperation.services import load_strategy

    call_command("migrate", verbosity=0)
    load_strategy()
    return {}


def phase_import(database_url: str, home: str, path: str) -> dict:
    _django(database_url, home)
    from lmec.knowledge.importer import import_jsonl
    from lmec.knowledge.search import index

    stages: dict[str, float] = {}
    started, cpu = time.perf_counter(), time.process_time()
    load = _load()

    def progress(stage, done, total):
        stages.setdefault(stage, round(time.perf_counter() - started, 1))

    result = import_jsonl(path, progress=progress)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "cpu": time.process_time() - cpu,
        "stages": stages,
        "load": (load + _load()) / 2,
        "peak_mb": _peak_mb(),
        "pending": index.pending_count() if hasattr(index, "pending_count") else None,
        **result.counts(),
    }


def phase_legacy(database_url: str, home: str, path: str, sample: str) -> dict:
    """The per-line write of the services (what the importer did for stored records)."""
    _django(database_url, home)
    from django.db import transaction

    from lmec.knowledge import services
    from lmec.knowledge.services.records import store_record
    from lmec.knowledge.services.validation import Lookups, validate_record

    lookups = Lookups()
    cleans = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= int(sample):
                break
            cleans.append(validate_record(json.loads(line), lookups=lookups))
    load = _load()
    started, cpu = time.perf_counter(), time.process_time()
    changed = 0
    with services.deferred_reindex(), transaction.atomic():
        for clean in cleans:
            with transaction.atomic():
                changed += store_record(clean, action="imported", lookups=lookups)[2]
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "cpu": time.process_time() - cpu,
        "read": len(cleans),
        "changed": changed,
        "load": load,
    }


def phase_baseline(database_url: str, home: str, path: str) -> dict:
    """``bulk_create`` of the lines' values, built beforehand: the raw write of the rows."""
    _django(database_url, home)
    from django.db import connection, transaction

    from lmec.knowledge.models import Resource
    from lmec.knowledge.services.records import TRANSLATED_COLUMNS
    from lmec.knowledge.services.validation import Lookups, validate_record

    lookups = Lookups()
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            data = json.loads(line)
            data.pop("publisher")
            clean = validate_record(data, lookups=lookups)
            values = {**dict.fromkeys(TRANSLATED_COLUMNS), **clean.values}
            rows.append(Resource(identifier=clean.identifier, status="published", **values))
    with connection.cursor() as cursor:  # an empty table (the search tables refer to it)
        cursor.execute("DELETE FROM knowledge_resourceevent")
    load = _load()
    started = time.perf_counter()
    with transaction.atomic():
        Resource.objects.all().delete()
        deleted, cpu = time.perf_counter(), time.process_time()
        Resource.objects.bulk_create(rows, batch_size=1000)
    seconds = time.perf_counter() - deleted
    return {
        "seconds": seconds,
        "cpu": time.process_time() - cpu,
        "read": len(rows),
        "load": load,
        "delete": deleted - started,
    }


def phase_embed(database_url: str, home: str, limit: str) -> dict:
    _django(database_url, home)
    from lmec.knowledge.search import embeddings, index

    embeddings.passage_vectors(["warm up"])  # the model loads once per process
    load = _load()
    started, cpu = time.perf_counter(), time.process_time()
    done = index.embed_pending(limit=int(limit))
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "cpu": time.process_time() - cpu,
        "embedded": done,
        "load": (load + _load()) / 2,
    }


def phase_generate(path: str, lines: str) -> dict:
    count = generate(Path(path), int(lines))
    changed = changed_copy(Path(path), Path(path).with_suffix(".changed.jsonl"))
    return {"lines": count, "changed": changed}


PHASES = {
    "generate": phase_generate,
    "setup": phase_setup,
    "import": phase_import,
    "legacy": phase_legacy,
    "baseline": phase_baseline,
    "embed": phase_embed,
}


def run_phase(name: str, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--phase", name, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{result.stderr}")
    out = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"  {name}: {out}", file=sys.stderr)
    return out


def measure(database_url: str, home: Path, path: Path, args) -> dict:
    run_phase("setup", database_url, str(home))
    out = {"import": run_phase("import", database_url, str(home), str(path))}
    out["again"] = run_phase("import", database_url, str(home), str(path))
    changed = path.with_suffix(".changed.jsonl")
    out["changed"] = run_phase("import", database_url, str(home), str(changed))
    if args.sample:
        out["legacy"] = run_phase("legacy", database_url, str(home), str(path), str(args.sample))
    if args.embed:
        out["embed"] = run_phase("embed", database_url, str(home), str(args.embed))
    out["baseline"] = run_phase("baseline", database_url, str(home), str(path))
    return out


def table(results: dict) -> str:
    lines = [
        "| database | run | lines/s (wall) | wall [s] | CPU [s] | load avg | outcome |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for name, r in results.items():
        for key, label in (
            ("import", "import, no records yet"),
            ("again", "re-import, same file"),
            ("changed", "re-import, 1 % of lines changed"),
        ):
            x = r[key]
            lines.append(
                f"| {name} | {label} | {x['read'] / x['seconds']:,.0f} | {x['seconds']:.1f} | "
                f"{x['cpu']:.1f} | {x['load']:.1f} | {x['created']:,} created, {x['updated']:,} updated, "
                f"{x['unchanged']:,} unchanged; stages at {x['stages']} s; peak "
                f"{x['peak_mb']:,.0f} MB; {x['pending'] or 0:,} versions queued for embedding |"
            )
        if "legacy" in r:
            x = r["legacy"]
            lines.append(
                f"| {name} | per-line re-import (old path), first {x['read']:,} lines | "
                f"{x['read'] / x['seconds']:,.0f} | {x['seconds']:.1f} | {x['cpu']:.1f} | "
                f"{x['load']:.1f} | {x['changed']} changed; no index |"
            )
        x = r["baseline"]
        lines.append(
            f"| {name} | baseline: `bulk_create` of the built rows | "
            f"{x['read'] / x['seconds']:,.0f} | {x['seconds']:.1f} | {x['cpu']:.1f} | "
            f"{x['load']:.1f} | no checks, relations, history or index |"
        )
        if "embed" in r:
            x = r["embed"]
            lines.append(
                f"| {name} | embed (background task's work) | {x['embedded'] / x['seconds']:,.1f}"
                f" versions/s | {x['seconds']:.1f} | {x['cpu']:.1f} | {x['load']:.1f} | "
                f"{x['embedded']:,} "
                "language versions |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=2_000, help="lines of the per-line run")
    parser.add_argument("--embed", type=int, default=128, help="versions embedded (0: none)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args()
    if args.phase:
        print(json.dumps(PHASES[args.phase](*rest)))
        return
    workdir = Path(tempfile.mkdtemp(prefix="lmec-kbench-"))
    path = workdir / "resources.jsonl"
    started = time.perf_counter()
    made = run_phase("generate", str(path), str(args.lines))
    print(
        f"generated {made['lines']:,} lines ({path.stat().st_size / 2**20:,.0f} MB) in "
        f"{time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    results = {}
    if not args.skip_sqlite:
        home = workdir / "sqlite"
        home.mkdir()
        results["SQLite"] = measure(f"sqlite:///{home / 'bench.sqlite3'}", home, path, args)
    if not args.skip_postgres:
        home = workdir / "postgres"
        home.mkdir()
        with Postgres(workdir) as pg:
            results["PostgreSQL"] = measure(pg.database, home, path, args)
    print(table(results))


if __name__ == "__main__":
    main()
