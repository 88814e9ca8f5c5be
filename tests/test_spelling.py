"""A misspelt word read as the articles' word one edit away, and never a real word changed into another."""

import pytest

from rag.lexical import content_terms
from rag.spelling import dictionary_words, one_edit, respelt
from tests.conftest import SEED

ARTICLE_WORDS = ("gigawatts", "gigawatt", "investment", "annual", "parent", "revenue", "scrutiny", "chips")
DICTIONARY = frozenset({"investment", "annual", "parent", "patent", "revenue", "how", "many"})


def _chunk_dfs(terms):
    held = {t: 3 for w in ARTICLE_WORDS for t in content_terms(w)}
    return {t: held[t] for t in terms if t in held}


@pytest.mark.parametrize(("question", "read", "changes"), [
    ("How many gigawats?", "How many gigawatts?", (("gigawats", "gigawatts"),)),  # ends as typed: the plural
    ("What is the invesment?", "What is the investment?", (("invesment", "investment"),)),
    ("what is the anual revenue", "what is the annual revenue", (("anual", "annual"),)),
    ("Which chps?", "Which chips?", (("chps", "chips"),)),  # four letters are enough
    ("Which chp?", "Which chp?", ()),  # three letters: left as typed
    # a misspelt question word it opens with, where one question word is one edit away ("hwo": "who" and "how")
    ("Wich revenue?", "Which revenue?", (("Wich", "Which"),)),
    ("whats the anual revenue", "what's the annual revenue", (("whats", "what's"), ("anual", "annual"))),
    ("Whta is the revenue?", "What is the revenue?", (("Whta", "What"),)),
    ("Hwo is it?", "Hwo is it?", ()),
    ("Many chips?", "Many chips?", ()),  # an English word: no question word
    ("Who holds the patent?", "Who holds the patent?", ()),  # an English word, though only "parent" is in the articles
    ("What did Gigawats say?", "What did Gigawats say?", ()),  # a capitalized word may be a name
    ("What is the revenue?", "What is the revenue?", ()),  # the articles hold it
    ("What about zxqvbnm?", "What about zxqvbnm?", ()),  # nothing one edit away
    # British spelling: "scrutinieing" and "scrutiniing" share the stem of "scrutiny" but are no words
    ("Who is scrutinising the deals?", "Who is scrutinising the deals?", ()),
    # a letter left out of a word whose stem the articles hold (the fifty-fifth blind probe: "revenu" was no revenue)
    ("What is the yearly revenu?", "What is the yearly revenue?", (("revenu", "revenue"),)),
    ("How many chip?", "How many chip?", ()),  # no word one letter longer with that stem in the dictionary
])
def test_a_misspelt_word_is_read_as_the_articles_word(question, read, changes):
    assert respelt(question, _chunk_dfs, DICTIONARY) == (read, changes)


def test_one_edit_drops_adds_changes_and_swaps_a_letter():
    edits = one_edit("cat")
    assert {"at", "cart", "cut", "act"} <= edits and "cat" not in edits and "tac" not in edits


def test_the_dictionary_is_the_models_whole_words():
    words = dictionary_words()
    assert {"patent", "established", "backer"} <= words and "##s" not in words and len(words) > 50_000
    assert not {"gigawats", "invesment", "anthropc"} & words


def test_a_misspelt_unit_is_answered_and_the_note_says_how_it_was_read(seed_engine):
    got = seed_engine.ask("How many gigawats of compute does anthropic get from amazon")
    assert got.text == "up to 5 gigawatts" and got.citations[0].doc_id in (SEED["004"], SEED["001"])
    assert got.note.startswith("Read 'gigawats' as 'gigawatts'.")
    assert got.question == "How many gigawats of compute does anthropic get from amazon"
