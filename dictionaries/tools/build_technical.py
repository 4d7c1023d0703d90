"""Rebuild dictionaries/technical.txt from cspell's technical word lists.

``technical.txt`` holds words of software writing that no English word list
has: program and library names ("systemd", "musl", "gstreamer"), C and shell
functions ("printf", "scanf", "libc"), protocol and file-format abbreviations
("tcp", "png"). The spelling stages take them as right words, so that a
changelog's "printf" is never "repaired" to "prints".

The words come from five npm packages of the cspell spell checker (Street
Side Software, MIT licence; see ``technical-LICENSE.txt``), read from the
tarballs ``npm pack`` fetches. Each tarball's SHA-256 is checked against
``SOURCES``, so a rebuild reads exactly the data the shipped file was built
from. A word is kept when it is letters only, at least ``MIN_LETTERS`` long
(after folding to lower case), not in ``lexicon.txt`` (it is known already)
and not a misspelling in codespell's ``dictionary.txt`` (cspell's lists hold
a few: "splitted", "reenabled", "homogenous"; a typo must stay reviewable).
Run from the repository root::

    mkdir -p /tmp/cspell && (cd /tmp/cspell && npm pack @cspell/dict-software-terms@5.4.9 \\
        @cspell/dict-cpp@7.2.0 @cspell/dict-python@4.5.3 @cspell/dict-shell@1.2.0 \\
        @cspell/dict-fullstack@3.2.9)
    python dictionaries/tools/build_technical.py /tmp/cspell [--check]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.resources
import io
import re
import sys
import tarfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

TECHNICAL = Path(__file__).parents[1] / "technical.txt"
LEXICON = Path(__file__).parents[1] / "lexicon.txt"

# Tarball (as `npm pack` names it) -> its SHA-256 and the word lists read from it.
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "cspell-dict-software-terms-5.4.9.tgz": (
        "8f3ffc39169cadedf9aeb9e73d1a3ecf585e77cd31be1fba46fc8acbe582c5b7",
        (
            "softwareTerms.txt.gz",
            "software-tools.txt",
            "networkingTerms.txt",
            "webServices.txt",
            "computing-acronyms.txt",
            "coding-compound-terms.txt",
            "software-terms-alternative.txt",
        ),
    ),
    "cspell-dict-cpp-7.2.0.tgz": (
        "df991c33f0345964407c0cb9bb8be8aaa84db805ef83e6f48e05cb09c140e648",
        # The refined list: the C and C++ keywords and standard library names.
        # cpp.txt adds 80,000 identifiers scraped from code ("AAynQoXAJljWpiR").
        ("cpp-refined.txt.gz",),
    ),
    "cspell-dict-python-4.5.3.tgz": (
        "c842fd0ca429fa9a051b6ab0985c507234bb2550b94f525d059ac6c5686c5a5a",
        ("python.txt", "python-common.txt"),
    ),
    "cspell-dict-shell-1.2.0.tgz": (
        "aaa82a79460db726b094fffa1a517d379c0a5e8ed08586027cf4404c9b00ad9c",
        ("shell-all-words.txt",),
    ),
    "cspell-dict-fullstack-3.2.9.tgz": (
        "2279d0309049ba69878dd4de93a4f67d7fbdd5019ee07e9c3b4b6cd3a2393f2a",
        ("fullstack.txt",),
    ),
}
MIN_LETTERS = 3
CODESPELL_VERSION = "2.4.3"
_WORD = re.compile(r"[A-Za-z]+")


def entry_words(line: str) -> Iterator[str]:
    """The plain words of one line of a cspell word list, folded to lower case.

    Comments (``#``) and forbidden words (``!``) give none. cspell's marks
    are dropped: ``~`` (case-insensitive form), ``*`` and ``+`` (compound
    joints). An entry of several words gives each.
    """
    line = line.strip()
    if not line or line.startswith(("#", "!")):
        return
    for word in line.lstrip("~").replace("*", "").replace("+", "").split():
        if _WORD.fullmatch(word) and len(word) >= MIN_LETTERS:
            yield word.lower()


def read_lists(tarballs: Mapping[str, bytes]) -> dict[str, str]:
    """``list name -> text`` of the word lists SOURCES names, from tarball bytes.

    Each tarball must have its recorded SHA-256: the file is rebuilt only
    from the data it was built from.
    """
    lists = {}
    for name, (digest, members) in SOURCES.items():
        data = tarballs[name]
        found = hashlib.sha256(data).hexdigest()
        if found != digest:
            raise SystemExit(f"{name}: SHA-256 {found}, expected {digest}")
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member in members:
                extracted = archive.extractfile(f"package/dict/{member}")
                assert extracted is not None, member
                raw = extracted.read()
                if member.endswith(".gz"):
                    raw = gzip.decompress(raw)
                lists[member] = raw.decode("utf-8")
    return lists


def technical_words(
    lists: Iterable[str], known: Iterable[str], misspellings: Iterable[str]
) -> list[str]:
    """The words of ``lists`` that neither ``known`` nor ``misspellings`` hold, sorted."""
    dropped = set(known) | set(misspellings)
    words = {word for text in lists for line in text.splitlines() for word in entry_words(line)}
    return sorted(words - dropped)


def lexicon_words() -> set[str]:
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    return {line.partition(" ")[0] for line in lines if not line.startswith("#")}


def codespell_misspellings() -> set[str]:
    """The misspelled forms of codespell's main dictionary, lower case."""
    import codespell_lib  # the version is checked by render()'s caller

    source = importlib.resources.files(codespell_lib) / "data" / "dictionary.txt"
    text = source.read_bytes().decode("utf-8")
    return {line.partition("->")[0].strip().lower() for line in text.splitlines() if line}


def render(words: list[str]) -> str:
    packages = ", ".join(name.removesuffix(".tgz") for name in SOURCES)
    header = [
        "# Words of software writing that lexicon.txt lacks: one lower-case word a line, sorted.",
        f"# From cspell's word lists ({packages}; MIT licence, see technical-LICENSE.txt),",
        f"# less lexicon.txt's words and codespell {CODESPELL_VERSION}'s misspellings.",
        "# Rebuild: python dictionaries/tools/build_technical.py DIR (see dictionaries/README.md).",
    ]
    return "\n".join(header + words) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("sources", type=Path, help="the folder `npm pack` wrote the tarballs to")
    parser.add_argument("--check", action="store_true", help="exit 1 if technical.txt is stale")
    args = parser.parse_args(argv)
    from importlib.metadata import version

    if version("codespell") != CODESPELL_VERSION:
        raise SystemExit(f"needs codespell {CODESPELL_VERSION}, found {version('codespell')}")
    tarballs = {name: (args.sources / name).read_bytes() for name in SOURCES}
    lists = read_lists(tarballs)
    text = render(technical_words(lists.values(), lexicon_words(), codespell_misspellings()))
    if args.check:
        if TECHNICAL.read_text(encoding="utf-8") != text:
            print(f"{TECHNICAL} is stale", file=sys.stderr)
            return 1
        return 0
    TECHNICAL.write_text(text, encoding="utf-8", newline="\n")
    print(f"{TECHNICAL}: {text.count(chr(10)) - 4} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
