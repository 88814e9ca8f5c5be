"""A question that names the outlet it asks about: the outlet is where the answer comes from, not what it is about."""

import pytest

from rag.outlets import names_as_source
from tests.conftest import SEED


@pytest.mark.parametrize(("question", "name", "expected"), [
    ("What does the AI Business piece say about Claude?", "AI Business", True),
    ("What does AI Business say Amazon invested?", "AI Business", True),
    ("According to TNW, how long is the contract?", "TNW", True),
    ("How long is the AWS contract in the Hamidun News report?", "Hamidun News", True),
    ("Who is the author of the AI Business article?", "AI Business", True),
    ("What did Reuters report about the deal?", "Reuters", True),
    ("What return ratio does AI Business attribute to the deal?", "AI Business", True),
    ("What figure does TNW give for the revenue?", "TNW", True),
    ("How much did Amazon invest in Anthropic?", "Amazon", False),  # the subject, not a source
    ("Does AI Business sell chips?", "AI Business", False),
    ("Which two tech giants is Amazon competing against in the AI cloud race?", "AI", False),
])
def test_a_name_is_a_source_where_the_question_speaks_of_it_as_one(question, name, expected):
    assert names_as_source(question, name) is expected


def test_the_outlets_own_passage_is_found_without_its_name(seed_engine):
    # "AI Business" pulls the ranking to 002's headline; the 20:1 sentence is found by the question without the name
    got = seed_engine.ask("What return ratio does AI Business attribute to the deal?")
    assert got.text == "20:1"
    assert [c.doc_id for c in got.citations] == [SEED["002"]]


def test_a_publisher_the_articles_do_not_write_is_a_source_whatever_the_verb(seed_engine):
    # "attach" is none of the source verbs; "AI Business" is 002's publisher and no retrieved passage writes it but
    # 002's own masthead, so it is where the answer comes from, not a name the answer's sentence must hold
    got = seed_engine.ask("What return ratio does AI Business attach to Amazon's $5B investment versus Anthropic's AWS pledge?")
    assert got.text == "20:1"
    assert [c.doc_id for c in got.citations] == [SEED["002"]]


def test_an_answer_is_taken_from_the_outlet_the_question_names(seed_engine):
    # 002 (publisher AI Business) says "Amazon has invested another $5 billion in Anthropic"; without the outlet
    # read as the source, "AI Business" was a name the answer's sentence had to hold, and the question abstained
    got = seed_engine.ask("What does AI Business say Amazon invested?")
    assert got.text == "$5 billion"
    # cited from the outlet's article only: 000 and 001 also give $5 billion, but the question asks what 002 says
    assert [c.doc_id for c in got.citations] == [SEED["002"]]
