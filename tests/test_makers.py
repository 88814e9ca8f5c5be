"""A company named by what it makes (rag.makers), on the seed corpus: "Anthropic's Claude", "Anthropic, the AI
company behind Claude"."""

import pytest

from rag.makers import maker_named
from tests.conftest import SEED


@pytest.mark.parametrize(("question", "named"), [
    ("How much cash is Amazon putting into the Claude maker right away?", "How much cash is Amazon putting into Anthropic right away?"),
    ("What is the Claude developer valued at?", "What is Anthropic valued at?"),
    ("Which chips does the Trainium maker sell?", "Which chips does Amazon sell?"),  # "Amazon's custom Trainium chips"
    ("Who leads the AI safety startup behind Claude?", "Who leads Anthropic?"),
    # 003: "Meta has taken a different approach, ... while keeping its Llama models open-source"
    ("How much does the company behind Llama spend each year?", "How much does Meta spend each year?"),
    ("Who is the CEO of the company that makes Claude?", "Who is the CEO of Anthropic?"),
    ("Who invested in the ChatGPT maker?", "Who invested in OpenAI?"),  # 004: "OpenAI, which bet on ... through ChatGPT"
    ("Who invested in the Bedrock maker?", None),  # no article writes Bedrock's owner so
    ("Who leads the company?", None),  # no product named
    ("What is the maker of Claude?", None),  # asks for the maker
    # an acronym before "firm" names the firm's sector or country, not a product (was read as "Google", which
    # 003 writes as the owner of "AI" in "Google's integrated AI approach")
    ("For how long does the AI firm's cloud-spending pledge run?", None),
])
def test_a_company_named_by_what_it_makes(seed_engine, question, named):
    assert maker_named(seed_engine.data, question) == named


def test_a_question_of_the_maker_is_answered_of_the_company(seed_engine):
    # the twenty-first blind probe: refused
    got = seed_engine.ask("How much cash is Amazon putting into the Claude maker right away?")
    assert (got.text, got.question) == ("$5bn", "How much cash is Amazon putting into the Claude maker right away?")
    assert got.citations[0].doc_id == SEED["001"]
