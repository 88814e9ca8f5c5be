"""Comparisons of one measure of two names (rag.parts.compared_parts), lists without the names a question sets
aside (rag.answer_forms.without_set_aside), and the size of a cheque asked as money: the twenty-second blind probe."""

import pytest

from rag.analysis import analyse
from rag.answer_forms import without_set_aside
from rag.parts import compared_parts
from tests.conftest import SEED


@pytest.mark.parametrize(("question", "parts"), [
    ("How does OpenAI's valuation compare with Anthropic's?", ("What is OpenAI's valuation?", "What is Anthropic's valuation?")),
    ("How did Amazon's investment compare to Microsoft's?", ("What was Amazon's investment?", "What was Microsoft's investment?")),
    ("Compare Amazon's stake to Google's stake", ("What is Amazon's stake?", "What is Google's stake?")),
    ("How does the deal compare with OpenAI's?", None),  # one name: nothing to set side by side
    ("How does Anthropic compare with OpenAI?", None),  # no measure named
    ("How does Anthropic's valuation grow?", None),  # no comparison
    # one measure of several names (the fortieth blind probe: refused), what follows the names going with each
    ("Compare the valuations of Anthropic, OpenAI and Mistral AI.",
     ("What is Anthropic's valuation?", "What is OpenAI's valuation?", "What is Mistral AI's valuation?")),
    ("Compare the investments of Amazon and Google in Anthropic",
     ("What is Amazon's investment in Anthropic?", "What is Google's investment in Anthropic?")),
    ("How do the valuations of OpenAI and Anthropic compare?", ("What is OpenAI's valuation?", "What is Anthropic's valuation?")),
    ("compare the deals of amazon and google", None),  # names as written, capitalized
    ("How does Anthropic's valuation stack up against OpenAI's?", ("What is Anthropic's valuation?", "What is OpenAI's valuation?")),
    # the hundred-and-first blind probe (an investor newsletter): "how much more", whose difference no article states
    # (was "$5bn" alone, read as the difference)
    ("How much more did Amazon put into OpenAI than into Anthropic?", ("How much did Amazon put into OpenAI?", "How much did Amazon put into Anthropic?")),
    ("How much larger is OpenAI's valuation than Anthropic's?", ("What is OpenAI's valuation?", "What is Anthropic's valuation?")),
    ("How much more has Microsoft invested in OpenAI than Amazon in Anthropic?", None),  # two acts: not one of each
])
def test_a_comparison_of_two_names_is_a_question_for_each(question, parts):
    assert compared_parts(question) == parts


@pytest.mark.parametrize(("listed", "aside", "kept"), [
    ("Google, Salesforce", ("Amazon", "Google"), "Salesforce"),
    ("Microsoft, Google and Amazon", ("Amazon",), "Microsoft, Google"),
    ("Microsoft, Google and Amazon", ("Google",), "Microsoft, Google and Amazon"),  # not verbatim without it
    ("Google", ("Google",), "Google"),  # nothing would be left
    ("Google, Salesforce", (), "Google, Salesforce"),
])
def test_a_list_drops_the_names_set_aside_at_its_ends(listed, aside, kept):
    assert without_set_aside(listed, aside) == kept


def test_how_big_a_cheque_asks_money():
    assert analyse("How big was Amazon's very first check to Anthropic?").span_kind == "money"


def test_several_names_compared_are_each_answered_and_named(seed_engine):
    got = seed_engine.ask("Compare the valuations of Anthropic, OpenAI and Mistral AI.")
    assert got.text == "Anthropic: approximately $60 billion; OpenAI: approximately $150 billion; Mistral AI: $6 billion"
    assert {c.doc_id for c in got.citations} == {SEED["003"]}


def test_the_probe_questions_end_to_end(seed_engine):
    got = seed_engine.ask("How does OpenAI's valuation compare with Anthropic's?")
    assert got.text == "OpenAI: approximately $150 billion; Anthropic: approximately $60 billion"  # each named
    assert {c.doc_id for c in got.citations} == {SEED["003"]}  # the only article that gives either valuation
    assert got.note.count("Only an older source gives this") == 1  # said of both parts, said once
    got = seed_engine.ask("Besides Amazon and Google, who else has backed Anthropic?")
    assert (got.text, got.citations[0].doc_id) == ("Salesforce", SEED["003"])
    got = seed_engine.ask("How big was Amazon's very first check to Anthropic?")
    assert (got.text, got.citations[0].doc_id) == ("$1.25 billion", SEED["003"])


@pytest.mark.parametrize("question", [
    "What was Amazon's capex last year?",  # was "part", from Anthropic's pledge to spend on AWS
    "What is Amazon's capital expenditure?",  # was "$5 billion", Amazon's investment in Anthropic
])
def test_a_money_measure_no_article_gives_a_figure_of_is_refused(seed_engine, question):
    assert seed_engine.ask(question).abstained


@pytest.mark.parametrize(("sentence", "word", "whole"), [
    ("They have repeatedly emphasized the importance of maintaining independence to pursue responsible AI.",
     "importance", "importance of maintaining independence"),
    ("The role of the Bureau, which sets the agenda, grew.", "role", "role of the Bureau"),
    ("The importance was plain.", "importance", None),  # no "of" phrase
    ("The value of the deal is $25 billion.", "deal", None),  # no light noun
])
def test_a_light_noun_comes_with_what_it_is_of(sentence, word, whole):
    from rag.answer_forms import with_complement

    start = sentence.index(word)
    got = with_complement(sentence, start, start + len(word))
    assert (got[2] if got is not None else None) == whole


def test_what_was_stressed_is_the_whole_phrase(seed_engine):
    # the twenty-second blind probe: "importance"
    got = seed_engine.ask("What have the Amodeis stressed about independence?")
    assert (got.text, got.citations[0].doc_id) == ("importance of maintaining independence", SEED["003"])


@pytest.mark.parametrize(("question", "sides", "questions", "larger"), [
    # found by the thirty-fifth blind probe: each answered with one side's figure only
    ("Which is larger, Amazon's investment in OpenAI or its commitment to Anthropic?",
     ("Amazon's investment in OpenAI", "Amazon's commitment to Anthropic"),
     ("What is Amazon's investment in OpenAI?", "What is Amazon's commitment to Anthropic?"), True),
    ("Which is valued higher, Anthropic or OpenAI?", ("Anthropic", "OpenAI"),
     ("How much is Anthropic valued?", "How much is OpenAI valued?"), True),
    ("Who has invested more in Anthropic, Amazon or Google?", ("Amazon", "Google"),
     ("How much has Amazon invested in Anthropic?", "How much has Google invested in Anthropic?"), True),
    ("Which company has the smaller stake in Anthropic, Amazon or Google?", ("Amazon", "Google"),
     ("What is Amazon's stake in Anthropic?", "What is Google's stake in Anthropic?"), False),
    ("Which is larger, Anthropic's valuation or OpenAI's?", ("Anthropic's valuation", "OpenAI's valuation"),
     ("What is Anthropic's valuation?", "What is OpenAI's valuation?"), True),
    # a side as written, its article too (the thirty-seventh blind probe: "What is most Amazon could invest?")
    ("Which is larger, Anthropic's AWS pledge or the most Amazon could invest?",
     ("Anthropic's AWS pledge", "the most Amazon could invest"),
     ("What is Anthropic's AWS pledge?", "What is the most Amazon could invest?"), True),
    # how far apart, asked after the choice, is read off both figures (the thirty-ninth blind probe: Mistral's only)
    ("Which is worth more, Anthropic or Mistral, and by roughly how much?", ("Anthropic", "Mistral"),
     ("How much is Anthropic worth?", "How much is Mistral worth?"), True),
])
def test_which_of_two_is_larger_is_a_figure_question_for_each(question, sides, questions, larger):
    from rag.comparison import Comparison, which_of_two

    assert which_of_two(question) == Comparison(sides, questions, larger)


def test_compare_x_with_y_asks_both_unranked():
    from rag.comparison import Comparison, which_of_two

    sides = ("Amazon's total commitment to Anthropic", "Microsoft's investment in OpenAI")
    assert which_of_two("Compare Amazon's total commitment to Anthropic with Microsoft's investment in OpenAI.") == Comparison(
        sides, tuple(f"What is {side}?" for side in sides), larger=True, ranked=False)
    assert which_of_two("Compare the structures of the deals with each other") is None  # no name on a side


def test_compare_x_with_y_gives_both_answers(seed_engine):
    got = seed_engine.ask("Compare Amazon's total commitment to Anthropic with Microsoft's investment in OpenAI.")
    assert got.text.startswith("Amazon's total commitment to Anthropic: ")
    assert got.text.endswith("; Microsoft's investment in OpenAI: approximately $13 billion")


@pytest.mark.parametrize("question", [
    "Which chips does Anthropic use, Trainium or TPU?",  # no comparative
    "Which is larger, $5 billion or $4 billion?",  # figures, not things
    "How does OpenAI's valuation compare with Anthropic's?",  # (rag.parts.compared_parts)
])
def test_no_comparison_of_two(question):
    from rag.comparison import which_of_two

    assert which_of_two(question) is None


def test_the_larger_of_two_is_named_with_both_figures(seed_engine):
    got = seed_engine.ask("Which is valued higher, Anthropic or OpenAI?")
    assert got.text == "OpenAI (approximately $150 billion; Anthropic: approximately $60 billion)"
    assert {c.doc_id for c in got.citations} == {SEED["003"]}
    got = seed_engine.ask("Who has invested more in Anthropic, Amazon or Google?")
    assert got.text.startswith("Amazon (") and "Google: a reported $2 billion" in got.text
    assert got.lead == got.figure.text  # Amazon's figure, the one its sources disagree on, leads the disagreement


@pytest.mark.parametrize(("question", "sides", "questions", "larger"), [
    # the sixty-sixth blind probe (comparisons): asked yes or no (were "Yes" of Google's $2 billion alone)
    ("Did Google invest more in Anthropic than Amazon did?", ("Google", "Amazon"),
     ("How much did Google invest in Anthropic?", "How much did Amazon invest in Anthropic?"), True),
    ("Has Microsoft invested less than Amazon?", ("Microsoft", "Amazon"),
     ("How much has Microsoft invested?", "How much has Amazon invested?"), False),
    ("Is Anthropic's annual revenue bigger than Amazon's $25 billion investment?",
     ("Anthropic's annual revenue", "Amazon's $25 billion investment"),
     ("What is Anthropic's annual revenue?", "What is Amazon's $25 billion investment?"), True),
])
def test_which_of_two_asked_yes_or_no(question, sides, questions, larger):
    from rag.comparison import Comparison, which_of_two

    assert which_of_two(question) == Comparison(sides, questions, larger, yes_no=True)


@pytest.mark.parametrize(("question", "start"), [
    ("Did Google invest more in Anthropic than Amazon did?", "No: Google: a reported $2 billion; Amazon: "),
    ("Is Anthropic's annual revenue bigger than Amazon's $25 billion investment?",
     "Yes: Anthropic's annual revenue: $30 billion; Amazon's $25 billion investment: $25 billion"),
    # a side that gives its own figure is that figure (both were answered by one $100 billion: "The same")
    ("Which is bigger: Amazon's new $5 billion investment or Anthropic's AWS spending commitment?",
     "Anthropic's AWS spending commitment ($100 billion; Amazon's new $5 billion investment: $5 billion)"),
])
def test_a_comparison_names_the_side_its_figures_bear_out(seed_engine, question, start):
    assert seed_engine.ask(question).text.startswith(start)


def test_how_much_more_gives_each_figure_with_whose_it_is(seed_engine):
    got = seed_engine.ask("How much more did Amazon put into OpenAI than into Anthropic?")
    assert got.text.startswith("OpenAI: approximately $50 billion; Anthropic: ")
