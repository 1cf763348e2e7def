"""Make a synthetic corpus for the benchmarks from the seed article's own sentences (run by hand).

    .venv/bin/python benchmarks/generate_corpus.py 10000 [--out benchmarks/out] [--seed 0]

Each file is a Markdown article with a YAML front matter that marks it as synthetic: outlet
``synthetic``, title ``Synthetic article N``, url ``synthetic:N``. Its body is 4 to 8 paragraphs
of the seed's sentences (``seeds/000_6345d31efac55afa.txt``, the user's article), drawn and
shuffled with a fixed random seed, so the same N gives byte-identical files. The text is not
news: sentences are out of order and repeat across articles. Files are written under
``benchmarks/out/`` (git-ignored), 1000 to a folder, never beside real data.
"""

from __future__ import annotations

import argparse
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kursk import articles as A
from kursk.paths import project_root, seeds_dir

SEED_FILE = "000_6345d31efac55afa.txt"
OUT = project_root() / "benchmarks" / "out"
FRONT = (
    "---\ntitle: Synthetic article {n}\noutlet: synthetic\nurl: synthetic:{n}\n"
    "published: {published}\nlanguage: de\nnote: synthetic benchmark text built from the seed's "
    "sentences; not news\n---\n"
)


def seed_sentences() -> list[str]:
    """The seed article's sentences (SoMaJo split, headings left out)."""
    articles = A.load_articles(seeds_dir() / SEED_FILE)
    return [s for s in A.sentences(articles)["text"] if len(s.split()) >= 4]


def article(n: int, rng: random.Random, sentences: list[str]) -> str:
    """Synthetic article ``n``: front matter and 4-8 paragraphs of shuffled seed sentences."""
    start = datetime(2024, 10, 1, tzinfo=UTC)
    published = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 420))
    paras = []
    for _ in range(rng.randint(4, 8)):
        paras.append(" ".join(rng.sample(sentences, rng.randint(2, 5))))
    head = FRONT.format(n=n, published=published.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return head + "\n\n".join(paras) + "\n"


def generate(n: int, out: Path = OUT, seed: int = 0) -> Path:
    """Write ``n`` synthetic articles under ``out/corpus_<n>/`` (kept if complete) and return it."""
    folder = Path(out) / f"corpus_{n}"
    done = folder / ".complete"
    if done.exists() and done.read_text() == f"{n} {seed}\n":
        return folder
    rng = random.Random(seed)
    sentences = seed_sentences()
    for i in range(n):
        sub = folder / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"synthetic_{i:07d}.md").write_text(article(i, rng, sentences), encoding="utf-8")
    done.write_text(f"{n} {seed}\n")
    return folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    print(generate(args.n, args.out, args.seed))


if __name__ == "__main__":
    main()
