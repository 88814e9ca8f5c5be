"""Answers in a wider form than the kind asked (rag.wider): pure text, no model."""

import pytest

from rag.analysis import analyse
from rag.wider import wider_span


@pytest.mark.parametrize(("question", "sentence", "answer"), [
    # a time said by an event, up to the next punctuation or quotation mark
    ("When is the Members Debate held?", 'Immediately after Decision Time a "Members Debate" is held, which lasts for 45 minutes.',
     "Immediately after Decision Time"),
    ("When are subject committees established?",
     "Subject Committees are established at the beginning of each parliamentary session, and again the members reflect the parties.",
     "at the beginning of each parliamentary session"),
    ("Until when was the price stable?", "Until the oil shock, the price had also remained fairly stable.", "Until the oil shock"),
    # an amount said by a word, or by a figure of another unit than the one the question's words suggest
    ("How much coal did Watt's engine use?", "Watt's early engines used half as much coal as Smeaton's.", "half"),
    ("How many ministries does a committee correspond to?",
     "Typically each committee corresponds with one (or more) of the departments of the Government.", "one"),
    ("How much imported oil came from the Middle East?", "71% of its imported oil came from the Middle East in 1970.", "71%"),
    ("How long does it take to know the outcome of a division?", "The outcome of each division is known in seconds.", "in seconds"),
    ("How many years have such practices existed?", "Such practices have existed for thousands of years.", "thousands"),
    ("How much does it cost to gain entry to a meeting?", "Entry to the public gallery of a meeting is free.", "free"),
])
def test_a_wider_form_of_the_answer(question, sentence, answer):
    span = wider_span(sentence, analyse(question))
    assert span is not None and span.text == answer and sentence[span.start : span.end] == answer


@pytest.mark.parametrize(("question", "sentence"), [
    # a question that names the class it wants takes no other form: a year, a price
    ("In what year were the rules changed?", "After the season ended, the rules were changed."),
    ("At what price did Amazon shares trade after the announcement?", "Amazon's shares climbed nearly 3% after the announcement."),
    # "one of" counts nothing; a year is no amount
    ("How many empires used it?", "It was one of the empires that began around 1700."),
    # a length is no money, a count no length
    ("How long did the programme run?", "The programme cost $5 million in all."),
    ("How many people attended?", "The results were known within hours."),
    # a "who" question has no wider form
    ("Who held the debate?", "Immediately after Decision Time a debate is held."),
    # the number of a name counts nothing (the thirty-third blind probe: "2" data centers)
    ("How many new data centers will Amazon build?", "As Trainium 2 chips roll out across AWS data centers, costs may fall."),
])
def test_no_wider_form(question, sentence):
    assert wider_span(sentence, analyse(question)) is None


@pytest.mark.parametrize(("question", "sentence", "answer"), [
    # "one" before the noun counted is a count, not the lone "one" of "one of the ..."
    ("How many members can voters choose?", "Voters choose one member to represent the constituency.", "one"),
    ("How many members can voters choose?", "Voters choose one new member each year.", "one"),
    ("How many members can voters choose?", "It is one of the members.", None),
])
def test_one_before_the_counted_noun_is_a_count(question, sentence, answer):
    from rag.spans import choose_span

    span = choose_span(sentence, analyse(question))
    assert (span.text if span is not None else None) == answer


PARLIAMENT = """The Assembly at Work

The Assembly meets in its debating chamber on Wednesday afternoons from 2 pm to 6 pm.
Committee meetings take place on Tuesday mornings when the Assembly is sitting.
Immediately after the evening vote a "Members Debate" is held, which lasts for 45 minutes.
Each committee corresponds with one of the departments of the Government.
The Assembly was founded in 1999 after a referendum in 1997.
"""


@pytest.fixture(scope="module")
def parliament_engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    from rag.engine import Engine

    base = tmp_path_factory.mktemp("wider")
    (base / "corpus").mkdir()
    (base / "corpus" / "assembly.txt").write_text(PARLIAMENT, encoding="utf-8")
    return Engine(base / "corpus", base / "index").open()


def test_a_time_said_by_an_event_answers_when_the_dated_sentences_are_far_below(parliament_engine):
    # the real model and index: the sentence that clearly answers best says "when" by an event, not by a weekday
    got = parliament_engine.ask("When is the Members Debate held?")
    assert (got.abstained, got.text) == (False, "Immediately after the evening vote")
    assert got.sentence.startswith("Immediately after the evening vote")
