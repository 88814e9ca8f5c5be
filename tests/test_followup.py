"""Follow-ups that ask the previous question of another name: "What about Google?"."""

import pytest

from rag.analysis import analyse
from rag.engine import Engine
from rag.followup import (
    asks_on_its_own,
    before_event,
    contextualize,
    needs_previous,
    owned_asked,
    with_answer,
    with_other_name,
    with_source,
    without_target,
)
from rag.named_articles import this_article
from tests.conftest import SEED


@pytest.mark.parametrize(("question", "previous", "expected"), [
    ("What about Google?", "How much has Microsoft invested in OpenAI?", "How much has Google invested in OpenAI?"),
    ("And Microsoft?", "What is Google's stake in Anthropic?", "What is Microsoft's stake in Anthropic?"),
    ("How about for xAI?", "What is Anthropic's valuation?", "What is xAI's valuation?"),
    ("What about Amazon Web Services?", "Who is the CEO of Anthropic?", "Who is the CEO of Amazon Web Services?"),
    ("What about the revenue?", "What is Anthropic's valuation?", None),  # not a name
    ("And before that?", "What is Anthropic's valuation?", None),  # the older figure, not a name
    ("What about Google?", "Why is the deal called circular?", None),  # no name to replace
    # both names of the previous question, where the follow-up gives two (found by the fifteenth blind probe)
    ("And Amazon in OpenAI?", "How much has Google invested in Anthropic?", "How much has Amazon invested in OpenAI?"),
    ("What about Google in Anthropic?", "How much did Microsoft invest in OpenAI?", "How much did Google invest in Anthropic?"),
    ("And Amazon in OpenAI?", "Who leads Anthropic?", None),  # one name before: nothing to put OpenAI in place of
    # the name after the same preposition (the twenty-second blind probe: "When did in Anthropic invest in OpenAI?")
    ("And in Anthropic?", "When did Amazon invest in OpenAI?", "When did Amazon invest in Anthropic?"),
    ("What about with Google?", "Does Anthropic compete with OpenAI?", "Does Anthropic compete with Google?"),
    ("And in Anthropic?", "Who is the CEO of OpenAI?", None),  # no name after "in" to replace
])
def test_the_previous_question_asked_of_another_name(question, previous, expected):
    assert with_other_name(question, previous) == expected


def test_what_about_another_name_answers_the_previous_question_for_it(seed_engine):
    got = seed_engine.ask("What about Microsoft?", previous="How much has Amazon invested in OpenAI?")
    assert got.question == "What about Microsoft?"
    assert got.figure.value == 13e9  # 003 and 002: Microsoft's $13 billion in OpenAI, not Amazon's $50 billion
    assert {c.doc_id for c in got.citations} == {SEED["002"], SEED["003"]}
    # and "Which article says that?" next means that question's sources
    after = Engine.next_previous("What about Microsoft?", "How much has Amazon invested in OpenAI?")
    assert after == "How much has Microsoft invested in OpenAI?"


def test_a_follow_up_that_could_not_be_restated_keeps_the_question_it_followed():
    # the forty-third blind probe: "And Apple?" after "What about Meta?" was told there was no earlier question
    after = Engine.next_previous("What about Meta?", "What are they doing?")
    assert after == "What are they doing?"


def test_and_after_that_means_the_newer_figure_of_an_answer_about_the_past(seed_engine):
    first = "What was Amazon's total investment in Anthropic before the latest deal?"  # $8 billion (003)
    got = seed_engine.ask("And after that?", previous=first)
    assert got.text == "$33bn" and got.citations[0].doc_id == SEED["001"]
    # an answer no source disagrees with: the tranche its article gives next ("an additional $2.75 billion in early
    # 2024" after "its initial $1.25 billion investment in September 2023"); it was "Anthropic", then an abstention
    got = seed_engine.ask("And after that?", previous="How much did Amazon initially invest in Anthropic in September 2023?")
    assert got.text == "$2.75 billion" and [c.doc_id for c in got.citations] == [SEED["003"]]
    # and "Who said that?" next means the newer figure's sources
    after = Engine.next_previous("And after that?", first)
    assert seed_engine.ask("Who said that?", previous=after).citations[0].doc_id == SEED["001"]


def test_and_before_that_means_the_tranche_before_where_no_source_disagrees(seed_engine):
    got = seed_engine.ask("And before that?", previous="How much did Amazon invest in Anthropic in early 2024?")
    assert got.text == "$1.25 billion" and [c.doc_id for c in got.citations] == [SEED["003"]]
    # the first tranche has none before it
    assert seed_engine.ask("And before that?", previous="How much did Amazon initially invest in Anthropic?").abstained


def test_and_after_that_after_a_date_steps_through_the_tranches_the_article_dates(seed_engine):
    # the ninetieth blind probe: after "September 2023" the figure that date is of steps on, then past the last dated
    # tranche to the undated one the article opens with
    turns = ["When did Amazon first invest in Anthropic?", "And after that?", "And then?"]
    previous, got = None, []
    for turn in turns:
        got.append(seed_engine.ask(turn, previous=previous))
        previous = Engine.next_previous(turn, previous)
    assert got[0].text == "September 2023"
    assert got[1].text == "$2.75 billion" and got[1].citations[0].doc_id == SEED["003"]
    assert got[2].text == "$4B" and got[2].citations[0].doc_id == SEED["003"]


def test_a_pronoun_the_conversation_never_named_is_not_read_as_anyone(seed_engine):
    # the ninetieth blind probe: "How much are they investing?" after turns that lost who "they" were was Amazon's $5bn
    got = seed_engine.ask("How much are they investing?", previous="Why are they doing?")
    assert got.abstained and got.note == 'The conversation does not say who "they" are.'


def test_who_said_that_names_the_speaker_the_sentence_gives(seed_engine):
    question = "What is the AI sector said to be shifting toward?"
    got = seed_engine.ask("Who said that?", previous=question)
    assert got.text == "Industry analysts" and got.citations[0].doc_id == SEED["000"]  # text of the article, no titles
    # "Which article says that?" asks for the sources: their titles (as "Which article gives 5 GW?" is answered),
    # with the sentence they say it in, cited from them (was the sentence alone: a sixth blind probe)
    which = seed_engine.ask("Which article says that?", previous=question)
    assert which.text == seed_engine.data.document(SEED["000"]).title and which.citations[0].doc_id == SEED["000"]
    assert which.sentence == got.sentence


@pytest.mark.parametrize(("sentence", "who"), [
    ("Industry analysts note that the focus of the AI sector is shifting.", "Industry analysts"),
    ("The deal is large, Jane Doe said.", "Jane Doe"),
    ("According to Reuters, the deal closed.", "Reuters"),
    ("Amazon invested $5 billion in Anthropic.", ""),
    ("The shares were said to rise.", ""),
])
def test_the_speaker_of_a_sentence(sentence, who):
    from rag.attribution import speaker

    assert speaker(sentence) == who


@pytest.mark.parametrize("question", ["And before that?", "Who said that?", "And after that?"])
def test_a_follow_up_with_nothing_before_it_abstains(seed_engine, question):
    # "And before that?" as a conversation's first line was answered "Partnership", from the heading "Before Partnership"
    got = seed_engine.ask(question, previous=None)
    assert got.abstained and got.citations == ()
    # and says why: there is nothing to follow up (it read as "not in the sources")
    assert got.note.startswith("this follows up an earlier question, and there is none yet")


def test_who_said_that_answers_with_article_text_only(seed_engine):
    from rag.attribution import speaker

    assert speaker("Amazon also said it would build a data centre campus in Ohio.") == "Amazon"
    got = seed_engine.ask("Who said that?", previous="How much did Amazon's shares rise?")
    assert not got.abstained and "…" not in got.text
    source = seed_engine.data.document(got.citations[0].doc_id).text
    assert got.text in source  # verbatim, not a title with an ellipsis


@pytest.mark.parametrize(("question", "needs"), [
    ("And Microsoft?", True),
    ("What about Google?", True),
    ("And in 2024?", True),  # a continuation with too few words of its own
    ("What about 2024?", True),
    ("And how much did Google invest in Anthropic?", False),  # a question of its own that starts with "and"
    ("How much did Google invest?", False),
])
def test_a_question_that_cannot_stand_alone(question, needs):
    assert needs_previous(analyse(question)) is needs


@pytest.mark.parametrize(("question", "without_event"), [
    ("How much had Amazon invested in Anthropic before the $5 billion deal?", "How much had Amazon invested in Anthropic?"),
    ("What was Anthropic's revenue prior to the latest round?", "What was Anthropic's revenue?"),
    ("How much capacity will Anthropic get before the end of the decade?", None),  # a time, not an event
    ("How much had Amazon invested before the summer of 2024?", None),
    ("How much did Amazon invest before 2026?", None),  # a year: the figures' own dates answer it
    ("Who led Anthropic before the deal?", None),  # not a figure question
    # the older source named: its side of a disagreement
    ("Under the older report, what was Amazon's total investment?", "What was Amazon's total investment?"),
    ("What is Anthropic's annual revenue according to the earlier coverage?", "What is Anthropic's annual revenue?"),
    ("Who is the CEO according to the older article?", None),
])
def test_a_figure_asked_before_an_event_is_the_question_without_it(question, without_event):
    assert before_event(analyse(question)) == without_event


def test_a_figure_before_an_event_is_the_older_figure_the_sources_set_against_it(seed_engine):
    # was "$100 billion", Anthropic's spending pledge; as "And before that?" after "How much had Amazon invested ...?"
    got = seed_engine.ask("How much had Amazon invested in Anthropic before the $5 billion deal?")
    assert got.text == "$4B" and [c.doc_id for c in got.citations] == [SEED["003"]]
    got = seed_engine.ask("What was Anthropic's revenue before the latest deal?")
    assert got.text == "surpassing $1 billion" and [c.doc_id for c in got.citations] == [SEED["003"]]


def test_a_figure_asked_of_the_older_source_is_its_side_of_the_disagreement(seed_engine):
    # was "$30 billion" (000, 004), as the question without "according to the earlier coverage" is answered
    got = seed_engine.ask("What is Anthropic's annual revenue according to the earlier coverage?")
    assert got.text == "surpassing $1 billion" and [c.doc_id for c in got.citations] == [SEED["003"]]


def test_a_line_break_in_a_question_is_no_turn_of_the_conversation(seed_engine):
    # "How much is Amazon\ninvesting ...?" was kept as it was typed: the break read as the turn break of "And before
    # that?", and "Who said that?" then asked "investing in Anthropic?" (003's "$8 billion in backing")
    asked = "How much is Amazon\ninvesting in Anthropic?"
    after = Engine.next_previous(asked, None)
    assert after == "How much is Amazon investing in Anthropic?"
    said = seed_engine.ask("Who said that?", previous=after)
    assert said.citations[0].doc_id == SEED["001"] and "$5bn" in said.text
    # no speaker in the sentence: the note names the articles that say it (the reply named no one)
    assert said.note.startswith('said in "Amazon commits up to $25bn investment in Anthropic" (001_')


@pytest.mark.parametrize(("question", "searched"), [
    # a name set aside is no word to search by: the sentences about the others answer
    ("Besides Amazon, which companies invested in Anthropic?", "which companies invested in Anthropic?"),
    ("Apart from Anthropic, which AI lab did Amazon back?", "which AI lab did Amazon back?"),
    # a source named before the question is searched for
    ("According to Reuters, who invested in Anthropic?", "According to Reuters, who invested in Anthropic?"),
])
def test_a_name_set_aside_is_not_searched_for(question, searched):
    assert contextualize(analyse(question), None) == searched


@pytest.mark.parametrize(("question", "previous", "swapped"), [
    ("And the CEO?", "Who is the president of Anthropic?", "Who is the CEO of Anthropic?"),
    ("What about its valuation?", "What is Anthropic's annual revenue?", "What is Anthropic's valuation?"),
    ("And the president?", "Who is Anthropic's CEO?", "Who is Anthropic's president?"),
    ("What about the chips?", "How much did Amazon invest?", None),  # "invest" is no noun to replace
    ("And Google?", "How much did Amazon invest?", None),  # a name: with_other_name
])
def test_a_follow_up_that_names_another_thing(question, previous, swapped):
    from rag.followup import with_other_name, with_other_noun

    assert with_other_noun(question, previous) == swapped
    if swapped is not None:
        assert with_other_name(question, previous) is None  # "the CEO" is no name (was "Who is the president of the CEO?")


def test_and_the_ceo_asks_the_previous_question_of_the_ceo(seed_engine):
    # found by the fourth blind probe: "And the CEO?" after the president answered "Daniela Amodei"
    previous = "Who is the president of Anthropic?"
    assert seed_engine.ask(previous).text == "Daniela Amodei"
    assert seed_engine.ask("And the CEO?", previous=previous).text == "Dario Amodei"


@pytest.mark.parametrize(("turns", "answers"), [
    # found by the sixth blind probe: a follow-up of wh-words alone asks the previous question's clause with them
    (["How much did Amazon invest in OpenAI?", "When?"], ["approximately $50 billion", "February 2026"]),
    (["When did Amazon first invest in Anthropic?", "How much?", "And after that?"],
     ["September 2023", "$1.25 billion", "$2.75 billion"]),
    # "And before that?" again steps back again; an undated figure that opens its article is its newest event
    (["How much is Amazon investing in Anthropic now?", "And before that?", "And before that?", "And before that?"],
     ["$5bn", "$4B", "$2.75 billion", "$1.25 billion"]),
    # "And after that?" after "And before that?" comes back
    (["What is Amazon's total investment in Anthropic?", "And before that?", "And after that?"],
     ["total potential commitment to $33bn", "$8 billion", "total potential commitment to $33bn"]),
    # "And before the latest deal?" is "And before that?" naming the event
    (["What is Amazon's total investment in Anthropic?", "And before the latest deal?", "Which article says that?"],
     ["total potential commitment to $33bn", "$8 billion", "Amazon Pours $4B More Into Anthropic Deal"]),
    # "it": the one name of the question before
    (["Who is the CEO of Anthropic?", "When was it founded?"], ["Dario Amodei", "2021"]),
    # found by the fifteenth blind probe: wh-words with a noun or "was it" ask the previous question's clause; "Which
    # articles mention that?" and "Where does that come from?" ask for the previous answer's sources
    (["How much will Anthropic spend on AWS?", "Over what period?"], ["more than $100bn", "next decade"]),
    (["How much capacity does Amazon guarantee Anthropic?", "What chips?"], ["up to 5 gigawatts", "Trainium"]),
    (["When did Amazon first invest in Anthropic?", "How much was it?"], ["September 2023", "$1.25 billion"]),
    (["How much did Google invest in Anthropic?", "And Amazon in OpenAI?"], ["a reported $2 billion", "approximately $50 billion"]),
    # "Who wrote that article?", "Who published that?": the credit line or publisher of the article cited first;
    # "Is there an older figure?" is "And before that?"
    (["How much will Anthropic spend on AWS?", "What return ratio does that imply?", "Who wrote that article?"],
     ["more than $100bn", "20:1", "Mr Explorer"]),
    (["How much capacity does Amazon guarantee Anthropic?", "Who published that?"], ["up to 5 gigawatts", "Hamidun News"]),
    (["What annual revenue does Anthropic have?", "Is there an older figure?"], ["$30 billion", "surpassing $1 billion"]),
    # found by the sixteenth blind probe: the sides of a disagreement by age; "that" for the previous answer's figure;
    # the previous question asked of another time
    (["What's Amazon's total investment in Anthropic so far?", "Which is the more recent figure?", "And the older one?"],
     ["total potential commitment to $33bn", "total potential commitment to $33bn", "$8 billion"]),
    (["How much capacity is Anthropic getting?", "How big is that in everyday terms?"],
     ["up to 5GW", "the power output of five large thermal power plants"]),
    (["When did Amazon first put money into Anthropic?", "How much was that first check?", "And in 2024?"],
     ["September 2023", "$1.25 billion", "$2.75 billion"]),
    # found by the thirty-fifth blind probe: the older article's figure asked in words of its own, then whether it
    # still holds (refused: the follow-up was restated with "it" read as Anthropic)
    (["What is Anthropic's annual revenue?", "And what did the older article say it was?", "Is that still true?"],
     ["$30 billion", "surpassing $1 billion",
      "No: The scale of the investment is justified by Anthropic’s maturing business model, with reports indicating that"
      " the firm’s annualized revenue has surpassed the $30 billion milestone."]),
    # found by the forty-first blind probe: after a claim checked, the figure it was about, as the articles give it
    # (was "company"), and the older article's (was the check again)
    (["Verify: Amazon's total investment in Anthropic is $8 billion.", "What's the actual figure then?"],
     ["No: Amazon will invest $5bn in Anthropic, with up to another $20bn tied to commercial milestones, lifting its total"
      " potential commitment to $33bn including prior funding.", "total potential commitment to $33bn"]),
    # "How big is that?" of the previous answer's figure, not restated as "How big does Anthropic get?" (was "Tech")
    (["How much capacity does Anthropic get?", "How big is that?"],
     ["up to 5GW", "the power output of five large thermal power plants"]),
    (["The draft says Anthropic's annual revenue is about $1 billion. Is that right?", "And the older article?"],
     ["No: The scale of the investment is justified by Anthropic’s maturing business model, with reports indicating that"
      " the firm’s annualized revenue has surpassed the $30 billion milestone.", "surpassing $1 billion"]),
    # found by the sixtieth blind probe: "there" for the name asked of before (was "Hamidun Academy"); "it" of the
    # previous question's name, competing "against" what a sentence says it competes "with" (was "Amazon")
    (["What is Amazon Bedrock?", "Which models can you use there?"],
     ["the managed service that lets enterprises build generative AI applications using foundation models from multiple "
      "providers", "Anthropic's Claude"]),
    (["What is Trainium?", "What is it competing against?"], ["AWS Trainium chips", "dominant NVIDIA"]),
    # found by the sixty-second blind probe (a radio producer): a follow-up that names all it asks of stands alone
    # (was Anthropic's total); a correction with a question after it, of the party the money went to (was "$100
    # billion", Anthropic's spending)
    (["How much has Microsoft put into OpenAI?", "and Amazon's OpenAI investment?"],
     ["approximately $13 billion", "approximately $50 billion"]),
    (["When did Amazon invest in OpenAI?", "how much?", "no, I meant Anthropic, how much this time?"],
     ["February 2026", "approximately $50 billion", "$5 billion"]),
    # "the rest" leans on the question before; "who reported that?" asks for the articles (both were refused)
    (["How much is Amazon investing in Anthropic in this new deal?", "and how much of that is up front?",
      "what's the rest tied to?"], ["$5 billion", "$5bn", "tied to commercial milestones"]),
    # the sixty-eighth blind probe: "the year after" is "And after that?"; "Where's that from?" asks for the sources
    (["When did Amazon first invest in Anthropic?", "how much?", "And the year after?", "Where's that from?"],
     ["September 2023", "$1.25 billion", "$2.75 billion", "Amazon Pours $4B More Into Anthropic Deal"]),
    (["How much capacity is Amazon guaranteeing Anthropic?", "say that again in plain terms, how big is that?",
      "wait, who reported that?"],
     ["up to 5 gigawatts", "the power output of five large thermal power plants",
      "Amazon to invest another $25 billion in Anthropic and lock in a 10-year AWS contract"]),
    # the hundred-and-sixteenth and hundred-and-seventeenth blind probes (an auditor, an investor): "Which article?"
    # alone asks for the sources (was read "Which article is Anthropic getting?", refused); after a turn refused, of
    # the answer that turn was read with (was refused); a total asked to "come to" is money (was "Anthropic")
    (["How many gigawatts of compute is Anthropic getting?", "Which article?"],
     ["up to 5 gigawatts", "Amazon to invest another $25 billion in Anthropic and lock in a 10-year AWS contract; "
      "Amazon commits up to $25bn investment in Anthropic"]),
    (["How did Amazon stock react to the deal?", "Was that during normal trading hours?", "Which article reported it?"],
     ["nearly 3%", "", "Amazon is significantly raising the stakes in the global artificial intelligence arms race, "
      "signaling a potential total…"]),  # (000 has no title: its opening words stand for it)
    (["When did Amazon first invest in Anthropic?", "What does Amazon's total come to now?"],
     ["September 2023", "total potential commitment to $33bn"]),
])
def test_a_conversation(seed_engine, turns, answers):
    previous, got = None, []
    for turn in turns:
        got.append(seed_engine.ask(turn, previous=previous).text)
        previous = Engine.next_previous(turn, previous)
    assert got == answers


@pytest.mark.parametrize(("question", "start", "note"), [
    # the newest the sources give, where they disagree: Yes, with why it leads
    ("What is Anthropic's annual revenue?", "Yes: ", "The newest the sources give (newer: "),
    # only an older source gives it: no Yes
    ("What valuation did Anthropic reach in its latest round?", "Not confirmed: ", "Only an older source gives this"),
])
def test_is_that_still_true(seed_engine, question, start, note):
    got = seed_engine.ask("Is that still true?", previous=question)
    assert got.text.startswith(start) and got.note.startswith(note)
    assert got.citations == seed_engine.ask(question).citations


def test_a_figure_a_newer_source_gives_otherwise_is_no_longer_true(seed_engine):
    # the twenty-first blind probe: "Yes: The move brings Amazon's total investment in Anthropic to a staggering $8
    # billion ..." after "Which article says $8 billion?"; 001 gives the total as $33bn
    got = seed_engine.ask("Is that still true?", previous="Which article says $8 billion?")
    assert got.text.startswith("No: Amazon will invest $5bn in Anthropic") and "$33bn" in got.text
    assert [c.doc_id for c in got.citations] == [SEED["001"]]
    assert [c.text for c in got.conflicts] == ["$8 billion"]


@pytest.mark.parametrize(("question", "previous", "resolved"), [
    ("Are its models open-source?", "How much does Meta spend on AI infrastructure each year?", "Are Meta's models open-source?"),
    ("When was it founded?", "Who is the CEO of Anthropic?", "When was Anthropic founded?"),
    # of two names, "it" could be either; a question that names the name itself needs nothing
    ("What is its valuation?", "How much did Amazon invest in OpenAI?", None),
    ("Is Anthropic profitable?", "Who founded Anthropic?", None),
    # "it" as the subject is the one that acted (the thirty-fifth blind probe: was read as no one, and Google's $2
    # billion answered)
    ("And how much is it investing in Anthropic?", "How much did Amazon invest in OpenAI?",
     "And how much is Amazon investing in Anthropic?"),
])
def test_it_is_the_one_name_of_the_previous_question(question, previous, resolved):
    from rag.followup import with_referent

    assert with_referent(question, previous) == resolved


@pytest.mark.parametrize(("question", "followup"), [
    ("Which articles mention that?", "source"),
    ("Which outlets also report that?", "source"),
    ("Where does that come from?", "source"),
    ("What is the source of that?", "source"),
    ("Source?", "source"),
    # the ninety-ninth blind probe (a sceptical reader on a phone): a doubt put in a word or two (was refused)
    ("says who?", "source"),
    ("really? source?", "source"),
    ("According to whom?", "source"),
    ("What is the source of revenue for Anthropic?", ""),  # a question of its own
    ("Which articles mention Trainium?", ""),  # which articles mention a topic (rag.coverage)
    ("Who wrote that article?", "credit"),
    ("Who published that?", "publisher"),
    ("Who wrote the article about the AWS deal?", ""),  # an article of its own (rag.bylines)
    ("Is there an older figure?", "before"),
    ("What was the earlier figure?", "before"),
    ("Is there an older article about Amazon?", ""),
    ("Which is the more recent figure?", "newest"),
    ("And the older one?", "before"),
    ("What did earlier coverage report?", "before"),
    ("What did the older article say?", "before"),
    ("What did the older article say about Trainium?", ""),  # a question of its own
    ("Which article gave that lower number?", "side"),
    ("Which source has the newer figure?", "side"),
    ("Which article gave the lower revenue figure for Anthropic?", ""),  # names what it asks: a question of its own
    # the forty-first blind probe's turns: the older article; the figure a checked claim was about
    ("And the older article?", "before"),
    ("What's the actual figure then?", "figure"),
    ("So what is the real number?", "figure"),
    ("What is the real number of employees?", ""),  # a question of its own
    # the forty-third blind probe: whether another source agrees asks for the answer's sources
    ("Does any other source agree?", "source"),
    ("Does any other article agree with that?", "source"),
    ("Do the articles agree on revenue?", ""),  # (rag.agreement)
    ("Which outlet reported it?", "publisher"),  # the forty-second blind probe: was the article's headline
    ("Which outlet reported the 10-year contract?", ""),  # a question of its own (rag.attribution)
])
def test_a_follow_up_that_asks_for_the_sources_credit_or_older_figure_of_the_answer(question, followup):
    assert analyse(question).followup == followup


@pytest.mark.parametrize(("question", "docs"), [
    ("Which article gave that lower number?", ["003"]),  # "surpassing $1 billion", against 000's and 004's $30 billion
    ("Which article gave the higher number?", ["000", "004"]),
    ("Which source has the older figure?", ["003"]),
    ("Which source has the newer figure?", ["000", "004"]),
])
def test_the_articles_of_one_side_of_a_disagreement(seed_engine, question, docs):
    got = seed_engine.ask(question, previous="What is Anthropic's annual revenue?")
    assert sorted(c.doc_id for c in got.citations) == [SEED[d] for d in docs]
    assert got.text == "; ".join(dict.fromkeys(c.title for c in got.citations))
    assert seed_engine.ask(question, previous="Who is the CEO of Anthropic?").abstained  # no disagreement: no side


def test_which_articles_mention_that_lists_the_previous_answers_sources(seed_engine):
    previous = "What is Anthropic's annual revenue?"
    first = seed_engine.ask(previous)
    got = seed_engine.ask("Which articles mention that?", previous=previous)
    assert {c.doc_id for c in got.citations} == {c.doc_id for c in first.citations} == {SEED["000"], SEED["004"]}
    assert got.text == "; ".join(c.title for c in first.citations)


@pytest.mark.parametrize(("question", "previous", "restated"), [
    ("And in 2024?", "How much was that first check?", "How much was that check in 2024?"),
    ("What about in early 2024?", "How much did Amazon invest in Anthropic in September 2023?",
     "How much did Amazon invest in Anthropic in early 2024?"),
    ("And in 2024 alone?", "How much did Amazon invest?", None),  # not a time alone
])
def test_the_previous_question_asked_of_another_time(question, previous, restated):
    from rag.followup import with_other_time
    assert with_other_time(question, previous) == restated


@pytest.mark.parametrize(("question", "answer", "restated"), [
    ("How big is that in everyday terms?", "up to 5 gigawatts", "How big is up to 5 gigawatts in everyday terms?"),
    ("How does that compare with OpenAI?", "approximately $60 billion", "How does approximately $60 billion compare with OpenAI?"),
    ("Is that figure current?", "up to 5 gigawatts", None),
])
def test_that_stands_for_the_previous_answer(question, answer, restated):
    from rag.followup import with_answer
    assert with_answer(question, answer) == restated


@pytest.mark.parametrize(("question", "restated"), [
    ("And Google, has it backed Anthropic?", "Has Google backed Anthropic?"),
    ("What about Microsoft, how much did it invest in OpenAI?", "How much did Microsoft invest in OpenAI?"),
    ("And Google, what is its stake?", "What is Google's stake?"),
    ("And then, what happened?", None),  # no name set first
    ("And Google?", None),  # another name for the previous question (with_other_name)
])
def test_a_name_set_first_stands_for_the_pronoun_after_it(question, restated):
    from rag.followup import with_name_first
    assert with_name_first(question) == restated


def test_a_follow_up_of_another_object_after_a_bare_when(seed_engine):
    # the twenty-second blind probe: "February 2026" again, from the sentence about OpenAI
    first = "How much did Amazon invest in OpenAI?"
    when = Engine.next_previous("When?", first)
    assert when == "When did Amazon invest in OpenAI?"
    got = seed_engine.ask("And in Anthropic?", previous=when)
    assert got.question == "And in Anthropic?"
    assert got.text == "September 2023"  # Amazon's first investment in Anthropic (003, 002)
    assert "OpenAI" not in got.sentence


def test_a_figure_named_as_that_figure_and_asked_before_that(seed_engine):
    # the thirty-fourth blind probe's conversation: both were answered "Anthropic"
    previous = "What is Anthropic's annual revenue?"
    first = seed_engine.ask(previous)
    got = seed_engine.ask("Who else reports that figure?", previous=previous)
    assert {c.doc_id for c in got.citations} == {c.doc_id for c in first.citations} == {SEED["000"], SEED["004"]}
    older = seed_engine.ask("And what was it before that?", previous=previous)
    assert older.text == "surpassing $1 billion" and older.citations[0].doc_id == SEED["003"]


def test_it_at_the_end_stands_for_the_previous_figure(seed_engine):
    # the thirty-sixth blind probe: "Amazon", from 004's "Amazon in turn guarantees ... up to 5 gigawatts"; 001:
    # "securing up to 5GW of Amazon Trainium chips"
    previous = "How much computing capacity does Amazon guarantee Anthropic?"
    assert seed_engine.ask(previous).text == "up to 5 gigawatts"
    got = seed_engine.ask("What chips will provide it?", previous=previous)
    assert got.text == "Amazon Trainium" and got.citations[0].doc_id == SEED["001"]
    assert seed_engine.ask("What amount of power capacity has Amazon guaranteed Anthropic?").text == "up to 5 gigawatts"


def _talk(engine, turns):
    """Each turn's answer, asked as a conversation does (Engine.next_previous between turns)."""
    previous, answers = None, []
    for turn in turns:
        answers.append(engine.ask(turn, previous=previous))
        previous = Engine.next_previous(turn, previous)
    return answers


def test_the_rest_of_a_part_and_how_long_from_the_answer_sentence(seed_engine):
    # the forty-ninth blind probe (conversations): "And the rest?", "What does Anthropic commit in return?" and
    # "Over how long?" were refused
    got = _talk(seed_engine, ["How much is Amazon investing in Anthropic?", "How much of that is paid upfront?", "And the rest?",
                              "Including earlier funding, what's the total?", "What does Anthropic commit in return?", "Over how long?"])
    assert got[2].text == "up to another $20bn" and got[2].citations[0].doc_id == SEED["001"]  # "with up to another $20bn tied to ..."
    assert got[4].text == "$100 billion"
    assert got[5].text == "next decade" and got[5].citations[0].doc_id == SEED["001"]  # "... over the next decade on AWS technologies"


def test_before_a_total_is_the_smaller_total_and_who_says_so_keeps_the_context(seed_engine):
    # the forty-ninth blind probe: "And before that?" and "Who says so?" were refused
    got = _talk(seed_engine, ["What did Amazon's total investment in Anthropic reach after the $4 billion deal?", "And before that?",
                              "When did it start?", "Who says so?"])
    assert got[0].text == "$8 billion"
    assert got[1].text == "$4 billion"  # 003: "..., bringing the total to $4 billion"
    assert got[2].text == "September 2023"
    assert not got[3].abstained and {c.doc_id for c in got[3].citations} == {SEED["002"], SEED["003"]}


def test_it_after_a_question_of_two_names_is_read_as_the_one_that_answers(seed_engine):
    # the forty-ninth blind probe: "Who runs the company?" and "Is it still independent?" were refused
    got = _talk(seed_engine, ["Does Amazon get a board seat at Anthropic?", "Who runs the company?", "When was it founded?",
                              "Where is it headquartered?", "Is it still independent?"])
    assert got[1].text == "Dario Amodei"
    assert got[2].text == "2021"
    assert got[3].abstained  # no article says where
    assert got[4].text.startswith("Yes: Amazon does not acquire a controlling stake — Anthropic remains an independent company")


def test_do_the_other_sources_agree_leaves_the_question_to_follow(seed_engine):
    # the forty-ninth blind probe: "What about its valuation?" was Mistral AI's "$6 billion"
    got = _talk(seed_engine, ["What is Anthropic's annual revenue?", "Do the other sources agree?", "What about its valuation?",
                              "And OpenAI's?"])
    assert got[2].text == "approximately $60 billion"
    assert got[3].text == "approximately $150 billion"


@pytest.mark.parametrize(("question", "followup"), [
    ("And the rest?", "rest"),
    ("What about the remainder?", "rest"),
    ("And after that?", "after"),
    ("What is the rest of the deal about?", ""),  # a question of its own
])
def test_the_rest_is_a_follow_up_of_its_own_kind(question, followup):
    assert analyse(question).followup == followup


@pytest.mark.parametrize(("question", "previous", "expected"), [
    # the forty-ninth blind probe: "Which ones?" was "Anthropic"; "What about Nvidia's stock?" was "Trainium"
    ("Which ones?", "Are regulators looking at these AI investments?", "Which regulators are looking at these AI investments?"),
    ("And which of them?", "Did any companies invest in Anthropic?", "Which companies did invest in Anthropic?"),
    ("What about Nvidia's stock?", "How did Amazon's stock react to the announcement?", "How did Nvidia's stock react to the announcement?"),
    ("And Anthropic's shares?", "How did Amazon's stock react?", "How did Anthropic's shares react?"),
    ("What about Google's stake?", "What is Amazon's stake in Anthropic?", "What is Google's stake in Anthropic?"),
    # the fifty-eighth blind probe: "No, I meant the first investment" kept the latest deal
    ("What about the first investment?", "How much did Amazon put into Anthropic in the latest deal?",
     "How much did Amazon put into Anthropic in the first investment?"),
])
def test_a_follow_up_restated_as_the_question_it_stands_for(question, previous, expected):
    from rag.followup import restated

    assert restated(question, previous) == expected


@pytest.mark.parametrize(("question", "answer", "expected"), [
    ("What are they doing?", "Kunlun Wanwei and Nine United", "What are Kunlun Wanwei and Nine United doing?"),
    ("What is their strategy?", "FTC and European Commission", "What is FTC and European Commission's strategy?"),
    ("What are they doing?", "$5 billion", None),  # no names
    ("What is it doing?", "Kunlun Wanwei and Nine United", None),  # no "they"
])
def test_they_is_read_as_the_names_the_previous_answer_gave(question, answer, expected):
    from rag.followup import with_named_answer

    assert with_named_answer(question, answer) == expected


def test_which_ones_and_they_follow_the_subject_and_the_names_answered(seed_engine):
    # the forty-ninth blind probe: "Anthropic", then a sentence that names no regulator
    got = _talk(seed_engine, ["Are regulators looking at these AI investments?", "Which ones?", "Why are they concerned?"])
    assert got[0].abstained  # no sentence found names regulators looking: no "Yes" from another subject
    assert got[1].text == "FTC and European Commission"
    assert got[2].text.startswith("Regulatory scrutiny of Big Tech AI investments is increasing")
    got = _talk(seed_engine, ["Which Chinese companies are mentioned?", "What are they doing?"])
    assert got[1].text == "similar full-stack strategies" and got[1].citations[0].doc_id == SEED["000"]


def test_a_reason_given_of_an_owners_thing_names_it(seed_engine):
    # the forty-ninth blind probe: NVIDIA's "performance" for "Nvidia's stock"
    assert seed_engine.ask("Why did Nvidia's stock react to the announcement?").abstained
    assert seed_engine.ask("Why did Amazon's shares rise?").text == "investor confidence in this intensified collaboration"


def test_whether_other_sources_confirm_a_one_source_answer(seed_engine):
    # the fifty-second blind probe (a fact-checker's chat): "Yes: ..." from the one article that says it, and "Who
    # else reports it?" named that article again
    got = _talk(seed_engine, ["How did Amazon's stock react to the deal?", "Which article says that?", "Do other sources confirm it?",
                              "Who else reports it?"])
    assert got[2].text.startswith("Only one source states it: Following the announcement, Amazon’s shares climbed nearly 3%")
    assert got[3].abstained and got[3].note.startswith("No other article states it: only ")


def test_agreement_on_the_amount_asks_of_the_previous_question(seed_engine):
    got = _talk(seed_engine, ["How much is Amazon investing in Anthropic?", "Do all sources agree on the amount?"])
    assert got[1].text.startswith("No: Amazon will invest $5bn in Anthropic")  # 003's $4B disagrees


@pytest.mark.parametrize(("question", "expected"), [
    ("No, I meant Microsoft's investment in OpenAI", "What about Microsoft in OpenAI?"),
    ("Sorry, I meant Google.", "What about Google?"),
    ("I meant the revenue", "What about the revenue?"),
    ("no, I meant Anthropic, how much this time?", "What about Anthropic?"),  # the question after it asks again
    ("No, Google", None),
    ("What did Amazon mean by that?", None),
])
def test_a_correction_asks_the_previous_question_of_what_was_meant(question, expected):
    from rag.followup import corrected

    assert corrected(question) == expected


def test_corrections_times_and_then_what_follow_the_question_before(seed_engine):
    got = _talk(seed_engine, ["How much did Amazon invest in OpenAI?", "No, I meant Microsoft's investment in OpenAI"])
    assert got[1].text == "approximately $13 billion"
    got = _talk(seed_engine, ["When did Amazon first invest in Anthropic?", "How much?", "In 2024?"])
    assert [a.text for a in got] == ["September 2023", "$1.25 billion", "$2.75 billion"]


@pytest.mark.parametrize("question", ["Then what?", "What next?", "And then what?", "What came after it?", "What followed?"])
def test_then_what_asks_what_came_after(question):
    assert analyse(question).followup == "after"


def test_what_the_older_article_said_about_a_topic_is_its_sentence(seed_engine):
    # the fifty-second blind probe: 001's analysis, the newest article's
    got = seed_engine.ask("What did the older article say about Trainium?")
    assert [c.doc_id for c in got.citations] == [SEED["003"]] and "Trainium" in got.text
    assert got.note == "From the oldest of the articles that mention it: Amazon Pours $4B More Into Anthropic Deal."


def test_a_correction_of_the_thing_asked_about(seed_engine):
    got = _talk(seed_engine, ["How much did Amazon put into Anthropic in the latest deal?", "No, I meant the first investment.",
                              "When was that?"])
    assert [a.text for a in got] == ["$5 billion", "$1.25 billion", "September 2023"]


def test_which_article_makes_that_comparison_names_its_source(seed_engine):
    # the fifty-eighth blind probe: refused
    got = _talk(seed_engine, ["How much capacity does Anthropic get?", "What is that comparable to?", "Which article makes that comparison?"])
    assert got[1].text == "the power output of five large thermal power plants"
    assert [c.doc_id for c in got[2].citations] == [SEED["004"]]


@pytest.mark.parametrize(("text", "previous", "asked"), [
    ("What about Anthropic?", "How much did Amazon invest in OpenAI?", "How much did Amazon invest in Anthropic?"),
    ("And Google?", "Did Amazon sign a deal with Anthropic?", "Did Amazon sign a deal with Google?"),
    ("What about OpenAI?", "How much did Amazon invest in OpenAI?", None),  # the same name
    ("What about the revenue?", "How much did Amazon invest in OpenAI?", None),  # no name
])
def test_another_name_read_as_the_party_an_act_was_done_to(text, previous, asked):
    from rag.followup import with_other_target

    assert with_other_target(text, previous) == asked


def test_that_as_a_subject_is_the_answer_before_and_another_name_asks_of_the_named_question(seed_engine):
    got = _talk(seed_engine, ["What was Amazon's first investment in Anthropic?", "And after that?",
                              "What did that bring the total to?", "What about Google?"])
    assert [a.text for a in got] == ["$1.25 billion", "$2.75 billion", "$4 billion", "a reported $2 billion"]
    got = _talk(seed_engine, ["When did Amazon first invest in Anthropic?", "How much was it?", "And the year after?",
                              "So what did that add up to?"])
    assert got[-1].text == "$4 billion"


def test_a_names_thing_asked_of_in_full_after_another_question(seed_engine):
    got = _talk(seed_engine, ["Who leads Anthropic?", "What about Microsoft's stake in OpenAI?"])
    assert got[-1].text == "a reported 49%"


@pytest.mark.parametrize(("text", "expected"), [
    ("What did that bring the total to?", "What did $2.75 billion bring the total to?"),
    ("So what did that add up to?", "So what did $2.75 billion bring the total to?"),
    ("How much did that article say?", None),  # "that" of a noun
    ("What does this mean?", "What does $2.75 billion mean?"),
])
def test_that_standing_for_the_previous_answer(text, expected):
    assert with_answer(text, "$2.75 billion") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("What about Microsoft's stake in OpenAI?", "What is Microsoft's stake in OpenAI?"),
    ("And Google's investment?", "What is Google's investment?"),
    ("What about Google?", None),
    ("What about Amazon's?", None),
])
def test_a_names_thing_asked_of(text, expected):
    assert owned_asked(text) == expected


def test_another_name_asked_of_what_it_put_in_wherever_it_went(seed_engine):
    # "How much has Google put into OpenAI?" and "... put into Google?" find nothing: what Google put in
    got = _talk(seed_engine, ["How much has Microsoft put into OpenAI?", "And Google?", "What about Meta?"])
    assert [a.text for a in got] == ["approximately $13 billion", "a reported $2 billion", "over $30 billion"]


def test_him_and_her_are_the_person_the_answer_before_named(seed_engine):
    got = _talk(seed_engine, ["who runs anthropic?", "which article mentions him?"])
    assert (got[0].text, got[1].citations[0].doc_id) == ("Dario Amodei", SEED["003"])


@pytest.mark.parametrize(("text", "expected"), [
    ("How much has Google put into OpenAI?", "How much has Google put?"),
    ("How much did Amazon invest in Anthropic?", "How much did Amazon invest?"),
    ("How much did Amazon invest?", None),
])
def test_a_question_without_the_name_an_act_was_done_to(text, expected):
    assert without_target(text) == expected


def test_he_is_the_person_the_question_before_names(seed_engine):
    got = _talk(seed_engine, ["Who's Dario Amodei?", "What did he say about the deal?"])
    assert got[1].abstained and got[1].note == "No article gives what Dario Amodei said about that."


@pytest.mark.parametrize(("text", "previous", "expected"), [
    # the eightieth blind probe: "it" for the article the question before named as its source
    ("What does it say about the length of the partnership?", "Against which cloud is AWS competing, according to the Hamidun News article?",
     "What does the Hamidun News article say about the length of the partnership?"),
    ("What did that one report about chips?", "In the AI Business piece, what is the return ratio?",
     "What did the AI Business piece report about chips?"),
    ("What does it say about the length of the partnership?", "How long is the AWS contract?", None),  # no source named
    ("What did it cost?", "According to the Hamidun News article, what did Amazon buy?", None),  # no verb of saying
])
def test_it_for_the_source_the_question_before_named(text, previous, expected):
    assert with_source(text, previous) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Which Chinese companies are mentioned in this article?", ("Which Chinese companies are mentioned?", "this article")),
    ("What does that piece say about chips?", ("What does the article say about chips?", "that piece")),
    ("Which article says this?", None),
    ("How much did Amazon invest?", None),
])
def test_this_article_is_the_article_of_the_turn_before(text, expected):
    assert this_article(text) == expected


def test_follow_ups_of_an_article_named_before(seed_engine):
    got = _talk(seed_engine, ["Against which cloud is AWS competing, according to the Hamidun News article?",
                              "What does it say about the length of the partnership?"])
    assert (got[1].text, [c.doc_id for c in got[1].citations]) == ("10-year", [SEED["004"]])
    got = _talk(seed_engine, ["When did Amazon make its first investment in Anthropic?", "Who are the leaders of Anthropic named in this article?"])
    assert (got[1].text, [c.doc_id for c in got[1].citations]) == ("CEO Dario Amodei and President Daniela Amodei", [SEED["003"]])


def test_a_part_of_the_figure_a_yes_bore_out(seed_engine):
    # after "Yes: Amazon will invest up to $25 billion ...", "this money" is the $25 billion, not the answer's sentence
    got = _talk(seed_engine, ["My colleague writes that Amazon will invest up to $25 billion in Anthropic. Is it true?",
                              "How much of this money is paid immediately?"])
    assert got[0].text.startswith("Yes: ") and got[1].text == "$5 billion"


@pytest.mark.parametrize(("text", "alone"), [
    ("and who's the Amazon CEO?", True),
    ("how many customers does Claude have?", True),
    ("and what did he say about it?", False),  # refers back
    ("and when?", False),  # names nothing
])
def test_a_turn_that_names_what_it_asks_of_asks_on_its_own(text, alone):
    assert asks_on_its_own(analyse(text)) is alone


def test_a_turn_that_asks_on_its_own_is_not_answered_from_the_turn_before(seed_engine):
    # the eighty-second blind probe: "Anthropic" from the sentence the question before found (no article names Amazon's CEO)
    got = _talk(seed_engine, ["ok who runs Anthropic?", "and who's the Amazon CEO?"])
    assert got[0].text == "Dario Amodei" and got[1].abstained


@pytest.mark.parametrize(("text", "followup"), [
    # the eighty-second blind probe (a radio producer's spoken follow-ups)
    ("and the old number?", "before"),
    ("What was the previous figure?", "before"),
    ("which of them is right?", "newest"),
    ("say that again in plain numbers", "figure"),
    ("which of them said it?", ""),
])
def test_spoken_follow_ups(text, followup):
    assert analyse(text).followup == followup


def test_the_newer_figure_is_the_right_one_and_the_old_number_the_older(seed_engine):
    got = _talk(seed_engine, ["What's Anthropic's revenue now?", "which of them is right?", "and the old number?"])
    assert [a.text for a in got] == ["$30 billion", "$30 billion", "surpassing $1 billion"]
    assert got[2].citations[0].doc_id == SEED["003"]


def test_the_rest_inside_a_question_is_the_rest_the_answer_before_gives(seed_engine):
    got = _talk(seed_engine, ["How much is Amazon putting into Anthropic this time?", "ok and how much of that is upfront?",
                              "and the rest depends on what?"])
    assert (got[2].text, [c.doc_id for c in got[2].citations]) == ("commercial milestones", [SEED["001"]])
    got = _talk(seed_engine, ["How much is Amazon putting into Anthropic this time?", "how much of that is upfront?", "And the rest?"])
    assert (got[2].text, [c.doc_id for c in got[2].citations]) == ("up to another $20bn", [SEED["001"]])


def test_a_liveblog_of_the_deal(seed_engine):
    # the eighty-fourth blind probe: the headline number (was "second major mega"), "upfront" in the articles' word
    # ("an immediate $5 billion capital injection"), and the rest (both refused)
    got = _talk(seed_engine, ["What's the headline number in Amazon's new Anthropic deal?", "How much goes in upfront?", "And the rest?"])
    assert [a.text for a in got] == ["$25 billion", "$5 billion", "up to another $20bn"]


@pytest.mark.parametrize(("text", "bare", "another"), [
    # the hundred-and-eighth blind probe (a fast typist): a name alone after a turn asks the turn of it (was "Anthropic");
    # not a question word ("When?") nor a title ("Anthropic CEO?"), and never where a name alone must name another
    ("Mistral?", True, True),
    ("Mistral?", False, False),
    ("When?", True, False),
    ("Anthropic CEO?", True, False),
    ("Who's Dario Amodei?", True, False),
    ("And Google?", False, True),
])
def test_a_name_alone_asks_the_turn_before_of_it(text, bare, another):
    from rag.followup import names_another

    assert names_another(text, bare=bare) == another


def test_a_name_alone_after_a_valuation(seed_engine):
    got = _talk(seed_engine, ["what was anthropic valued at in that round", "and openai", "mistral?"])
    assert [a.text for a in got] == ["approximately $60 billion", "approximately $150 billion", "$6 billion"]


def test_who_says_a_claim_of_its_own_in_a_conversation_is_the_article_that_says_it(seed_engine):
    # the hundred-and-tenth blind probe (a podcast host): was "OpenAI", a name of the sentence, once a turn came before
    got = _talk(seed_engine, ["What does Amazon get from the deal?", "Who said the deal strengthens AWS against Azure?"])
    assert got[1].text == "Amazon to invest another $25 billion in Anthropic and lock in a 10-year AWS contract"


def test_a_figure_asked_of_no_one_is_of_the_name_the_turns_before_asked_of(seed_engine):
    # the hundred-and-sixth, -eleventh and -twelfth blind probes: was Mistral AI's "$6 billion valuation", the figure
    # beside Anthropic's in the sentence that compares them
    got = _talk(seed_engine, ["What annual revenue does Hamidun News report for Anthropic?", "And what does the older article say about revenue?",
                              "What valuation does it report?"])
    assert got[2].text == "approximately $60 billion"
    got = _talk(seed_engine, ["Anthropic annual revenue?", "And in the older article?", "Valuation at that time?"])
    assert got[2].text != "$6 billion"
