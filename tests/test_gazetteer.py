"""The gazetteer: folding, lookups, near matches, the cached index, user gazetteers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaner import gazetteer
from cleaner.errors import ConfigError
from cleaner.gazetteer import (
    USER_WEIGHT,
    Gazetteer,
    Place,
    build_index,
    fold,
    gazetteer_for,
    parse_user_gazetteer,
)
from cleaner.resources import dictionary_path


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder, and the shipped index forgotten before and after."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(folder))
    gazetteer._shipped_index.cache_clear()
    yield folder
    gazetteer._shipped_index.cache_clear()


def test_fold_drops_case_diacritics_and_hyphens() -> None:
    assert fold("Çavuşoğlu") == fold("Cavusoglu") == "cavusoglu"
    assert fold("Zürich") == "zurich"
    assert fold("Łódź") == "lodz"
    assert fold("Saint-Denis") == fold("Saint Denis") == "saint denis"
    assert fold("Côte d’Ivoire") == "cote d'ivoire"


def test_lookup_finds_every_row_of_a_name() -> None:
    shipped = Gazetteer()
    assert shipped.lookup("Ankara") == [Place("Ankara", "capital", "TR", 3517182)]
    assert {p.country for p in shipped.lookup("Paris")} >= {"FR", "US"}
    assert [p.kind for p in shipped.lookup("Turkish")] == ["demonym"]


def test_membership_ignores_case_and_diacritics_but_not_letters() -> None:
    shipped = Gazetteer()
    assert "Zürich" in shipped and "Zurich" in shipped and "ANKARA" in shipped
    assert "New South Wales" in shipped
    for name in ("Anara", "Kuleba", "Lavrov", "Baykar"):
        assert name not in shipped


def test_country_names_are_the_short_english_ones() -> None:
    shipped = Gazetteer()
    assert shipped.country_name("TR") == "Turkey"
    assert shipped.country_name("US") == "United States"
    assert shipped.country_name("ZZ") == "ZZ"


def test_near_finds_one_typo_anywhere_in_the_name() -> None:
    shipped = Gazetteer()
    # Dropped, added, replaced and swapped letters, first letter included.
    for typo in ("Anara", "Ankra", "Ankaara", "Ankera", "Aknara", "Znkara", "Nkara", "Ankar"):
        found = {(p.name, d) for p, d in shipped.near([typo])[0]}
        assert ("Ankara", 1) in found, typo


def test_near_is_batched_and_leaves_out_the_query_itself() -> None:
    shipped = Gazetteer()
    anara, ankara = shipped.near(["Anara", "Ankara"])
    assert {"Ankara", "Nara"} <= {p.name for p, _ in anara}
    assert "Ankara" not in {p.name for p, _ in ankara}
    assert all(d <= 2 for _, d in anara)


def test_near_matches_multiword_names() -> None:
    found = {p.name for p, _ in Gazetteer().near(["Alice Sprngs"])[0]}
    assert "Alice Springs" in found


def test_letter_model_prefers_name_like_strings() -> None:
    shipped = Gazetteer()
    assert shipped.name_log10_probability("Chjad") < shipped.name_log10_probability("Chad")


def test_build_index_files_names_and_countries() -> None:
    lines = [
        "# header",
        "Turkey\tcountry\tTR\t82319724",
        "Türkiye\tcountry\tTR\t82319724",
        "Ankara\tcapital\tTR\t3517182",
        "New South Wales\tregion\tAU\t3124046",
    ]
    blocks, countries, parts, letters = build_index(lines)
    assert countries == {"TR": "Turkey"}
    assert set(parts.decode().split("\n")) == {"new", "south", "wales"}
    assert letters["3^^a"] == 1  # one name starts with "a"
    keys = blocks[0].split("\n")
    assert "<an6" in keys and ">ra6" in keys


def test_index_blocks_give_every_row_of_a_name_and_the_names_near() -> None:
    lines = [
        "Paris\tcity\tFR\t2138551",
        "Paris\tcity\tUS\t24171",
        "Parma\tcity\tIT\t146299",
    ]
    index = gazetteer._Index(*build_index(lines))
    assert [(p.country, p.weight) for p in index.lookup("paris")] == [
        ("FR", 2138551),
        ("US", 24171),
    ]
    assert index.lookup("pariss") == [] and index.lookup("parma")[0].country == "IT"
    # Both blocks of a name list it once, however many rows it has.
    assert sorted(index.bucket("<p5")) == ["paris", "parma"]
    assert list(index.bucket(">s5")) == ["paris"]


def test_index_is_cached_on_disk_and_reused(fresh_cache: Path) -> None:
    first = Gazetteer().lookup("Ankara")
    files = list(fresh_cache.iterdir())
    assert len(files) == 1 and files[0].name.startswith("gazetteer-")
    stamp = files[0].stat().st_mtime_ns
    gazetteer._shipped_index.cache_clear()
    assert Gazetteer().lookup("Ankara") == first
    assert files[0].stat().st_mtime_ns == stamp  # read, not rebuilt


def test_corrupt_cache_is_rebuilt(fresh_cache: Path) -> None:
    Gazetteer().lookup("Ankara")
    (index,) = fresh_cache.glob("gazetteer-*")
    index.write_bytes(index.read_bytes()[:1000])
    gazetteer._shipped_index.cache_clear()
    assert Gazetteer().lookup("Ankara")[0].country == "TR"
    assert len(index.read_bytes()) > 1000


def test_two_installs_keep_their_own_index(
    fresh_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A second install (pre-commit's environment beside a project's) has its
    # own copy of the list: each run of one must not rebuild the other's index.
    Gazetteer().lookup("Ankara")
    (first,) = fresh_cache.glob("gazetteer-*")
    stamp = first.stat().st_mtime_ns
    copy = tmp_path / "other-install" / "gazetteer.tsv"
    copy.parent.mkdir()
    copy.write_bytes(dictionary_path("gazetteer.tsv").read_bytes())
    monkeypatch.setattr(gazetteer, "dictionary_path", lambda name: copy)
    gazetteer._shipped_index.cache_clear()
    assert Gazetteer().lookup("Ankara")[0].country == "TR"
    assert len(list(fresh_cache.glob("gazetteer-*"))) == 2
    monkeypatch.undo()
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(fresh_cache))
    gazetteer._shipped_index.cache_clear()
    assert Gazetteer().lookup("Ankara")[0].country == "TR"
    assert first.stat().st_mtime_ns == stamp  # the first install's index, read again


def test_unwritable_cache_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "cache"))
    gazetteer._shipped_index.cache_clear()
    try:
        assert Gazetteer().lookup("Ankara")[0].kind == "capital"
    finally:
        gazetteer._shipped_index.cache_clear()


def test_parse_plain_and_tsv_rows_with_comments() -> None:
    text = "# places we write about\n\nQarnaval\n  # indented comment\nNew Qarn\tcity\ttr\t5000\nLashkar-e-Taiba\tgroup\n"
    assert parse_user_gazetteer(text, "p.txt") == [
        Place("Qarnaval", "name", "", USER_WEIGHT, "p.txt"),
        Place("New Qarn", "city", "TR", 5000, "p.txt"),
        Place("Lashkar-e-Taiba", "group", "", USER_WEIGHT, "p.txt"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Good\nBad\tcity\tTR\tmany\n", "p.txt:2: weight 'many' is not a positive integer"),
        ("Bad\tcity\tTR\t0\n", "p.txt:1: weight '0' is not a positive integer"),
        (
            "A\tb\tc\t1\te\n",
            "p.txt:1: expected name<TAB>kind<TAB>country<TAB>weight, found 5 fields",
        ),
        ("\tcity\tTR\t5\n", "p.txt:1: a gazetteer row needs a name first"),
    ],
)
def test_malformed_rows_are_config_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_user_gazetteer(text, "p.txt")
    assert str(info.value) == message


def test_user_gazetteer_joins_the_shipped_one(tmp_path: Path) -> None:
    places = tmp_path / "places.txt"
    places.write_text("Qarnaval\nLittle Tarnwick\tvillage\tGB\t900\n", encoding="utf-8")
    combined = gazetteer_for([places])
    assert combined.lookup("Qarnaval") == [Place("Qarnaval", "name", "", USER_WEIGHT, str(places))]
    assert "Ankara" in combined
    assert "Qarnaval" in {p.name for p, _ in combined.near(["Qarnavl"])[0]}
    assert combined.in_multiword_name("Tarnwick")
    assert "Qarnaval" not in gazetteer_for([])


def test_an_edited_user_gazetteer_is_read_again(tmp_path: Path) -> None:
    places = tmp_path / "places.txt"
    places.write_text("Qarnaval\n", encoding="utf-8")
    assert "Qarnaval" in gazetteer_for([places])
    places.write_text("Qarnaval\nVelmora\n", encoding="utf-8")
    os.utime(places, ns=(1, 1))  # a new modification time, whatever the clock's resolution
    assert "Velmora" in gazetteer_for([places])


def test_missing_gazetteer_is_a_config_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(ConfigError, match=r"nope.txt: cannot read gazetteer: no such file$"):
        gazetteer_for([missing])
    with pytest.raises(ConfigError, match="not a file"):
        gazetteer_for([tmp_path])


def test_undecodable_gazetteer_is_a_config_error(tmp_path: Path) -> None:
    places = tmp_path / "places.txt"
    places.write_bytes(b"Caf\xe9\n")
    with pytest.raises(ConfigError, match="gazetteer is not UTF-8"):
        gazetteer_for([places])
