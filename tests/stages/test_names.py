"""The names stage: unknown capitalised words repaired to close gazetteer entries."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cleaner import clean, propose
from cleaner.config import Config
from cleaner.edits import Edit
from cleaner.stages import STAGES
from cleaner.stages.names import MENTION_REACH

ROOT = Path(__file__).parents[2]
SEED = ROOT / "fixtures" / "seed" / "000_96fd921571c764bf.txt"
EXPECTED = ROOT / "fixtures" / "seed" / "000_96fd921571c764bf.expected.txt"
ONLY_NAMES = Config(disable=frozenset(STAGES) - {"names"})


def names(text: str, config: Config = ONLY_NAMES) -> list[Edit]:
    return [e for e in propose(text, config) if e.rule == "names.gazetteer"]


def test_seed_anara_becomes_ankara_and_nothing_else() -> None:
    text = SEED.read_text(encoding="utf-8")
    edits = names(text)
    assert [(e.before, e.after, e.safe) for e in edits] == [("Anara", "Ankara", True)]
    assert text[edits[0].start : edits[0].end] == "Anara"
    assert edits[0].reason == (
        "gazetteer: Ankara (capital of Turkey); the document mentions Turkey, Turkish, Antalya"
    )
    assert edits[0].confidence >= 0.9


def test_seed_expected_output_has_nothing_to_repair() -> None:
    assert names(EXPECTED.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "name",
    ["Kuleba", "Lavrov", "Baykar", "Bayraktar", "Çağaptay", "Esen", "Ribbentrop", "Erdoğan",
     "Dmytro", "Sergey", "Mevlüt", "Cavusoglu", "Zelenskyy", "Peskov", "Borodianka"],
)  # fmt: skip
def test_names_nobody_listed_stay(name: str) -> None:
    for text in (
        f"Officials in Turkey and Ukraine said {name} would respond.",
        f"{name} said the talks in Ankara would go on.",
    ):
        assert names(text) == [], text


@pytest.mark.parametrize(
    "text",
    ["\t* Middle Endian magic (Diomidis Spinellis)\n\t* Fix the detection of old archives.\n",
     "Todo list (last updated 12 June 2008)\n\n- Handle large files better.\n"],
)  # fmt: skip
def test_words_of_software_writing_are_no_places(text: str) -> None:
    # "Endian" -> "Indian" was applied, "Todo" -> "Togo" proposed.
    assert names(text) == []


def test_a_listed_word_in_a_run_may_be_a_misread_part() -> None:
    # "inited" is on dictionaries/technical.txt; "Inited States" is no program.
    text = "The minister flew to the Inited States on Monday, officials said."
    assert [(e.before, e.after) for e in names(text)] == [("Inited States", "United States")]


def test_possessive_is_kept() -> None:
    text = "Anara's position on the talks with Turkey has not changed."
    assert clean(text, ONLY_NAMES) == "Ankara's position on the talks with Turkey has not changed."


def test_context_decides_between_near_places() -> None:
    # "Anara" is one letter from Ankara (Turkey) and from Amara (Ethiopia),
    # and Nara (Japan) is one letter away too: the document's country decides.
    [turkish] = names("But Anara is seeking good relations with Turkey.")
    assert (turkish.after, turkish.safe) == ("Ankara", True)
    # Without Turkey in the document, Ankara is only a guess for a person to check.
    elsewhere = names("Anara is seeking good relations with Japan.")
    assert [(e.after, e.safe) for e in elsewhere] == [("Ankara", False)]


def test_no_context_means_review() -> None:
    edits = names("The town of Kristiansnd was quiet.")
    assert [(e.after, e.safe) for e in edits] == [("Kristiansand", False)]


def test_a_name_used_twice_is_the_documents_own() -> None:
    assert names("Anara said Turkey would not change course. Anara will visit Ankara.") == []


def test_a_word_beside_a_first_name_is_a_persons_name() -> None:
    assert names("Berk Esen of the German Institute said the Essen office had closed.") == []
    assert names("Dmytro Berln said protests across Germany continued.") == []
    [edit] = names("Police in Berln said protests across Germany continued.")
    assert (edit.after, edit.safe) == ("Berlin", True)


def test_common_words_beside_a_name_need_the_document_to_back_it() -> None:
    # "Anara Municipality" may be a name of its own; Turkey in the text backs Ankara.
    [backed] = names("Officials of the Anara Municipality said Turkey would help.")
    assert (backed.after, backed.safe) == ("Ankara", True)
    unbacked = names("Officials of the Anara Municipality said so.")
    assert unbacked and all(not e.safe for e in unbacked)
    # Not an office: "Berman Group" may be a company.
    assert all(not e.safe for e in names("Shares of Berman Group rose in early trading."))


def test_a_nationality_word_before_an_office_needs_no_backing() -> None:
    # "Prime Minister" is an office: a nationality word's place, country named or not.
    [edit] = names("The Israli Prime Minister spoke.")
    assert (edit.after, edit.safe) == ("Israeli", True)
    [edit] = names("The Israli Prime Minister spoke; Israel said so.")
    assert (edit.after, edit.safe) == ("Israeli", True)


def test_multiword_names() -> None:
    text = "The outback town of Alice Sprngs in Australia's Northern Territory had rain."
    [edit] = names(text)
    assert (edit.before, edit.after, edit.safe) == ("Alice Sprngs", "Alice Springs", True)


def test_longest_run_wins() -> None:
    text = "The Vietnamese government will meet in Ho Ch Minh City next week."
    assert [e.after for e in names(text)] == ["Ho Chi Minh City"]


def test_parts_of_known_names_are_not_looked_up() -> None:
    assert names("Prices rose in Ho Chi Minh City, Vietnam's largest city.") == []


def test_real_words_and_places_are_never_changed() -> None:
    for text in (
        "Austria and Australia signed a treaty; Australia will host it, Australia said.",
        "Nara is a city in Japan, and Ankara is the capital of Turkey.",
        "Talks in Pars, the capital of France, ended on Friday.",
    ):
        assert names(text) == [], text


def test_spelling_follows_the_word_typed() -> None:
    # Both spellings are listed; a word typed without diacritics keeps none.
    [plain] = names("Officials in Mxico said trade with the United States grew.")
    assert plain.after == "Mexico"
    [accented] = names("Trains from Düseldorf were cancelled across Germany.")
    assert accented.after == "Düsseldorf"


def test_romanisations_are_not_typos() -> None:
    assert names("Shelling hit Zaporizhzhia again, Ukrainian officials said.") == []


def test_derived_words_go_to_review() -> None:
    edits = names("Officials in Romee said the talks in Italy had ended.")
    assert [(e.after, e.safe) for e in edits] == [("Rome", False)]


def test_allow_list_wins() -> None:
    text = "But Anara is seeking good relations with Turkey."
    assert names(text, dataclasses.replace(ONLY_NAMES, allow=frozenset({"Anara"}))) == []
    assert names(text, dataclasses.replace(ONLY_NAMES, allow=frozenset({"anara"}))) == []


def test_user_gazetteer(tmp_path: Path) -> None:
    places = tmp_path / "places.txt"
    places.write_text("# ours\nQarnaval\n", encoding="utf-8")
    config = dataclasses.replace(ONLY_NAMES, gazetteers=(places,))
    [edit] = names("We drove from Qarnavl to the coast.", config)
    assert (edit.after, edit.safe) == ("Qarnaval", True)
    assert edit.reason == "gazetteer: Qarnaval; listed in places.txt"
    assert names("We drove from Qarnavl to the coast.") == []


def test_mentions_back_a_word_only_near_it() -> None:
    # A long document (a manual, a changelog) names countries everywhere: far
    # from the word, a mention says nothing about it.
    filler = "The committee met again and the talks went on for hours. " * 200
    assert len(filler) > MENTION_REACH
    [far] = names("Officials in Turkey said so. " + filler + "But Anara is seeking good relations.")
    assert (far.after, far.safe) == ("Ankara", False)
    [near] = names(filler + "Officials in Turkey said so. But Anara is seeking good relations.")
    assert (near.after, near.safe) == ("Ankara", True)


def test_initials_mark_a_persons_name() -> None:
    # Reference lists give authors as surname and initials; names may have
    # more than one middle initial.
    assert names("See Hakak SI, Kamsin A, Khan WZ, Imran M.\nString matching.") == []
    assert names("Patches by Jacek Kolodziej, Mauro S. M. Rodrigues and Joel Taddei.") == []


def test_a_line_of_names_alone_is_written_as_meant() -> None:
    # A list of languages (gettext's manual): "Tsonga" is no misspelt "Tonga".
    text = "'to'\n     Tonga.\n'ts'\n     Tsonga.\n'tt'\n     Tatar.\n"
    assert all(not e.safe for e in names(text))
    # In a sentence, beside "Tonga", the same word is Tonga misspelt.
    [edit] = names("The Tonga delegation met the Tsonga delegation.")
    assert (edit.before, edit.after, edit.safe) == ("Tsonga", "Tonga", True)


def test_a_name_inside_a_protected_span_is_not_looked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    from cleaner.gazetteer import Gazetteer
    from cleaner.lexicon import default_lexicon
    from cleaner.segment import Protected
    from cleaner.stages import Context
    from cleaner.stages import names as names_stage

    text = (
        "The talks in Anara went on. Turkey hosted them.\n\n"
        "    route = Istanbl + Izmr\n\n"
        "Then Antalya answered.\n"
    )
    block = (text.index("    route"), text.index("Izmr") + 5)
    asked: list[str] = []
    real = Gazetteer.near

    def counted(self: Gazetteer, queries: list[str], max_distance: int = 2):  # type: ignore[no-untyped-def]
        asked.extend(queries)
        return real(self, queries, max_distance)

    monkeypatch.setattr(Gazetteer, "near", counted)
    gazetteer = names_stage.gazetteer_for(())
    found = names_stage.name_words(text)
    guarded = names_stage.judge(
        text, found, gazetteer, default_lexicon(), ONLY_NAMES, Protected([block]).covers
    )
    looked_up = list(asked)
    asked.clear()
    everything = names_stage.judge(text, found, gazetteer, default_lexicon(), ONLY_NAMES)
    # The same verdicts, less those inside the block; nothing there looked up.
    assert guarded == [v for v in everything if not (v.start >= block[0] and v.end <= block[1])]
    assert [text[v.start : v.end] for v in everything] == ["Anara", "Istanbl", "Izmr"]
    assert [text[v.start : v.end] for v in guarded] == ["Anara"]
    assert not any(q in ("Istanbl", "Izmr") for q in looked_up)
    assert {"Istanbl", "Izmr"} <= set(asked)
    # Through the stage: the pipeline drops what touches the block anyway.
    context = Context(text, "text", ONLY_NAMES, Protected([block]))
    assert [e.before for e in names_stage.propose(context)] == [
        e.before for e in names(text) if not (e.start >= block[0] and e.end <= block[1])
    ]


def test_a_no_break_space_binds_a_persons_name_like_a_space() -> None:
    # systemd's NEWS binds each contributor's names so.
    text = "Thanks to everyone who helped: Evgeny\u00a0Vereshchagin, Sonali\u00a0Srivastava."
    assert propose(text, ONLY_NAMES) == propose(text.replace("\u00a0", " "), ONLY_NAMES) == []
