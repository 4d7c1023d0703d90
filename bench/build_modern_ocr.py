"""Build the modern-OCR dev set: real tesseract output on degraded renderings of modern prose.

The historical sets (BLN600, ICDAR 2017) are 19th-century print; most text
people clean today is modern.  This script makes modern OCR with known truth:

1. prose: paragraphs of the Python tutorial, HOWTOs and FAQ as Debian ships
   them in ``python3.11-doc`` (``/usr/share/doc/python3.X/html/_sources``), a
   seeded sample of ``--paragraphs`` of them, plus the seed article cut into
   pages of about 120 words;
2. rendering with Pillow in DejaVu and Liberation fonts (serif, sans,
   condensed, narrow, mono, italic), at 9.5-19 px effective sizes;
3. degradation: slight rotation, Gaussian blur, downscaling (low resolution),
   Gaussian-like noise and JPEG compression, all drawn from a per-page RNG
   seeded by ``--seed`` and the page number, so the set is the same on every
   run whatever the order or the number of workers;
4. OCR with ``tesseract -l eng --psm 6``.  A page the engine cannot read at all
   (CER above 25%) is "rescanned" with fresh parameters, up to three scans,
   and the best scan is kept, as a person would do.

The result goes to ``bench/.cache/modern-ocr/``: ``NNNN.ocr.txt`` /
``NNNN.gold.txt``, ``index.tsv`` (source and scan parameters of each page) and
``manifest.json``.  Output is deterministic for a given seed, tesseract
version and font files.  Needs::

    apt-get install -y tesseract-ocr tesseract-ocr-eng fonts-dejavu-core \\
        fonts-liberation python3.11-doc

Run ``python bench/build_modern_ocr.py [--force]``; ``ocr_quality.py`` runs it
when the cache is missing or was built by an older version of this script.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

if __package__ in (None, ""):
    # Run as a script: make the repository's bench package importable.  Appended,
    # so an installed cleaner (pip install -e .) is the one measured.
    sys.path.append(str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from bench import prose, scoring
from bench.corpora import CACHE, SEED_ARTICLE, SetUnavailable, is_current

# Bump when a change to this file changes the pages: caches of another version are rebuilt.
BUILDER_VERSION = 1
DEFAULT_SEED = 20261127
DEFAULT_PARAGRAPHS = 320
SEED_PAGE_WORDS = 120
RESCAN_CER = 0.25
MAX_SCANS = 3

FONT_DIR = Path("/usr/share/fonts/truetype")
FONTS = (
    "dejavu/DejaVuSerif.ttf",
    "dejavu/DejaVuSans.ttf",
    "dejavu/DejaVuSansCondensed.ttf",
    "liberation/LiberationSerif-Regular.ttf",
    "liberation/LiberationSerif-Italic.ttf",
    "liberation/LiberationSans-Regular.ttf",
    "liberation/LiberationSansNarrow-Regular.ttf",
    "liberation/LiberationMono-Regular.ttf",
)
PYTHON_DOC_PARTS = ("tutorial", "howto", "faq")
# The other prose (--prose vim): Vim's user manual, under /usr/share/vim.
VIM_MANUAL_GLOB = "vim*/doc/usr_*.txt"
PROSE_CHOICES = ("python", "vim")
APT_LINE = (
    "apt-get install -y tesseract-ocr tesseract-ocr-eng fonts-dejavu-core "
    "fonts-liberation python3.11-doc"
)


@dataclass(frozen=True)
class Page:
    """Text to typeset: one or more paragraphs and where they came from."""

    source: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Scan:
    """How one page was rendered and degraded."""

    font: str
    size_px: int
    scale: float
    angle: float
    blur: float
    noise: float
    jpeg: int


def python_doc_sources() -> Path:
    """The reST sources of the newest python3.X-doc installed."""
    found = sorted(
        (
            p
            for p in Path("/usr/share/doc").glob("python3.*/html/_sources")
            if re.fullmatch(r"python3\.\d+", p.parts[-3])
        ),
        key=lambda p: int(p.parts[-3].split(".")[1]),
    )
    if not found:
        raise SetUnavailable(f"python3.X-doc is not installed: {APT_LINE}")
    return found[-1]


def vim_manual_pages(seed: int, count: int) -> list[Page]:
    """Pages of Vim's user manual (``usr_*.txt`` of Debian's ``vim-runtime``):
    modern prose about software that no rule of cleaner was tuned on, for a
    set that tells how the corrector does on text nobody looked at."""
    files = sorted(Path("/usr/share/vim").glob(VIM_MANUAL_GLOB))
    if not files:
        raise SetUnavailable("Vim's user manual is not installed: apt-get install -y vim-runtime")
    paragraphs = prose.collect(files, files[0].parent)
    chosen = random.Random(seed).sample(paragraphs, min(count, len(paragraphs)))
    chosen.sort(key=lambda p: (p.source, p.index))
    return [Page(f"vim/{p.source}#{p.index}", (p.text,)) for p in chosen]


def select_pages(seed: int, count: int, seed_article: Path) -> list[Page]:
    root = python_doc_sources()
    files = sorted(p for part in PYTHON_DOC_PARTS for p in (root / part).glob("*.rst.txt"))
    paragraphs = prose.collect(files, root)
    chosen = random.Random(seed).sample(paragraphs, min(count, len(paragraphs)))
    chosen.sort(key=lambda p: (p.source, p.index))
    pages = [Page(f"{root.parts[-3]}/{p.source}#{p.index}", (p.text,)) for p in chosen]
    if seed_article.is_file():
        group: list[str] = []
        for paragraph in prose.seed_paragraphs(seed_article):
            group.append(paragraph)
            if sum(len(p.split()) for p in group) >= SEED_PAGE_WORDS:
                pages.append(Page(f"seed/{seed_article.name}#{len(pages)}", tuple(group)))
                group = []
        if group:
            pages.append(Page(f"seed/{seed_article.name}#{len(pages)}", tuple(group)))
    return pages


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Greedy word wrap to a pixel width (no hyphenation, as most modern layouts)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def noise_image(size: tuple[int, int], rng: random.Random, sigma: float) -> Image.Image:
    """Zero-mean (offset 128) noise of roughly Gaussian shape, from the seeded RNG.

    The mean of two uniform bytes has a triangular distribution (sd about 52);
    Pillow's own effect_noise draws from C's rand() and is not reproducible.
    """
    width, height = size
    a = Image.frombytes("L", size, rng.randbytes(width * height))
    b = Image.frombytes("L", size, rng.randbytes(width * height))
    mixed = ImageChops.add(a, b, scale=2.0)
    k = sigma / 52.0
    lut = [max(0, min(255, round(128 + (v - 128) * k))) for v in range(256)]
    return mixed.point(lut)


def render(page: Page, rng: random.Random, fonts: Sequence[str]) -> tuple[Image.Image, str, Scan]:
    """Typeset and degrade one page; return the image, its gold text and the parameters."""
    font_name = rng.choice(fonts)
    effective = rng.uniform(9.5, 19.0)
    scale = rng.uniform(0.5, 1.0)
    size = round(effective / scale)
    font = ImageFont.truetype(str(FONT_DIR / font_name), size)
    width = rng.randint(40, 75) * size * 0.5
    ascent, descent = font.getmetrics()
    line_height = round((ascent + descent) * rng.uniform(1.05, 1.35))
    blocks = [wrap(p, font, width) for p in page.paragraphs]
    gold = "\n\n".join("\n".join(lines) for lines in blocks)
    rows = sum(len(lines) for lines in blocks) + len(blocks) - 1
    margin = size * 2
    background = rng.randint(215, 250)
    ink = rng.randint(0, 60)
    image = Image.new("L", (int(width) + 2 * margin, line_height * rows + 2 * margin), background)
    draw = ImageDraw.Draw(image)
    y = margin
    for lines in blocks:
        for line in lines:
            draw.text((margin, y), line, font=font, fill=ink)
            y += line_height
        y += line_height
    angle = rng.uniform(-1.2, 1.2)
    image = image.rotate(angle, Image.Resampling.BICUBIC, expand=True, fillcolor=background)
    blur = rng.uniform(0.1, 1.1)
    image = image.filter(ImageFilter.GaussianBlur(blur))
    image = image.resize(
        (max(1, round(image.width * scale)), max(1, round(image.height * scale))),
        Image.Resampling.BILINEAR,
    )
    sigma = rng.uniform(5.0, 26.0)
    image = ImageChops.add(image, noise_image(image.size, rng, sigma), scale=1.0, offset=-128)
    quality = rng.randint(10, 65)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    scan = Scan(
        Path(font_name).stem,
        size,
        round(scale, 3),
        round(angle, 3),
        round(blur, 3),
        round(sigma, 2),
        quality,
    )
    return image, gold, scan


def tesseract(image: Image.Image) -> str:
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        path = Path(tmp) / "page.png"
        image.save(path)
        # One thread per call: deterministic, and the pool already uses the cores.
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        result = subprocess.run(
            ["tesseract", str(path), "stdout", "-l", "eng", "--psm", "6"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
    return result.stdout.replace("\f", "").strip()


def scan_page(job: tuple[int, Page, int, tuple[str, ...]]) -> tuple[str, str, Scan, int, float]:
    """OCR one page, rescanning an unreadable scan; return ocr, gold, scan, scans, cer."""
    number, page, seed, fonts = job
    rng = random.Random(f"{seed}:{number}")
    best: tuple[str, str, Scan, int, float] | None = None
    for attempt in range(1, MAX_SCANS + 1):
        image, gold, scan = render(page, rng, fonts)
        ocr = tesseract(image)
        rate = scoring.cer(scoring.normalise(ocr), scoring.normalise(gold))
        if best is None or rate < best[4]:
            best = (ocr, gold, scan, attempt, rate)
        if rate <= RESCAN_CER:
            break
    assert best is not None
    return best


def tesseract_version() -> str:
    if shutil.which("tesseract") is None:
        raise SetUnavailable(f"tesseract is not installed: {APT_LINE}")
    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, check=True)
    return (out.stdout or out.stderr).splitlines()[0].strip()


def build(
    folder: Path,
    *,
    seed: int = DEFAULT_SEED,
    paragraphs: int = DEFAULT_PARAGRAPHS,
    seed_article: Path = SEED_ARTICLE,
    jobs: int | None = None,
    source: str = "python",
) -> Path:
    """Build the set in ``folder``; ``source``: the prose, "python" (the
    benchmark's) or "vim" (Vim's user manual, prose no rule was tuned on)."""
    version = tesseract_version()
    fonts = tuple(f for f in FONTS if (FONT_DIR / f).is_file())
    if not fonts:
        raise SetUnavailable(f"no DejaVu/Liberation fonts under {FONT_DIR}: {APT_LINE}")
    if source == "vim":
        pages = vim_manual_pages(seed, paragraphs)
        sources = [str(Path("/usr/share/vim") / VIM_MANUAL_GLOB)]
    else:
        pages = select_pages(seed, paragraphs, seed_article)
        sources = [str(python_doc_sources()), str(seed_article)]
    jobs = jobs or min(2, os.cpu_count() or 1)
    print(
        f"modern-ocr: OCR of {len(pages)} pages with {version}, {jobs} workers ...", file=sys.stderr
    )
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(scan_page, [(i, p, seed, fonts) for i, p in enumerate(pages)]))

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    errors = chars = 0
    with (folder / "index.tsv").open("w", encoding="utf-8", newline="") as f:
        fields = ["id", "source", *Scan.__dataclass_fields__, "scans", "ocr_cer"]
        writer = csv.DictWriter(f, fields, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for number, (page, (ocr, gold, scan, scans, rate)) in enumerate(
            zip(pages, results, strict=True), 1
        ):
            doc_id = f"{number:04d}"
            (folder / f"{doc_id}.ocr.txt").write_text(ocr + "\n", encoding="utf-8")
            (folder / f"{doc_id}.gold.txt").write_text(gold + "\n", encoding="utf-8")
            writer.writerow(
                {
                    "id": doc_id,
                    "source": page.source,
                    **asdict(scan),
                    "scans": scans,
                    "ocr_cer": f"{rate:.4f}",
                }
            )
            norm_gold = scoring.normalise(gold)
            errors += scoring.char_errors(scoring.normalise(ocr), norm_gold)
            chars += len(norm_gold)
    manifest = {
        "builder_version": BUILDER_VERSION,
        "seed": seed,
        "paragraphs": paragraphs,
        "pages": len(pages),
        "tesseract": version,
        "fonts": list(fonts),
        "prose": source,
        "sources": sources,
        "ocr_cer_folded": round(errors / max(1, chars), 5),
    }
    # Written last: a cache without a manifest is an interrupted build.
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(
        f"modern-ocr: {len(pages)} pages, OCR CER {errors / max(1, chars):.2%} -> {folder}",
        file=sys.stderr,
    )
    return folder


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=CACHE / "modern-ocr")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--paragraphs", type=int, default=DEFAULT_PARAGRAPHS)
    parser.add_argument("--seed-article", type=Path, default=SEED_ARTICLE)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--force", action="store_true", help="rebuild even if the cache is current")
    parser.add_argument(
        "--prose",
        choices=PROSE_CHOICES,
        default="python",
        help="python: the benchmark's set; vim: Vim's user manual, prose no rule was tuned on"
        " (give it its own --out)",
    )
    args = parser.parse_args(argv)
    if is_current(args.out, BUILDER_VERSION) and not args.force:
        print(f"modern-ocr: cache is current ({args.out}); --force rebuilds it", file=sys.stderr)
        return 0
    try:
        build(
            args.out,
            seed=args.seed,
            paragraphs=args.paragraphs,
            seed_article=args.seed_article,
            jobs=args.jobs,
            source=args.prose,
        )
    except SetUnavailable as exc:
        print(f"modern-ocr: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
