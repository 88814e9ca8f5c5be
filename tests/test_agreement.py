"""Questions about agreement itself: "Do the articles agree on X?" is answered by the verdict on X's answer."""

import pytest

from rag.agreement import ONLY_ONE, AgreementQuestion, agreement_followup, agreement_question
from tests.conftest import SEED


@pytest.mark.parametrize(("question", "expected"), [
    ("Do the articles agree on Anthropic's annual revenue?", AgreementQuestion("What is Anthropic's annual revenue?", False)),
    ("Do the sources agree on how much Amazon invested in September 2023?",
     AgreementQuestion("How much Amazon invested in September 2023?", False)),
    ("Do the sources disagree about Amazon's total investment?", AgreementQuestion("What is Amazon's total investment?", True)),
    ("Are the reports consistent on the size of the deal?", AgreementQuestion("What is the size of the deal?", False)),
    ("Is there disagreement among the articles about Anthropic's revenue?", AgreementQuestion("What is Anthropic's revenue?", True)),
    ("Did the reported size of Amazon's newest investment differ between articles?",
     AgreementQuestion("What is the reported size of Amazon's newest investment?", True)),
    ("Is Anthropic's annual revenue the same in all sources?", AgreementQuestion("What is Anthropic's annual revenue?", False)),
    ("Do the articles give different figures for Amazon's total investment?",
     AgreementQuestion("What is Amazon's total investment?", True)),
    ("Does the AWS spending pledge vary across the articles?", AgreementQuestion("What is the AWS spending pledge?", True)),
    # which sources: the answer's sources and those that give another figure (the fifty-ninth blind probe)
    ("Which sources disagree about how much Amazon has invested in Anthropic in total?",
     AgreementQuestion("How much has Amazon invested in Anthropic in total?", True, True, True)),
    ("Which article gives the older figure for Amazon's total investment?",
     AgreementQuestion("What is Amazon's total investment?", True, True, True, "older")),
    ("Which source has the newer figure for Anthropic's revenue?",
     AgreementQuestion("What is Anthropic's revenue?", True, True, True, "newer")),
    ("How has Anthropic's reported revenue changed between reports?",
     AgreementQuestion("What is Anthropic's reported revenue?", True, True, True, "change")),
    ("Did Amazon's investment change in 2025?", None),  # a change in time, not between the sources
    ("Do all the articles agree?", None),  # about nothing in particular
    ("Does Amazon agree to invest $5 billion?", None),  # not about the sources
    ("How much did Amazon invest?", None),
])
def test_an_agreement_question_and_what_it_is_about(question, expected):
    assert agreement_question(question) == expected


def test_sources_that_disagree_answer_no_with_the_newer_figure_leading(seed_engine):
    got = seed_engine.ask("Do the articles agree on Anthropic's annual revenue?")
    assert got.text.startswith("No: ") and "$30 billion" in got.text  # 000 and 004; 003's older "surpassing $1 billion"
    assert {c.doc_id for c in got.citations} == {SEED["000"], SEED["004"]}
    assert [c.doc_id for c in got.conflicts] == [SEED["003"]]
    disagree = seed_engine.ask("Do the sources disagree about Anthropic's annual revenue?")
    assert disagree.text.startswith("Yes: ") and disagree.conflicts == got.conflicts


def test_one_source_is_no_agreement(seed_engine):
    # only 002 gives a figure for September 2023 with that wording: "a $4 billion commitment announced in September 2023"
    got = seed_engine.ask("Do the sources agree on how much Amazon committed to Anthropic in September 2023?")
    assert got.text.startswith(ONLY_ONE) and len(got.citations) == 1


def test_articles_that_state_one_figure_in_other_words_agree(seed_engine):
    # 004: "computational capacity of up to 5 gigawatts"; 001: "securing up to 5GW of Amazon Trainium chips"
    got = seed_engine.ask("Are the articles consistent about the 5 gigawatts of compute capacity?")
    assert got.text.startswith("Yes: ")  # was "Only one source states it"
    assert {c.doc_id for c in got.citations} == {SEED["001"], SEED["004"]}


@pytest.mark.parametrize(("previous", "start"), [
    # found by the sixth blind probe: refused, as the follow-up names no topic of its own
    ("What is Anthropic's annual revenue?", "No: "),  # 003's older $1 billion is set against $30 billion
    ("How much did Amazon invest in OpenAI?", "Only one source states it: "),
])
def test_do_the_other_articles_agree_asks_about_the_previous_question(seed_engine, previous, start):
    got = seed_engine.ask("Do the other articles agree?", previous=previous)
    assert got.text.startswith(start) and got.citations == seed_engine.ask(previous).citations


def test_a_figure_that_differs_between_articles_is_a_disagreement(seed_engine):
    got = seed_engine.ask("Did the reported size of Amazon's newest investment differ between articles?")
    assert got.text.startswith("Yes: ") and "$5 billion" in got.text and [c.doc_id for c in got.conflicts] == [SEED["003"]]
    same = seed_engine.ask("Is Anthropic's annual revenue the same in all sources?")
    assert same.text.startswith("No: ") and "$30 billion" in same.text


@pytest.mark.parametrize(("question", "topic"), [
    # the forty-seventh blind probe: "Anthropic"
    ("How do the articles differ on how much Amazon's new investment is — $4 billion or $5 billion?", "How much is Amazon's new investment?"),
    ("How do the sources differ on Anthropic's revenue?", "What is Anthropic's revenue?"),
    ("Do the articles agree on how much Amazon is putting in this round?", "How much is Amazon putting in this round?"),
])
def test_how_the_articles_differ_asks_about_the_figure(question, topic):
    from rag.agreement import agreement_question

    assert agreement_question(question).topic == topic


def test_how_the_articles_differ_is_answered_by_the_figure_and_its_disagreement(seed_engine):
    got = seed_engine.ask("How do the articles differ on how much Amazon's new investment is — $4 billion or $5 billion?")
    assert got.text == "$5bn" and [c.text for c in got.conflicts] == ["$4B"]


def test_which_sources_disagree_names_each_side_with_its_figure(seed_engine):
    answer = seed_engine.ask("Which sources disagree about how much Amazon has invested in Anthropic in total?")
    assert answer.text == ("Amazon commits up to $25bn investment in Anthropic: total potential commitment to $33bn; "
                           "against it: Amazon Pours $4B More Into Anthropic Deal: $8 billion")


def test_the_older_figure_is_cited_from_the_older_article(seed_engine):
    answer = seed_engine.ask("Which article gives the older figure for Amazon's total investment?")
    assert (answer.text, [c.doc_id[:3] for c in answer.citations]) == ("Amazon Pours $4B More Into Anthropic Deal: $8 billion", ["003"])


def test_how_a_figure_changed_between_reports_is_the_older_then_the_newer(seed_engine):
    answer = seed_engine.ask("How has Amazon's total commitment changed between reports?")
    assert answer.text == ("From Amazon Pours $4B More Into Anthropic Deal: $8 billion (older) to Amazon commits up to $25bn "
                           "investment in Anthropic: total potential commitment to $33bn (newer)")


@pytest.mark.parametrize(("question", "answer", "doc"), [
    # the seventy-third blind probe: a side by its figure (was the side of the higher figure), whether any source
    # contradicts a figure (was a valuation)
    ("Which source gives the lower figure for Anthropic's revenue?", "Amazon Pours $4B More Into Anthropic Deal: $1 billion", "003"),
    ("Which article gives the higher figure for Amazon's total investment in Anthropic?",
     "Amazon commits up to $25bn investment in Anthropic: $33bn", "001"),
])
def test_the_side_of_a_disagreement_by_its_figure(seed_engine, question, answer, doc):
    got = seed_engine.ask(question)
    assert (got.text, got.citations[0].doc_id[:3]) == (answer, doc)


def test_whether_any_source_contradicts_a_figure(seed_engine):
    got = seed_engine.ask("Does any article contradict the $30 billion revenue figure?")
    assert got.text.startswith("Yes: ")
    assert [c.text for c in got.conflicts] == ["surpassing $1 billion"]


@pytest.mark.parametrize(("text", "followup"), [
    # the eightieth blind probe: whether the other sources give the same figure as the answer before
    ("Is this the same number as in the other articles?", True),
    ("Do the other sources give the same figure?", True),
    ("Is that figure the same in all the articles?", True),
    ("Is this the same number Amazon gave in 2023?", False),
])
def test_the_same_number_in_the_other_articles_asks_whether_they_agree(text, followup):
    assert agreement_followup(text) is followup
    assert (agreement_question(text, "What is Amazon's total commitment?") == AgreementQuestion(
        "What is Amazon's total commitment?", False)) is followup


def test_the_same_number_as_in_the_other_articles_is_no_where_another_article_gives_another(seed_engine):
    previous = "What is Amazon's total commitment to Anthropic?"
    got = seed_engine.ask("Is this the same number as in the other articles?", previous=previous)
    assert got.text.startswith("No: ") and got.citations[0].doc_id == SEED["001"] and [c.text for c in got.conflicts] == ["$8 billion"]


def test_is_that_confirmed_asks_whether_another_source_states_it():
    assert agreement_question("is that confirmed?", "What is Anthropic's revenue?") == AgreementQuestion("What is Anthropic's revenue?", False)
    assert agreement_question("Is that confirmed by other sources?", "What is X?") == AgreementQuestion("What is X?", False)


@pytest.mark.parametrize(("text", "followup"), [
    # the eighty-seventh blind probe: whether another source gives another figure than the answer before
    ("Does any article give a different figure?", True),
    ("Do any other sources give a different number?", True),
    ("Does another report say otherwise?", True),
    ("Does any article give a different figure for Google's stake?", False),  # names its own topic
])
def test_a_different_figure_in_another_article_asks_whether_they_disagree(text, followup):
    assert agreement_followup(text) is followup
    assert (agreement_question(text, "What is Anthropic's revenue?") == AgreementQuestion("What is Anthropic's revenue?", True)) is followup


def test_which_one_after_a_different_figure_is_the_other_side_and_the_next_turn_follows_the_question(seed_engine):
    turns = ["What is Anthropic's annual revenue?", "Does any article give a different figure?", "which one?", "and the valuation?"]
    previous, got = None, []
    for turn in turns:
        got.append(seed_engine.ask(turn, previous=previous))
        previous = seed_engine.next_previous(turn, previous)
    assert got[1].text.startswith("Yes: ") and [c.text for c in got[1].conflicts] == ["surpassing $1 billion"]
    assert got[2].citations[0].doc_id == SEED["003"] and "surpassing $1 billion" in got[2].text
    assert got[3].text == "approximately $60 billion"  # Anthropic's, not Mistral's "$6 billion"
