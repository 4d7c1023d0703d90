"""How names get misspelt: the channel costs, romanisation variants, derived words."""

from __future__ import annotations

import pytest

from cleaner.typos import channel_cost, derived_form, transliteration_variant, typo_cost


def cost(observed: str, intended: str) -> float:
    found = channel_cost(observed, intended)
    assert found is not None, (observed, intended)
    return found


def test_identical_words_cost_nothing() -> None:
    assert cost("Ankara", "Ankara") == 0.0


def test_one_edit_costs_two_to_five() -> None:
    for observed in ("Anara", "Ankarra", "Ankera", "Aknara"):
        assert 2.0 < cost(observed, "Ankara") < 5.0, observed


def test_a_dropped_letter_is_cheaper_than_an_added_one() -> None:
    assert cost("Anara", "Ankara") < cost("Ankaxra", "Ankara")


def test_listed_ocr_confusions_are_cheap() -> None:
    # "rn" read for "m" is one of the table's commonest rows; a random
    # two-letter change is not.
    assert cost("Rorne", "Rome") < 3.0 < cost("Roxqe", "Rome")


def test_the_first_letter_is_rarely_mistyped() -> None:
    assert cost("Bnkara", "Ankara") > cost("Anbara", "Ankara")
    assert typo_cost("substitution", 6, first=True) == pytest.approx(
        typo_cost("substitution", 6) + 1.0
    )


def test_lost_accents_are_almost_free_and_added_ones_are_not() -> None:
    assert cost("Cavusoglu", "Çavuşoğlu") < 0.5
    assert cost("Çavuşoğlu", "Cavusoglu") > 2.0


def test_distant_words_have_no_cost() -> None:
    assert channel_cost("Kuleba", "Kulob") is None
    assert channel_cost("Lavrov", "Ankara") is None


@pytest.mark.parametrize(
    ("observed", "name"),
    [("Zaporizhzhia", "Zaporizhzhya"), ("Lugansk", "Luhansk"), ("Kharkov", "Kharkiv"),
     ("Moskow", "Moscow")],
)  # fmt: skip
def test_romanisation_variants(observed: str, name: str) -> None:
    assert transliteration_variant(observed, name)
    assert transliteration_variant(name, observed)


@pytest.mark.parametrize(
    ("observed", "name"),
    [("Berln", "Berlin"), ("Anara", "Ankara"), ("New Suth Wales", "New South Wales"),
     ("Marseile", "Marseille")],
)  # fmt: skip
def test_typos_are_not_variants(observed: str, name: str) -> None:
    assert not transliteration_variant(observed, name)


def test_derived_forms() -> None:
    assert derived_form("Irani", "Iran")
    assert derived_form("Karimova", "Karimov")
    assert not derived_form("Iran", "Irani")  # a letter less is a typo, not a derived word
    assert not derived_form("Berlinx", "Berlin")  # "x" derives nothing


def test_a_neighbouring_key_is_the_likelier_wrong_letter() -> None:
    # "q" sits next to "a" on a keyboard, "p" does not.
    near, far = channel_cost("Ganjq", "Ganja"), channel_cost("Ganjp", "Ganja")
    assert near is not None and far is not None and near < far
    assert typo_cost("substitution", 5, typed="q", meant="a") < typo_cost("substitution", 5)
    assert typo_cost("substitution", 5, typed="p", meant="a") > typo_cost("substitution", 5)
