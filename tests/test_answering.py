"""Answer quality with the real model and a real index: exact answers, cited documents, abstentions."""

import pytest

from rag import answer_forms
from rag.analysis import analyse
from rag.answering import _owned_name
from rag.config import DEFAULT_ABSTAIN_BELOW
from rag.errors import QuestionError
from rag.figures import parse_figures
from rag.mentions import unqualified
from tests.conftest import SEED

SEED_CASES = [
    # question, answer, the document of the first citation, the sentence must contain
    ("How much will Amazon invest in Anthropic immediately?", "$5 billion", "000", "immediate $5 billion capital injection"),
    ("How much computing capacity does Amazon guarantee Anthropic?", "up to 5 gigawatts", "004", "capacity of up to 5 gigawatts"),
    ("How long is Anthropic's new AWS contract?", "10-year", "004", "contract"),
    ("What ownership stake does Microsoft reportedly hold in OpenAI?", "a reported 49%", "003", "49% ownership stake"),
    ("What return ratio does the circular investment create?", "20:1", "002", "20:1 return ratio"),
    ("Who is the CEO of Anthropic?", "Dario Amodei", "003", "CEO Dario Amodei"),
    ("When did Amazon make its initial investment in Anthropic?", "September 2023", "003", "initial $1.25 billion"),
    ("How large is Claude 3.5 Sonnet's context window?", "200,000-token", "003", "200,000-token context window"),
    ("How much additional money did Amazon put into Anthropic in early 2024?", "$2.75 billion", "003", "in early 2024"),
    # "first" asks for the first round: not 003's "additional $4 billion", which reads more like the question
    ("How large was Amazon's first investment in Anthropic?", "$1.25 billion", "003", "initial $1.25 billion"),
    # an either/or question is answered by the choice, not by "No: ..."
    ("Does Amazon hold a majority or a minority stake in Anthropic?", "a minority stake", "003", "holds a minority stake"),
    # "What is the X ...?" with words after its noun: the other side of "the key catalyst is", not the name in it
    ("What is the key catalyst to watch over the next 6-18 months?",
     "whether AWS can show AI workloads driving incremental reacceleration in cloud growth without disproportionate margin compression",
     "001", "the key catalyst is"),
    # "6 to 18 months" is a range of months, not the ratio 1:3 the question would have to give
    ("What is the key catalyst to watch over the next 6 to 18 months?",
     "whether AWS can show AI workloads driving incremental reacceleration in cloud growth without disproportionate margin compression",
     "001", "the key catalyst is"),
    # a span of time of no stated length ("over multiple years", "the coming years") answers no "how long"
    ("How long does Anthropic's AWS spending commitment run?", "over the next decade", "001", "over the next decade on AWS"),
    ("Over how many years will Anthropic spend its AWS commitment?", "10-year", "004", "a 10-year contract"),
    # found by a blind probe: the name's own possessive owns the $100 billion (Anthropic's), so Amazon's money is
    # the $5 billion beside it (was "$100 billion"); "compete against" meets "competes with" (was "Anthropic")
    ("How much is Amazon putting into Anthropic this time?", "$5 billion", "002", "Amazon's $5 billion investment"),
    ("Which chipmaker does Amazon's Trainium compete against?", "NVIDIA", "004", "competes with the dominant NVIDIA"),
    # "Regulatory" is the question's own "regulators" in another form, no answer (was "Microsoft-OpenAI and Google DeepMind")
    ("Which regulators are scrutinising Big Tech AI investments?", "FTC and European Commission", "003", "Regulatory scrutiny"),
    # a problem is asked for, not power; a lone noun is said with what it is of (was an abstention)
    ("What critical problem for Anthropic does the guaranteed compute capacity address?",
     "the shortage of computational resources", "004", "address a critical problem"),
    # found by the fourteenth blind probe: a portion of money is money (was "Anthropic"); a "which X" name is taken
    # from a near-best sentence that says the question's act ("competes with"), not one that only shares its words
    # (was "Future", the first word of "Future developments may include custom silicon ...")
    ("What portion of Amazon's new commitment depends on commercial milestones?", "up to another $20bn", "001", "tied to commercial milestones"),
    ("Which chipmaker does Amazon's in-house silicon compete against?", "NVIDIA", "004", "competes with the dominant NVIDIA"),
    # found by the nineteenth blind probe: a length said of the asked noun ("a 10-year agreement"), not one that times
    # something else ("the second mega-investment ... in two months", was "two months"); compute is a power figure
    # (was "$5 billion")
    ("How long does the new AWS agreement run?", "10-year", "004", "10-year agreement"),
    ("How much compute does Anthropic get in return?", "up to 5 gigawatts", "004", "computational capacity"),
]


@pytest.mark.parametrize(("question", "answer", "doc", "sentence_part"), SEED_CASES)
def test_seed_answers_are_exact_and_cited(seed_engine, question, answer, doc, sentence_part):
    got = seed_engine.ask(question)
    assert not got.abstained
    assert got.text == answer
    assert sentence_part in got.sentence and answer in got.sentence
    first = got.citations[0]
    assert first.doc_id == SEED[doc]
    assert first.quote == got.sentence
    text = seed_engine.data.document(first.doc_id).text
    assert text[first.start : first.end] == first.quote
    assert DEFAULT_ABSTAIN_BELOW <= got.confidence <= 1.0


def test_a_copular_yes_no_is_answered_where_the_sentence_says_what_is_asked(seed_engine):
    # what the question says its name is ("circular", its rarest word) is said there, not in a sentence that only
    # names the deal (was "Yes: The deal builds on Amazon's previous investments ...", found by a blind probe)
    got = seed_engine.ask("Is the Amazon-Anthropic deal a circular investment?")
    assert got.text.startswith("Yes: ") and "circular" in got.sentence
    assert got.citations[0].doc_id == SEED["002"]


@pytest.mark.parametrize("question", [
    "Which regions will Anthropic's inference capacity expand into?",
    "Where is Anthropic expanding its inference capacity?",
])
def test_a_list_is_cited_where_another_article_names_its_members_as_adjectives(seed_engine, question):
    # 001 says "across Asia and Europe", 000 "in Asian and European markets" (was 001 alone)
    got = seed_engine.ask(question)
    assert got.text == "Asia and Europe"
    assert {c.doc_id for c in got.citations} == {SEED["000"], SEED["001"]}


def test_agreeing_sources_are_cited_too(seed_engine):
    got = seed_engine.ask("How much does Anthropic plan to spend on AWS?")
    assert got.figure is not None and got.figure.value == 100e9
    assert {c.doc_id for c in got.citations} >= {SEED["001"], SEED["002"]}
    assert got.conflicts == ()


def test_a_date_is_not_given_for_what_another_named_party_did(seed_engine):
    # a blind probe's follow-up "And Microsoft?" got "February 2026", when "the company" (Amazon) invested in OpenAI
    assert seed_engine.ask("When did Microsoft invest in OpenAI?").abstained
    got = seed_engine.ask("When did Amazon invest in OpenAI?")
    assert (got.text, [c.doc_id for c in got.citations]) == ("February 2026", [SEED["004"]])


def test_a_percent_of_a_share_price_is_how_the_shares_moved(seed_engine):
    # was refused: no article says "price" beside a figure ("Amazon's shares climbed nearly 3%")
    got = seed_engine.ask("By how much did Amazon's share price move after the announcement?")
    assert (got.text, [c.doc_id for c in got.citations]) == ("nearly 3%", [SEED["000"]])


def test_a_yes_no_question_of_a_noun_another_name_owns(seed_engine):
    # "Anthropic's primary cloud provider" is said of AWS (was refused: "provider" read as an act AWS does)
    got = seed_engine.ask("Is AWS Anthropic's primary cloud provider?")
    assert got.text.startswith("Yes: ") and got.citations[0].doc_id == SEED["003"]
    assert seed_engine.ask("Is Google Anthropic's primary cloud provider?").abstained


def test_a_place_asked_by_a_participle_no_article_says_is_refused(seed_engine):
    # no article says where Anthropic is headquartered (a blind probe got "ChatGPT")
    got = seed_engine.ask("Which city is Anthropic headquartered in?")
    assert got.abstained and got.citations == ()


def test_what_is_a_kind_of_thing_is_answered_by_a_sentence_not_an_amount(seed_engine):
    # was "$5 billion", with "$4B" from 003 shown as a disagreement; the glossary's definition line under the
    # heading "Circular Investment" (found since chunk vectors are pooled from their sentences')
    got = seed_engine.ask("What is a circular investment?")
    assert got.text == "A business strategy where an investor's capital returns through guaranteed purchases of the investor's services or products."
    assert (got.figure, got.conflicts, [c.doc_id for c in got.citations]) == (None, (), [SEED["002"]])


@pytest.mark.parametrize(
    "question",
    ["What is the capital of France?", "How tall is Mount Everest?", "What is the recipe for chocolate cake?", "How many employees does Anthropic have?"],
)
def test_it_abstains_when_the_corpus_has_no_answer(seed_engine, question):
    got = seed_engine.ask(question)
    assert got.abstained
    assert got.text == "" and got.sentence == "" and got.citations == ()
    assert 0.0 <= got.confidence < DEFAULT_ABSTAIN_BELOW


@pytest.mark.parametrize("question", [
    # found by the sixteenth blind probe: money said by a verb of its measure is that measure (was "$100 billion",
    # Anthropic's AWS spending pledge, for a loss no article gives)
    "How much money did Anthropic lose last year?",
    "How much money did Anthropic earn last year?",
])
def test_money_asked_by_a_verb_of_its_measure(seed_engine, question):
    got = seed_engine.ask(question)
    assert got.abstained and got.citations == ()


def test_a_share_of_what_is_owned_is_a_stake_not_a_share_price_rise(seed_engine):
    # found by the fourteenth blind probe: was "nearly 3%", the after-hours rise of Amazon's shares
    got = seed_engine.ask("What percentage of Anthropic does Amazon own after the deal?")
    assert got.abstained and got.text == "" and got.citations == ()


def test_confidence_separates_answers_from_abstentions(seed_engine):
    answered = seed_engine.ask("How much computing capacity does Amazon guarantee Anthropic?")
    abstained = seed_engine.ask("What is the capital of France?")
    assert answered.confidence > 0.5 > DEFAULT_ABSTAIN_BELOW > abstained.confidence


@pytest.mark.parametrize(
    ("question", "answer", "doc"),
    [
        ("How much did the solar farm cost to build?", "$2.4 billion", "solar"),
        ("How many shops does Crumb & Co. run?", "42", "bakery"),
        ("How many riders a day will the Blue Line extension carry?", "80,000", "rail"),
        ("How much did Crumb & Co. raise?", "$15 million", "bakery"),
        ("By what percentage did sales grow?", "18%", "bakery"),
        ("How long is Metrolink's plan?", "10-year", "rail"),
        # an answer that is no name: a common-noun phrase of the sentence (rag.phrases)
        ("What will the Sunfield solar farm supply to the new stations?", "power", "rail"),
        ("What did the transit authority approve to extend the Blue Line?", "10-year plan", "rail"),
        # the constituent in the question word's role (rag.alignment): the object of "approved", the subject of "supply"
        ("What did Metrolink approve?", "10-year plan", "rail"),
        ("What will supply power to the new stations?", "Sunfield solar farm", "rail"),
    ],
)
def test_tiny_corpus_answers(tiny_engine, question, answer, doc):
    got = tiny_engine.ask(question)
    assert (got.text, got.citations[0].doc_id) == (answer, doc)


def test_a_follow_up_borrows_the_previous_question(seed_engine):
    first = "How much is Amazon investing in Anthropic?"
    follow = seed_engine.ask("and how much will Anthropic spend on AWS in return?", previous=first)
    assert follow.figure is not None and follow.figure.value == 100e9
    alone = seed_engine.ask("What is the capital of France?", previous=first)
    assert alone.abstained  # a question that stands on its own is not mixed with the last one


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("?!?", "no words"),
        ("x" * 1_000_001, "limit is 1,000"),
        ("亚马逊对Anthropic投资了多少钱？", "not in English"),
    ],
)
def test_bad_questions_raise_clear_errors(seed_engine, question, message):
    with pytest.raises(QuestionError, match=message):
        seed_engine.ask(question)


@pytest.mark.parametrize(
    ("question", "docs"),
    [
        ("Who says $25 billion?", ["000", "001", "004"]),
        ("Which article gives 5 GW?", ["001", "004"]),
        ("Which sources report $4 billion?", ["002", "003"]),
        # 004: "invested approximately $50 billion in OpenAI": a hedge is said in any of its words (was refused)
        ("Who reports that Amazon put around $50 billion into OpenAI?", ["004"]),
    ],
)
def test_who_states_a_figure_is_answered_from_the_figure_index(seed_engine, question, docs):
    got = seed_engine.ask(question)
    assert not got.abstained
    assert sorted(c.doc_id for c in got.citations) == [SEED[d] for d in docs]
    for c in got.citations:
        assert seed_engine.data.document(c.doc_id).text[c.start : c.end] == c.quote
    assert got.sentence == got.citations[0].quote


def test_which_outlet_states_a_figure_is_answered_by_its_publisher(seed_engine):
    # found by the fifth blind probe: the article's title was given, where the metadata names the outlet
    got = seed_engine.ask("Which outlet reported the 10-year AWS contract?")
    assert got.text == "Hamidun News" and [c.doc_id for c in got.citations] == [SEED["004"]]
    assert seed_engine.ask("Which article reports the 10-year AWS contract?").text == seed_engine.data.document(SEED["004"]).title


def test_no_source_for_a_figure_is_an_abstention(seed_engine):
    got = seed_engine.ask("Who says $7 billion?")
    assert got.abstained and got.citations == ()


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("AWS Trainium", "Trainium"),  # an acronym qualifies the name
        ("Amazon's Trainium", "Trainium"),  # so does a possessive
        ("Dario Amodei", "Dario Amodei"),
        ("AWS", "AWS"),  # nothing would be left
        ("Claude 3.5 Sonnet", "Claude 3.5 Sonnet"),
    ],
)
def test_a_name_is_also_found_without_its_qualifier(name, bare):
    assert unqualified(name) == bare


def test_a_span_of_time_is_cited_where_another_article_words_it_otherwise(seed_engine):
    # 004 says "10-year"; 001 says Anthropic "plans to spend more than $100bn over the next decade"
    got = seed_engine.ask("For how many years will Anthropic spend on AWS technologies?")
    assert got.text == "10-year"
    assert {c.doc_id for c in got.citations} == {SEED["004"], SEED["001"]}
    # 000 and 001 speak of spending over the next decade, not of a contract: only 004 states the contract's length
    got = seed_engine.ask("How long is Anthropic's new AWS contract?")
    assert got.text == "10-year"
    assert {c.doc_id for c in got.citations} == {SEED["004"]}


def test_a_commitment_said_in_words_is_cited_where_another_article_gives_its_contract_in_figures(seed_engine):
    # 000 and 001: spending "over the next decade" on AWS; 004: "a 10-year contract to use AWS", a commitment too
    got = seed_engine.ask("How long does Anthropic's AWS commitment run?")
    assert got.text == "over the next decade"
    assert {c.doc_id for c in got.citations} == {SEED["000"], SEED["001"], SEED["004"]}


def test_whoever_did_it_is_found_where_an_article_names_them_by_the_noun_of_the_verb(seed_engine):
    # no article says "created"; 004 sets "the creators of the Claude language model" off after "Anthropic" (was
    # "Amazon Bedrock", from a sentence on how customers use Claude)
    got = seed_engine.ask("Which company created Claude?")
    assert got.text == "Anthropic"
    assert got.citations[0].doc_id == SEED["004"]
    assert "the creators of the Claude language model" in got.sentence


def test_who_leads_a_company_is_whoever_holds_a_role_at_its_top(seed_engine):
    # 003: "Anthropic's leadership, including CEO Dario Amodei and President Daniela Amodei" (was "Llama", from the
    # heading "Meta + Llama: Leading the open-source AI movement")
    got = seed_engine.ask("Who leads Anthropic?")
    assert got.text == "Dario Amodei"
    assert got.citations[0].doc_id == SEED["003"]


def test_a_figure_a_receiver_asks_for_goes_to_that_receiver(seed_engine):
    # 004: "Amazon in turn guarantees the company access to ... up to 5 gigawatts": the company is Anthropic
    assert seed_engine.ask("How many gigawatts of capacity did OpenAI get from Amazon in its deal?").abstained
    assert seed_engine.ask("How many gigawatts will Anthropic get from Amazon?").text == "up to 5 gigawatts"


def test_a_second_part_is_asked_of_the_name_the_first_part_answers(seed_engine):
    # 004: "In February 2026, the company invested approximately $50 billion in OpenAI" (the second part was "How much
    # did Amazon invest in in February 2026?", refused)
    got = seed_engine.ask("Which company did Amazon invest in in February 2026, and how much?")
    assert got.text == "OpenAI; approximately $50 billion"


def test_the_owner_a_whose_question_asks_for_qualifies_the_noun(seed_engine):
    # 003: "compete with Microsoft's OpenAI alliance and Google's Gemini ecosystem" (was "Google", from a sentence
    # that names no alliance, then "OpenAI alliance")
    got = seed_engine.ask("Which AI lab's alliance with Microsoft is Amazon's Anthropic deal compared against?")
    assert got.text == "OpenAI" and got.citations[0].doc_id == SEED["003"]


def test_sales_are_revenue_and_a_profit_is_not(seed_engine):
    # 004: "The company's annual revenue has reached $30 billion"; 003's older "surpassing $1 billion" set against it
    got = seed_engine.ask("What are Anthropic's annual sales?")
    assert got.text == "$30 billion" and got.conflicts and got.conflicts[0].text == "surpassing $1 billion"
    assert seed_engine.ask("What is Anthropic's annual profit?").abstained


def test_a_rival_named_after_a_possessive_is_asked_about(seed_engine):
    # "Anthropic's rival OpenAI": OpenAI's valuation is asked, not one Anthropic owns (was refused)
    assert seed_engine.ask("What valuation did Anthropic's rival OpenAI reach?").text == "approximately $150 billion"


def test_a_title_is_answered_by_a_title_or_not_at_all(seed_engine):
    # 003: "CEO Dario Amodei and President Daniela Amodei"; xAI is named only as "Elon Musk's venture" (was "Mistral AI")
    assert seed_engine.ask("What title does Daniela Amodei hold at Anthropic?").text == "President"
    assert seed_engine.ask("What position does Dario Amodei hold?").text == "CEO"
    assert seed_engine.ask("What title does Elon Musk hold at xAI?").abstained


def test_who_owns_a_company_is_not_read_from_a_possessive_own(seed_engine):
    # 004's "Amazon's own semiconductor division" says nothing of who owns Anthropic; 003 says who does not ("Amazon
    # does not acquire a controlling stake"), which names no owner either: no article says who owns it
    got = seed_engine.ask("Who owns Anthropic?")
    assert "own semiconductor division" not in got.sentence
    assert got.abstained


@pytest.mark.parametrize("question", [
    "How much computing power is Amazon guaranteeing Anthropic?",
    # 004's "The guaranteed 5 gigawatts removes ..." is the claim it refers back to, "Amazon ... guarantees ... up to
    # 5 gigawatts" (was "5 gigawatts", cited from 004 alone)
    "trainium gigawatts",
])
def test_a_figure_between_the_same_parties_is_cited_in_any_words(seed_engine, question):
    # 004: "Amazon in turn guarantees the company ... up to 5 gigawatts"; 001: "Anthropic ... securing up to 5GW of
    # Amazon Trainium chips": the same claim, though 001 holds none of the question's words but the names
    got = seed_engine.ask(question)
    assert got.text == "up to 5 gigawatts"
    assert {c.doc_id for c in got.citations} == {SEED["004"], SEED["001"]}


def test_a_which_class_question_takes_the_near_sentence_that_names_one(seed_engine):
    # the best sentence ("offer Claude capabilities ... through AWS infrastructure") names no service; 003's
    # "through Amazon Bedrock, the managed service" does, 004 names Amazon Bedrock where Claude is used, and 002
    # "adopts Claude through Bedrock"
    got = seed_engine.ask("Through which AWS service do businesses use Claude?")
    assert got.text == "Amazon Bedrock"
    assert {c.doc_id for c in got.citations} == {SEED["002"], SEED["003"], SEED["004"]}


def test_a_name_is_not_cited_from_an_article_that_only_mentions_it_beside_the_questions_names(seed_engine):
    # 004 names NVIDIA and Trainium but says nothing of what the question asks (pressure on a monopoly rent)
    got = seed_engine.ask("Whose monopoly rent could Trainium put pressure on?")
    assert got.text == "NVIDIA"
    assert got.citations[0].doc_id == SEED["001"]
    assert SEED["004"] not in {c.doc_id for c in got.citations}


def test_a_yes_is_cited_from_every_article_that_says_the_same_of_the_same_names(seed_engine):
    # 003: "Anthropic remains an independent company"; 004: "Anthropic formally retains its status as an independent
    # lab"; not 002's "Anthropic manages infrastructure independently" (another word) nor a "remains" elsewhere
    got = seed_engine.ask("Does Anthropic remain an independent company despite Amazon's investment?")
    assert got.text.startswith("Yes: ")
    assert {c.doc_id for c in got.citations} == {SEED["003"], SEED["004"]}


def test_earlier_money_counted_in_asks_for_the_newest_total(seed_engine):
    # not a question about the past: the newest total ($33bn, 001) leads, 003's older $8 billion is shown
    got = seed_engine.ask("Including money already given earlier, what could Amazon's overall exposure to Anthropic reach?")
    assert got.text == "total potential commitment to $33bn"  # the hedge word stays with it, and its noun phrase's scope word
    assert [c.doc_id for c in got.citations] == [SEED["001"]]
    assert [c.text for c in got.conflicts] == ["$8 billion"]


def test_a_glossary_term_is_answered_by_its_definition_line(seed_engine):
    got = seed_engine.ask("What does the term circular investment mean?")
    assert got.text.startswith("A business strategy where an investor's capital returns")
    assert got.figure is None and not got.conflicts
    # asked of the deal: the sentence that explains why it is called so, not its "$5 billion" set against "$4B"
    got = seed_engine.ask("What does the term 'circular investment' mean in the context of the Amazon-Anthropic deal?")
    assert got.text.startswith("It's called circular because")
    assert got.figure is None and not got.conflicts


def test_an_officer_no_article_names_is_no_one(seed_engine):
    assert seed_engine.ask("Who is Anthropic's chief technology officer?").abstained


def test_a_yes_no_question_is_answered_no_by_the_opposite(seed_engine):
    got = seed_engine.ask("Did Amazon's share price drop after the announcement?")
    assert got.text.startswith("No: ") and "climbed nearly 3%" in got.text


def test_a_figure_without_a_target_does_not_answer_for_another_target(seed_engine):
    # "Amazon's $8 billion total investment puts it firmly in second place" names no OpenAI: 004's "$50 billion in
    # OpenAI" answers, not Amazon's Anthropic money
    got = seed_engine.ask("How much did Amazon put into OpenAI?")
    assert got.text == "approximately $50 billion"
    assert got.citations[0].doc_id == SEED["004"]


def test_a_quoted_name_and_a_name_with_its_number_are_whole(seed_engine):
    got = seed_engine.ask("What name is given to the economy in which more and pricier AI-generated output drives revenue?")
    assert got.text == "Token Economy"  # quoted in 000: not cut to "Token" though the question says "economy"
    got = seed_engine.ask("Name the Microsoft products that OpenAI technology is woven into.")
    assert got.text == "Copilot, Bing, and Microsoft 365"


def test_a_common_noun_answer_is_not_cited_from_every_article_that_uses_the_word(seed_engine):
    got = seed_engine.ask("What is Constitutional AI?")  # only 003 speaks of Constitutional AI
    assert [c.doc_id for c in got.citations] == [SEED["003"]]


def test_a_place_of_something_no_article_speaks_of_is_no_name(seed_engine):
    # no article says "headquartered": "Salesforce" (a company listed beside Google) was given as the city
    assert seed_engine.ask("Where is Anthropic headquartered?").abstained
    assert seed_engine.ask("In which city is Anthropic headquartered?").abstained


def test_a_yearly_figure_is_not_answered_by_a_one_off_pledge(seed_engine):
    # the $100 billion is Anthropic's pledge to spend on AWS over years, not what Amazon spends each year
    assert seed_engine.ask("How much does Amazon spend each year on AI infrastructure?").abstained
    got = seed_engine.ask("What is Anthropic's yearly revenue?")
    assert got.text == "$30 billion"


def test_a_generation_of_the_name_asked_about_answers(seed_engine):
    # 004 "AWS Trainium chips — including the next-generation Trainium4": the generation, not "AWS"; 003's older
    # "Trainium 2" is shown as the other generation
    got = seed_engine.ask("What's the newest Trainium chip mentioned in connection with Anthropic's workloads?")
    assert got.text == "Trainium4"
    assert [c.doc_id for c in got.citations] == [SEED["004"]]
    assert [c.text for c in got.conflicts] == ["Trainium 2"]


def test_the_name_a_question_name_owns_answers(seed_engine):
    # 002: "similar to Google's TPU development": "Which Google chip ...?" asks for what is Google's
    got = seed_engine.ask("Which Google chip programme is cited as a model for possible jointly designed silicon?")
    assert got.text == "TPU"
    assert [c.doc_id for c in got.citations] == [SEED["002"]]


def test_the_longer_name_a_describing_name_starts_answers(seed_engine):
    # 003: "Claude 3.5 Sonnet, released in 2024, demonstrated performance competitive with or exceeding GPT-4o":
    # "Which Claude model ...?" asks for the name that "Claude" starts, not the sentence's other name
    got = seed_engine.ask("Which Claude model is said to match or beat GPT-4o on several benchmarks?")
    assert got.text == "Claude 3.5 Sonnet"
    assert [c.doc_id for c in got.citations] == [SEED["003"]]


def test_a_possessive_after_a_preposition_names_the_target_not_the_owner(seed_engine):
    # "Amazon's cloud services" is where Anthropic's money goes; read as the owner, the $100 billion Anthropic
    # pledges was not Amazon's and the question abstained
    got = seed_engine.ask("How much has Anthropic pledged to spend on Amazon's cloud services as part of the new arrangement?")
    assert got.figure is not None and got.figure.value == 100e9
    assert {c.doc_id for c in got.citations} == {SEED["000"], SEED["001"], SEED["002"]}


def test_a_unit_in_capitals_is_no_name_the_answer_must_hold(seed_engine):
    # 004: "To put this in scale: this is comparable to the power output of five large thermal power plants"; "GW"
    # was read as a name, which that sentence does not write, and the question abstained
    got = seed_engine.ask("What is the 5 GW of compute promised to Anthropic compared to in terms of power output?")
    assert got.text == "five large thermal power plants"
    assert [c.doc_id for c in got.citations] == [SEED["004"]]


def test_what_a_name_is_is_answered_by_the_whole_description(seed_engine):
    # 003: "through Amazon Bedrock, the managed service that lets enterprises build generative AI applications using
    # foundation models from multiple providers", and "Its Constitutional AI approach — which trains models ... —"
    got = seed_engine.ask("What is Amazon Bedrock?")
    assert got.text == ("the managed service that lets enterprises build generative AI applications using foundation "
                        "models from multiple providers")
    got = seed_engine.ask("What is Anthropic's Constitutional AI approach?")
    assert got.text == "trains models to follow a set of principles rather than relying solely on human feedback"
    assert [c.doc_id for c in got.citations] == [SEED["003"]]


@pytest.mark.parametrize(("question", "expected", "source"), [
    # the twentieth blind probe: "$30 billion", "Trainium4", and "AWS ecosystem"; any sentence holding the name scores
    # about as well as another, so the description is searched for past the near-best ones
    ("What is Anthropic?", "the AI company behind Claude", "002"),
    ("What is Trainium?", "AWS Trainium chips", "004"),  # no appositive: the class it names
    ("What is AWS?", "Amazon Web Services", "000"),  # an acronym: its long form
    # nothing says what Amazon is: the best sentence about it, not "Anthropic"
    ("What is Amazon?", "Amazon's relationship with Anthropic has evolved rapidly since its initial $1.25 billion investment in September 2023.", "003"),
])
def test_what_a_bare_name_is(seed_engine, question, expected, source):
    got = seed_engine.ask(question)
    assert (got.text, got.figure, got.conflicts) == (expected, None, ())
    assert got.citations[0].doc_id == SEED[source]


def test_what_a_bare_common_noun_is_is_its_definition(seed_engine):
    got = seed_engine.ask("What is circular investment?")  # the twentieth blind probe: "$5 billion"
    assert got.text == "A business strategy where an investor's capital returns through guaranteed purchases of the investor's services or products."
    assert [c.doc_id for c in got.citations] == [SEED["002"]]


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("Which Claude model beat GPT-4o?", "Claude 3.5 Sonnet, released in 2024, beat GPT-4o.", "Claude 3.5 Sonnet"),
    # a title names whom it stands before, without the title the question already gives
    ("What South African Vice Consul gave the speech?", "A speech by South African Vice Consul Duke Kent-Brown.", "Duke Kent-Brown"),
    ("Which Google chip programme is cited?", "It is similar to Google's TPU development.", "TPU"),
    ("Which Claude model beat GPT-4o?", "Claude beat GPT-4o.", None),  # no longer name
])
def test_owned_and_described_names(question, sentence, expected):
    found = _owned_name(analyse(question), sentence)
    assert (sentence[found[0] : found[1]] if found else None) == expected


def test_a_name_is_not_present_by_its_generic_word(seed_engine):
    # "Mistral AI" is not named by a sentence that says "AI": Amazon's $5 billion in Anthropic is not an answer
    assert seed_engine.ask("How much did Amazon invest in Mistral AI?").abstained
    assert seed_engine.ask("How much did Amazon invest in Google Cloud?").abstained
    assert seed_engine.ask("What is Mistral AI valued at?").text == "$6 billion"


def test_a_share_owned_is_a_stake_not_a_share_price(seed_engine):
    # 000's "Amazon's shares climbed nearly 3%" is no stake; no article gives Amazon's stake as a figure
    assert seed_engine.ask("What share of Anthropic does Amazon own?").abstained
    assert seed_engine.ask("What share of OpenAI does Microsoft hold?").text == "a reported 49%"
    # "percentage" names the unit, not the measure: the claims in per cent of one name about the other (was abstained,
    # the 49% sentence not among the passages found)
    assert seed_engine.ask("What percentage of OpenAI does Microsoft own?").text == "a reported 49%"
    assert seed_engine.ask("What percentage of Anthropic does Amazon own?").abstained


def test_a_date_asked_of_a_figure_comes_from_the_sentence_that_states_it(seed_engine):
    # the sentence before says "September 2023" of the initial $1.25 billion
    assert seed_engine.ask("When did Amazon add $2.75 billion to its Anthropic investment?").text == "early 2024"


def test_a_figure_of_another_measure_or_direction_does_not_answer(seed_engine):
    # no article states a profit or sales: revenue is another measure
    assert seed_engine.ask("What is Anthropic's annual profit?").abstained
    assert seed_engine.ask("What were OpenAI's annual sales?").abstained
    # Microsoft's 49% is a stake in OpenAI (was "a reported 49%")
    assert seed_engine.ask("What stake does Microsoft hold in Anthropic?").abstained
    # no article gives the day: "February 2026" (of another deal, too) is no exact date
    assert seed_engine.ask("On what exact date was the up-to-$25 billion investment announced?").abstained
    # no article states a share price: "stock price" asks a price, not an investment (was "$5bn")
    assert seed_engine.ask("What is Amazon's current stock price?").abstained
    # the shares climbed: "nearly 3%" is no fall
    assert seed_engine.ask("How much did Amazon's shares fall after the announcement?").abstained
    assert seed_engine.ask("By how much did Amazon's shares rise after the announcement?").text == "nearly 3%"


def test_a_question_for_a_generation_is_answered_by_one(seed_engine):
    got = seed_engine.ask("Which next-generation chip will Anthropic use under the partnership?")
    assert got.text == "Trainium4" and [c.text for c in got.conflicts] == ["Trainium 2"]


def test_a_reason_a_little_further_down_that_holds_the_rarest_word(seed_engine):
    # the nearest sentences only repeat "circular investment"; 002's "It's called circular because ..." explains it
    got = seed_engine.ask("Why is the deal described as a circular investment?")
    assert got.text.startswith("because Amazon's $5 billion investment flows back")
    # past the first six, a reason that says the act asked of every name, not the rarest word ("spend"): the
    # thirty-eighth and thirty-ninth blind probes got the pledge restated; "so" says nothing
    got = seed_engine.ask("Why is Anthropic committing to spend so much on AWS?")
    assert got.text == "the enormous computational requirements needed to train and deploy advanced AI models like Claude"
    # what a sentence says "For Anthropic, ..." answers how something helps it (the forty-second blind probe: an
    # answer about Amazon's strategy)
    got = seed_engine.ask("How does the guaranteed compute help Anthropic?")
    assert got.text == "the terms of the agreement address a critical problem — the shortage of computational resources"


def test_who_wrote_an_article_is_its_author_box_not_a_source_of_its_figure(seed_engine):
    # 002 ends with an author box ("Mr Explorer", then "AI tools educator and creator of ..."); the question's "$5B"
    # made it a "who states $5B" question (it abstained), and "10-year" one for 004, answered with 004's headline
    assert seed_engine.ask("Who wrote the AI Business article about Amazon's $5B Anthropic deal?").text == "Mr Explorer"
    # the role as the noun asked for, not a verb (was "Content creators and businesses")
    assert seed_engine.ask("Who is the author of the AI Business piece?").text == "Mr Explorer"
    assert seed_engine.ask("Who wrote the article about the 10-year AWS contract?").text != "Mr Explorer"  # 004 has no author


def test_who_edited_an_article_is_its_credit_line(seed_engine):
    got = seed_engine.ask("Who edited the article about the 10-year AWS contract?")
    assert got.text == "Hamidun News"
    first = got.citations[0]
    assert first.doc_id == SEED["004"] and "edited by Hamidun News" in first.quote
    assert seed_engine.data.document(first.doc_id).text[first.start : first.end] == first.quote


def test_a_source_is_not_cited_by_words_alone_where_it_names_none_of_the_question_s_names(seed_engine):
    # 002's "Amazon secures a major AI partner while creating competitive advantages against Microsoft and Google"
    # shares "partner" and names neither Azure nor OpenAI: it states nothing of them
    got = seed_engine.ask("Is Azure the main cloud partner of OpenAI?")
    assert got.text.startswith("Yes:") and [c.doc_id for c in got.citations] == [SEED["004"]]


def test_how_something_helps_is_answered_by_the_sentence_not_a_name_in_it(seed_engine):
    got = seed_engine.ask("How does tying Anthropic to Trainium help Amazon?")  # was "dominant NVIDIA"
    # what the subject that says the question's topic does (alignment.effect; the whole sentence before 844c567)
    assert got.text.startswith("stimulates scaling of Amazon's own semiconductor division")


def test_a_yes_no_answer_needs_every_name_of_the_question(seed_engine):
    # was "Yes: Amazon invested $5 billion in Anthropic ...": no article names the FTC
    assert seed_engine.ask("Did the FTC block Amazon's investment in Anthropic?").abstained
    assert seed_engine.ask("Does Amazon have a board seat at Anthropic?").text.startswith("No: Amazon holds a minority stake")


def test_a_numbered_name_is_dated_only_by_a_sentence_that_names_it(seed_engine):
    # "Claude 3.5 Sonnet, released in 2024" dates another version (was "2024")
    assert seed_engine.ask("When was Claude 3 Opus released?").abstained
    assert seed_engine.ask("When was Claude 3.5 Sonnet released?").text == "2024"


def test_a_running_total_is_no_money_put_in_the_year_asked(seed_engine):
    # 003's "total investment ... $8 billion" is no investment made in early 2025 (was "$8 billion")
    assert seed_engine.ask("How much did Amazon invest in early 2025?").abstained
    assert seed_engine.ask("How much did Amazon invest in Anthropic in 2023?").text == "$1.25 billion"


@pytest.mark.parametrize(("question", "term"), [
    # a glossary: the heading above the definition line the question paraphrases
    ("What is tailoring cloud infrastructure to particular AI model architectures called?", "Model Optimization"),
    # "the term for" asks a term, not the place its relative "where" would ask (was "Amazon")
    ("What is the term for a deal where the investor's money comes back through purchases of its own services?", "Circular Investment"),
])
def test_a_term_asked_for_by_its_definition_is_the_glossary_heading(seed_engine, question, term):
    got = seed_engine.ask(question)
    assert got.text == term and got.citations[0].doc_id == SEED["002"]


def test_who_is_answered_by_the_constituent_where_the_sentence_names_no_one(tmp_path):
    # no capitalized name answers "Who ...?" here: the subject in the question word's role does, not the sentence
    from rag.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "votes.txt").write_text(
        "How the chamber votes\n\nThe outcome of most votes can be predicted beforehand since political parties "
        "normally instruct members which way to vote. Decision Time is held at 5 pm.\n", encoding="utf-8")
    got = Engine(corpus, tmp_path / "index").open().ask("Who normally instructs members how to vote?")
    assert got.text == "political parties"


def test_a_yes_no_question_whose_verb_no_article_uses_is_not_answered_yes(seed_engine):
    # was "Yes: Amazon invested $5 billion in Anthropic as part of their latest deal.": no article says "buy"
    assert seed_engine.ask("Did Amazon buy Anthropic?").abstained
    got = seed_engine.ask("Did Amazon acquire Anthropic?")  # 003 says it in these words
    assert got.text.startswith("No: Amazon does not acquire a controlling stake")
    assert [c.doc_id for c in got.citations][:1] == [SEED["003"]]


@pytest.mark.parametrize("question", [
    "Did Anthropic invest in Amazon?",  # was "Yes: Amazon invested $5 billion in Anthropic ...": the roles reversed
    "Did Microsoft invest in Anthropic?",  # was "Yes: Unlike Microsoft's arrangement with OpenAI ..."
    "Is Anthropic owned by Amazon?",  # was "Yes: ... scaling of Amazon's own semiconductor division"
    "Is Anthropic a subsidiary of Amazon?",  # was "Yes: Amazon does not acquire a controlling stake ..."
])
def test_a_yes_no_question_about_an_act_no_source_says_of_that_name_is_not_answered_yes(seed_engine, question):
    assert seed_engine.ask(question).abstained


def test_a_yes_no_question_is_answered_by_what_it_asks_not_by_another_negation(seed_engine):
    # 003: "Amazon holds a minority stake and does not have a board seat, allowing Anthropic ...": the "not" is about
    # the board seat (was "No" to the minority stake, and "Yes" to the majority stake, the opposite flipping it)
    assert seed_engine.ask("Does Amazon hold a minority stake in Anthropic?").text.startswith("Yes: Amazon holds a minority")
    assert seed_engine.ask("Does Amazon hold a majority stake in Anthropic?").text.startswith("No: Amazon holds a minority")
    assert seed_engine.ask("Does Amazon get a seat on Anthropic's board?").text.startswith("No: Amazon holds a minority")
    # a sentence that dates what it says in another year says No (003: "$1.25 billion investment in September 2023")
    assert seed_engine.ask("Did Amazon invest $1.25 billion in Anthropic in 2024?").text.startswith("No: ")
    assert seed_engine.ask("Did Amazon invest $1.25 billion in Anthropic in 2023?").text.startswith("Yes: ")
    # a figure counted over another period says No (000, 004: annual revenue of $30 billion)
    assert seed_engine.ask("Is Anthropic's revenue $30 billion per month?").text.startswith("No: ")
    assert seed_engine.ask("Is Anthropic's annual revenue $30 billion?").text.startswith("Yes: ")
    # the 49% is Microsoft's reported stake in OpenAI (was "Yes" for Amazon)
    assert seed_engine.ask("Does Amazon own 49% of Anthropic?").abstained


def test_a_yes_no_question_about_an_act_a_source_says_is_answered(seed_engine):
    got = seed_engine.ask("Did Amazon invest in Anthropic?")
    assert got.text.startswith("Yes: Amazon invested $5 billion in Anthropic")
    got = seed_engine.ask("Is Anthropic an independent lab?")
    assert got.text.startswith("Yes: At the same time, Anthropic formally retains its status as an independent lab")
    assert got.citations[0].doc_id == SEED["004"]


def test_who_else_is_answered_by_the_list_of_names(seed_engine):
    # was "Runway", from 003's "the financial Runway" beside "investments from Google, Salesforce, and others"
    got = seed_engine.ask("Who else has invested in Anthropic?")
    assert (got.text, [c.doc_id for c in got.citations][:1]) == ("Google, Salesforce", [SEED["003"]])


def test_a_figure_of_the_present_only_an_older_source_gives_says_so(seed_engine):
    # 003, the oldest article, alone gives a valuation; the newer ones found do not (was: no caveat)
    got = seed_engine.ask("What is Anthropic currently valued at?")
    assert got.text == "approximately $60 billion" and [c.doc_id for c in got.citations] == [SEED["003"]]
    assert got.note.startswith("Only an older source gives this (Amazon Pours $4B More Into Anthropic Deal")
    assert got.note.endswith("; 3 newer sources found for this question do not state it.")
    # one newer source: "does" (it said "1 newer source found for this question do not state it")
    assert seed_engine.ask("How much will Google invest?").note.endswith("; 1 newer source found for this question does not state it.")
    # the newest source's figure, a question about the past, or sources that disagree (the lead says why): no note
    assert seed_engine.ask("How many gigawatts will Amazon provide?").note == ""
    assert seed_engine.ask("What was Amazon's initial investment in Anthropic?").note == ""
    assert seed_engine.ask("What is Anthropic's annual revenue?").note == ""


def test_newer_articles_about_other_names_make_no_older_source_note(tmp_path):
    # an article of 2025 about Zorblax beside the five of 2026 about Amazon and Anthropic: the note said "4 newer sources
    # found for this question do not state it", counting articles that never name Zorblax
    import json
    import shutil

    from rag.engine import Engine
    from tests.conftest import SEED_CORPUS

    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    (corpus / "zorblax.txt").write_text(
        "Zorblax Robotics raises $77 million\n\nZorblax Robotics said on Monday it raised $77 million from Quintessa "
        "Ventures to build warehouse robots.\n", encoding="utf-8")
    (corpus / "zorblax.meta.json").write_text(json.dumps({"title": "Zorblax Robotics raises $77 million", "date": "2025-06-01"}))
    got = Engine(corpus, tmp_path / "index").open().ask("How much did Zorblax Robotics raise?")
    assert got.text == "$77 million" and got.note == ""


def test_a_potential_figure_keeps_its_hedge_word(seed_engine):
    # 001: "lifting its total potential commitment to $33bn": not money invested (was the bare "$33bn")
    for question in ("How much has Amazon invested in Anthropic in total?", "How much has Amazon invested in Anthropic so far?"):
        got = seed_engine.ask(question)
        assert got.text == "total potential commitment to $33bn" and got.lead == "total potential commitment to $33bn"


@pytest.mark.parametrize(("question", "start"), [
    # the figure in other words than the verb asked (003: "followed by an additional $2.75 billion in early 2024")
    ("Did Amazon invest $2.75 billion in Anthropic in 2024?", "Yes: That first commitment was followed by"),
    ("Did Amazon invest $2.75 billion in Anthropic in September 2023?", "No: "),
    # the act of a name the sentence calls "the company" (004), the best sentence's names may be near it
    ("Does Amazon guarantee Anthropic up to 5 gigawatts of capacity?", "Yes: Amazon in turn guarantees"),
    # "have" is no word a negation must govern ("does not have a board seat")
    ("Does Amazon have a minority stake in Anthropic?", "Yes: Amazon holds a minority stake"),
    # a comparison of figures: "surpassing $1 billion" exceeds $1 billion
    ("Does Anthropic's annual revenue exceed $1 billion?", "Yes: "),
    # "has reached $30 billion" (004) says neither that it is past $30 billion nor not: 000's "has surpassed" answers
    # (the thirty-ninth blind probe: "No" from 004, as "$30 billion a year" made it the best sentence)
    ("Has Anthropic's revenue now passed $30 billion a year?", "Yes: The scale of the investment"),
    ("Has Anthropic's revenue passed $40 billion?", "No: "),
    # a span of time the sentence gives otherwise (001: "over the next decade")
    ("Will Anthropic spend more than $100bn on AWS over the next five years?", "No: Anthropic also plans"),
    ("Will Anthropic spend more than $100bn on AWS over the next ten years?", "Yes: Anthropic also plans"),
    # the figure of the question's rarest word, in a near sentence past the first few (001: "up to another $20bn tied to
    # commercial milestones"), not the $25 billion of sentences that say nothing of milestones (the thirty-ninth blind
    # probe, asked as a claim to check: "Yes")
    ("Is the milestone-linked portion of Amazon's money $25 billion?", "No: Amazon will invest $5bn in Anthropic"),
    ("Is the milestone-linked portion of Amazon's money $20 billion?", "Yes: Amazon will invest $5bn in Anthropic"),
    # a month of the same year the sentence dates it otherwise (the fortieth and forty-first blind probes: "Yes")
    ("Did Amazon invest in OpenAI in January 2026?", "No: In February 2026, the company invested"),
    ("Did Amazon invest in OpenAI in February 2026?", "Yes: In February 2026, the company invested"),
    # the question's own figure in a sentence that gives another name's first (OpenAI's $150 billion): was refused
    ("Did Mistral AI achieve a $6 billion valuation in its latest round?", "Yes: By comparison"),
    ("Did Mistral AI reach a $10 billion valuation?", "No: By comparison"),
    # a share is asked as it is: a reported 49% is no 51% stake (was refused, 51% "within a tenth" of 49%)
    ("Does Microsoft hold a reported 51% ownership stake in OpenAI?", "No: Unlike Microsoft's arrangement"),
    ("Does Microsoft hold a 49% stake in OpenAI?", "Yes: Unlike Microsoft's arrangement"),
    # what the question says of its figure, the sentence says of the figure nearest its word (the forty-first blind
    # probe: "Yes"): "$5bn ..., with up to another $20bn tied to commercial milestones"
    ("Is Amazon's $5 billion investment tied to commercial milestones?", "No: Amazon will invest $5bn in Anthropic"),
    ("Is Amazon's $20 billion tied to commercial milestones?", "Yes: Amazon will invest $5bn in Anthropic"),
    # the figure of another measure is no Yes (the forty-third blind probe: "Yes" from the $100 billion of spending);
    # the valuation a near sentence gives says No
    ("Is Anthropic valued at $100 billion?", "No: This latest investment round reportedly values Anthropic"),
    ("Is Anthropic valued at $60 billion?", "Yes: This latest investment round reportedly values Anthropic"),
    ("Does Amazon's overall commitment to Anthropic still stand at $8 billion?", "No: Amazon will invest $5bn"),
    # the figure of another thing named after it (the thirty-ninth blind probe: refused): "5GW of Amazon Trainium chips"
    ("Does the deal secure Anthropic up to 5 GW of Nvidia H100 capacity?", "No: Anthropic also plans to spend"),
    # a figure said bare says neither way whether it is past itself: "over $100 billion" is read from "more than $100bn"
    # (the forty-fifth blind probe: "No" from "pledged to spend $100 billion")
    ("Will Anthropic spend over $100 billion on AWS in the next ten years?", "Yes: Anthropic also plans to spend"),
])
def test_yes_no_answers_after_the_second_probe(seed_engine, question, start):
    assert seed_engine.ask(question).text.startswith(start)


def test_a_role_is_bound_to_its_name_and_a_ceiling_is_no_sum_paid(seed_engine):
    # 003: "including CEO Dario Amodei and President Daniela Amodei" (was Yes for Daniela Amodei)
    # a role one person holds, said of another in a sentence that names her: No (was an abstention)
    assert seed_engine.ask("Is Daniela Amodei the CEO of Anthropic?").text.startswith("No: This structure appeals")
    assert seed_engine.ask("Is Dario Amodei the CEO of Anthropic?").text.startswith("Yes: ")
    # the possessive form (was Yes: the names ran together as "Daniela Amodei Anthropic")
    assert seed_engine.ask("Is Daniela Amodei Anthropic's CEO?").text.startswith("No: ")
    # a name no article holds, asked a role another holds (the thirty-eighth blind probe: refused)
    assert seed_engine.ask("Is Sundar Pichai the chief executive of Anthropic?").text.startswith("No: This structure appeals")
    assert seed_engine.ask("Is Sundar Pichai the CEO of Google?").abstained  # no article names Google's
    assert seed_engine.ask("Is Dario Amodei Anthropic's CEO?").text.startswith("Yes: ")
    # the reversed possessive, and the role in other words (both were wrong: Yes, and an abstention)
    assert seed_engine.ask("Is Anthropic's CEO Daniela Amodei?").text.startswith("No: ")
    assert seed_engine.ask("Is Anthropic's president Dario Amodei?").text.startswith("No: ")
    assert seed_engine.ask("Is Dario Amodei Anthropic's chief executive?").text.startswith("Yes: ")
    assert seed_engine.ask("Is Daniela Amodei the chief executive officer of Anthropic?").text.startswith("No: ")
    # 004: "Amazon will invest up to $25 billion": not invested yet (was Yes)
    assert seed_engine.ask("Has Amazon invested $25 billion in Anthropic?").text.startswith("No: Amazon will invest up to")
    assert seed_engine.ask("Will Amazon invest up to $25 billion in Anthropic?").text.startswith("Yes: ")


def test_a_figure_another_party_gives_is_no_yes(seed_engine):
    # 002: "with Anthropic pledging to spend $100 billion on AWS": not Amazon's investment (was Yes)
    assert not seed_engine.ask("Did Amazon invest $100 billion in Anthropic?").text.startswith("Yes")
    # 003's $60 billion is a valuation, not revenue (was Yes); a sentence giving no length says nothing of one
    assert not seed_engine.ask("Is Anthropic's annual revenue $60 billion?").text.startswith("Yes")
    assert seed_engine.ask("Is Anthropic's valuation $60 billion?").text.startswith("Yes: ")
    assert seed_engine.ask("Is the AWS contract 5 years long?").text.startswith("No: ")
    assert seed_engine.ask("Is the AWS contract 10 years long?").text.startswith("Yes: ")


def test_an_outlet_credited_as_editor_answers_which_outlet_edited(seed_engine):
    # 004: "AI-processed from TNW; edited by Hamidun News" (was "Amazon")
    got = seed_engine.ask("Which outlet edited the article about the $25 billion investment?")
    assert got.text == "Hamidun News" and [c.doc_id for c in got.citations] == [SEED["004"]]


def test_a_place_answer_is_the_pair_it_opens(seed_engine):
    # 001: "expanding global inference capacity across Asia and Europe" (the 20th blind probe: "Amazon", then "Asia")
    got = seed_engine.ask("Where is the startup expanding its inference capacity?")
    assert got.text == "Asia and Europe" and got.citations[0].doc_id == SEED["001"]


@pytest.mark.parametrize("question", [
    "Which outlet was the Hamidun News story originally based on?",  # the 21st blind probe: refused
    "What is the source of the article about the 10-year AWS contract?",
])
def test_the_outlet_a_story_was_taken_from(seed_engine, question):
    # 004: "AI-processed from TNW; edited by Hamidun News"
    got = seed_engine.ask(question)
    assert got.text == "TNW" and [c.doc_id for c in got.citations] == [SEED["004"]]


def test_which_claude_models_lists_the_named_models(seed_engine):
    # 003: "future versions of Claude 3.5 Sonnet, Claude 3 Opus, and upcoming model generations" (was "Constitutional AI")
    got = seed_engine.ask("Which Claude models are mentioned?")
    assert got.text == "Claude 3.5 Sonnet, Claude 3 Opus" and got.citations[0].doc_id == SEED["003"]


@pytest.mark.parametrize(("question", "start"), [
    # the third probe's regressions: "has" is no name, the same value "surpassed" or "over" is more than it
    ("Has Amazon invested $5 billion in Anthropic?", "Yes: "),
    ("Has Microsoft invested over $13 billion in OpenAI?", "Yes: "),
    ("Has Anthropic's annualized revenue surpassed $30 billion?", "Yes: "),
    ("Is Anthropic's annual revenue at least $30 billion?", "Yes: "),
    ("Is Anthropic's annual revenue less than $1 billion?", "No: "),
    # the fourth probe's: a value written as just below ("nearly 3%") is not more than it; equal is neither more
    # nor less unless the sentence says which; a figure the best sentence states undated stands where no other dates it
    ("Did Amazon's shares climb more than 3%?", "No: "),
    ("Did Amazon's shares climb less than 3%?", "Yes: "),
    ("Did Google invest more than $2 billion in Anthropic?", "No: "),
    ("Did Google invest less than $2 billion in Anthropic?", "No: "),
    ("Did Amazon invest $8 billion in Anthropic in 2024?", "Yes: Amazon's total investment in Anthropic now reaches"),
    # the period after the figure is the one it is counted in ("annualized ... per week": No)
    ("Is Anthropic's annualized revenue $30 billion per week?", "No: "),
    # a year asked is answered by a sentence that dates it (003: "Claude 3.5 Sonnet, released in 2024")
    ("Was Claude 3.5 Sonnet released in 2023?", "No: Claude 3.5 Sonnet, released in 2024"),
    ("Was Claude 3.5 Sonnet released in 2024?", "Yes: Claude 3.5 Sonnet, released in 2024"),
    # another company's figure: 003's $60 billion is Anthropic's valuation, OpenAI's is $150 billion
    ("Was OpenAI valued at $60 billion?", "No: By comparison, OpenAI's most recent valuation"),
])
def test_yes_no_answers_after_the_third_probe(seed_engine, question, start):
    assert seed_engine.ask(question).text.startswith(start)


def test_a_list_set_off_by_dashes_is_the_answer(seed_engine):
    # 004: "Cloud providers — Amazon, Microsoft, Google — are actively competing ..." (was "Amazon")
    got = seed_engine.ask("Which cloud providers are competing to make their platform the standard?")
    assert got.text == "Amazon, Microsoft, Google"


def test_a_yes_no_question_about_a_way_is_answered_only_by_a_sentence_that_says_one(seed_engine):
    # was "Yes: ... committing over $100 billion toward Amazon Web Services (AWS) ...": no growth said of anything
    assert seed_engine.ask("Is Amazon Web Services' revenue growing?").abstained
    # 003: "Anthropic's annual revenue has also grown dramatically" (was Yes: "shrinking" was no word of the table)
    assert seed_engine.ask("Is Anthropic's revenue shrinking?").text.startswith("No: Anthropic's annual revenue has also grown")


def test_a_valuation_is_no_money_raised(seed_engine):
    # 003: "values Anthropic at approximately $60 billion" (was "Yes")
    assert not seed_engine.ask("Did Anthropic raise $60 billion?").text.startswith("Yes")
    assert seed_engine.ask("Is Anthropic valued at $60 billion?").text.startswith("Yes: ")
    # nor is revenue (000: annual revenue "has surpassed the $30 billion milestone"; was Yes), nor, for a "how much"
    # question, 003's "Mistral AI achieved a $6 billion valuation" (was "$6 billion")
    assert not seed_engine.ask("Did Anthropic raise $30 billion?").text.startswith("Yes")
    assert seed_engine.ask("How much money did Mistral AI raise?").abstained
    assert seed_engine.ask("What is Anthropic's annual revenue?").text == "$30 billion"


def test_what_a_name_did_is_answered_from_a_sentence_that_says_the_name_did_it(seed_engine):
    # 003: "Microsoft has invested approximately $13 billion in OpenAI" (was "Amazon", from "Amazon's $8 billion
    # total investment puts it firmly in second place behind Microsoft")
    for question in ("Which company did Microsoft invest in?", "In which AI company has Microsoft invested?"):
        got = seed_engine.ask(question)
        assert got.text == "OpenAI" and got.citations[0].doc_id == SEED["003"]


@pytest.mark.parametrize("question", [
    "When will Claude 5 be released?",  # was "2024", of "Claude 3.5 Sonnet, released in 2024": no article names Claude 5
    "What valuation did the 2026 deal give Anthropic?",  # was 003's $60 billion: 003 was written before 2026
    "What interest rate does the Amazon funding carry?",  # was "potential commitment to $33bn": no rate is given
    "And Microsoft?",  # was "365": a follow-up asked first has no question to follow
])
def test_a_question_the_articles_do_not_answer_after_the_third_probe_abstains(seed_engine, question):
    assert seed_engine.ask(question).abstained


def test_a_ceiling_is_not_what_is_put_in_right_away(seed_engine):
    # 001: "$5bn ... with up to another $20bn tied to commercial milestones" (was "Yes: Amazon will invest up to $25
    # billion ...")
    got = seed_engine.ask("Is Amazon investing the full $25 billion in Anthropic right away?")
    assert got.text.startswith("No: ") and "up to $25 billion" in got.text
    assert seed_engine.ask("When was Claude 3.5 Sonnet released?").text == "2024"


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Anthropic's leadership, including CEO Dario Amodei and President Daniela Amodei, who", "Daniela Amodei", "President"),
    ("Anthropic's leadership, including CEO Dario Amodei and President Daniela Amodei, who", "Dario Amodei", "CEO"),
    ("Dario Amodei, the chief executive of Anthropic, said", "Dario Amodei", "chief executive"),
    ("The firm, led by Dario Amodei, said", "Dario Amodei", None),  # no role word beside the name
])
def test_the_role_a_sentence_sets_beside_a_name(sentence, name, role):
    from rag.whole_answer import role_beside
    assert role_beside(sentence, [name]) == role


def test_a_person_s_title_is_the_role_beside_the_name(seed_engine):
    # 003: "including CEO Dario Amodei and President Daniela Amodei" (were "Anthropic" and "importance")
    assert seed_engine.ask("What is Dario Amodei's title?").text == "CEO"
    assert seed_engine.ask("What is Daniela Amodei's role at Anthropic?").text == "President"


def test_a_question_its_nearest_sentence_does_not_answer_abstains(tmp_path):
    # SQuAD 2.0's unanswerable questions change one thing of an answerable one: a negation, a year, a rank, an
    # opposite word. The nearest sentence then shares every other word, and is no answer (rag.mismatch)
    from rag.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "company.txt").write_text(
        "The trading company\n\nThe East India Company was chartered by John Watts in 1600. In 1767 the company lost "
        "its monopoly on the tea trade. The largest party in the assembly sits in the middle of the semicircle. "
        "Committees of the fourth session review the budget.\n", encoding="utf-8")
    engine = Engine(corpus, tmp_path / "index").open()
    assert engine.ask("Who chartered the East India Company?").text == "John Watts"
    assert engine.ask("What did the company lose in 1767?").sentence.startswith("In 1767 the company lost")
    for question in (
        "Who did not charter the East India Company?",  # a negation the sentence does not say
        "What did the company lose in 1766?",  # a year it does not say
        "The smallest party in the assembly sits in the middle of what?",  # the opposite of what it says
        "Committees of the fifth session review what?",  # another rank
    ):
        assert engine.ask(question).abstained, question
    # the abstention tells what the nearest source says instead
    got = engine.ask("What did the company lose in 1766?")
    assert got.note.startswith("The nearest source gives other numbers") and "In 1767 the company lost" in got.note
    assert not engine.ask("Who chartered the East India Company?").note


@pytest.mark.parametrize("question", [
    "Who owns Anthropic?",  # was "Amazon", from 003's "Amazon does not acquire a controlling stake"
    "Which company has a board seat at Anthropic?",  # was "Amazon": "Amazon holds a minority stake and does not have a board seat"
    "How much of Anthropic does Amazon own?",  # was "$5 billion": a share owned is asked, and no article gives one
    "What is the name of Anthropic's CFO?",  # was "Amazon" (0.118): a name below 0.12 is no answer (ABSTAIN_MARGIN_BY_KIND)
    "Who leads?",  # was "Amazon" (of "leading external AI companies"): a question that names nothing binds to nothing
    "Who created",
])
def test_what_the_articles_do_not_say_is_not_answered(seed_engine, question):
    assert seed_engine.ask(question).abstained


def test_an_abstention_quotes_the_source_that_says_otherwise(seed_engine):
    from rag.serialize import answer_text

    got = seed_engine.ask("Which company has a board seat at Anthropic?")
    assert got.abstained and got.note.startswith("The nearest source says it is not so")
    assert "does not have a board seat" in got.note
    assert answer_text(got).splitlines() == ["I could not find this in the sources.", f"Note: {got.note}"]


@pytest.mark.parametrize(("question", "answer", "doc"), [
    # the class noun the question asks for, right after the answer, is part of it
    ("Which customer segment does Anthropic concentrate on?", "enterprise segment", "004"),
    # a noun the tagger made of a verb is no second member ("the enterprise segment and positions itself as ...")
    ("Which customer segment does Anthropic focus on?", "enterprise segment", "004"),
    # a quantity noun is answered with what it counts
    ("What does Constitutional AI train models to follow?", "set of principles", "003"),
])
def test_an_answer_keeps_the_noun_that_makes_it_whole(seed_engine, question, answer, doc):
    got = seed_engine.ask(question)
    assert got.text == answer and got.citations[0].doc_id == SEED[doc]


@pytest.mark.parametrize(("question", "answer", "docs"), [
    # found by the fourth blind probe: each part of a question asked in two is answered, the second as a follow-up
    ("Who is Anthropic's CEO and when was the company founded?", "Dario Amodei; 2021", {"003"}),
    ("Who is Anthropic's CEO, and who is its president?", "Dario Amodei; Daniela Amodei", {"003"}),
    ("How much did Amazon invest in OpenAI and when?", "approximately $50 billion; February 2026", {"004"}),
])
def test_a_question_in_two_parts_answers_both(seed_engine, question, answer, docs):
    got = seed_engine.ask(question)
    assert got.text == answer and {c.doc_id for c in got.citations} == {SEED[d] for d in docs}


def test_a_part_no_source_answers_is_said_to_be_unanswered(seed_engine):
    got = seed_engine.ask("Who is Anthropic's CEO and who is the CEO of Amazon?")
    assert got.text == "Dario Amodei"
    assert got.note == 'No source answers "Who is the CEO of Amazon?".'


def test_what_a_sentence_says_of_another_by_contrast_is_a_no(seed_engine):
    # found by the third blind probe: "Unlike OpenAI, which bet on mass consumers through ChatGPT, Anthropic focuses
    # on the enterprise segment" (was "Yes")
    got = seed_engine.ask("Does Anthropic focus on consumers?")
    assert got.text.startswith("No: Unlike OpenAI") and [c.doc_id for c in got.citations] == [SEED["004"]]
    assert seed_engine.ask("Does Anthropic focus on the enterprise segment?").text.startswith("Yes: ")


@pytest.mark.parametrize("question", [
    "What is 5 gigawatts comparable to?",  # found by the fourth blind probe (was the sentence that states 5 gigawatts)
    "To what is the 5-gigawatt compute capacity compared in terms of power generation?",
])
def test_what_a_figure_is_likened_to_in_the_sentence_after_it(seed_engine, question):
    got = seed_engine.ask(question)
    assert got.text == "the power output of five large thermal power plants"
    assert [c.doc_id for c in got.citations] == [SEED["004"]]


def test_which_two_asks_for_two_answers_not_a_sentence_that_says_two(seed_engine):
    # found by the fourth blind probe: refused, as the sentence says no "two"
    got = seed_engine.ask("Which two Chinese companies are pursuing similar full-stack strategies?")
    assert got.text == "Kunlun Wanwei and Nine United" and [c.doc_id for c in got.citations] == [SEED["000"]]


@pytest.mark.parametrize(("question", "lead"), [
    # found by the fifth blind probe: "Yes" from the sentence that states $4 billion as a previous investment
    ("Is the $4 billion figure current?", "$5 billion"),
    ("Is $8 billion still the total?", "$33bn"),
])
def test_whether_a_figure_is_current_is_answered_no_with_the_newer_one(seed_engine, question, lead):
    got = seed_engine.ask(question)
    assert got.text.startswith("No: ") and got.figure is not None and got.figure.text == lead


def test_a_plural_money_noun_asks_for_money(seed_engine):
    # found by the fifth blind probe: "What are Anthropic's yearly revenues?" answered "Amazon"
    got = seed_engine.ask("What are Anthropic's yearly revenues?")
    assert got.text == "$30 billion" and {c.doc_id for c in got.citations} == {SEED["000"], SEED["004"]}


@pytest.mark.parametrize(("question", "answer"), [
    # found by the fifth blind probe: "time frame" asks how long (was the whole sentence that says "over multiple years")
    ("Over what time frame will the AWS spending be made?", "next decade"),
    # a ceiling is no worse an answer where no money put in is asked for (was "potential commitment to $33bn")
    ("How much of the backer's money is contingent on commercial milestones?", "up to another $20bn"),
])
def test_answers_after_the_fifth_probe(seed_engine, question, answer):
    assert seed_engine.ask(question).text == answer


def test_a_negated_question_is_cited_only_where_an_article_denies_it(seed_engine):
    # found by the sixth blind probe: every article naming Amazon near "board" was cited
    got = seed_engine.ask("Which company does NOT have a board seat at Anthropic?")
    assert got.text == "Amazon" and [c.doc_id for c in got.citations] == [SEED["003"]]


def test_a_yes_from_a_sentence_past_the_best_needs_the_act_of_the_asked_doer(seed_engine):
    # 003: "The move brings Amazon's total investment in Anthropic to a staggering $8 billion": "the move" is Amazon's
    # investment, said of no doer by name; it was a Yes to whether Anthropic is moving its workloads (seventh probe)
    got = seed_engine.ask("Is Anthropic moving its workloads onto Amazon's own chips?")
    assert "The move brings" not in got.sentence


def test_a_class_the_best_sentence_only_speaks_of_is_named_by_the_next(seed_engine):
    # 004: "... the second major mega-investment by Amazon in a leading AI lab in two months. In February 2026, the
    # company invested approximately $50 billion in OpenAI" (the first sentence alone was the answer)
    got = seed_engine.ask("Which AI lab got a mega-investment from Amazon before this deal?")
    assert got.text == "OpenAI"
    assert got.citations[0].doc_id == SEED["004"]


def test_a_yes_needs_the_act_of_the_names_asked_and_is_cited_where_that_doer_does_it(seed_engine):
    # "put money into" asks whether Google invested (003: "made a reported $2 billion investment in Anthropic"); the
    # other articles say Amazon invested, which is no Yes about Google, so they are not cited
    got = seed_engine.ask("Has Google also put money into Anthropic?")
    assert got.text.startswith("Yes: Google has poured billions")
    assert [c.doc_id for c in got.citations] == [SEED["003"]]
    # "Microsoft has invested approximately $13 billion in OpenAI" puts another name where the question puts Anthropic
    assert not seed_engine.ask("Has Microsoft invested in Anthropic?").text.startswith("Yes")
    # the company the sentence before names ("Anthropic commits ... Amazon in turn guarantees the company access to
    # ... up to 5 gigawatts") is the one the figure goes to; "have access" receives it
    got = seed_engine.ask("Will Anthropic have access to as much as five gigawatts of computing capacity?")
    assert got.text.startswith("Yes: Amazon in turn guarantees the company access")
    assert got.citations[0].doc_id == SEED["004"]


def test_a_yes_to_a_span_of_time_comes_from_a_sentence_that_gives_it_in_words(seed_engine):
    # 001: "over the next decade" is about a decade; the best sentence's "over multiple years" gives no length
    got = seed_engine.ask("Does Anthropic's AWS spending pledge run for about a decade?")
    assert got.text.startswith("Yes: Anthropic also plans to spend more than $100bn over the next decade")
    assert got.citations[0].doc_id == SEED["001"]


def test_why_something_matters_is_what_it_does_where_it_is_the_subject(seed_engine):
    # 004: "The guaranteed 5 gigawatts removes one of the main operational risks ..." (was a purpose clause of 001's
    # "plans to spend more than $100bn ...", a sentence about another thing)
    got = seed_engine.ask("Why does a guaranteed 5 GW of capacity matter so much to Anthropic?")
    assert got.text.startswith("removes one of the main operational risks for this fast-growing company")
    assert got.citations[0].doc_id == SEED["004"]
    got = seed_engine.ask("How does getting Anthropic onto Trainium benefit Amazon's chip business?")
    assert got.text.startswith("stimulates scaling of Amazon's own semiconductor division")


def test_a_name_owned_by_the_questions_owner_comes_from_a_sentence_that_says_what_it_owns(seed_engine):
    # 002: "Microsoft's partnership with OpenAI ..." before "Amazon secures a major AI partner while creating
    # competitive advantages against Microsoft and Google" (was "Google")
    assert seed_engine.ask("Which AI lab is Microsoft's main partner?").text == "OpenAI"


def test_names_set_aside_are_not_what_a_sentence_of_their_act_answers(seed_engine):
    # 002's "Amazon's latest investment brings another $5 billion to Anthropic, the AI company behind Claude" says
    # Amazon's act (was "Claude"); 003's "plus investments from Google, Salesforce, and others" names the others
    got = seed_engine.ask("Apart from Amazon, which companies have invested in Anthropic?")
    assert got.text == "Google, Salesforce"
    assert [c.doc_id for c in got.citations] == [SEED["003"]]
    # a sum put in past a word of readiness asks whether it is invested (was refused)
    got = seed_engine.ask("Is Amazon prepared to put as much as $25bn into Anthropic?")
    assert got.text.startswith("Yes: ")
    assert {c.doc_id for c in got.citations} >= {SEED["001"], SEED["004"]}


def test_a_yes_no_question_is_about_what_it_asks_not_the_phrase_that_places_it(seed_engine):
    # "under the arrangement" places the question; "independent" is what it asks (the rarer "arrangement" led to 003's
    # "Unlike Microsoft's arrangement with OpenAI ...", a false No)
    got = seed_engine.ask("Does Anthropic stay independent under the arrangement?")
    assert got.text.startswith("Yes: ")
    assert {c.doc_id for c in got.citations} == {SEED["003"], SEED["004"]}


def test_what_a_quoted_term_is_and_what_a_figure_is_put_against(seed_engine):
    # 000: "the 'Token Economy,' where the increasing volume and pricing of AI-generated output are driving revenue
    # growth" (was refused: "Token" made it a question of tokens)
    got = seed_engine.ask("What is the 'Token Economy'?")
    assert got.text.startswith("the increasing volume and pricing of AI-generated output")
    # 004: "To put this in scale: this is comparable to the power output of five large thermal power plants"
    assert seed_engine.ask("How is the 5 GW capacity put into perspective?").text == (
        "the power output of five large thermal power plants")
    # the class ends at the question's verb: "Which AI lab got ...?" asks a lab ("the company invested approximately
    # $50 billion in OpenAI"; was "two months")
    assert seed_engine.ask("Which AI lab got about $50bn from Amazon in early 2026?").text == "OpenAI"


def test_a_class_member_set_aside_gives_way_to_a_sentence_that_names_another(seed_engine):
    # 003's best sentence names only Trainium beside "chips" (was "performance and cost efficiencies"); its
    # "Amazon's proprietary Trainium and Inferentia chips" names another
    got = seed_engine.ask("Besides Trainium, which Amazon chip is mentioned for custom training?")
    assert got.text.startswith("Inferentia")
    assert got.citations[0].doc_id == SEED["003"]


def test_a_false_figure_claim_is_answered_no_with_the_figure_the_articles_give(seed_engine):
    # the thirteenth probe: no article states these figures of these names, and a near sentence gives the claim's own
    # (both were refused: "promised" and "surged" are said by no article)
    got = seed_engine.ask("Has Anthropic promised to spend $50 billion on AWS?")
    assert got.text.startswith("No: ") and "$100 billion" in got.text
    got = seed_engine.ask("Has Anthropic's annualized revenue surged past $50 billion?")
    assert got.text.startswith("No: ") and "$30 billion" in got.text
    # the figure as the articles state it, in another verb, is a Yes
    assert seed_engine.ask("Has Anthropic promised to spend $100 billion on AWS?").text.startswith("Yes: ")


def test_a_question_on_what_is_lacking_is_answered_yes_by_a_sentence_that_negates_it(seed_engine):
    # 003: "Amazon holds a minority stake and does not have a board seat" (was "No:" with that very sentence)
    got = seed_engine.ask("Is Amazon's position in Anthropic a minority holding that comes without a board seat?")
    assert got.text.startswith("Yes: Amazon holds a minority stake and does not have a board seat")
    assert seed_engine.ask("Does Amazon have a board seat at Anthropic?").text.startswith("No: ")


def test_a_time_to_come_is_not_answered_by_a_date_before_the_article(seed_engine):
    # "September 2023" (Amazon's first investment) is no time the FTC will finish a review (was the answer)
    assert seed_engine.ask("When will the FTC finish its review of the Amazon-Anthropic deal?").abstained
    assert seed_engine.ask("When did Amazon make its initial investment in Anthropic?").text == "September 2023"


def test_a_figure_given_approximately_at_the_value_compared_says_neither_way(seed_engine):
    # 003's "approximately $13 billion" is no No to "topped $13 billion" (002 says "over $13 billion"); "a reported
    # $2 billion" is $2 billion, so not more than it
    assert not seed_engine.ask("Has Microsoft's backing of OpenAI topped $13 billion?").text.startswith("No: ")
    assert seed_engine.ask("Did Google invest more than $2 billion in Anthropic?").text.startswith("No: ")
    # a time clause is what the question asks about too ("after the news came out" and "Following the announcement")
    assert seed_engine.ask("Did Amazon's stock gain ground after the news came out?").text.startswith(
        "Yes: Following the announcement, Amazon’s shares climbed")


def test_a_verb_no_article_says_is_answered_no_where_its_object_is_said_of_another_by_contrast(seed_engine):
    # 004: "Unlike OpenAI, which bet on mass consumers through ChatGPT, Anthropic focuses on the enterprise segment"
    # (was refused: no article says "courting")
    got = seed_engine.ask("Is Anthropic courting mass consumers?")
    assert got.text.startswith("No: Unlike OpenAI, which bet on mass consumers")
    assert [c.doc_id for c in got.citations] == [SEED["004"]]


def test_why_something_is_justified_is_what_it_is_justified_by(seed_engine):
    # 000: "The scale of the investment is justified by Anthropic’s maturing business model, with reports ..." (was
    # the whole sentence)
    got = seed_engine.ask("Why is the scale of the investment justified?")
    assert got.text.startswith("Anthropic’s maturing business model")
    assert got.citations[0].doc_id == SEED["000"]


@pytest.mark.parametrize(("question", "answer", "doc"), [
    # 001: "with up to another $20bn tied to commercial milestones" (was refused: no sentence stating $20 billion was
    # retrieved, and "tied to" was no answer to "how")
    ("How is the extra $20 billion conditioned?", "tied to commercial milestones", "001"),
    # 003: "That first commitment was followed by an additional $2.75 billion in early 2024" ("its Anthropic stake"
    # made Anthropic an owner the sentence must name; was "September 2023")
    ("When did Amazon add the $2.75 billion to its Anthropic stake?", "early 2024", "003"),
    # 004: "In February 2026, the company invested approximately $50 billion in OpenAI" (was refused in words)
    ("Which rival lab did Amazon bankroll with roughly fifty billion dollars?", "OpenAI", "004"),
    # 004: "... which directly competes with the dominant NVIDIA" ("in AI chips" was read as a place; was "Anthropic")
    ("Whose dominance in AI chips is Amazon's homegrown silicon meant to challenge?", "NVIDIA", "004"),
    # 002: "... over multiple years as part of the investment agreement" (was the headline restating the question)
    ("Why is Anthropic spending $100B on AWS?", "as part of the investment agreement", "002"),
    # 000: "shares climbed nearly 3% in after-hours trading" (a figure answering a keyword question keeps "nearly")
    ("amzn shares after hours", "nearly 3%", "000"),
    # 003: "The model's 200,000-token context window" (a five-letter typo is read as the articles' word)
    ("claude context windw size", "200,000-token", "003"),
    # 001: "with up to another $20bn tied to commercial milestones"; was "Anthropic"
    ("What are the additional $20 billion contingent on?", "tied to commercial milestones", "001"),
    # 001: "expanding global inference capacity across Asia and Europe"; was "Asia", an answer of no kind
    ("In which parts of the world will Anthropic expand its inference capacity under the deal?", "Asia and Europe", "001"),
    # the thirty-fourth blind probe: was "Enterprise", from 003's "Enterprise adoption has accelerated as companies in
    # finance, healthcare, legal, and technology sectors deploy Claude ..."
    ("Which sectors are deploying Claude?", "finance, healthcare, legal, and technology sectors", "003"),
    # the thirty-fourth blind probe: was "$100 billion"
    ("How big a multiple of Amazon's outlay is Anthropic's cloud pledge?", "20:1", "002"),
    # the thirty-fifth blind probe: refused ("jump" read as a class no sentence names); 000: "Amazon's shares climbed nearly 3%"
    ("What share price jump did Amazon see in late trading?", "nearly 3%", "000"),
    # the forty-seventh and forty-eighth blind probes (an editor typing tersely): "Amazon Trainium" from 001's "up to 5GW
    # of Amazon Trainium chips"; 004: "To put this in scale: this is comparable to the power output of ..."
    ("5gw is comparable to what", "the power output of five large thermal power plants", "004"),
    # 000: "Companies like Kunlun Wanwei and Nine United ..." (was "Asia": "cos" read as no word)
    ("which chinese cos are mentioned", "Kunlun Wanwei and Nine United", "000"),
    # 003: "... including CEO Dario Amodei and President Daniela Amodei" (was "NVIDIA": no question mark, no role)
    ("who runs anthropic", "Dario Amodei", "003"),
    # 004: "Trainium4" (was "AWS": "gen" read as no word)
    ("which trainium gen is anthropic committing to", "Trainium4", "004"),
    # 004: "Unlike OpenAI, which bet on mass consumers through ChatGPT, Anthropic focuses on the enterprise segment ..."
    # (was "Yes": OpenAI, which the question likens Anthropic to, was read as a subject the contrast is about)
    ("Does Anthropic focus mainly on mass consumers like OpenAI does?",
     "No: Unlike OpenAI, which bet on mass consumers through ChatGPT, Anthropic focuses on the enterprise segment and "
     "positions itself as a responsible developer of AI systems — with emphasis on safety and model interpretability.", "004"),
    # the forty-eighth blind probe: the label "20:1Return Ratio"
    ("whats the 20:1 thing", "It's called circular because Amazon's $5 billion investment flows back to the company through "
     "Anthropic's guaranteed $100 billion in AWS purchases, creating a 20:1 return ratio over time.", "002"),
    # the forty-seventh blind probe: "two months", a length, for an amount of money
    ("How much is Amazon's new investment?", "$5bn", "001"),
    ("How much is Amazon putting in this round?", "up to $25 billion", "004"),  # was refused: 003's valuation
    # the forty-seventh blind probe: "next decade" only
    ("How much has Anthropic pledged to spend on AWS, and over what period?", "$100 billion; next decade", "002"),
])
def test_the_answer_is_cut_to_what_the_question_asks(seed_engine, question, answer, doc):
    got = seed_engine.ask(question)
    assert got.text == answer
    assert got.citations[0].doc_id == SEED[doc]


@pytest.mark.parametrize("question", [
    "who is the aws ceo",  # the forty-eighth blind probe: "Dario Amodei", Anthropic's CEO
    "how many claude users are there",  # "Nine", of "Nine United"
    "how much did salesforce put into anthropic",  # "$8 billion", Amazon's
])
def test_a_terse_question_is_not_answered_with_another_names_fact(seed_engine, question):
    assert seed_engine.ask(question).abstained


def test_a_yes_names_the_common_noun_the_question_asks_of(seed_engine):
    # the forty-ninth blind probe: "Yes: It is an architectural decision about what the AI ecosystem will look like ..."
    assert seed_engine.ask("Are regulators looking at these AI investments?").abstained
    # a name asked of: 003 "plus investments from Google, Salesforce, and others"
    assert seed_engine.ask("Is Salesforce among Anthropic's investors?").text.startswith("Yes: With $8 billion in backing")


@pytest.mark.parametrize(("question", "note"), [
    # the fifty-first and fifty-second blind probes: "billions", "Asian", "September 2023" (Amazon's first investment)
    ("What is Anthropic's profit?", ""),
    ("What did European regulators conclude about the Amazon-Anthropic deal?", "No article gives what European regulators said about that."),
    ("When was Anthropic established?", ""),
])
def test_what_no_article_says_is_not_answered_by_a_nearby_figure_or_name(seed_engine, question, note):
    got = seed_engine.ask(question)
    assert got.abstained and got.note == note


def test_money_put_in_at_once_is_the_figure_the_sentence_marks_so(seed_engine):
    # the fifty-first blind probe: "over $100 billion" of 000's "an immediate $5 billion capital injection and ... over
    # $100 billion toward Amazon Web Services"
    got = seed_engine.ask("How much is Amazon handing over right away?")
    assert got.text == "$5 billion" and got.citations[0].doc_id == SEED["000"]
    assert seed_engine.ask("When was Anthropic founded?").text == "2021"


def test_what_an_outlet_says_about_a_figure_is_its_sentence_whole(seed_engine):
    # the forty-eighth blind probe: "TNW", then "GPU" (a name in the outlet's sentence)
    got = seed_engine.ask("what does hamidun news say about the 5gw")
    assert got.text.startswith("The guaranteed 5 gigawatts removes one of the main operational risks")
    assert [c.doc_id for c in got.citations] == [SEED["004"]]


def test_a_claim_with_a_question_of_who_states_it_names_its_articles(seed_engine):
    # the forty-eighth blind probe: refused
    got = seed_engine.ask("draft says anthropic committed $100bn to aws — which articles back that?")
    assert {c.doc_id for c in got.citations} == {SEED["000"], SEED["001"], SEED["002"]}
    assert got.note.startswith("Checked as 'Which articles say Anthropic committed $100bn to AWS?'.")


def test_a_question_word_with_do_support_is_no_subject(seed_engine):
    # "the retailer" is no name: the subject the parse gives the $50 billion (Amazon) is not the lab asked for
    assert seed_engine.ask("Which rival lab did the retailer bankroll with roughly fifty billion dollars?").text != "Amazon"


def test_a_name_no_article_holds_is_not_answered_for(seed_engine):
    # twenty-fifth probe: "What did Amazon CEO Andy Jassy say ...?" was "part", of "as part of their latest deal"
    got = seed_engine.ask("What did Amazon CEO Andy Jassy say about the Anthropic deal?")
    assert got.abstained and got.note == "No article names Andy Jassy."
    assert seed_engine.ask("How much did Apple invest in Anthropic?").abstained
    # one letter off a name the articles hold is a typo of it, not an unknown name
    assert "No article names" not in seed_engine.ask("How much did Amazon invest in Anthropc?").note


def test_what_a_verb_of_giving_gives_its_indirect_object(seed_engine):
    # 004: "Amazon in turn guarantees the company access to computational capacity of up to 5 gigawatts" (was refused:
    # Anthropic was not read as the one that gets)
    got = seed_engine.ask("How many gigawatts of compute capacity does the deal give Anthropic?")
    assert got.text == "up to 5 gigawatts"
    assert got.citations[0].doc_id == SEED["004"]


def test_a_likeness_asked_by_its_noun(seed_engine):
    # 004: "To put this in scale: this is comparable to the power output of five large thermal power plants"
    got = seed_engine.ask("What power-station comparison is used to convey the scale of computing the cloud giant has guaranteed?")
    assert got.text == "the power output of five large thermal power plants"


@pytest.mark.parametrize(("question", "opening", "doc"), [
    # 004: "Second, tying Anthropic to Trainium chips stimulates scaling of Amazon's own semiconductor division ..." (was
    # the means "AWS Trainium chips ... as its primary computing base", of "commits to using AWS Trainium chips")
    ("How does committing Anthropic to Trainium chips benefit Amazon?", "stimulates scaling of Amazon's own semiconductor division", "004"),
    # 002: "Amazon's strategy focuses on partnering with leading external AI companies rather than building everything
    # internally" (was "partnering")
    ("How does Amazon's AI strategy differ from Google's?", "focuses on partnering with leading external AI companies rather than", "002"),
    # 004: "Unlike OpenAI, which bet on mass consumers through ChatGPT, Anthropic focuses on the enterprise segment ..."
    # (was "ChatGPT, Anthropic focuses on ...", cut after "through")
    # (the sentence that sets them against each other, whole: the hundred-and-twenty-third blind probe)
    ("How is Anthropic different from OpenAI?", "Unlike OpenAI, which bet on mass consumers through ChatGPT, Anthropic focuses on the enterprise segment", "004"),
])
def test_how_something_helps_or_differs(seed_engine, question, opening, doc):
    got = seed_engine.ask(question)
    assert got.text.startswith(opening)
    assert got.citations[0].doc_id == SEED[doc]


@pytest.mark.parametrize(("question", "answer"), [
    # 000: "Amazon's shares climbed nearly 3% in after-hours trading" (was "hours")
    ("How did Amazon stock do in extended trading?", "nearly 3%"),
    # 003: "That first commitment was followed by an additional $2.75 billion in early 2024" (was refused: "first"
    # against "second")
    ("How big was Amazon's second round of funding in early 2024?", "$2.75 billion"),
])
def test_twenty_sixth_probe_mends(seed_engine, question, answer):
    assert seed_engine.ask(question).text == answer


def test_a_share_move_no_article_gives_is_refused(seed_engine):
    # was the sentence on the main risk, which names NVIDIA
    assert seed_engine.ask("How did Nvidia's share price react?").abstained
    # a percent that is no price's move does not answer (was "a reported 49%", Microsoft's stake in OpenAI)
    assert seed_engine.ask("How did Microsoft's shares move after the Amazon-Anthropic news?").abstained


def test_twenty_seventh_probe_mends(seed_engine):
    # "straight away" asks the money paid now (was "total potential commitment to $33bn")
    assert seed_engine.ask("How much cash is Amazon putting in straight away?").text == "$5bn"


def test_a_year_asked_that_the_source_does_not_date_is_noted(seed_engine):
    # the fortieth blind probe: "a reported $2 billion" without a caveat; 003 is dated 2024 to 2025 and gives no year
    got = seed_engine.ask("How much did Google invest in Anthropic in 2025?")
    assert got.text == "a reported $2 billion"
    assert got.note == "The source does not date this to 2025; it is dated between January 2024 and December 2025."
    # a sentence that dates it, or an article of that year, needs no note
    assert seed_engine.ask("How much did Amazon add to its Anthropic investment in early 2024?").note == ""
    assert seed_engine.ask("What was Anthropic's annual revenue in 2026?").note == ""


@pytest.mark.parametrize("question", [
    # half true: a Yes holds every figure asked (the forty-third blind probe: "Yes" for the 51% stake no article gives)
    "Did Amazon invest $5 billion in Anthropic in exchange for a 51% stake?",
    # a Yes names where the money goes (the forty-second blind probe: "Yes" from a sentence that names no provider)
    "Will Anthropic spend $100 billion on Google Cloud?",
])
def test_a_yes_no_question_half_borne_out_is_no_yes(seed_engine, question):
    assert not seed_engine.ask(question).text.startswith("Yes")


@pytest.mark.parametrize(("question", "answer", "doc"), [
    # the sixtieth blind probe (a newcomer): what follows from a condition (was "rapid"; was "H100/B200")
    ("What happens if Anthropic's growth slows down?",
     "the long-dated purchase commitments become less valuable and Trainium adoption could be judged against "
     "better-established NVIDIA performance", "001"),
    ("What happens to NVIDIA if Trainium works well at scale?",
     "it puts pressure on NVIDIA’s implied monopoly rent at the margin and weakens the bargaining power of hyperscalers "
     "that are still overdependent on H100/B200 supply", "001"),
    # a length said in two plural units (was "thousands", the GPUs' count)
    ("How long does it take to train a large language model?", "weeks or months", "002"),
    # an author box under the name (was refused)
    ("Who is Mr Explorer?", "AI tools educator and creator of the Mr Explorer YouTube channel", "002"),
    # the long form asked twice is given once (was "Amazon Web Services; Amazon Web Services")
    ("What does AWS stand for and what is it?", "Amazon Web Services", "000"),
    # the sixty-fourth blind probe: "valued at" asks the valuation the claims key as "valuation"
    ("What is Anthropic valued at?", "approximately $60 billion", "003"),
    # the contrasted party's own product, asked of it by name (kept where the question capitalizes it)
    ("Which OpenAI product is cited as its consumer-facing play, in contrast with Anthropic?", "ChatGPT", "004"),
    # the sixty-first blind probe: the older side of a figure the sources disagree on (was refused)
    ("What did the older report say about Anthropic's yearly revenue run-rate?", "surpassing $1 billion", "003"),
])
def test_sixtieth_to_sixty_fourth_probe_mends(seed_engine, question, answer, doc):
    got = seed_engine.ask(question)
    assert (got.text, got.citations[0].doc_id[:3]) == (answer, doc)


@pytest.mark.parametrize(("sentence", "condition", "then"), [
    ("The main risk is execution: if Anthropic’s growth slows, the long-dated purchase commitments become less valuable.",
     "Anthropic's growth slows down", "the long-dated purchase commitments become less valuable"),
    ("If the water level drops, such that the temperature of the firebox crown increases significantly, the lead melts "
     "and the steam escapes, warning the operators.", "the water level of the boiler drops", "the lead melts and the steam escapes"),
    ("Prices would fall if demand slowed.", "demand slows", "Prices would fall"),
    ("If prices rise, demand falls.", "Anthropic's growth slows", None),  # another condition
])
def test_what_follows_from_a_condition(sentence, condition, then):
    from rag.answer_forms import consequence
    from rag.lexical import content_terms

    cut = consequence(sentence, frozenset(content_terms(condition)))
    assert (cut[2] if cut else None) == then


@pytest.mark.parametrize(("sentence", "span", "names", "written", "expected"), [
    ("Unlike OpenAI, which bet on mass consumers through ChatGPT, Anthropic focuses on the enterprise segment.",
     "ChatGPT", {"anthrop"}, set(), True),
    ("Unlike OpenAI, which bet on mass consumers through ChatGPT, Anthropic focuses on the enterprise segment.",
     "ChatGPT", {"anthrop"}, {"openai"}, False),  # "Which OpenAI product ...?"
    ("Unlike OpenAI, which bet on mass consumers through ChatGPT, Anthropic focuses on the enterprise segment.",
     "enterprise segment", {"anthrop"}, set(), False),  # outside the contrast
])
def test_a_span_in_a_phrase_set_against_the_question_names_is_the_other_partys(sentence, span, names, written, expected):
    from rag.answer_forms import of_the_contrasted

    start = sentence.index(span)
    assert of_the_contrasted(sentence, start, start + len(span), frozenset(names), frozenset(written)) is expected


@pytest.mark.parametrize(("question", "answer", "doc"), [
    # the sixty-ninth blind probe: a question that names its article is answered from that article alone (was refused,
    # or answered with the newer figure of another article)
    ("What does article 001 say is the key catalyst to watch over the next 6 to 18 months?", "6-18 months", "001"),
    ("For how long does article 003 say the funding model question will shape the AI industry?", "next decade", "003"),
    ("When was Amazon's $4 billion commitment to Anthropic announced, according to article 002?", "September 2023", "002"),
    ("Which regulators were examining Big Tech AI investments, according to the $8 billion article?",
     "FTC and European Commission", "003"),
    ("What chip generation was rolling out across AWS data centers at the time of the $8 billion article?", "Trainium 2", "003"),
    ("According to the article reporting the $4 billion addition, what is Amazon's total investment in Anthropic?",
     "$8 billion", "003"),
    # the seventieth: which of two named articles is newer, by the time the index knows for each
    ("Is article 003 or article 004 the more recent one?",
     "Amazon to invest another $25 billion in Anthropic and lock in a 10-year AWS contract (February 2026 or later: "
     "names events as late as February 2026)", "004"),
    # a less exclusive relationship is no more exclusive one (was Yes)
    ("Is it true that Google has a more exclusive relationship with Anthropic than Amazon?",
     "No: Google has poured billions into its internal DeepMind division and made a reported $2 billion investment in "
     "Anthropic as well, though that relationship is less exclusive than Amazon's.", "003"),
    # the phrase the class noun asked for heads (was "Azure")
    ("What exclusive rights did Microsoft secure from its OpenAI investment?", "exclusive cloud computing rights", "003"),
])
def test_sixty_ninth_and_seventieth_probe_mends(seed_engine, question, answer, doc):
    got = seed_engine.ask(question)
    assert (got.text, got.citations[0].doc_id[:3], len(got.citations)) == (answer, doc, 1)


def test_a_named_articles_own_figure_leads_and_a_newer_one_is_noted(seed_engine):
    got = seed_engine.ask("According to article 003, how much is Anthropic's revenue?")
    assert got.text == "surpassing $1 billion"
    assert "A newer article gives $30 billion" in got.note


@pytest.mark.parametrize("question", [
    "How many Amazon employees will work at Anthropic under the deal?",  # not "two" of "in two months"
    "What is Amazon's Trainium4 chip's release date?",  # not "next-generation"
])
def test_what_no_article_says_is_not_answered_by_a_count_of_time_or_a_word_of_no_date(seed_engine, question):
    assert seed_engine.ask(question).abstained


@pytest.mark.parametrize(("question", "answer"), [
    # the seventy-first blind probe: a side that ends in what is done to it asks how much each is (was refused)
    ("Is Anthropic valued higher than OpenAI?", "No: Anthropic: approximately $60 billion; OpenAI: approximately $150 billion"),
    ("How far apart were the OpenAI and Anthropic mega-investments?", "two months"),
    # the seventy-second: a lower-case name after a title ("CEO Dario Amodei") is recased, and asked as a speaker
    ("who is dario amodei?", "CEO"),
])
def test_seventy_first_and_seventy_second_probe_mends(seed_engine, question, answer):
    assert seed_engine.ask(question).text == answer


@pytest.mark.parametrize("question", [
    "what did dario amodei say about the deal?",  # no words of his about the deal (was "CEO")
    "which tnw reporter wrote the original story",  # the credit line names the outlet only (was "TNW")
])
def test_a_speaker_or_writer_no_article_names_is_refused(seed_engine, question):
    assert seed_engine.ask(question).abstained


@pytest.mark.parametrize(("question", "answer"), [
    # the seventy-sixth blind probe: a figure the sentence bounds ("up to another $20bn") is no sure one (was Yes)
    ("Is the extra $20bn guaranteed?", "No: Amazon will invest $5bn in Anthropic, with up to another $20bn tied to "
     "commercial milestones, lifting its total potential commitment to $33bn including prior funding."),
    # a sentence that calls it sure itself says Yes
    ("Is Anthropic guaranteed 5 gigawatts?",
     "Yes: Amazon in turn guarantees the company access to computational capacity of up to 5 gigawatts."),
    # the author's own article is their words, whether or not its sentences name them (was refused)
    ("What did Mr Explorer say about circular investment?",
     "It's called circular because Amazon's $5 billion investment flows back to the company through Anthropic's "
     "guaranteed $100 billion in AWS purchases, creating a 20:1 return ratio over time."),
])
def test_seventy_fifth_and_seventy_sixth_probe_mends(seed_engine, question, answer):
    assert seed_engine.ask(question).text == answer


def test_what_a_source_names_as_the_main_risk(seed_engine):
    # the seventy-seventh blind probe (was "Anthropic")
    got = seed_engine.ask("What does the analysis name as the main risk of the deal?")
    assert (got.text.split(":")[0], got.citations[0].doc_id[:3]) == ("execution", "001")


@pytest.mark.parametrize(("question", "word", "doc"), [
    # the seventy-fourth blind probe: a figure asked exactly is not borne out by one said "more than" or "up to"
    ("Will Anthropic spend exactly $100 billion on AWS?", "No", "001"),
    ("Is Amazon investing exactly $25 billion?", "No", "004"),
    ("Is Amazon's new investment exactly $5 billion?", "Yes", "002"),
])
def test_a_figure_asked_exactly_is_no_where_an_article_hedges_it(seed_engine, question, word, doc):
    got = seed_engine.ask(question)
    assert (got.text.split(":")[0], got.citations[0].doc_id) == (word, SEED[doc])


def test_exactly_is_no_where_the_sentence_hedges_the_figure():
    sentence = "Anthropic also plans to spend more than $100bn over the next decade on AWS technologies."
    figures = parse_figures("Will Anthropic spend exactly $100 billion?")
    terms = frozenset({"spend"})
    assert answer_forms.yes_no(sentence, terms, figures)[2].startswith("Yes")
    assert answer_forms.yes_no(sentence, terms, figures, exact=True)[2].startswith("No")
    assert answer_forms.yes_no("Anthropic will spend $100 billion.", terms, figures, exact=True)[2].startswith("Yes")


@pytest.mark.parametrize(("question", "answer", "doc", "other"), [
    # the seventy-ninth blind probe: a generation named where the question's act is said leads over a newer one named
    # where it is not ("switching to Trainium chips up to the Trainium4")
    ("Which Trainium generation is described as rolling out across AWS data centers?", "Trainium 2", "003", "Trainium4"),
    # a name that only describes the thing asked: its generation, not the name beside it ("AWS" of "AWS Trainium")
    ("Which Trainium chip will Anthropic use?", "Trainium4", "004", "Trainium 2"),
    ("Which Claude model is said to match or beat GPT-4o on several benchmarks?", "Claude 3.5 Sonnet", "003", None),
])
def test_a_generation_leads_where_the_question_is_said_of_it(seed_engine, question, answer, doc, other):
    got = seed_engine.ask(question)
    assert (got.text, got.citations[0].doc_id) == (answer, SEED[doc])
    assert [c.text for c in got.conflicts] == ([other] if other else [])


@pytest.mark.parametrize(("question", "answer", "doc"), [
    # the seventy-ninth blind probe: an article named by its title, quoted (was refused)
    ("How many views does the 'Amazon Pours $4B More' page show?", "7", "003"),
    ('According to the article titled "Amazon commits up to $25bn investment", what is the main risk?',
     "execution: if Anthropic’s growth slows, the long-dated purchase commitments become less valuable and Trainium "
     "adoption could be judged against better-established NVIDIA performance", "001"),
])
def test_an_article_named_by_its_quoted_title_answers_alone(seed_engine, question, answer, doc):
    got = seed_engine.ask(question)
    assert (got.text, [c.doc_id for c in got.citations]) == (answer, [SEED[doc]])
    assert got.note.startswith("From the ")


def test_a_quoted_title_no_article_has_names_none(seed_engine):
    from rag.named_articles import named_articles

    assert named_articles(seed_engine.data, "What does the 'Google Buys OpenAI' piece say?") is None


def test_a_floor_is_no_ceiling_and_a_ceiling_no_floor():
    sentence = "Anthropic also plans to spend more than $100bn over the next decade, while securing up to 5GW of chips."
    up_to = parse_figures("Will Anthropic spend up to $100bn?")
    assert answer_forms.yes_no(sentence, frozenset({"spend"}), up_to)[2].startswith("No")
    at_least = parse_figures("Does Anthropic secure at least 5GW?")
    compared = answer_forms.compared_figures("Does Anthropic secure at least 5GW?", at_least)
    assert answer_forms.yes_no(sentence, frozenset({"secur"}), at_least, compared=compared)[2].startswith("No")
    assert answer_forms.yes_no("Anthropic secures 6GW of chips.", frozenset({"secur"}), at_least, compared=compared)[2].startswith("Yes")


def test_a_count_joined_to_another_noun_counts_that_noun(seed_engine):
    # the eighty-second blind probe: "a 200,000-token context window" counts tokens, not customers
    assert seed_engine.ask("how many customers does Claude have?").abstained
    assert seed_engine.ask("How many tokens is Claude's context window?").text == "200,000-token"


@pytest.mark.parametrize(("question", "answer", "doc"), [
    # the eighty-sixth blind probe (false premises): a reason given for what the articles say did not happen
    ("Why did Amazon pay $25 billion in cash upfront to Anthropic?", "No: Amazon will invest up to $25 billion in Anthropic", "004"),
    ("Why is Anthropic spending $100 billion on Google Cloud?", "No: Anthropic has pledged to spend $100 billion on Amazon Web Services", "002"),
    ("Why did Amazon's shares fall after the Anthropic announcement?", "No: Following the announcement, Amazon’s shares climbed nearly 3%", "000"),
    # (refused: the year drew sentences dated 2023)
    ("Was Anthropic founded in 2023?", "No: This latest investment round reportedly values Anthropic", "003"),
])
def test_a_false_premise_is_answered_with_what_the_articles_say(seed_engine, question, answer, doc):
    got = seed_engine.ask(question)
    assert got.text.startswith(answer) and got.citations[0].doc_id == SEED[doc]


def test_a_why_question_whose_premise_holds_is_answered_with_its_reason(seed_engine):
    got = seed_engine.ask("Why is the Amazon-Anthropic arrangement described as a circular investment?")
    assert got.text.startswith("because Amazon's $5 billion investment flows back to the company")
    assert seed_engine.ask("Why did Amazon's shares climb?").text == "investor confidence in this intensified collaboration"


@pytest.mark.parametrize(("question", "maker"), [
    # the eighty-fifth blind probe: "Amazon Bedrock" (the service Claude is sold through)
    ("Which company makes Claude?", "Anthropic"),
    ("Who makes ChatGPT?", "OpenAI"),
    ("Which company makes Llama?", "Meta"),
])
def test_the_company_that_makes_a_product_is_the_owner_the_articles_write_for_it(seed_engine, question, maker):
    got = seed_engine.ask(question)
    assert got.text == maker and maker in got.citations[0].quote


@pytest.mark.parametrize(("question", "answer"), [
    # the eighty-fifth blind probe: an ordinal asked that the sentence gives otherwise (was "Yes")
    ("Is this Amazon's first mega-investment in an AI lab in recent months?", "No: The new deal marks the second major mega-investment"),
    ("Is the new deal Amazon's second major mega-investment in an AI lab?", "Yes: The new deal marks the second major mega-investment"),
    ("Does the $4bn piece say Amazon's $8bn puts it first among external AI investors?",
     "No: Amazon's $8 billion total investment puts it firmly in second place behind Microsoft"),
    # the eighty-sixth blind probe: a role given to a name in apposition is asked whether it holds (was refused)
    ("Who is Anthropic's CEO, Daniela Amodei?", "No: This structure appeals to Anthropic's leadership, including CEO Dario Amodei"),
])
def test_an_ordinal_or_a_role_asked_is_checked(seed_engine, question, answer):
    assert seed_engine.ask(question).text.startswith(answer)


def test_ordinals_in():
    assert answer_forms.ordinals_in("The second major mega-investment, after the First") == frozenset({"second", "first"})
    assert answer_forms.ordinals_in("one of the largest") == frozenset()


@pytest.mark.parametrize(("question", "word", "doc", "sentence_part"), [
    # the eighty-eighth blind probe's checks: the opposite word under a negation, a figure's "of", a list of givers,
    # keeping for giving up
    ("Does Amazon own a majority of Anthropic?", "No", "003", "does not acquire a controlling stake"),
    ("Does the deal cover 5 GW of capacity?", "Yes", "004", "up to 5 gigawatts"),
    ("Is Salesforce an investor in Anthropic?", "Yes", "003", "investments from Google, Salesforce"),
    ("Will Anthropic give up its independence under the deal?", "No", "004", "retains its status as an independent lab"),
    # the eighty-seventh: the article states the figure asked in another sentence than one of figures added to it
    ("Was the first investment $1.25 billion?", "Yes", "003", "initial $1.25 billion investment"),
    ("Was Amazon's initial investment in Anthropic $2.75 billion?", "No", "003", "initial $1.25 billion investment"),
])
def test_yes_no_checks_of_the_blind_probes(seed_engine, question, word, doc, sentence_part):
    got = seed_engine.ask(question)
    assert got.text.startswith(f"{word}: ") and sentence_part in got.text
    assert got.citations[0].doc_id == SEED[doc]


def test_the_name_a_question_asks_of_what_its_owner_owns(seed_engine):
    # the eighty-fifth blind probe: "Anthropic's Claude models", not "ChatGPT" of a sentence that contrasts OpenAI
    assert seed_engine.ask("What is the name of Anthropic's AI model?").text == "Claude"


@pytest.mark.parametrize(("question", "currency"), [
    ("What is the deal worth in euros?", "euros"),
    ("How much did Amazon invest, in pounds?", "pounds"),
])
def test_a_figure_asked_in_another_currency_is_refused_with_the_one_the_articles_give(seed_engine, question, currency):
    # the ninetieth blind probe: no article converts dollars; the answer is not the dollar figure as if it were euros
    got = seed_engine.ask(question)
    assert got.abstained and got.note.startswith(f"No article gives it in {currency}; the nearest gives $")


def test_a_name_the_articles_write_as_another_owners_is_no_answer_for_the_owner_asked(seed_engine):
    # the ninetieth and ninety-first blind probes: "Which Nvidia chips are mentioned?" was "Trainium", Amazon's
    # (the hundred-and-twentieth and hundred-and-twenty-second: refused, where 001 names Nvidia's "H100/B200")
    got = seed_engine.ask("Which Nvidia chips are mentioned?")
    assert got.text == "H100/B200" and got.citations[0].doc_id == SEED["001"]
    got = seed_engine.ask("Which Google chips are mentioned?")
    assert got.abstained and got.note == "The articles write Trainium as Amazon's."
    assert seed_engine.ask("Which Amazon chips will Anthropic use?").text == "Trainium"
    assert seed_engine.ask("Which AI lab is Microsoft's main partner?").text == "OpenAI"  # "AI" names no owner


@pytest.mark.parametrize(("question", "word"), [
    ("Doesn't Amazon have a board seat?", "No"),  # asked as whether it has one
    ("Wasn't the first investment $1.25 billion?", "Yes"),
])
def test_a_negated_auxiliary_asks_whether_the_thing_holds(seed_engine, question, word):
    assert seed_engine.ask(question).text.startswith(f"{word}: ")


def test_a_generation_no_article_names_is_answered_by_the_one_they_do(seed_engine):
    # the ninety-first blind probe: "Is Trainium3 ...?" was refused where the articles name Trainium4
    got = seed_engine.ask("Will Anthropic use Trainium3 chips?")
    assert got.text.startswith("No: ") and "Trainium4" in got.text and got.citations[0].doc_id == SEED["004"]
    assert seed_engine.ask("Will Anthropic use Trainium4 chips?").text.startswith("Yes: ")


def test_a_comparison_made_by_contrast_answers_a_comparing_yes_no(seed_engine):
    # the ninety-second blind probe: "Unlike Microsoft's arrangement ..., Amazon's deal ... a more traditional investment"
    got = seed_engine.ask("Amazon's deal is a more traditional investment than Microsoft's — right?")
    assert got.text.startswith("Yes: Unlike Microsoft's arrangement with OpenAI") and got.citations[0].doc_id == SEED["003"]


@pytest.mark.parametrize(("question", "word", "note"), [
    # the ninety-fourth blind probe: a label's figure said as a ceiling is Yes with the ceiling told; the valuation a
    # sentence gives its subject, though another figure stands beside the word's second mention
    ("Label: 'Amazon → Anthropic: $25bn'. OK?", "Yes", 'The article gives it as a ceiling: "up to $25bn".'),
    ("Label: 'OpenAI valuation: $150bn'. OK?", "Yes", ""),
    ("Label: 'Anthropic revenue: $1bn'. Can I use that?", "No", ""),
])
def test_a_chart_label_is_checked_as_its_claim(seed_engine, question, word, note):
    got = seed_engine.ask(question)
    assert got.text.startswith(f"{word}: ")
    assert note in got.note


@pytest.mark.parametrize(("question", "answer"), [
    # the hundred-and-fifth to hundred-and-seventh blind probes: a date given to money added is not the first's (was
    # "early 2024", of "That first commitment was followed by an additional $2.75 billion in early 2024")
    ("When was the first investment made?", "September 2023"),
    ("When was the additional investment made?", "early 2024"),
    # a name before an investment into another is the investor (was Amazon's $8 billion)
    ("Google investment in Anthropic?", "a reported $2 billion"),
    # a product asked what it is called (was refused, "AI")
    ("What is Anthropic's AI model called?", "Claude"),
    ("What's the AWS service called that lets companies use Claude?", "Amazon Bedrock"),
    # where a thing is that no article speaks of (was "Amazon Web Services")
    ("Where is Anthropic's headquarters?", ""),
    # a name a sentence gives "its" of the name it opens with ("Google has poured billions into its internal DeepMind
    # division"; was "OpenAI" once asked for its name)
    ("What is Google's internal AI division called?", "DeepMind"),
    # money on a condition is a ceiling, asked as a portion of an investment (was "$33bn")
    ("Milestone-linked portion of Amazon's investment?", "up to another $20bn"),
    # keywords that close on the unit asked (was "key")
    ("Catalyst window for AWS growth, months?", "6-18 months"),
    # the hundred-and-fifth and hundred-and-tenth blind probes (a lawyer, a podcast host): measures no article gives a
    # figure of (were "nearly 3%", a share-price move; "$5bn", the investment; "$5 billion", a "capital injection")
    ("What percentage equity stake will Amazon hold after the $25bn investment?", ""),
    ("What post-money valuation does the $25bn investment imply for Anthropic?", ""),
    ("What was Amazon's market capitalization after the stock move?", ""),
    # the hundred-and-eleventh blind probe (a graphics editor): "potential" is no measure, and "prior funding" counted in
    # is no time before one the question places its answer after (was refused)
    ("Including earlier funding, what is Amazon's total potential commitment to Anthropic after the $25bn deal?",
     "total potential commitment to $33bn"),
    # five probes: the members of a class the articles name only in general ("tied to commercial milestones")
    ("Which specific commercial milestones unlock the additional $20bn?", ""),
    ("Which specific chips will Anthropic use?", "AWS Trainium"),
])
def test_the_hundred_and_fifth_to_tenth_probes(seed_engine, question, answer):
    got = seed_engine.ask(question)
    assert got.text == answer and got.abstained == (not answer)


@pytest.mark.parametrize(("question", "answer"), [
    # the hundred-and-twelfth blind probe (a media researcher): a question asked of an article named by its age is
    # answered from the oldest (newest) article among those its answer cites or sets against it (were Yes from the
    # newer articles)
    ("Does the older article say Anthropic's revenue is $30 billion?", "No: Anthropic's annual revenue has also grown dramatically"),
    ("According to the older article, is Anthropic's revenue $30 billion?", "No: Anthropic's annual revenue has also grown dramatically"),
    ("According to the oldest article, how much has Amazon invested in total?", "$8 billion"),
])
def test_a_question_asked_of_an_article_by_its_age(seed_engine, question, answer):
    got = seed_engine.ask(question)
    assert got.text.startswith(answer) and {c.doc_id[:3] for c in got.citations} == {"003"}


@pytest.mark.parametrize(("question", "answer", "first_cited"), [
    # the hundred-and-fifteenth to hundred-and-twentieth blind probes (a student, an auditor, an investor, a sub-editor,
    # a reader whose English is not native): a total asked of no time is today's, and the older total is shown set
    # against it (were "Yes", from the older article)
    ("is it true amazon put in 8bn total?", "No: Amazon will invest $5bn in Anthropic", "001"),
    ("Is true that Amazon invested 8 billions in total?", "No: Amazon will invest $5bn in Anthropic", "001"),
    # a figure asked to be the whole, where its sentence adds more after it (was "Yes")
    ("is 5bn all the new money?", "No: Amazon will invest $5bn in Anthropic, with up to another $20bn", "001"),
    # power no article gives, where a sentence gives Anthropic's (was refused, the near sentences of a "10-year" deal)
    ("Does Anthropic get 10 gigawatts?", "No: Anthropic also plans to spend more than $100bn", "001"),
    ("Is true that Anthropic is valued 150 billions?", "No: This latest investment round reportedly values Anthropic", "003"),
    # a source asked to put a figure at a value (was "$8 billion", Amazon's backing)
    ("Does any source put Anthropic's revenue at $1 billion?", "Yes: Amazon Pours $4B More Into Anthropic Deal", "003"),
    # an article named by a headline it ran (was refused)
    ("Which publication ran the headline 'Amazon Invests $5B in Anthropic for $100B AWS Deal'?", "AI Business", "002"),
    # whether a figure only the older article gives is current: neither Yes nor No (was "Yes")
    ("Anthropic is valued at $60bn — is that still current?", "Not confirmed: This latest", "003"),
    ("Is the $60 billion valuation out of date?", "Not confirmed: This latest", "003"),
    # the hundred-and-twenty-first blind probe (a regulation reporter): a figure that names the deal a question is
    # placed after is not what it asks (was "Yes" from "... up to $25 billion ... a 10-year contract to use AWS")
    ("Does Anthropic remain an independent lab after the $25 billion deal?", "Yes: At the same time, Anthropic formally retains", "004"),
    # keywords (were asked "Does Amazon share reaction?" and "Did Chinese companies mention?", refused)
    ("amazon shares reaction", "nearly 3%", "000"),
    ("chinese companies mentioned", "Kunlun Wanwei and Nine United", "000"),
])
def test_the_hundred_and_fifteenth_to_twentieth_probes(seed_engine, question, answer, first_cited):
    got = seed_engine.ask(question)
    assert got.text.startswith(answer) and got.citations[0].doc_id == SEED[first_cited]


@pytest.mark.parametrize("question", [
    # the hundred-and-twentieth and hundred-and-twenty-first blind probes: what no article says (were "approximately
    # $13 billion", Microsoft's money in OpenAI; "Amazon Web Services"; "Yes", from "... compete with OpenAI and Google")
    "How much Microsoft invests in Anthropic?",
    "Where is the headquarter of Anthropic?",
    "Does Google have a board seat at Anthropic?",
    # the hundred-and-eighteenth: "billions", of "Google has poured billions into ...", is money, no count
    "How many TPUs has Google agreed to supply Anthropic?",
])
def test_what_no_article_says_is_refused_however_asked(seed_engine, question):
    assert seed_engine.ask(question).abstained


def test_a_yes_from_the_older_article_shows_the_newer_figure_set_against_it(seed_engine):
    # the hundred-and-fifteenth blind probe: the Yes from 003 showed no disagreeing source, only a note
    got = seed_engine.ask("Did Anthropic's recurring revenue pass $1 billion?")
    assert got.text.startswith("Yes: ") and got.citations[0].doc_id == SEED["003"]
    assert {c.text for c in got.conflicts} == {"$30 billion"} and {c.doc_id for c in got.conflicts} == {SEED["000"], SEED["004"]}


def test_a_heading_that_names_what_is_asked_is_answered_by_the_line_under_it(seed_engine):
    # the hundred-and-eighteenth blind probe (a rivals' reporter): "Google Strategy", 002's heading, was the answer
    got = seed_engine.ask("What is Google's AI strategy?")
    assert got.text == "Internal AI development with Gemini powering both cloud and consumer services"
    assert got.citations[0].doc_id == SEED["002"]


@pytest.mark.parametrize(("question", "answer"), [
    # the hundred-and-nineteenth blind probe (a sub-editor): a relative clause said of every name of a list (was the
    # last name alone); a role asked is one person's
    ("Who has emphasized the importance of Anthropic maintaining its independence?", "CEO Dario Amodei and President Daniela Amodei"),
    ("Who is Anthropic's president?", "Daniela Amodei"),
    # the hundred-and-eighteenth (a rivals' reporter): the names that do the act, but the one set aside (was "Runway",
    # of "the financial Runway to invest")
    ("Besides Amazon, who has invested in Anthropic?", "Google, Salesforce"),
])
def test_the_names_a_sentence_says_the_act_of(seed_engine, question, answer):
    got = seed_engine.ask(question)
    assert got.text == answer and got.citations[0].doc_id == SEED["003"]


@pytest.mark.parametrize(("question", "answer", "first_cited"), [
    # the hundred-and-twenty-second blind probe (a TV producer): script lines (were refused), a question placed at the
    # time it is asked (was refused: "now" drew "... now reaches $8 billion"), owning "most of" a company
    ("Script: 'Amazon now owns a majority of Anthropic.' OK to say?", "No: Amazon does not acquire a controlling stake", "003"),
    ("Script: 'Amazon's total investment in Anthropic is $8 billion.' OK to say?", "No: Amazon will invest $5bn in Anthropic", "001"),
    ("Does Amazon own most of Anthropic?", "No: Amazon does not acquire a controlling stake", "003"),
    # the hundred-and-twenty-first (a regulation reporter): the sole use asked in other words than the article's ("its
    # primary compute", "as its primary computing base"; was refused)
    ("Will Anthropic use Nvidia chips as its primary compute under the new deal?", "No: Under the partnership terms, Anthropic commits to using AWS Trainium", "004"),
    # the hundred-and-twenty-third (a case-study writer): how names differ, from the sentence that sets them against each
    # other (was "Google", of another sentence)
    ("How does Anthropic's market focus differ from OpenAI's?", "Unlike OpenAI, which bet on mass consumers through ChatGPT, Anthropic focuses", "004"),
    # the hundred-and-twenty-second (a TV producer): a title run, with no noun before it; the describer's own product
    # where the nearest name is another's (were refused)
    ("Which publication ran 'Amazon Invests $5B in Anthropic for $100B AWS Deal'?", "AI Business", "002"),
    ("Which NVIDIA chips are mentioned?", "H100/B200", "001"),
])
def test_the_hundred_and_twenty_second_and_third_probes(seed_engine, question, answer, first_cited):
    got = seed_engine.ask(question)
    assert got.text.startswith(answer) and got.citations[0].doc_id == SEED[first_cited]


@pytest.mark.parametrize(("question", "start", "note"), [
    # the hundred-and-twenty-fourth blind probe (a false-premise trainer): a reason for what no article says was done
    # (were a stray clause of a sentence sharing the names), and a span of time the articles give otherwise
    ("Why did Amazon buy Anthropic outright?", "", "The question assumes what no article says: asked as 'Did Amazon buy Anthropic outright?'."),
    ("Why did the FTC block Amazon's investment in Anthropic?", "", "The question assumes what no article says"),
    ("Why did Amazon sign only a two-year AWS contract with Anthropic?", "No: Amazon will invest up to $25 billion in Anthropic in exchange for a 10-year contract",
     "The question assumes what the articles do not say"),
])
def test_a_reason_asked_for_what_the_articles_do_not_say_was_done(seed_engine, question, start, note):
    got = seed_engine.ask(question)
    assert got.text.startswith(start) and got.abstained == (not start) and got.note.startswith(note)


def test_what_a_round_brought_a_total_to_is_money(seed_engine):
    # the hundred-and-twenty-fifth blind probe (an energy reporter): the whole sentence, read as what the $4 billion is
    got = seed_engine.ask("What did the $4 billion round bring Amazon's total investment in Anthropic to?")
    assert got.text == "$8 billion" and got.citations[0].doc_id == SEED["003"]


def test_what_a_qualified_figure_lets_happen_is_said_by_the_sentence_that_states_it(seed_engine):
    # the hundred-and-twenty-fifth blind probe (an energy reporter): refused, read as asking for a power figure
    got = seed_engine.ask("What does the guaranteed 5 gigawatts allow Anthropic to do?")
    assert got.text.startswith("The guaranteed 5 gigawatts removes one of the main operational risks") and got.citations[0].doc_id == SEED["004"]


def test_a_yes_to_a_numbered_name_says_that_number(seed_engine):
    # the hundred-and-twenty-fifth blind probe: "Yes", from "... Amazon's custom Trainium chips" beside the sentence
    # that names Trainium 2 rolling out
    assert not seed_engine.ask("Is it true Anthropic is committing to Trainium 2 chips?").text.startswith("Yes")
    got = seed_engine.ask("Are Trainium 2 chips rolling out across AWS data centers?")
    assert got.text.startswith("Yes: As Trainium 2 chips roll out") and got.citations[0].doc_id == SEED["003"]
