"""Common-noun phrases as candidate answers: the parse (spaCy's small English pipeline, no embedding model) and
the span picker that weighs them against the question."""

import pytest

from rag.analysis import analyse
from rag.phrases import noun_phrases
from rag.spans import PHRASE, Span, candidate_spans, choose_span, tidy

CHEMISTS = "European chemists made deadly explosives that could be used in combat, and with innovations in machinery."
CLOUD = "OpenAI gave Microsoft exclusive cloud computing rights, and its models run on the Azure platform."


def test_a_phrase_and_the_one_after_of_are_one():
    # the ninety-sixth blind probe: "predictable stream" was cut from what it is a stream of
    sentence = "Finally, the 10-year partnership horizon creates a predictable stream of infrastructure revenue regardless of how it develops."
    assert "predictable stream of infrastructure revenue" in [sentence[a:b] for a, b in noun_phrases(sentence)]


def test_noun_phrases_leave_out_determiners_and_names():
    assert [CHEMISTS[a:b] for a, b in noun_phrases(CHEMISTS)] == ["deadly explosives", "combat", "innovations", "machinery"]
    assert noun_phrases("") == ()
    assert noun_phrases("x" * 5000) == ()  # a flattened table is not parsed


@pytest.mark.parametrize(
    ("sentence", "question", "without", "with_phrases"),
    [
        # "what" alone: the phrase the question's words surround is the answer, not a name elsewhere in the sentence
        (CHEMISTS, "What did European chemists make that could be used in warfare?", None, "deadly explosives"),
        # "which platform": only a phrase of that class could answer; a name still can
        (CLOUD, "Which cloud platform do OpenAI's models run on?", "Azure", "Azure"),
        # "called": a name is asked for, phrases are not candidates
        ("The company's flagship model is called Gemini, after its lab's old name.",
         "What is the company's flagship model called?", "Gemini", "Gemini"),
    ],
)
def test_phrases_answer_what_questions_by_class(sentence, question, without, with_phrases):
    q = analyse(question)
    plain = choose_span(sentence, q)
    assert (plain.text if plain else None) == without
    assert choose_span(sentence, q, phrases=noun_phrases(sentence)).text == with_phrases


def test_a_name_opening_a_sentence_leaves_its_determiner_out():
    sentence = "Its Constitutional AI approach trains models to follow a set of principles."
    names = [s.text for s in candidate_spans(sentence, "name")]
    assert names == ["Constitutional AI"]


@pytest.mark.parametrize(
    ("phrase", "tidied"),
    [
        ("political focus.[further explanation needed", "political focus"),  # a note mark and the full stop before it
        ("(trunnion", "trunnion"),  # an unpaired bracket
        ('"formal"', "formal"),
        ("(constant pressure) processes", "(constant pressure) processes"),  # a paired one stays
        ("U.S.", "U.S."),  # an abbreviation keeps its full stop
    ],
)
def test_phrases_are_tidied_at_their_edges(phrase, tidied):
    assert tidy(Span(10, 10 + len(phrase), phrase, PHRASE)).text == tidied


@pytest.mark.parametrize(
    ("sentence", "stem", "named"),
    [
        ("The terms address a critical problem — the shortage of computational resources.", "problem",
         "the shortage of computational resources"),
        ("The main risk: execution at scale.", "risk", "execution at scale"),
        ("The problem, as ever, is cost.", "problem", None),  # a comma is no apposition of what it is
        ("A problem — one of many, and a big one, that the whole industry faces today in full.", "problem", "one of many"),
    ],
)
def test_what_a_sentence_names_after_a_class_noun_and_a_dash(sentence, stem, named):
    from rag.phrase_answer import class_apposed
    found = class_apposed(sentence, stem)
    assert (sentence[found[0] : found[1]] if found else None) == named


@pytest.mark.parametrize(
    "sentence",
    [
        "Anthropic commits to using AWS Trainium chips — including the next-generation Trainium4 — as its base.",  # named
        "It uses custom chips — including the next-generation Trainium4 — as its base.",  # a dash that lists, not names
    ],
)
def test_a_dash_after_a_named_class_noun_or_before_a_list_names_nothing(sentence):
    from rag.phrase_answer import class_apposed
    assert class_apposed(sentence, "chip") is None


@pytest.mark.parametrize(
    ("sentence", "following", "stem", "named"),
    [
        # the next sentence gives the name in the role of "in a leading AI lab": after the same preposition
        ("It marks a second mega-investment by Amazon in a leading AI lab in two months.",
         "In February, the company invested about $50 billion in OpenAI.", "lab", "OpenAI"),
        ("The mill signed a deal with a regional utility last spring.",
         "Its contract with Northern Grid runs to 2030.", "util", "Northern Grid"),
        # the question's own name is no answer
        ("Amazon invested in a leading AI lab.", "It had invested in Amazon before.", "lab", None),
        # the class noun past the phrase's end ("in a deal with ... lab") is not the phrase's
        ("Amazon invested in a deal with the lab.", "It invested in OpenAI.", "lab", None),
        # the next sentence names no one after the preposition
        ("Amazon invested in a leading AI lab.", "The amount was large.", "lab", None),
    ],
)
def test_a_class_only_spoken_of_is_named_by_the_next_sentence_in_the_same_role(sentence, following, stem, named):
    from rag.bridging import bridged_name
    found = bridged_name(sentence, following, stem, frozenset({"amazon"}))
    assert (following[found[0] : found[1]] if found else None) == named


@pytest.mark.parametrize(
    ("question", "sentence", "says"),
    [
        # the owner's noun in another form ("partner" and "partnership") within a few words of its possessive
        ("Which AI lab is Microsoft's main partner?", "Microsoft's partnership with OpenAI creates pressure.", True),
        ("Which AI lab is Microsoft's main partner?", "Amazon secures a major AI partner against Microsoft.", False),
        ("Which chip is Amazon's main cloud product?", "Amazon's newest cloud products include Trainium.", True),
    ],
)
def test_a_sentence_says_what_the_question_says_a_name_owns(question, sentence, says):
    from rag.analysis import analyse
    from rag.owned import owned_nouns, says_owned

    owned = owned_nouns(analyse(question))
    assert owned and says_owned(sentence, owned) is says


@pytest.mark.parametrize(("sentence", "kind", "spans"), [
    # a figure answering an untyped question keeps its qualifier, as a typed one does
    ("Amazon's shares climbed nearly 3% in after-hours trading.", "other", ["Amazon's", "nearly 3%"]),
    ("It guarantees capacity of up to 5 gigawatts.", "power", ["up to 5 gigawatts"]),
    # "ten years from now" is a time ahead, not how long something runs
    ("What will it look like ten years from now, after a 10-year agreement?", "duration", ["10-year"]),
])
def test_candidate_spans_of_a_kind(sentence, kind, spans):
    assert [s.text for s in candidate_spans(sentence, kind)] == spans


def test_the_noun_of_a_compound_preposition_is_no_phrase():
    # "as part of their latest deal": "part" answered "What did the FTC conclude about the deal?" (twenty-fifth probe)
    sentence = "Amazon invested $5 billion in Anthropic as part of their latest deal."
    assert [sentence[a:b] for a, b in noun_phrases(sentence)] == ["latest deal"]
