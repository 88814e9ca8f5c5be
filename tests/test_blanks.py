"""A question written as a statement with a blank at its end: the words before the blank, and what fills it in a
sentence (rag.blanks)."""

import pytest

from rag.blanks import blank_before, filler


@pytest.mark.parametrize(("question", "expected"), [
    ("The amount of land a country controls is its greatest what?", ("is", "its", "greatest")),
    ("Jules Ferry thought that the higher races have a duty to what?", ("a", "duty", "to")),
    ("Taking evidence from witnesses is one of committees' what?", ("one", "of", "committees'")),
    # a question that opens with its question word or an auxiliary has no blank
    ("What is the greatest distinction of a country?", ()),
    ("Is the deal one of the largest what?", ()),
    # too short to be a statement
    ("Parliament is what?", ()),
    # the question word is not last
    ("The West saw what as inferior?", ()),
])
def test_the_words_before_a_blank(question, expected):
    assert blank_before(question) == expected


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("The amount of land a country controls is its greatest what?",
     "The size of an empire is its greatest distinction.", "distinction"),
    ("Imperialism extends a country's power and what?",
     "Imperialism is a policy of extending a country's power and influence through colonization.", "influence"),
    # a verb may open the filler; a conjunction joins two of its words
    ("Jules Ferry thought that the higher races have a duty to what?",
     "Ferry argued that the higher races have a duty to civilize the inferior races.", "civilize the inferior races"),
    ("The West saw the East as what?", "The West saw the East as irrational and backward.", "irrational and backward"),
    # a shorter run of the question's words where the longer one is not written
    ("Hobson argued that imperialism was an international what?",
     "For Hobson, imperialism had become an international disease.", "disease"),
    # a lone function word is no anchor; a sentence without the words has no filler
    ("The money was given to what?", "Amazon gave money to Anthropic.", None),
    ("The amount of land a country controls is its greatest what?", "Empires controlled land.", None),
])
def test_what_fills_the_blank(question, sentence, expected):
    found = filler(sentence, blank_before(question))
    assert (sentence[found[0] : found[1]] if found else None) == expected
