"""Places a question puts what it asks in (rag.places), and the refusal where the nearest sentence names none."""

import pytest

from rag.analysis import analyse
from rag.mismatch import unanswered
from rag.places import demonym_of, names_place, placed_names


@pytest.mark.parametrize(("question", "placed"), [
    ("What is Anthropic's annualized revenue in Europe?", ("Europe",)),
    ("How much power is used across the United States?", ("United States",)),
    ("How much did Amazon invest in Anthropic?", ("Anthropic",)),  # a candidate: the recognizer tells
    ("In which year did Amazon invest?", ()),  # the question's first word
    ("How much did Amazon invest?", ()),
    ("Whose dominance in AI chips is Amazon's silicon meant to challenge?", ()),  # a name before a plural noun modifies it
    ("How much revenue does Anthropic make in New York each year?", ("New York",)),  # the whole name, not "New"
])
def test_the_names_after_a_place_preposition(question, placed):
    assert placed_names(question) == placed


@pytest.mark.parametrize(("question", "places"), [
    ("What is Anthropic's annualized revenue in Europe?", ("Europe",)),
    ("What percentage of electrical power in the United States is made by steam turbines?", ("United States",)),
    ("What was the only region in Europe not conquered by the Germanic tribes?", ()),  # a place within it is asked
    ("Which city in France hosts the summit?", ()),
    ("Where in Europe is Anthropic expanding?", ()),
    # a nationality's word before a noun (the 21st blind probe: "$5 billion" for "Anthropic's Japanese subsidiary")
    ("How much did Amazon invest in Anthropic's Japanese subsidiary?", ("Anthropic", "Japanese")),
    ("What is Anthropic's European revenue?", ("European",)),
    ("What did Japan lift in March 1974?", ()),  # a country that does something is no place it happens in
])
def test_the_places_a_question_asks_in(question, places):
    assert analyse(question).places == places


@pytest.mark.parametrize(("text", "place", "named"), [
    ("Anthropic is expanding across Asia and Europe.", "Europe", True),
    ("Anthropic is expanding in Asian and European markets.", "Europe", True),  # its demonym
    ("Most power in the U.S. comes from steam.", "United States", True),  # its initials
    ("Most power in the US comes from steam.", "United States", True),
    ("The New York Times criticised it.", "NY", True),  # spelled out
    ("Anthropic's revenue reached $30 billion.", "Europe", False),
    ("Anthropic is expanding across Asia.", "Europe", False),
    ("Anthropic is expanding across Asia and Europe.", "European", True),  # the place of a nationality's word
    ("Anthropic is expanding across Asia.", "European", False),
])
def test_whether_a_text_names_a_place(text, place, named):
    assert names_place(text, place) is named


@pytest.mark.parametrize(("word", "name", "own"), [
    ("Japanese", "Japan", True), ("British", "Britain", True), ("European", "Europe", True), ("French", "Germany", False),
])
def test_a_demonym_of_a_place(word, name, own):
    assert demonym_of(word, name) is own


def test_a_sentence_that_names_no_place_asked_does_not_answer():
    q = analyse("What is Anthropic's annualized revenue in Europe?")
    sentence = "Anthropic's annualized revenue has reached $30 billion."
    assert unanswered(q.negated, q.numbers, q.opposed, sentence, sentence, places=q.places) == "place"
    told = "Anthropic's annualized revenue in Europe has reached $3 billion."
    assert unanswered(q.negated, q.numbers, q.opposed, told, told, places=q.places) == ""


def test_a_figure_of_a_nationality_no_article_names_is_refused(seed_engine):
    got = seed_engine.ask("How much did Amazon invest in Anthropic's Japanese subsidiary?")
    assert got.abstained and got.note.startswith("The nearest source does not name the place asked about")


def test_a_figure_asked_in_a_place_no_article_names_is_refused(seed_engine):
    # the twentieth blind probe: "$30 billion", the worldwide figure, for revenue in Europe
    got = seed_engine.ask("What is Anthropic's annualized revenue in Europe?")
    assert got.abstained and got.citations == ()
    assert got.note.startswith("The nearest source does not name the place asked about")
    # the place named by the articles ("across Asia and Europe") is no refusal
    got = seed_engine.ask("Is Anthropic expanding inference capacity in Europe?")
    assert got.text.startswith("Yes") and not got.abstained


@pytest.mark.parametrize(("question", "sentence", "place"), [
    # a word of a people or a place before a noun is an adjective, not the place asked for (SQuAD dev: "Byzantine",
    # "Thai")
    ("Where was Dyrrachium located?",
     "Some time later, Dyrrachium—one of the most important naval bases of the Adriatic—fell again to Byzantine hands.",
     "Adriatic"),
    ("Which country did Japan force into an alliance?",
     "Japan also invaded Thailand, pressuring the country into a Thai/Japanese alliance.", "Thailand"),
])
def test_an_adjective_of_a_place_is_no_place(question, sentence, place):
    from rag.analysis import analyse
    from rag.spans import choose_span

    assert choose_span(sentence, analyse(question)).text == place
