"""Words a question quotes are confirmed only as the articles write them (rag.quote_check)."""

import pytest

from rag.quote_check import _plain, quote_check


@pytest.mark.parametrize(("question", "text", "doc"), [
    # the seventy-sixth blind probe: an invented quote is never confirmed by a paraphrase (was "Yes: ...")
    ("Did Daniela Amodei say 'we will never give up our independence'?", None, None),
    ("Does the article say 'the key catalyst is whether AWS can show AI workloads'?",
     "Yes: Over the next 6-18 months, the key catalyst is whether AWS can show AI workloads driving incremental "
     "reacceleration in cloud growth without disproportionate margin compression.", "001"),
    # words the article says in its own voice are no quote from anyone
    ("Is the statement that 'the era of speculative investment is giving way to a phase of massive commercial "
     "deployment' a quote from anyone?",
     "No: This financial performance places Anthropic among the top-tier global AI model developers and suggests that "
     "the era of speculative investment is giving way to a phase of massive commercial deployment.", "000"),
    # a person paraphrased, never quoted (was "Yes: ...")
    ("Is there a direct quote from Dario Amodei?",
     "No: This structure appeals to Anthropic's leadership, including CEO Dario Amodei and President Daniela Amodei, who "
     "have repeatedly emphasized the importance of maintaining independence to pursue responsible AI development "
     "without external commercial pressures dictating research priorities.", "003"),
])
def test_quoted_words_and_direct_quotes(seed_engine, question, text, doc):
    got = seed_engine.ask(question)
    if text is None:
        assert got.abstained and "not confirmed" in got.note
    else:
        assert (got.text, got.citations[0].doc_id[:3]) == (text, doc)


@pytest.mark.parametrize("question", [
    "What is the 'Token Economy'?",  # a term in quotation marks, not a quote to check
    "Did Amazon invest in Anthropic?",
    "Is Amazon's stake 'minority'?",  # one word
])
def test_no_quote_asked(seed_engine, question):
    assert quote_check(seed_engine.state.data, question) is None


@pytest.mark.parametrize(("text", "plain"), [
    ("We’ll never give up!", "well never give up"),
    ("6-18 months", "6 18 months"),
])
def test_words_compared_as_letters_and_digits(text, plain):
    assert _plain(text) == plain


@pytest.mark.parametrize(("question", "word", "doc"), [
    # the ninety-eighth blind probe (a translator): which of two wordings an article writes (was refused, or read as one
    # quote "10-year' or 'ten-year")
    ("Does the Hamidun News article write '10-year' or 'ten-year' contract?", "10-year", "004"),
    ("In the Hamidun News article, is it 'annualized' or 'annual' revenue of $30 billion?", "annual", "004"),
    ("Does article 001 write '$33bn' or '$33 billion'?", "$33bn", "001"),
    ("Do the articles say 'up to' or 'about' 5 gigawatts?", "up to", "004"),
])
def test_the_wording_an_article_uses(seed_engine, question, word, doc):
    got = seed_engine.ask(question)
    assert got.text.startswith(f"'{word}': ") and got.citations[0].doc_id.startswith(doc)


@pytest.mark.parametrize(("question", "doc", "words"), [
    # the ninety-seventh blind probe: the line asked for, whole (was refused, or "exchange", "Anthropic")
    ("Give me the line I can put on screen about the 5 gigawatts.", "004", "5 gigawatts"),
    ("Quote the sentence about Amazon's $50 billion OpenAI investment.", "004", "approximately $50 billion in OpenAI"),
    ("Give me the exact line saying Amazon has no board seat.", "003", "does not have a board seat"),
    # the ninety-ninth blind probe: a figure named loosely, which the sentence writes "20:1" (was refused)
    ("whats the 20 to 1 thing", "002", "20:1 return ratio"),
])
def test_the_line_asked_for_is_its_sentence(seed_engine, question, doc, words):
    got = seed_engine.ask(question)
    assert got.text == got.sentence == got.citations[0].quote and got.citations[0].doc_id.startswith(doc) and words in got.text


def test_what_an_article_writes_is_no_less_written_for_a_newer_figure(seed_engine):
    # the ninety-eighth blind probe: was "The $4B article does not say this." (its $8 billion turned to 001's $33bn)
    got = seed_engine.ask("Does the $4B article say Amazon's total investment reaches $8 billion?")
    assert got.text.startswith("Yes: Amazon's total investment in Anthropic now reaches $8 billion") and got.citations[0].doc_id.startswith("003")
