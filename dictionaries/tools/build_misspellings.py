"""Rebuild dictionaries/misspellings.txt from cspell's list of common English misspellings.

``misspellings.txt`` pairs a misspelt word with the one word it stands for
("accomodate accommodate", "recieve receive"). The spelling stage makes a
slip it has read that way safe to apply when the list agrees: two sources
of evidence, its own reading and people's records of the slip.

The pairs come from the npm package @cspell/dict-en-common-misspellings
2.2.6 (Street Side Software; CC BY-SA 4.0, see ``misspellings-LICENSE.txt``),
which gathers Wikipedia's "Lists of common misspellings" and the word list
of the typos spell checker. Its tarball is checked against ``SHA256``. A pair
is kept from ``dict-en.json`` (the lists for every English; not the American
or British ones, which flag the other spelling) when it names one correction
only, both words are lower-case letters, the correction is in ``lexicon.txt``
and the misspelling is neither there nor in ``technical.txt`` (a word the
cleaner takes as right is never listed as wrong), and when the misspelling
reads no other way: not a word of the lexicon with its apostrophe left out
("youre": "you're" as often as "your"), not the correction run together
with a word the bigram list pairs it with ("inbetween": "in between";
"witha": "with a"; but "intoto" repeats the end of "into"). Run from the
repository root::

    mkdir -p /tmp/cspell && (cd /tmp/cspell && npm pack @cspell/dict-en-common-misspellings@2.2.6)
    python dictionaries/tools/build_misspellings.py /tmp/cspell [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
import tarfile
from collections.abc import Iterable, Set
from pathlib import Path

MISSPELLINGS = Path(__file__).parents[1] / "misspellings.txt"
LEXICON = Path(__file__).parents[1] / "lexicon.txt"
TECHNICAL = Path(__file__).parents[1] / "technical.txt"
BIGRAMS = Path(__file__).parents[1] / "bigrams.txt"
TARBALL = "cspell-dict-en-common-misspellings-2.2.6.tgz"
SHA256 = "98dd7d5aee6f874f3cd5b4558917c8f417d75e4da0cf8bb411e00f5d6124a0ed"
MEMBER = "package/dict/dict-en.json"
_WORD = re.compile(r"[a-z]+")


def entries(data: bytes) -> list[str]:
    """The ``wrong->right[, right...]`` entries of the tarball's English list."""
    found = hashlib.sha256(data).hexdigest()
    if found != SHA256:
        raise SystemExit(f"{TARBALL}: SHA-256 {found}, expected {SHA256}")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        member = archive.extractfile(MEMBER)
        assert member is not None, MEMBER
        definitions = json.loads(member.read())["dictionaryDefinitions"]
    return [
        entry
        for d in definitions
        for key in ("flagWords", "suggestWords")
        for entry in d.get(key, [])
    ]


def pairs(
    lines: Iterable[str],
    known: set[str],
    right: set[str],
    paired: Set[tuple[str, str]] = frozenset(),
) -> list[tuple[str, str]]:
    """``(misspelling, correction)`` of ``lines`` with one plain correction in
    ``known``, whose misspelling is in neither ``known`` nor ``right`` and
    reads no other way (see :func:`ambiguous`); sorted.

    >>> pairs(["recieve->receive", "youre->your", "witha->with", "teh->the, tech"],
    ...       {"receive", "your", "you're", "with", "a", "the"}, set(), {("with", "a")})
    [('recieve', 'receive')]
    """
    kept = {}
    for line in lines:
        wrong, _, corrections = line.partition("->")
        wrong = wrong.strip()
        options = [c.strip() for c in corrections.split(",") if c.strip()]
        if len(options) != 1 or not _WORD.fullmatch(wrong) or not _WORD.fullmatch(options[0]):
            continue
        if (
            options[0] in known
            and wrong not in known
            and wrong not in right
            and wrong != options[0]
            and not ambiguous(wrong, options[0], known, paired)
        ):
            kept[wrong] = options[0]
    return sorted(kept.items())


def ambiguous(wrong: str, right: str, known: Set[str], paired: Set[tuple[str, str]]) -> bool:
    """Whether ``wrong`` is also a ``known`` word with its apostrophe left
    out, or ``right`` and another word run together that ``paired`` (the
    bigram list) holds, the other word not a repeat of ``right``'s edge.

    >>> [ambiguous(w, r, set(), {("with", "a"), ("a", "and")}) for w, r in (("witha", "with"),
    ...     ("aand", "and"))]
    [True, False]
    """
    for i in range(1, len(wrong)):
        first, second = wrong[:i], wrong[i:]
        if f"{first}'{second}" in known:
            return True
        if (first, second) in paired and (
            (first == right and not right.endswith(second))
            or (second == right and not right.startswith(first))
        ):
            return True
    return False


def _pairs(path: Path) -> set[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {
        (first, second)
        for first, second, *_ in (
            line.split(" ") for line in lines if line and not line.startswith("#")
        )
    }


def _words(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.partition(" ")[0] for line in lines if line and not line.startswith("#")}


def render(rows: list[tuple[str, str]]) -> str:
    header = [
        "# Common misspellings, each with the one word it stands for: 'misspelling correction'.",
        "# Adapted from @cspell/dict-en-common-misspellings 2.2.6 (Wikipedia's lists, typos'",
        "# words.csv); CC BY-SA 4.0, see misspellings-LICENSE.txt. Known words are left out.",
        "# Rebuild: python dictionaries/tools/build_misspellings.py DIR (dictionaries/README.md).",
    ]
    return "\n".join(header + [f"{wrong} {right}" for wrong, right in rows]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("sources", type=Path, help="the folder `npm pack` wrote the tarball to")
    parser.add_argument("--check", action="store_true", help="exit 1 if misspellings.txt is stale")
    args = parser.parse_args(argv)
    lines = entries((args.sources / TARBALL).read_bytes())
    text = render(pairs(lines, _words(LEXICON), _words(TECHNICAL), _pairs(BIGRAMS)))
    if args.check:
        if MISSPELLINGS.read_text(encoding="utf-8") != text:
            print(f"{MISSPELLINGS} is stale", file=sys.stderr)
            return 1
        return 0
    MISSPELLINGS.write_text(text, encoding="utf-8", newline="\n")
    print(f"{MISSPELLINGS}: {text.count(chr(10)) - 4} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
