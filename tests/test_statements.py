"""Whose words a sentence gives (rag.statements): table tests, no model."""

import pytest

from rag.statements import asked_speaker, gives_words_of, words_of

LEADERS = ("This structure appeals to Anthropic's leadership, including CEO Dario Amodei and President Daniela Amodei, "
           "who have repeatedly emphasized the importance of maintaining independence to pursue responsible AI development.")


@pytest.mark.parametrize(("sentence", "speaker", "about", "gives"), [
    (LEADERS, "Daniela Amodei", ("independ",), True),
    (LEADERS, "Dario Amodei", (), True),
    (LEADERS, "Dario Amodei", ("new", "amazon", "deal"), False),  # his words, about something else
    ("Dario Amodei leads Anthropic.", "Dario Amodei", (), False),  # names him, gives no words of his
    ("Revenue will double, according to analyst Jane Doe.", "Jane Doe", ("revenu",), True),
])
def test_a_sentence_gives_a_speakers_words(sentence, speaker, about, gives):
    assert gives_words_of(sentence, speaker, about) is gives


def test_the_words_are_the_clause_after_the_speech_verb():
    at = words_of(LEADERS, "Dario Amodei")
    assert at is not None and LEADERS[at[0] : at[1]] == (
        "the importance of maintaining independence to pursue responsible AI development")
    assert words_of("Revenue will double, according to Jane Doe.", "Jane Doe") is None


def test_a_speaker_is_a_name():
    assert asked_speaker("What did Jane Doe argue about chips?") == ("Jane Doe", ("chip",))
    assert asked_speaker("What did the report say?") == ("", ())
    # a decision is words given as theirs (the thirty-third blind probe: "FTC", for what the Commission decided)
    assert asked_speaker("What did the European Commission decide about the deal?") == ("European Commission", ("deal",))


def test_what_no_article_says_a_regulator_decided_is_refused(seed_engine):
    # the thirty-third blind probe: "FTC"; 003 says only that the FTC and European Commission are "examining" such deals
    got = seed_engine.ask("What did the European Commission decide about the Amazon-Anthropic deal?")
    assert got.abstained and got.note == "No article gives what the European Commission said about that."
