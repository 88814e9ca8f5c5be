"""Which of two events came first (rag.event_order): the questions each event is asked as, and the answers."""

import pytest

from rag.event_order import _month_of, event_order


@pytest.mark.parametrize(("question", "questions", "earlier", "yes_no"), [
    ("Was Anthropic founded before Amazon first invested in it?",
     ("When was Anthropic founded?", "When did Amazon first invest in Anthropic?"), True, True),
    ("Did Amazon's first Anthropic investment come before the release of Claude 3.5 Sonnet?",
     ("When was Amazon's first Anthropic investment?", "When was the release of Claude 3.5 Sonnet?"), True, True),
    ("Which came first: Amazon's OpenAI investment or its Anthropic deal?",
     ("When was Amazon's OpenAI investment?", "When was Amazon's Anthropic deal?"), True, False),
    ("Was Claude 3.5 Sonnet released before or after Amazon's initial investment?",
     ("When was Claude 3.5 Sonnet released?", "When was Amazon's initial investment?"), None, False),
])
def test_two_events_asked_in_order(question, questions, earlier, yes_no):
    order = event_order(question)
    assert order is not None
    assert (order.questions, order.earlier, order.yes_no) == (questions, earlier, yes_no)


@pytest.mark.parametrize("question", [
    "Does Anthropic remain an independent company after Amazon's investment?",  # a state, not an event
    "How much did Amazon invest after 2023?",
    "Who founded Anthropic?",
])
def test_no_order_of_events_asked(question):
    assert event_order(question) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("September 2023", (2023, 9)),
    ("early 2024", (2024, 2)),
    ("2021", (2021, None)),
    ("next-generation", None),
])
def test_the_month_a_date_answer_gives(text, expected):
    assert _month_of(text) == expected


@pytest.mark.parametrize(("question", "answer"), [
    ("Was Anthropic founded before Amazon first invested in it?",
     "Yes: Anthropic founded: 2021; Amazon first invested in Anthropic: September 2023"),
    ("Did Amazon invest in OpenAI after it invested $1.25 billion in Anthropic?",
     "Yes: Amazon invest in OpenAI: February 2026; Amazon invested $1.25 billion in Anthropic: September 2023"),
    ("Which came first, Amazon's $1.25 billion investment or its $2.75 billion investment in Anthropic?",
     "Amazon's $1.25 billion investment (Amazon's $1.25 billion investment: September 2023; Amazon's $2.75 billion "
     "investment in Anthropic: early 2024)"),
    ("Was Claude 3.5 Sonnet released before or after Amazon's initial investment in Anthropic?",
     "After: Claude 3.5 Sonnet released: 2024; Amazon's initial investment in Anthropic: September 2023"),
])
def test_events_set_in_order_by_their_dates(seed_engine, question, answer):
    got = seed_engine.ask(question)
    assert got.text == answer
    assert {c.doc_id[:3] for c in got.citations} >= {"003"}


def test_an_event_the_articles_date_only_by_an_earlier_one_is_not_set_in_order(seed_engine):
    # "the new Anthropic deal" has no date; "previous investments ... announced in September 2023" is not its date
    got = seed_engine.ask("Which happened first, the OpenAI investment or the new Anthropic deal?")
    assert "September 2023" not in got.text
