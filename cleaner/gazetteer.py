"""Gazetteers: the places and names the cleaner treats as real, and near matches.

The shipped ``dictionaries/gazetteer.tsv`` (``name<TAB>kind<TAB>country<TAB>weight``,
about 42,000 rows) is read on first use. Near
matches are found by blocking: every name is filed under the letters at its
start and under those at its end (with its length), so a query compares
itself (see :mod:`cleaner.fuzzy`) only against the few hundred names that share an end
with it, which one typo always leaves intact. Parsing and folding every row
costs about 50 ms, so the blocked index is kept in the cache folder (see
:mod:`cleaner.cache`), under the shipped file's version, and a later process
loads it in a few milliseconds. Without a writable cache folder the index is
built in memory each time.

User gazetteers (``--gazetteer FILE``, the ``gazetteers`` config key) are
UTF-8 files of one name per line (``#`` starts a comment) or of
``name<TAB>kind<TAB>country<TAB>weight`` rows; both may be mixed.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from cleaner import cache
from cleaner.errors import ConfigError
from cleaner.fuzzy import within
from cleaner.letters import LetterModel
from cleaner.lexicon import search_lines
from cleaner.memo import Memo
from cleaner.resources import dictionary_path

# Bump when the cached index's layout changes.
_INDEX_FORMAT = 1
# Prior weight of a name from a user's gazetteer with no weight of its own:
# the user listed it for this project, so it ranks with a large city.
USER_WEIGHT = 1_000_000
# Letters that Unicode does not decompose into a base letter and a mark.
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "ħ": "h",
        "Ħ": "h",
        "þ": "th",
        "Þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        # Typographic apostrophes and dashes are the same name ("Cote d’Ivoire").
        "\N{RIGHT SINGLE QUOTATION MARK}": "'",
        "\N{LEFT SINGLE QUOTATION MARK}": "'",
        "\N{MODIFIER LETTER APOSTROPHE}": "'",
        # "Al-Minyā" and "Al Minyā", "Saint-Denis" and "Saint Denis": one name.
        "-": " ",
        "\N{HYPHEN}": " ",
        "\N{NON-BREAKING HYPHEN}": " ",
        "\N{EN DASH}": " ",
    }
)


def fold(text: str) -> str:
    """``text`` case-folded, without diacritics: the key names are matched on.

    >>> fold("Çavuşoğlu") == fold("Cavusoglu") == "cavusoglu", fold("Łódź"), fold("Al-Minyā")
    (True, 'lodz', 'al minya')
    """
    if text.isascii():
        return text.lower().replace("-", " ")
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Place(NamedTuple):
    """One gazetteer row. ``source`` is empty for the shipped gazetteer, else the user's file."""

    name: str
    kind: str
    country: str
    weight: int
    source: str = ""


def _keys(folded: str, length: int) -> tuple[str, str]:
    """The two blocks a name of ``length`` letters with these end letters is filed under.

    Long names are filed by their first two and last two letters: one typo in a
    name of five letters or more leaves one of the pairs as it was. Short
    names are filed by one letter at each end.
    """
    ends = 1 if length <= 5 else 2
    return f"<{folded[:ends]}{length}", f">{folded[-ends:]}{length}"


# The blocks of the index: their keys (joined by newlines), where each ends
# in the data, and the data.
Blocks = tuple[str, list[int], bytes]


class _Index:
    """Names filed in blocks by their ends and length (see :func:`_keys`)."""

    def __init__(
        self,
        blocks: Blocks,
        countries: dict[str, str],
        parts: bytes,
        letters: dict[str, int],
    ) -> None:
        # "<" blocks: UTF-8 lines "folded<TAB>row"; ">" blocks: folded names,
        # whose rows sit in their own "<" block. All blocks are one byte
        # string, cut and decoded when first asked for: a document needs a
        # few dozen of them, a folder of documents most of them.
        keys, ends, data = blocks
        starts = [0, *ends[:-1]]
        self._raw = dict(zip(keys.split("\n"), zip(starts, ends, strict=True), strict=True))
        self._data = data
        self._parsed: dict[str, dict[str, str] | tuple[str, ...]] = {}
        self.countries = countries
        self._parts_raw = parts
        self.letters = LetterModel(letters)

    @functools.cached_property
    def parts(self) -> frozenset[str]:
        """The folded words of the multi-word names ("alice", "springs", "south")."""
        return frozenset(self._parts_raw.decode("utf-8").split("\n"))

    def bucket(self, key: str) -> Collection[str]:
        """The folded names filed under ``key``."""
        found = self._parsed.get(key)
        if found is None:
            found = self._parsed[key] = self._parse(key)
        return found

    def _parse(self, key: str) -> dict[str, str] | tuple[str, ...]:
        """A "<" block as folded name -> its TSV rows (joined by line breaks),
        a ">" block as its names.

        Parsed whole, the blocks held 16 MB in every worker process that
        checks a folder: a list of rows per name, and an empty one per name of
        a ">" block. Most names have one row, which is kept as it is.
        """
        span = self._raw.get(key)
        if not span:
            return ()
        lines = self._data[span[0] : span[1]].decode("utf-8").split("\n")
        if key.startswith(">"):
            return tuple(dict.fromkeys(lines))
        rows: dict[str, str] = {}
        for line in lines:
            folded, _, row = line.partition("\t")
            rows[folded] = f"{rows[folded]}\n{row}" if folded in rows else row
        return rows

    def lookup(self, folded: str) -> list[Place]:
        rows = self.bucket(_keys(folded, len(folded))[0])
        found = rows.get(folded) if isinstance(rows, dict) else None
        return [_place(row) for row in found.split("\n")] if found else []


def _place(row: str, source: str = "") -> Place:
    name, kind, country, weight = row.split("\t")
    return Place(name, kind, country, int(weight), source)


def build_index(lines: Iterable[str]) -> tuple[Blocks, dict[str, str], bytes, dict[str, int]]:
    """The blocked index of gazetteer TSV lines, each country code's short name,
    the words of multi-word names (joined by newlines) and the letter model's counts."""
    grouped: dict[str, list[str]] = defaultdict(list)
    country_names: dict[str, list[str]] = defaultdict(list)
    parts: set[str] = set()
    names: set[str] = set()
    for line in lines:
        if not line or line.startswith("#"):
            continue
        name, kind, country, _ = line.split("\t")
        folded = fold(name)
        first, last = _keys(folded, len(folded))
        grouped[first].append(f"{folded}\t{line}")
        grouped[last].append(folded)
        names.add(folded)
        if " " in folded:
            parts.update(folded.split())
        if kind == "country":
            country_names[country].append(name)
    data = bytearray()
    ends = []
    for lines_of_block in grouped.values():
        data += "\n".join(lines_of_block).encode("utf-8")
        ends.append(len(data))
    blocks = ("\n".join(grouped), ends, bytes(data))
    # "Turkey" rather than "Republic of Türkiye": the shortest name, ASCII first.
    countries = {
        code: min(names, key=lambda n: (not n.isascii(), len(n), n))
        for code, names in country_names.items()
    }
    joined_parts = "\n".join(sorted(parts)).encode("utf-8")
    return blocks, countries, joined_parts, LetterModel.count(sorted(names))


@functools.cache
def _shipped_index() -> _Index:
    resource = dictionary_path("gazetteer.tsv")
    # The installed file's path, size and time name its version, so a cached
    # index is found without reading the 1 MB source.
    key = f"gazetteer index {_INDEX_FORMAT} {cache.version(resource.resolve())}"
    built = cache.marshalled(
        "gazetteer", key, lambda: build_index(resource.read_text("utf-8").split("\n"))
    )
    return _Index(*built)


@functools.cache
def _small_places() -> str:
    """small_places.tsv, whose header lines ("# ...") sort before its names."""
    return dictionary_path("small_places.tsv").read_text("utf-8")


def small_place(name: str) -> dict[str, int]:
    """Country code -> population of the places of ``name`` too small for the gazetteer.

    From ``dictionaries/small_places.tsv`` (GeoNames places of 500 to 15,000
    people, under ASCII spellings), read on first use and searched as one
    string.

    >>> small_place("Aleria"), small_place("Algeria"), small_place("Aléria")
    ({'FR': 2163}, {}, {'FR': 2163})
    """
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
        if not name.isascii():
            return {}
    found = search_lines(_small_places(), name + "\t")
    if found is None:
        return {}
    return {code: int(count) for code, count in (p.split(" ") for p in found.split(","))}


def parse_user_gazetteer(text: str, source: str) -> list[Place]:
    """The places of a user's gazetteer file (see the module docstring).

    >>> parse_user_gazetteer("# ours\\nQarnaval\\nNew Qarn\\tcity\\tTR\\t5000\\n", "p.txt")[1]
    Place(name='New Qarn', kind='city', country='TR', weight=5000, source='p.txt')
    """
    places: list[Place] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [unicodedata.normalize("NFC", f.strip()) for f in line.split("\t")]
        if not fields[0]:
            raise ConfigError(f"{source}:{number}: a gazetteer row needs a name first")
        if len(fields) > 4:
            raise ConfigError(
                f"{source}:{number}: expected name<TAB>kind<TAB>country<TAB>weight, "
                f"found {len(fields)} fields"
            )
        name, kind, country, weight = (*fields, "", "", "")[:4]
        if weight and not (weight.isdigit() and int(weight) > 0):
            raise ConfigError(f"{source}:{number}: weight {weight!r} is not a positive integer")
        places.append(
            Place(name, kind or "name", country.upper(), int(weight) if weight else USER_WEIGHT,
                  source)
        )  # fmt: skip
    return places


def _unreadable(path: Path, exc: OSError) -> ConfigError:
    reason = "no such file" if isinstance(exc, FileNotFoundError) else exc.strerror or str(exc)
    return ConfigError(f"{path}: cannot read gazetteer: {reason}")


@functools.lru_cache(maxsize=32)
def _user_places(path: Path, _stamp: tuple[int, int]) -> tuple[Place, ...]:
    # _stamp (modification time, size) makes an edited file a new cache entry.
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: gazetteer is not UTF-8 (byte {exc.start})") from None
    return tuple(parse_user_gazetteer(text, str(path)))


class Gazetteer:
    """The shipped gazetteer (loaded on first use) plus the user's own places."""

    def __init__(self, user: Sequence[Place] = (), *, shipped: bool = True) -> None:
        self._shipped = shipped
        self.user = tuple(user)
        # Documents name the same places again and again: each name is looked up once.
        self._looked_up: Memo[str, list[Place]] = Memo(self._lookup, 100_000)
        self._user_buckets: dict[str, list[tuple[str, Place]]] = defaultdict(list)
        self._user_parts: set[str] = set()
        for place in self.user:
            folded = fold(place.name)
            for key in _keys(folded, len(folded)):
                self._user_buckets[key].append((folded, place))
            if " " in folded:
                self._user_parts.update(folded.split())

    def _index(self) -> _Index | None:
        return _shipped_index() if self._shipped else None

    def lookup(self, name: str) -> list[Place]:
        """Every entry whose folded name equals ``name``'s."""
        return list(self._looked_up[name])

    def _lookup(self, name: str) -> list[Place]:
        folded = fold(name)
        if not folded:
            return []
        index = self._index()
        found = index.lookup(folded) if index else []
        key = _keys(folded, len(folded))[0]
        return found + [p for f, p in self._user_buckets.get(key, ()) if f == folded]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self.lookup(name))

    def in_multiword_name(self, word: str) -> bool:
        """Whether ``word`` is one of the words of a multi-word name ("Alice", "Wales")."""
        folded = fold(word)
        index = self._index()
        return folded in self._user_parts or (index is not None and folded in index.parts)

    def name_log10_probability(self, name: str) -> float:
        """How name-like ``name`` reads (see :class:`LetterModel`); 0.0 without the shipped list."""
        index = self._index()
        return index.letters.log10_probability(fold(name)) if index else 0.0

    def country_name(self, code: str) -> str:
        """A country's short English name ("Turkey" for TR); the code when unknown."""
        index = self._index()
        return index.countries.get(code, code) if index else code

    def near(self, queries: Sequence[str], max_distance: int = 2) -> list[list[tuple[Place, int]]]:
        """For each query, the entries within ``max_distance`` edits of it.

        Distances are optimal-string-alignment edits (a swap of neighbours is
        one edit) between folded names; a query and a name must share their
        first or their last letter and differ in length by at most
        ``max_distance``. Names whose fold equals the query's are left out.
        """
        index = self._index()
        results: list[list[tuple[Place, int]]] = []
        for query in queries:
            folded = fold(query)
            if not folded:
                results.append([])
                continue
            choices: set[str] = set()
            length = len(folded)
            for size in range(max(1, length - max_distance), length + max_distance + 1):
                for key in _keys(folded, size):
                    if index:
                        choices.update(index.bucket(key))
                    choices.update(f for f, _ in self._user_buckets.get(key, ()))
            choices.discard(folded)
            found: list[tuple[Place, int]] = []
            for name, distance, _ in within(folded, sorted(choices), max_distance):
                found.extend((place, distance) for place in self.lookup(name))
            results.append(found)
        return results


@functools.lru_cache(maxsize=8)
def _gazetteer(files: tuple[tuple[Path, tuple[int, int]], ...]) -> Gazetteer:
    return Gazetteer([place for path, stamp in files for place in _user_places(path, stamp)])


def gazetteer_for(files: Sequence[Path]) -> Gazetteer:
    """The shipped gazetteer plus ``files`` (``Config.gazetteers``), read once per version.

    A missing, unreadable or malformed file is a :class:`ConfigError` (exit code 2).
    """
    stamped = []
    for path in files:
        try:
            stat = path.stat()
        except OSError as exc:
            raise _unreadable(path, exc) from None
        if not path.is_file():
            raise ConfigError(f"{path}: cannot read gazetteer: not a file")
        stamped.append((path, (stat.st_mtime_ns, stat.st_size)))
    return _gazetteer(tuple(stamped))
