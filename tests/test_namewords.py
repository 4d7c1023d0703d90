"""Capitalised words and runs of them."""

from __future__ import annotations

import pytest

from cleaner.namewords import credit_line, joined, list_of_names, name_words, neighbours


def texts(text: str) -> list[str]:
    return [w.text for w in name_words(text)]


def test_capitalised_words_without_possessives() -> None:
    assert texts("Anara's view and Lashkar-e-Taiba’s men in Saint-Denis") == [
        "Anara", "Lashkar-e-Taiba", "Saint-Denis",
    ]  # fmt: skip


def test_acronyms_camel_case_and_lower_case_words_are_left_out() -> None:
    assert texts("NATO, GitHub, iPhone, McAllen and O'Neill met turkey farmers") == ["O'Neill"]


def test_sentence_starts() -> None:
    text = 'Berk said. "Esen agreed," wrote (Soner).\nKuleba and Lavrov'
    starts = {w.text: w.sentence_start for w in name_words(text)}
    assert starts == {
        "Berk": True, "Esen": True, "Soner": False, "Kuleba": True, "Lavrov": False,
    }  # fmt: skip


def test_runs_join_on_single_spaces_and_connectors() -> None:
    text = "in Rio de Janeiro,  Sao  Paulo and Bosnia and Herzegovina"
    found = name_words(text)
    assert [w.text for w in found] == [
        "Rio", "Janeiro", "Sao", "Paulo", "Bosnia", "Herzegovina",
    ]  # fmt: skip
    assert joined(found, 0, 1, text)  # "de"
    assert not joined(found, 1, 2, text)  # a comma
    assert not joined(found, 2, 3, text)  # two spaces
    assert joined(found, 4, 5, text)  # "and"


def test_neighbours_are_one_space_away() -> None:
    text = "said Berk Esen, and Essen"
    found = name_words(text)
    assert [w.text for w in neighbours(found, 1, text)] == ["Berk"]
    assert neighbours(found, 2, text) == []


def test_capital_words_are_the_word_pattern_s_words() -> None:
    # name_words finds its words with a pattern of its own that skips words in
    # small letters: it must start and end them where WORD_RE does.
    from cleaner.namewords import _CAPITAL_WORD_RE
    from cleaner.tokens import WORD_RE

    text = (
        "x-Ray o'Neill a-B d'Arc well-Known K-9 x'Y ’Tis 'Tis -Dash B's rock'N'roll "
        "mid-Word--Double A_B 3Com éCole Élan naïve Ωmega ǅemal aB-Cd Ⅻ end-\nLine"
    )
    expected = [m.span() for m in WORD_RE.finditer(text) if not ("a" <= m.group()[0] <= "z")]
    assert [m.span() for m in _CAPITAL_WORD_RE.finditer(text)] == expected


def test_a_name_in_brackets_before_a_change_number_is_a_credit() -> None:
    text = (
        "- fix (Nicolas Romer) [#7070](u)\n- fix (Ana Lim, #12)\n- fix (Tri Nguyen) (GH-9)\n"
        "- fix (Chand) #4979\n"
        # Not a credit: no number after the bracket, a number not of a
        # change, words that are no name, a bracket closed before the name.
        "- in (Nicolas Romer) today\n- in (Anara) [1]\n- as (see Anara) #3\n- (x) Anara #4\n"
    )
    credited = [w.text for w in name_words(text) if credit_line(text, w)]
    assert credited == ["Nicolas", "Romer", "Ana", "Lim", "Tri", "Nguyen", "Chand"]


# Capitalised words that a list knows, for the cases below.
_KNOWN = {"New", "Aaron", "Crane", "Adam", "Alex", "Paris", "Berlin", "Rome", "Vienna",
          "Madrid", "Prague", "Warsaw", "Our", "We", "The"}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "word", "listed"),
    [
        # People credited, one name wrapped over a line.
        (
            "Aaron Crane, Abe Timmerman, Adam Russell, Alan Grover, Alexandr\nCiornii, "
            "Alex Davies, Bo Borgerson, Zefram.",
            "Alexandr",
            True,
        ),
        # Languages by their codes.
        (
            "{mad} : Madurese, {mag} : Magahi, {mai} : Maithili, {mak} : Makasar, {mg} : Malagasy,"
            " {mnc} : Manchu, {mdr} : Mandar",
            "Makasar",
            True,
        ),
        # One item a line.
        (
            "New syntax files:\n\tAutohotkey (Nikolai Weibull)\n\tCmusrc (Nikolai Weibull)\n"
            "\tConary recipe (rPath Inc)\n\tFramescript (Nikolai Weibull)\n\tInitng (Elan "
            "Ruusamae)\n\tLdapconf (Nikolai Weibull)\n",
            "Conary",
            True,
        ),
        # A sentence that names known places: its one unknown word is a slip.
        (
            "Our offices are in Lonndon, Paris, Berlin, Madrid, Rome, Vienna, Prague and Warsaw.",
            "Lonndon",
            False,
        ),
        # Prose with commas: its pieces are not short.
        (
            "We met Kuleba in the morning, before the talks began, and later, when the press had "
            "gone home, we walked with Lavrov and Baykar along the river, talking of other things, "
            "until it was late.",
            "Kuleba",
            False,
        ),
        # A blank line ends the list: the paragraph after it is read alone.
        (
            "Abe Timmerman, Alan Grover, Bo Borgerson, Ciornii, Davies, Zefram\n\nThe talks in "
            "Anara went on.",
            "Anara",
            False,
        ),
    ],
)
def test_list_of_names(text: str, word: str, listed: bool) -> None:
    start = text.index(word)
    found = list_of_names(text, start, start + len(word), lambda w: w.text in _KNOWN)
    assert found is listed
