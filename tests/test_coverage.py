"""Questions about the articles themselves: which mention something, how many do, which do not, which say a claim."""

import pytest

from rag.coverage import CoverageQuestion, coverage_question, yes_no_of
from rag.index import view
from tests.conftest import SEED


@pytest.mark.parametrize(("question", "expected"), [
    ("Which articles mention Trainium?", CoverageQuestion("which", "Trainium")),
    ("What sources discuss Constitutional AI?", CoverageQuestion("which", "Constitutional AI")),
    ("How many articles mention NVIDIA at all?", CoverageQuestion("how many", "NVIDIA")),
    ("Which articles do not mention OpenAI?", CoverageQuestion("which", "OpenAI", negated=True)),
    ("How many sources don't mention the FTC?", CoverageQuestion("how many", "the FTC", negated=True)),
    ("In which articles is Llama mentioned?", CoverageQuestion("which", "Llama")),
    ("Does any article mention Gemini?", CoverageQuestion("any", "Gemini")),
    ("Is Mistral mentioned in any of the articles?", CoverageQuestion("any", "Mistral")),
    ("Which outlets mention Salesforce?", CoverageQuestion("which", "Salesforce", outlets=True)),
    ("Which articles mention the term 'circular investment'?", CoverageQuestion("which", "circular investment")),
    ("How many articles are there?", CoverageQuestion("how many", "")),
    ("How many articles say Amazon invested $4 billion?",
     CoverageQuestion("how many", "Amazon invested $4 billion", claim=True, figured=True)),
    ("Which article says that Anthropic is independent?", CoverageQuestion("which", "Anthropic is independent", claim=True)),
    ("Which article notes that Anthropic is independent?", CoverageQuestion("which", "Anthropic is independent", claim=True)),
    ("Do any articles say Anthropic was founded in 2019?",  # a year is no figure to look up: the claim is asked
     CoverageQuestion("any", "Anthropic was founded in 2019", claim=True)),
    ("Which article gives $25 billion?", CoverageQuestion("which", "$25 billion", claim=True, figured=True)),
    ("Which articles don't mention the $100 billion AWS spending commitment?",
     CoverageQuestion("which", "the $100 billion AWS spending commitment", negated=True, figured=True)),
    ("How many articles are about Amazon?", CoverageQuestion("how many", "Amazon")),
    # a percent sign ends the claim's figure, not the question ("3" was looked up)
    ("Which report says Amazon shares rose almost 3%?",
     CoverageQuestion("which", "Amazon shares rose almost 3%", claim=True, figured=True)),
    # the name a source gives it: its words, looked up as a mention
    ("Which outlet calls this a circular investment?", CoverageQuestion("which", "circular investment", outlets=True)),
    # what something is characterized as follows "as" (was "Amazon", a name of the sentence)
    ("Which publication characterizes the arrangement as a circular investment?",
     CoverageQuestion("which", "circular investment", outlets=True)),
    # the piece it ran, said before what the piece says (the thirty-ninth blind probe: was "Amazon")
    ("Which outlet ran the piece that calls the deal a 'circular investment'?",
     CoverageQuestion("which", "circular investment", outlets=True)),
    ("Which publication carried the story that mentions Gemini?", CoverageQuestion("which", "Gemini", outlets=True)),
    # how many articles, asked yes or no (the fifty-ninth blind probe: were refused)
    ("Is the 5-gigawatt figure in more than one article?",
     CoverageQuestion("any", "the 5-gigawatt figure", figured=True, quantity="more")),
    ("Is Trainium4 mentioned in more than one article?", CoverageQuestion("any", "Trainium4", quantity="more")),
    ("Does more than one article mention OpenAI?", CoverageQuestion("any", "OpenAI", quantity="more")),
    ("Is Bedrock mentioned in only one source?", CoverageQuestion("any", "Bedrock", quantity="one")),
    ("Do all the articles say Amazon invested $4 billion?",
     CoverageQuestion("any", "Amazon invested $4 billion", claim=True, figured=True, quantity="all")),
    # who published the piece that says it: its publisher (was "Amazon")
    ("Who published the piece calling the deal a circular investment?",
     CoverageQuestion("which", "circular investment", outlets=True)),
    # an article by its time (the sixty-first blind probe: refused; "$4 billion")
    ("Which article is the oldest?", CoverageQuestion("which", "", age="oldest")),
    ("Which is the most recent report on the Amazon-Anthropic deal?",
     CoverageQuestion("which", "the Amazon-Anthropic deal", age="newest")),
    ("Which source is the earliest one that mentions OpenAI?", CoverageQuestion("which", "OpenAI", age="oldest")),
    # a follow-up, or not about the articles at all
    ("Which articles say that?", None),
    ("Which companies mention Anthropic?", None),
    ("How many articles did Amazon publish?", None),
    ("What did the article say about Trainium?", None),
])
def test_a_question_about_the_articles_and_what_it_asks(question, expected):
    assert coverage_question(question) == expected


@pytest.mark.parametrize(("claim", "question", "denies"), [
    ("Anthropic is independent", "Is Anthropic independent?", False),
    ("Amazon owns a majority of Anthropic", "Does Amazon own a majority of Anthropic?", False),
    ("Microsoft invested in OpenAI", "Did Microsoft invest in OpenAI?", False),
    ("Anthropic will spend more than $100 billion on AWS", "Will Anthropic spend more than $100 billion on AWS?", False),
    ("the deal was blocked by regulators", "Was the deal blocked by regulators?", False),
    # a denial is asked without its negation: the articles that answer No state it
    ("Amazon does not have a seat on Anthropic's board", "Does Amazon have a seat on Anthropic's board?", True),
    ("Anthropic is not owned by Amazon", "Is Anthropic owned by Amazon?", True),
    # a thing, not a claim: the articles that answer what it is (the sixty-first blind probe: refused)
    ("a valuation for Anthropic", "What is a valuation for Anthropic?", False),
])
def test_a_claim_asked_as_a_yes_no_question(claim, question, denies):
    assert yes_no_of(claim) == (question, denies)


def _cited(answer):
    return {c.doc_id for c in answer.citations}


def test_which_articles_mention_a_name_cites_each_where_it_first_does(seed_engine):
    got = seed_engine.ask("Which articles mention Trainium?")  # 002 and 000 never name it
    assert _cited(got) == {SEED["001"], SEED["003"], SEED["004"]} and got.source_count == 3
    assert all("Trainium" in c.quote for c in got.citations)
    counted = seed_engine.ask("How many articles mention NVIDIA?")
    assert counted.text.startswith("3 of 5 articles: ") and _cited(counted) == {SEED["001"], SEED["003"], SEED["004"]}


def test_the_articles_that_do_not_mention_something_are_named_without_a_quote(seed_engine):
    got = seed_engine.ask("Which articles do not mention OpenAI?")  # 002, 003 and 004 do
    titles = {seed_engine.data.document_head(SEED[n]).label for n in ("000", "001")}
    assert set(got.text.split("; ")) == titles and not got.abstained and not got.citations
    assert seed_engine.ask("How many sources do not mention the FTC?").text.startswith("4 of 5: ")  # only 003 names it


def test_no_article_mentions_it(seed_engine):
    assert seed_engine.ask("Does any article mention Tesla?").text == "No: none of the 5 articles mentions 'Tesla'"
    got = seed_engine.ask("Which articles mention Tesla?")
    assert got.abstained and "No article mentions 'Tesla'" in got.note


def test_a_figure_is_counted_where_its_claim_is_stated(seed_engine):
    got = seed_engine.ask("How many articles say Amazon invested $4 billion?")
    assert got.text.startswith("2 of 5 articles: ") and _cited(got) == {SEED["002"], SEED["003"]}


def test_the_articles_that_say_a_claim_in_words_are_those_of_a_yes(seed_engine):
    got = seed_engine.ask("Which article says Anthropic is independent?")
    assert SEED["004"] in _cited(got) and not got.abstained
    refused = seed_engine.ask("Which articles say Amazon has a board seat?")  # 003: "does not have a board seat"
    assert refused.abstained and "does not have a board seat" in refused.note


def test_a_denial_is_stated_by_the_articles_that_answer_no(seed_engine):
    got = seed_engine.ask("Which article says Amazon does not have a seat on Anthropic's board?")
    assert _cited(got) == {SEED["003"]} and "does not have a board seat" in got.sentence  # was refused, quoting it


def test_a_claim_whose_figure_no_claim_states_in_its_words_is_asked_as_a_yes_no(seed_engine):
    got = seed_engine.ask("Which article says Amazon put about $50 billion into OpenAI?")  # 004: "invested approximately"
    assert _cited(got) == {SEED["004"]} and "$50 billion" in got.sentence
    refused = seed_engine.ask("Do any articles say Anthropic was founded in 2019?")  # 003: "founded only in 2021"
    assert refused.abstained and "founded only in 2021" in refused.note


def test_a_figure_mentioned_is_looked_up_in_any_words(seed_engine):
    # 001 says "more than $100bn over the next decade on AWS technologies": it mentions the commitment
    got = seed_engine.ask("Which articles don't mention the $100 billion AWS spending commitment?")
    titles = {seed_engine.data.document_head(SEED[n]).label for n in ("003", "004")}
    assert set(got.text.split("; ")) == titles


def test_every_article_is_counted(seed_engine):
    assert seed_engine.ask("How many articles are there?").text == "5 articles"
    assert seed_engine.ask("How many articles are about Amazon?").text.startswith("5 of 5 articles: ")


def test_a_common_word_read_past_the_bound_is_counted_as_at_least(seed_engine, monkeypatch):
    monkeypatch.setattr(view, "MAX_MENTION_CHUNKS", 1)
    found = seed_engine.data.lexical.mentions(["anthrop"], 10)
    assert found.at_least and 1 <= found.count < 5
    got = seed_engine.ask("Which articles do not mention Anthropic?")  # which lack it cannot be told from a part
    assert got.abstained and "too many to tell" in got.note


def test_many_articles_found_are_met_newest_first_as_few_are_sorted(seed_engine, monkeypatch):
    sorted_few = seed_engine.data.lexical.mentions(["anthrop"], 3)
    monkeypatch.setattr(view, "NEWEST_SORTED", 0)  # as in a large archive: walk every article newest first
    walked = seed_engine.data.lexical.mentions(["anthrop"], 3)
    assert walked.shown == sorted_few.shown and walked.count == sorted_few.count == 5
    dates = [seed_engine.data.position(doc_id) for doc_id, _ in walked.shown]
    assert dates == sorted(dates, reverse=True)


def test_words_said_in_one_sentence_are_counted_not_words_spread_over_a_chunk(seed_engine, monkeypatch):
    # 003: "made a reported $2 billion investment in Anthropic"; 002 and 004 hold the three words in one chunk only
    got = seed_engine.ask("How many articles mention Google investing in Anthropic?")
    assert got.text == f"1 of 5 articles: {seed_engine.data.document_head(SEED['003']).label}"
    monkeypatch.setattr(view, "MAX_VERIFIED_DOCUMENTS", 1)  # as in a large archive: the rest counted unread
    found = seed_engine.data.lexical.mentions(["googl", "invest", "anthrop"], 3)
    # the newest of 002, 003, 004 (not 003, the oldest) is read and left out; the two others are counted unread
    assert (found.about, found.count, found.shown) == (True, 2, ())
    assert seed_engine.ask("How many articles mention Google investing in Anthropic?").text.startswith("about 2 of 5 articles")


def test_a_claim_with_a_percentage_is_stated_by_its_article(seed_engine):
    got = seed_engine.ask("Which report says Amazon shares rose almost 3%?")  # was refused: "rose almost 3"
    assert [c.doc_id for c in got.citations] == [SEED["000"]]


def test_an_article_without_a_publisher_is_said_to_name_no_outlet(seed_engine):
    # the forty-second blind probe: 003's title was given as if it were an outlet
    got = seed_engine.ask("Which publication carried the story that mentions Gemini?")
    assert got.text == "AI Business; Amazon Pours $4B More Into Anthropic Deal (no outlet named)"


def test_the_outlet_that_calls_it_something_is_named(seed_engine):
    got = seed_engine.ask("Which outlet calls this a circular investment?")  # was "Amazon", a name in the sentence
    assert got.text == "AI Business" and [c.doc_id for c in got.citations] == [SEED["002"]]


def test_a_claim_no_answer_reads_is_not_said_to_be_in_no_article():
    # the yes/no it was asked as found no sentence that says it: not proof that no article says it in other words
    from rag.coverage import from_claim
    from rag.records import Answer

    asked = CoverageQuestion("which", "Amazon does not sit on the board", claim=True)
    got = from_claim("Which article notes that Amazon does not sit on the board?", asked, Answer.abstain("q", 0.0), 5)
    assert got.abstained and got.note.startswith("No article was found that says that Amazon does not sit on the board")


def test_an_outlet_asked_for_a_claim_is_named_by_its_publisher(seed_engine):
    # 004's metadata names Hamidun News (was its title)
    got = seed_engine.ask("Which outlet reports that Amazon put roughly $50bn into OpenAI?")
    assert got.text == "Hamidun News" and [c.doc_id for c in got.citations] == [SEED["004"]]


def test_a_claim_that_is_a_wh_clause_is_stated_by_an_answer_to_its_question(seed_engine):
    # found by the fifteenth blind probe: "Yes" with the leadership sentence, for a headcount no article gives
    got = seed_engine.ask("Does any source report how many employees Anthropic has?")
    assert got.abstained and got.note.startswith("No article was found that says how many employees Anthropic has")
    got = seed_engine.ask("Which article reports how much Amazon initially invested in September 2023?")
    assert not got.abstained and [c.doc_id for c in got.citations][:1] == [SEED["003"]]


@pytest.mark.parametrize(("quantity", "count", "expected"), [
    ("more", 2, "Yes: 2 of 5 articles: A; B"),
    ("more", 1, "No: only one of 5 articles: A; B"),
    ("one", 1, "Yes: only one of 5 articles: A; B"),
    ("one", 3, "No: 3 of 5 articles: A; B"),
    ("all", 5, "Yes: 5 of 5 articles: A; B"),
    ("all", 4, "No: 4 of 5 articles: A; B"),
])
def test_how_many_articles_asked_yes_or_no_is_answered_by_the_count(quantity, count, expected):
    from rag.coverage import counted

    assert counted(quantity, count, 5, "A; B", f"{count} of 5 articles") == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("Is the 5-gigawatt figure in more than one article?", ("Yes: 2 of 5", {"001", "004"})),
    ("Is Trainium4 mentioned in more than one article?", ("No: only one of 5", {"004"})),
])
def test_more_than_one_article_is_answered_from_the_articles_found(seed_engine, question, expected):
    answer = seed_engine.ask(question)
    assert answer.text.startswith(expected[0])
    assert {c.doc_id[:3] for c in answer.citations} == expected[1]


def test_who_published_the_piece_that_says_it_is_its_publisher(seed_engine):
    answer = seed_engine.ask("Who published the piece calling the deal a circular investment?")
    assert (answer.text, [c.doc_id[:3] for c in answer.citations]) == ("AI Business", ["002"])


def test_the_oldest_article_is_named_with_its_time_and_why(seed_engine):
    answer = seed_engine.ask("Which article is the oldest?")
    assert answer.text.startswith("Amazon Pours $4B More Into Anthropic Deal (between January 2024 and December 2025: ")
    assert [c.doc_id[:3] for c in answer.citations] == ["003"]


def test_articles_of_the_same_time_are_all_the_newest(seed_engine):
    answer = seed_engine.ask("Which article is the newest?")
    assert answer.text.startswith("4 articles of the same time (February 2026 or later")
    assert sorted(c.doc_id[:3] for c in answer.citations) == ["000", "001", "002", "004"]


def test_the_source_of_a_thing_asked_for_is_the_article_that_gives_it(seed_engine):
    answer = seed_engine.ask("Which report gives Mistral AI's valuation?")
    assert (answer.text, [c.doc_id[:3] for c in answer.citations]) == ("Amazon Pours $4B More Into Anthropic Deal", ["003"])


@pytest.mark.parametrize(("question", "answer", "doc"), [
    # the sixty-fifth blind probe (people and quotes): a claim no sentence gives a speaker for is the article's (was
    # "Anthropic", a name of the sentence)
    ("Who says the main risk of the deal is execution?", "Amazon commits up to $25bn investment in Anthropic", "001"),
    ("Who described Amazon's deal as a circular investment strategy?", "Amazon Invests $5B in Anthropic for $100B AWS Deal", "002"),
    # an article's byline author says what the article says (was refused)
    ("What does Mr Explorer say about vendor lock-in?", "The deal also creates vendor lock-in effects.", "002"),
    ("Who wrote the AI Business article?", "Mr Explorer", "002"),  # a credit, not a claim
])
def test_who_says_a_claim_is_its_speaker_or_its_article(seed_engine, question, answer, doc):
    got = seed_engine.ask(question)
    assert (got.text, got.citations[0].doc_id[:3]) == (answer, doc)


def test_only_one_to_mention_and_a_name_given_a_role():
    assert coverage_question("Which article is the only one to mention Kunlun Wanwei?") == CoverageQuestion("which", "Kunlun Wanwei")
    asked = coverage_question("Which article mentions Salesforce as an Anthropic investor?")
    assert (asked.topic, asked.named) == ("Salesforce as an Anthropic investor", "Salesforce")


def test_a_claim_the_parse_finds_no_subject_in_is_asked_whole():
    # "Anthropic" read as an adjective: the claim is asked whether it is true, not "What is ...?"
    assert yes_no_of("Anthropic commits to Trainium as its primary computing base") == (
        "Is it true that Anthropic commits to Trainium as its primary computing base?", False)


@pytest.mark.parametrize(("question", "answer", "docs"), [
    # the eighty-third blind probe: refused, or "no article" said where one does
    ("Which article mentions Salesforce as an Anthropic investor?", "Amazon Pours $4B More Into Anthropic Deal", ["003"]),
    ("Which article is the only one to mention Kunlun Wanwei?", None, ["000"]),
    ("Which outlet says switching costs rise once customers adopt Claude inside AWS?",
     "Amazon commits up to $25bn investment in Anthropic (no outlet named)", ["001"]),
    ("Which outlet published the piece titled 'Amazon Invests $5B in Anthropic for $100B AWS Deal'?", "AI Business", ["002"]),
    ("What does the oldest article say Amazon's total investment in Anthropic is?", "$8 billion", ["003"]),
    ("What does the 004 article compare 5 gigawatts to?", "the power output of five large thermal power plants", ["004"]),
])
def test_wire_desk_attribution(seed_engine, question, answer, docs):
    got = seed_engine.ask(question)
    assert [c.doc_id for c in got.citations] == [SEED[d] for d in docs]
    if answer is not None:
        assert got.text == answer
