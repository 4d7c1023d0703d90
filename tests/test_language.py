"""Telling paragraphs in another language from English ones."""

from __future__ import annotations

import pytest

from cleaner.edits import Edit
from cleaner.language import (
    NEIGHBOUR_REACH,
    _words,
    foreign_neighbours,
    foreign_spans,
    in_any_language,
)

FRENCH = (
    "Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir "
    "les agriculteurs touchés par la sécheresse. Selon le ministre, les aides "
    "seront versées avant la fin du mois."
)
GERMAN = (
    "Die Bundesregierung hat am Dienstag neue Maßnahmen angekündigt, um die von "
    "der Dürre betroffenen Landwirte zu unterstützen. Nach Angaben des Ministers "
    "sollen die Hilfen noch vor Ende des Monats ausgezahlt werden."
)
POLISH = (
    "Rząd ogłosił we wtorek nowe środki, które mają wesprzeć rolników dotkniętych "
    "suszą. Według ministra pomoc zostanie wypłacona jeszcze w tym miesiącu, ale "
    "nie jest jasne, czy wystarczy dla wszystkich gospodarstw."
)
ENGLISH = (
    "The minister said on Tuesday that the government would announce new measures "
    "to support farmers hit by the drought. He did not say how much the aid would "
    "cost, but officials expect the first payments before the end of the month."
)


def _spanned(text: str) -> list[str]:
    return [text[start:end] for start, end in foreign_spans(text)]


@pytest.mark.parametrize("paragraph", [FRENCH, GERMAN, POLISH])
def test_a_document_in_another_language_is_foreign_throughout(paragraph: str) -> None:
    text = f"Notes\n\n{paragraph}\n\n{paragraph}\n"
    assert foreign_spans(text) == ((0, len(text)),)


@pytest.mark.parametrize("paragraph", [FRENCH, GERMAN, POLISH])
def test_a_paragraph_in_another_language_beside_english_ones(paragraph: str) -> None:
    text = f"{ENGLISH}\n\n{paragraph}\n\n{ENGLISH}\n"
    assert _spanned(text) == [paragraph]


def test_a_heading_between_paragraphs_in_another_language_is_theirs() -> None:
    text = f"{ENGLISH}\n\n## Version 2\n\n{FRENCH}\n\n## Installation\n\n{FRENCH}\n"
    # between English and French: judged as English; between two French: French
    assert _spanned(text) == [FRENCH, "## Installation", FRENCH]


def test_runs_of_headings_take_the_reading_of_the_paragraphs_around_them() -> None:
    # Many paragraphs that read neither way in a row: each is judged by the
    # nearest ones that do, before and after it, however far off.
    headings = "\n\n".join(f"## Part {n}" for n in range(40))
    text = f"{FRENCH}\n\n{headings}\n\n{FRENCH}\n\n{headings}\n\n{ENGLISH}\n"
    # between two French paragraphs: French; between French and English: not
    assert _spanned(text) == [FRENCH] + [f"## Part {n}" for n in range(40)] + [FRENCH]
    long_lines = "\n\n".join("x " * 30 for _ in range(5))
    text = f"{FRENCH}\n\n{long_lines}\n\n{ENGLISH}\n"
    assert _spanned(text) == [FRENCH]  # long, and English after: not French


def test_a_paragraph_with_too_few_foreign_words_has_no_foreign_line() -> None:
    # Lines are read one by one only where the paragraph holds enough
    # function words of another language for a line to read as one.
    line = "Le chat est sur la table et il dort depuis une heure."
    text = f"{FRENCH}\n\n{ENGLISH}\nThe cat, de la, sat.\n{ENGLISH}\n\n{ENGLISH}\n{line}\n"
    assert _spanned(text) == [FRENCH, line]


def test_an_english_paragraph_keeps_a_mostly_foreign_document_english_elsewhere() -> None:
    text = f"Read the notes for this release.\n\n{FRENCH}\n\n{FRENCH}\n\n- {FRENCH}\n"
    assert "Read the notes for this release." not in "".join(_spanned(text))
    assert FRENCH in _spanned(text)


def test_a_text_mostly_in_another_language_is_theirs_but_for_its_english_paragraphs() -> None:
    # A program's messages: most read as French, one was left in English,
    # and the short ones after it read neither way (an English paragraph
    # before them and the text's end after: alone, no reason to be French).
    items = ["Fichier introuvable.", "Accès refusé.", "Mémoire épuisée."]
    text = "\n\n".join([FRENCH] * 5 + [ENGLISH, *items]) + "\n"
    assert _spanned(text) == [FRENCH] * 5 + items
    # Fewer paragraphs in French beside the English one: the items stay English.
    text = "\n\n".join([FRENCH] * 4 + [ENGLISH, *items]) + "\n"
    assert _spanned(text) == [FRENCH] * 4


def test_short_messages_of_another_language_beside_an_english_one_are_theirs() -> None:
    # No message is long enough to read as German, but the text's German
    # function words outnumber its English ones five times over.
    messages = [
        "Zeileneditierung ist nicht aktiviert.",
        "Der Netzwerkbetrieb ist nicht unterstützt.",
        "Verlege den Prozess auf einen anderen Prozessor",
        "Kann die Datei nicht öffnen.",
        "Fehlender Name für die Variable.",
    ]
    text = "\n\n".join([*messages, "See the manual for more.", *messages]) + "\n"
    assert _spanned(text) == messages * 2
    # Three of them: English words are too many for the text to be German.
    text = "\n\n".join([*messages[:3], "See the manual for more."]) + "\n"
    assert _spanned(text) == []


def test_paragraphs_of_a_text_with_crlf_line_ends() -> None:
    wrapped = FRENCH.replace(", les", ",\nles").replace(". Selon", ".\nSelon")
    text = f"{ENGLISH}\n\n{wrapped}\n\n{ENGLISH}\n".replace("\n", "\r\n")
    assert _spanned(text) == [wrapped.replace("\n", "\r\n")]


def test_a_line_in_another_language_inside_an_english_paragraph() -> None:
    line = "Le chat est sur la table et il dort depuis une heure."
    text = f"{ENGLISH}\nThe sign on the door read:\n{line}\n{ENGLISH}\n"
    assert _spanned(text) == [line]


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        # names that hold other languages' function words
        "Charles de Gaulle met the press in Los Angeles; Le Monde and Der Spiegel "
        "reported that van der Waals forces et al. were discussed.",
        # a list of people
        "Thanks to Ludovic de Souza, Carl von Ossietzky, Maria Silva, Jan Berg, Pierre Dupont, "
        "Anna Novak, Luis Torres, Johan Witt and many others who sent patches, reports and "
        "translations over the years to this project.",
        # language codes, commands and file names
        "Translation updates: ab, bg, ca, da, de, es, eu, fa, fr, gl, he, hu, it, nl, pl.",
        "Run od on the file, then od -c on the copy, and compare the two od listings.",
        "The files alg-des.h, crypt-des.c and haxx.se/des.html hold :au and der[0].",
    ],
)
def test_english_is_never_foreign(text: str) -> None:
    assert foreign_spans(text) == ()


def test_the_other_languages_lists_hold_no_english_function_word() -> None:
    english, other = _words()
    assert "the" in english and "les" in other
    assert not english & other
    # words English writes in lower case are left out of every other list
    assert not {"die", "hat", "door", "per", "come", "son", "do", "no", "till"} & other


def test_only_repairs_right_in_any_language_stand_in_one() -> None:
    text = "Il dort , puis il part ? Oui ."
    kept = ["encoding.mojibake", "invisible.zero-width", "spacing.double-space"]
    dropped = [
        "spelling.ocr",
        "spelling.typo",
        "names.gazetteer",
        "boundaries.join",
        "invisible.no-break-space",
    ]

    def edit(rule: str, at: int = 0) -> Edit:
        return Edit(at, at + 1, text[at], "", rule, 0.9, "", True)

    assert all(in_any_language(edit(rule), text) for rule in kept)
    assert not any(in_any_language(edit(rule), text) for rule in dropped)
    space = "spacing.space-before-punctuation"
    # a space before a comma or a full stop is wrong in any language, before "?" not
    assert [in_any_language(edit(space, at), text) for at in (7, 22, 28)] == [True, False, True]


def test_a_line_is_read_without_the_words_of_its_tags() -> None:
    # Head and table of contents on one line, as DocBook writes a page: the
    # tags' names and attributes ("class", "href", "section") outnumber the
    # Swedish headings, which the line is made of once they are left out.
    tags = '<dt><span class="section"><a href="sect.install.html#id-1.7.12.{n}">'
    headings = ["Välj ett paket för installation", "Ta bort paket som inte används"]
    toc = "".join(tags.format(n=n) + h + "</a></span></dt>" for n, h in enumerate(headings * 2))
    line = '<div class="section"><div class="titlepage"></div></div>' * 24 + toc
    text = f"{ENGLISH}\n{line}\n{ENGLISH}\n"
    start = len(ENGLISH) + 1
    assert foreign_spans(text) == ((start, start + len(line)),)


def _neighbours(text: str, word: str, known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The words of another language around ``word`` in ``text``."""
    return _around(text, word, known)[0]


def _around(
    text: str, word: str, known: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    start = text.index(word)
    return foreign_neighbours(text, start, start + len(word), known.__contains__)


def test_the_neighbours_of_a_word_are_whole_words_of_its_paragraph() -> None:
    swedish = "Sök efter paket med dpkg"
    assert _neighbours(swedish, "paket") == ("Sök", "efter")
    # another paragraph, or a word the reach cuts in two, is no neighbour
    assert _neighbours("Sök efter\n\npaket med dpkg", "paket") == ()
    gap = " " * (NEIGHBOUR_REACH - 2)
    assert _neighbours(f"et{gap}slip", "slip") == ("et",)
    assert _neighbours(f"budget{gap}slip", "slip") == ()  # not the "et" of "budget"
    # four words on each side at most
    assert _neighbours("för och det is a word beside the slip", "slip") == ()
    assert _neighbours("för och the slip", "slip") == ("för", "och")


def test_names_and_known_words_are_no_neighbours_of_another_language() -> None:
    # a particle between two names, and capitalised words side by side
    assert (
        _neighbours("Thanks to Charles de Gaulle and Juan José Arboleda for the slip", "slip") == ()
    )
    assert _neighbours("Thanks to José for the fix of the slip, and för och", "fix") == ("José",)
    # a word the lexicon knows ("café") is no word of another language
    assert _neighbours("the café et le slip", "slip", frozenset({"café"})) == ("et", "le")
    # nor are the names and attributes of tags, nor a pattern's alternatives
    assert _neighbours('<a class="de la">the</a> slip', "slip") == ()
    assert _neighbours("refering to (en|de)code_json", "refering") == ()


def test_unknown_neighbours_are_long_words_in_lower_case() -> None:
    known = frozenset({"modern", "to", "scale"})
    dutch = "modern, gemakkelijk te schalen infrastructuur; Schalen"  # capitalised: not counted
    assert _around(dutch, "infrastructuur", known) == (("te",), ("gemakkelijk", "schalen"))
    assert _around("modern, easy to scale infrastructuur", "infrastructuur", known) == (
        (),
        ("easy",),
    )
