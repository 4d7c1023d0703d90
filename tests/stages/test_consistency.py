"""The consistency stage: a name spelt once one way, and elsewhere another way."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from cleaner import clean, propose
from cleaner.config import Config
from cleaner.edits import Edit
from cleaner.stages import STAGES

ROOT = Path(__file__).parents[2]
SEED = ROOT / "fixtures" / "seed" / "000_96fd921571c764bf.txt"
EXPECTED = ROOT / "fixtures" / "seed" / "000_96fd921571c764bf.expected.txt"
ONLY = Config(disable=frozenset(STAGES) - {"consistency"})


def edits(text: str, config: Config = ONLY) -> list[tuple[str, str, bool]]:
    found: list[Edit] = propose(text, config)
    assert all(e.rule == "names.consistency" for e in found)
    return [(e.before, e.after, e.safe) for e in found]


def test_seed_completes_the_diacritics() -> None:
    text = SEED.read_text(encoding="utf-8")
    [edit] = propose(text, ONLY)
    assert (edit.before, edit.after, edit.safe) == ("Cavuşoğlu", "Çavuşoğlu", True)
    assert text[edit.start - len("Mevlüt ") : edit.end] == "Mevlüt Cavuşoğlu"
    assert edit.reason == "the document spells it 'Çavuşoğlu' elsewhere (once), with its diacritics"


def test_seed_expected_output_is_consistent() -> None:
    assert edits(EXPECTED.read_text(encoding="utf-8")) == []


def test_one_edit_from_a_spelling_used_more_often() -> None:
    text = "The Lashkar-e-Taiba group said Lashkar-e-Taiba fighters left. A Lashker-e-Taiba spokesman denied it."
    # Proposed, never applied unasked: one letter also tells people apart.
    assert edits(text) == [("Lashker-e-Taiba", "Lashkar-e-Taiba", False)]
    assert clean(text, ONLY) == text


def test_possessives_count_as_the_name() -> None:
    text = "Tarvosk's men left. Tarvask stayed; Tarvosk's aides agreed."
    assert edits(text) == [("Tarvask", "Tarvosk", False)]


def test_no_majority_no_edit() -> None:
    assert edits("Tarvosk said so. Tarvask left.") == []


def test_diacritics_are_never_removed() -> None:
    assert edits("Çavuşoğlu said so. Cavusoglu and Cavusoglu agreed, said Cavusoglu.") == []


def test_two_ways_to_complete_is_no_edit() -> None:
    assert edits("Cavusoglu said so. Çavusoglu agreed; Cavuşoglu did not.") == []


def test_two_frequent_candidates_is_no_edit() -> None:
    text = "Mirovan said so. Mirovian and Mirowan agreed; Mirovian and Mirowan left."
    assert edits(text) == []


def test_real_words_are_not_changed() -> None:
    assert edits("Stein arrived later. Stern said so, and Stern's aides agreed.") == []
    text = "Austria said so. Australia, Australia and Australia agreed."
    assert edits(text) == []


def test_words_of_software_writing_are_not_changed() -> None:
    # "Alloc" (dictionaries/technical.txt) is no misspelt "Allow".
    text = "Remove stray calls to Tcl_Alloc and friends. Allow the debugger; Allow the rest."
    assert edits(text) == []


def test_first_letters_tell_names_apart() -> None:
    text = "Cython is fast. Python is slow, but Python is popular and Python is everywhere."
    assert edits(text) == []


def test_places_are_left_to_the_names_stage() -> None:
    # "Indina" is one letter from "India" (used twice) and from "Indian":
    # the names stage weighs both; consistency does not guess.
    assert edits("The Indina economy grew. India and India again.") == []


def test_related_names_and_romanisations_go_to_review() -> None:
    text = "Karimova arrived later. Karimov said so, and Karimov's aides agreed with Karimov."
    assert edits(text) == [("Karimova", "Karimov", False)]
    text = "Zelenskiy spoke first. Zelenskyy said so; Zelenskyy's office confirmed it."
    assert edits(text) == [("Zelenskiy", "Zelenskyy", False)]


def test_allow_list_wins() -> None:
    text = "Tarvosk said so. Tarvask left; Tarvosk stayed."
    allowed = dataclasses.replace(ONLY, allow=frozenset({"Tarvask"}))
    assert edits(text, allowed) == []


def test_two_full_names_that_share_no_part_are_two_people() -> None:
    # Python's release notes credit both "Victor Stinner" and "Vitor Pereira".
    assert edits("Thanks to Victor Stinner, Victor Stinner again, and Vitor Pereira.") == []
    # One part shared: the same person, one part misspelt.
    text = "Thanks to Christian Heimes, Christian Heimes again, and Christien Heimes."
    assert edits(text) == [("Christien", "Christian", False)]
    # The spelling used more often also stands alone: nothing says two people.
    text = "Thanks to Victor Stinner, and to Victor again, and Vitor Pereira."
    assert edits(text) == [("Vitor", "Victor", False)]
    # Initials and particles stand inside a name; "and" joins two.
    text = "Alexander V. Lukyanov, Alexander Ross and Alexandre Julliard wrote it."
    assert edits(text) == []
    text = "Victor Stinner and Victor Stinner again, then Vitor Pereira."
    assert edits(text) == []
    text = "Christian von Roques, Christian Heimes, and Cristian Rodriguez."
    assert edits(text) == []
    # Offices, titles and a sentence's first word are no part of a name.
    text = "Minister Kuleba spoke. President Kuleba agreed. Mr Kulbea left."
    assert edits(text) == [("Kulbea", "Kuleba", False)]


def test_parts_of_a_name_are_told_apart_by_their_first_letters() -> None:
    # Keys and models: "Ctrl-Z" is no slip of "Ctrl-Y", "Cortex-X" of "Cortex-A".
    assert edits("Use Ctrl-Y to scroll, Ctrl-Y again and Ctrl-Y once more; Ctrl-Z stops.") == []
    # A hyphen more or less is a way of writing, not a name spelt two ways.
    assert edits("Cherrypick it. Cherrypick that too, then Cherry-pick the rest.") == []
    # A slip inside a part is still proposed.
    text = "The Lashkar-e-Taiba group said Lashkar-e-Taiba fighters left. A Lashker-e-Taiba man denied it."
    assert edits(text) == [("Lashker-e-Taiba", "Lashkar-e-Taiba", False)]


def test_a_date_abbreviation_is_no_name() -> None:
    text = "Fixed by Ondřej Nový.\n\n -- Jo Ma <jo@x.org>  Mon, 02 Nov 2020\n -- Jo Ma  Tue, 03 Nov 2020\n"
    assert edits(text) == []
