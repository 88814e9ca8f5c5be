"""Questions typed in lower case, and keyword questions that start with a name (rag.casing), on the seed index."""

import pytest

from rag.casing import leads_with_name, recased
from tests.conftest import SEED


@pytest.mark.parametrize(("question", "cased"), [
    ("anthropic valuation", "Anthropic valuation"),
    ("what is anthropic's valuation?", "what is Anthropic's valuation?"),
    ("how much did amazon invest in anthropic?", "how much did Amazon invest in Anthropic?"),
    ("what is aws trainium", "what is AWS Trainium"),  # as the articles write it, not merely capitalized
    ("Who leads anthropic?", None),  # a capital anywhere: written as its writer meant it
    ("how much is the deal worth?", None),  # no word the articles write as a name
    # a name given once inside a sentence and once opening one (the thirty-seventh blind probe: refused)
    ("meta ai infrastructure spending", "Meta AI infrastructure spending"),
    ("following the announcement, what happened to shares?", None),  # opens a sentence, lower case elsewhere
    # the forty-eighth blind probe (an editor typing tersely): a unit in capitals is no care taken over names; a name
    # the articles give once, inside a list; a possessive typed without its apostrophe; a publisher's name whole
    ("how many GW of trainium", "how many GW of Trainium"),
    ("how much did salesforce put into anthropic", "how much did Salesforce put into Anthropic"),
    ("what was amazons first investment", "what was Amazon's first investment"),
    ("who wrote the ai business piece", "who wrote the AI Business piece"),
    ("market impact score on the deal?", None),  # "Market Impact Score" is a run of capitals: a label, not a name
])
def test_a_lower_case_question_gets_its_names_back(seed_engine, question, cased):
    assert recased(seed_engine.data, question) == cased


@pytest.mark.parametrize(("question", "named"), [
    ("Anthropic valuation", True),
    ("Google stake in Anthropic", True),
    ("Total investment by Amazon", False),  # the articles write "total" in lower case
    ("Describe the deal", False),
    ("What is Anthropic's valuation?", False),  # a question word: its first word is no name
    ("Did Amazon invest?", False),
    # a name the articles give once inside a sentence and once to open one ("Meta has taken ...", "... or Meta's")
    ("Meta AI infrastructure spending", True),
    ("Following the announcement", False),  # opens a sentence, and is written in lower case elsewhere
])
def test_a_keyword_question_may_start_with_a_name(seed_engine, question, named):
    assert leads_with_name(seed_engine.data, question) is named


def test_a_keyword_question_is_bound_to_its_first_name(seed_engine):
    # the twenty-second blind probe: "$6 billion", Mistral AI's valuation
    for question in ("anthropic valuation", "Anthropic valuation"):
        got = seed_engine.ask(question)
        assert (got.text, got.question) == ("approximately $60 billion", question)
        assert got.citations[0].doc_id == SEED["003"]


def test_a_keyword_question_of_a_seldom_named_company_is_bound_to_it(seed_engine):
    # the thirty-fourth blind probe: refused; 003: "Meta has taken a different approach, spending over $30 billion annually on AI infrastructure"
    got = seed_engine.ask("Meta AI infrastructure spending")
    assert got.text == "over $30 billion" and got.citations[0].doc_id == SEED["003"]
