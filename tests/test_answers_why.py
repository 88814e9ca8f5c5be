"""Every example quoted under "Why" in the answers issue, on the seed corpus, with the right outcome."""

import pytest

from tests.conftest import SEED


@pytest.mark.parametrize(
    "question",
    [
        "Who is the CEO of Amazon?",  # was "Dario Amodei", Anthropic's CEO
        "What is Google's stake in Anthropic?",  # was "a reported 49%", Microsoft's stake in OpenAI
        "Who is Amazon's chief executive?",  # was "Anthropic", named in a sentence without the role
        "Who is the chief executive of Amazon Web Services?",  # was "Anthropic"
        "Who founded Anthropic?",  # was the sentence "... a company founded only in 2021", which names nobody
        "Who is Amazon's CEO?",  # was "Dario Amodei": "Amazon's CEO" was read as one name, "Amazon CEO"
        "How much did Amazon invest in Anthropic in 2022?",  # was "$5 billion", undated in articles of 2026
        "What was Anthropic's revenue in 2020?",  # was "surpassing $1 billion", undated in an article of 2024-2025
        "What is xAI's latest valuation?",  # was "$6 billion", Mistral's: "xAI" was not read as a name
        "At what price did Amazon stock trade after the deal?",  # was an investment figure: no article gives a price
        # was "over $30 billion", Meta's own yearly spending, after a sentence on Google's investment in Anthropic
        "How much has Meta invested in Anthropic?",
        "Who runs Amazon Web Services as its CEO?",  # was "Dario Amodei", of "Anthropic's leadership, including CEO ..."
        # was "Yes: ... rather than only through model tokens": "only" there is of another thing; no sentence says
        # Claude is reached through AWS alone
        "Can Claude only be accessed through AWS?",
        # was "a reported $2 billion", money Google put in: a name that gets is not answered by what it gives
        "How much will Google get?",
        # was "Anthropic": 003 names him beside "emphasized ...", but gives no words of his about the deal
        "What did Dario Amodei say about the new Amazon deal?",
        # was "Yes: ... back to Amazon's most profitable division": the division is Amazon's
        "Is Anthropic profitable?",
        # was "$30 billion", the revenue it has reached: no article gives a forecast
        "What revenue does Anthropic project for 2027?",
        # the sixtieth blind probe: was "AWS" of "across AWS data centers", no US state; "Amazon" is no city
        "Which US state will the new data centers for Anthropic be built in?",
        "In which city is the office of Anthropic?",
        # the sixty-second blind probe: was "Yes" of a sentence that gives their titles; no article says "siblings"
        "Are Dario Amodei and Daniela Amodei siblings?",
        # the sixty-fourth blind probe (a table of companies): was Meta's yearly spending, Google's investment (no
        # article values either); was "Yes" of Microsoft's stake in OpenAI, set against Amazon's deal with Anthropic
        # ("What is the name of Anthropic's AI model?", once refused here rather than "ChatGPT", is now answered
        # "Claude": test_answering)
        "What is Meta valued at?",
        "What is Google valued at?",
        "Does Microsoft own a stake in Anthropic?",
        # the sixty-third blind probe (numbers in odd forms): was "No" of the $100 billion spending commitment beside
        # the $5 billion
        "Is Amazon investing less than $30 billion in this deal?",
        # the sixty-sixth blind probe: was "Yes" of "one of the most significant ... deals in the industry's history"
        "Is this the largest AI partnership deal in history?",
        # the ninety-second blind probe: was "Yes" of "Amazon does not acquire a controlling stake" and of the $100
        # billion pledge; no article speaks of a veto
        "Does Amazon get veto rights?",
        "Does Amazon get veto rights over Anthropic's decisions?",
        # the seventy-seventh blind probe: was 001's market impact score, given for the Amazon item
        "What market impact score was assigned to the news of Microsoft's OpenAI investment?",
        # the ninety-ninth blind probe (a sceptical reader): was "Yes" of "Anthropic has the resources to compete"; no
        # article speaks of an IPO. Was "two months" (two mega-investments in two months) and then "for years"
        "will anthropic IPO?",
        "How long is the AWS deal?",
        # was "September 2023", the date of a $4 billion commitment the sentence calls previous; and "February 2026", the
        # date of Amazon's OpenAI investment (no article dates the deal)
        "when was this deal announced",
        "When was the $25 billion deal announced?",
        # the hundred-and-second blind probe: was "Yes" of "without worrying about GPU cluster availability"
        "Is true that Anthropic must use Nvidia GPU in this deal?",
        # the hundred-and-third blind probe: was "Yes" of "up to another $20bn tied to commercial milestones"
        "Line check: 'Up to $20bn of the new money is tied to regulatory approval' — correct?",
        # the hundred-and-fourth blind probe (a policy researcher): was the heading "Why AWS Stands to Gain the Most",
        # and "best path" (no article gives a market share)
        "Why does AWS stand to gain the most from the investment?",
        "What is Anthropic's market share in enterprise AI?",
        # the hundred-and-first blind probe: "a 20:1 return ratio" is of $5 billion against $100 billion, no ratio of
        # the $25 billion (refused at 18070b3; "20:1" once a ratio was named in any words)
        "What multiple of the $25 billion investment is the $100 billion AWS pledge?",
    ],
)
def test_questions_the_articles_cannot_answer_abstain(seed_engine, question):
    got = seed_engine.ask(question)
    assert got.abstained and got.text == "" and got.citations == ()


def test_a_person_asked_for_by_role_is_named_with_the_role(seed_engine):
    assert seed_engine.ask("Who is Anthropic's chief executive?").text == "Dario Amodei"
    assert seed_engine.ask("Who is the president of Anthropic?").text == "Daniela Amodei"


def test_a_valuation_is_bound_to_its_company(seed_engine):
    assert seed_engine.ask("What is OpenAI's valuation?").figure.value == 150e9
    assert seed_engine.ask("What is Mistral AI's valuation?").figure.value == 6e9


def test_a_figure_is_bound_to_the_subject_asked_about(seed_engine):
    got = seed_engine.ask("How much has Amazon invested in OpenAI?")  # not Microsoft's $13 billion
    assert got.figure.value == 50e9 and got.citations[0].doc_id == SEED["004"]


def test_yes_no_from_the_sentence_polarity(seed_engine):
    got = seed_engine.ask("Does Amazon get a board seat?")  # was "AI"
    assert got.text.startswith("No: ") and "does not have a board seat" in got.text
    assert got.citations[0].doc_id == SEED["003"]


def test_why_is_answered_with_the_reason_clause(seed_engine):
    got = seed_engine.ask("Why is the deal called circular?")  # was "$5 billion"
    assert got.text.startswith("because Amazon's $5 billion investment flows back")
    assert got.citations[0].doc_id == SEED["002"]


def test_what_is_the_x_from_a_copular_sentence(seed_engine):
    got = seed_engine.ask("What are the risks of the deal?")  # abstained although 001 says "The main risk is execution"
    assert got.text.startswith("execution: if Anthropic’s growth slows, the long-dated purchase commitments become less valuable")
    assert got.citations[0].doc_id == SEED["001"]


def test_a_list_answer_keeps_both_companies(seed_engine):
    got = seed_engine.ask("Which rivals does the partnership position Amazon against?")
    assert got.text == "Google and Microsoft"


def test_who_said_that_means_the_previous_answers_sources(seed_engine):
    previous = "What is Anthropic's annual revenue?"
    for follow_up in ("who said that?", "which article says that?"):
        got = seed_engine.ask(follow_up, previous=previous)  # was "Before Partnership", a heading
        assert not got.abstained
        assert {c.doc_id for c in got.citations} == {SEED["000"], SEED["004"]}
        assert got.lead == "$30 billion" and got.conflicts  # the disagreement still leads with the figure


def test_and_before_that_means_the_older_figure(seed_engine):
    got = seed_engine.ask("And before that?", previous="What is Anthropic's annual revenue?")
    assert got.text == "surpassing $1 billion" and [c.doc_id for c in got.citations] == [SEED["003"]]
    for c in got.citations:
        assert seed_engine.data.document(c.doc_id).text[c.start : c.end] == c.quote


def test_an_investor_the_articles_give_no_figure_for_gets_no_figure(seed_engine):
    # 003: "With $8 billion in backing from Amazon alone — plus investments from Google, Salesforce, and others —
    # Anthropic ...": the $8 billion is Amazon's, and no article says what Salesforce invested
    assert seed_engine.ask("How much money has Salesforce invested in Anthropic?").abstained


def test_a_name_is_cited_from_every_article_that_gives_it_for_the_question(seed_engine):
    # 003 names Trainium as Anthropic's chip in a passage the question's ranking leaves out
    got = seed_engine.ask("What is the name of Amazon's in-house AI chip that Anthropic is committing to use for training?")
    assert got.text == "Trainium"
    assert {c.doc_id for c in got.citations} == {SEED["001"], SEED["003"], SEED["004"]}


def test_an_acronym_is_answered_with_its_long_form_from_every_article_that_spells_it_out(seed_engine):
    got = seed_engine.ask("What does AWS stand for?")
    assert got.text == "Amazon Web Services"
    assert {c.doc_id for c in got.citations} == {SEED["000"], SEED["002"], SEED["003"]}
    assert seed_engine.ask("What does NVDA stand for?").abstained  # no article spells it out


@pytest.mark.parametrize("question", [
    "How much did Microsoft invest in Anthropic?",  # 003: Microsoft's $13 billion is in OpenAI
    "How much has Google invested in OpenAI?",  # 003: Google's reported $2 billion is in Anthropic
    "How much did Salesforce invest in Anthropic?",  # 003 names Salesforce among investors, with no figure
])
def test_a_figure_for_another_pair_of_companies_is_no_answer(seed_engine, question):
    assert seed_engine.ask(question).abstained


def test_a_total_before_the_latest_deal_is_the_total_the_older_article_gives(seed_engine):
    # was "$5 billion ... as part of their latest deal" (002), neither a total nor before that deal
    got = seed_engine.ask("What was Amazon's total investment in Anthropic before the latest deal?")
    assert got.figure.value == 8e9
    assert got.citations[0].doc_id == SEED["003"]


def test_a_figure_a_name_receives_is_bound_where_the_giver_states_it(seed_engine):
    # 004: "Amazon in turn guarantees the company access to computational capacity of up to 5 gigawatts" (abstained)
    got = seed_engine.ask("How many gigawatts of computing capacity is Anthropic getting from Amazon?")
    assert got.figure.value == 5e9
    assert {c.doc_id for c in got.citations} == {SEED["001"], SEED["004"]}


def test_money_put_in_up_front_is_not_a_ceiling(seed_engine):
    # 001: "Amazon will invest $5bn in Anthropic, with up to another $20bn tied to commercial milestones"
    got = seed_engine.ask("How much cash is Amazon putting into Anthropic up front in the latest deal?")
    assert got.figure.value == 5e9


def test_who_gave_a_figure_is_the_subject_its_claim_resolved_to(seed_engine):
    # 004: "In February 2026, the company invested approximately $50 billion in OpenAI": the company is Amazon
    got = seed_engine.ask("Which company put roughly $50 billion into OpenAI in February 2026?")
    assert got.text == "Amazon"  # was the whole sentence
    assert [c.doc_id for c in got.citations] == [SEED["004"]]  # not other articles naming Amazon without the figure
    got = seed_engine.ask("Which company committed up to $25 billion to Anthropic?")
    assert got.text == "Amazon" and {c.doc_id for c in got.citations} == {SEED["000"], SEED["001"], SEED["004"]}


def test_how_something_works_is_answered_by_the_sentence_not_a_word(seed_engine):
    got = seed_engine.ask("How does Anthropic's Constitutional AI approach work?")  # was "models"
    assert got.text.startswith("Its Constitutional AI approach") and got.citations[0].doc_id == SEED["003"]


def test_plural_things_asked_for_are_answered_by_the_whole_list(seed_engine):
    # 003: "using Amazon's proprietary Trainium and Inferentia chips" (was "Trainium")
    assert seed_engine.ask("What custom Amazon chips are mentioned for training Claude models?").text == "Trainium and Inferentia"


def test_what_a_figure_the_question_gives_refers_to_is_the_sentence_that_states_it(seed_engine):
    got = seed_engine.ask("What does the 20:1 return ratio refer to?")  # abstained: it asked for a ratio
    assert got.text.startswith("It's called circular because Amazon's $5 billion investment flows back")
    assert [c.doc_id for c in got.citations] == [SEED["002"]]


@pytest.mark.parametrize(("question", "answer", "doc"), [
    ("Who invested $2 billion in Anthropic?", "Google", "003"),  # was "Runway" ("the financial Runway")
    ("Which company achieved a $6 billion valuation?", "Mistral AI", "003"),  # was OpenAI's "$150 billion"
    ("Who committed $100 billion to AWS?", "Anthropic", "002"),  # was "Amazon Web Services", the question's AWS
])
def test_who_gave_a_figure_is_the_name_its_claim_gives(seed_engine, question, answer, doc):
    got = seed_engine.ask(question)
    assert got.text == answer
    assert got.citations[0].doc_id == SEED[doc]


def test_the_figure_bound_to_the_name_is_taken_where_a_sentence_gives_two(seed_engine):
    # 003: "OpenAI's most recent valuation reached approximately $150 billion, while Mistral AI achieved a $6 billion
    # valuation": the first figure is OpenAI's (it abstained)
    got = seed_engine.ask("What is Mistral AI valued at?")
    assert got.figure.value == 6e9 and got.citations[0].doc_id == SEED["003"]


def test_a_class_that_names_the_unit_is_no_measure(seed_engine):
    # "At what price ...?" abstains (above): no article gives a figure of that class; "percentage" names the unit
    assert seed_engine.ask("What percentage did Amazon's shares climb after the announcement?").text == "nearly 3%"


def test_a_dated_event_is_cited_only_from_articles_that_give_it_at_that_time(seed_engine):
    # 002: "$4 billion commitment announced in September 2023"; 003's "$4B More" headline is the later round
    got = seed_engine.ask("How much did Amazon commit to Anthropic in September 2023?")
    assert got.figure.value == 4e9
    assert [c.doc_id for c in got.citations] == [SEED["002"]]


def test_a_question_naming_a_figure_no_article_ties_to_its_answer_abstains(seed_engine):
    # 001 and 004 state the up-to-$25 billion deal but no date for its announcement; "September 2023" (002, 003)
    # dates another round
    got = seed_engine.ask("On what exact date was the up-to-$25 billion Amazon-Anthropic deal announced?")
    assert got.abstained and got.citations == ()


@pytest.mark.parametrize(
    ("question", "answer", "docs"),
    [
        # 002 writes "adopts Claude through Bedrock": the product without its maker's name, which is in far more chunks
        ("Through which managed service do AWS customers access Claude models?", "Amazon Bedrock", ("002", "003", "004")),
        # 000 says "Anthropic's Claude platform": it ties the name to Anthropic, though it holds little else of the question
        ("What's the name of the AI model family that Anthropic develops?", "Claude", ("000", "001", "002", "003", "004")),
        # 004 writes "AWS Trainium"; 001 ("Trainium chips") and 003 ("Amazon's custom Trainium chips") name it without "AWS"
        ("Which Amazon chips will Anthropic use as its primary computing base?", "AWS Trainium", ("001", "003", "004")),
    ],
)
def test_a_name_is_cited_from_every_article_that_gives_it_where_the_question_is(seed_engine, question, answer, docs):
    got = seed_engine.ask(question)
    assert got.text == answer
    assert {c.doc_id for c in got.citations} == {SEED[d] for d in docs}


def test_a_figure_dated_in_another_year_does_not_answer_a_question_about_a_year(seed_engine):
    # 003: "its initial $1.25 billion investment in September 2023"
    assert seed_engine.ask("How much did Amazon invest in Anthropic in 2023?").figure.value == 1.25e9
    got = seed_engine.ask("How much did Amazon invest in Anthropic in 2025?")
    assert got.abstained or got.figure.value != 1.25e9


def test_a_yes_is_cited_from_every_article_that_states_the_figure(seed_engine):
    # 004: "annual revenue has reached $30 billion"; 000: "annualized revenue has surpassed the $30 billion milestone"
    got = seed_engine.ask("Has Anthropic's annual revenue reached $30 billion?")
    assert got.text.startswith("Yes: ")
    assert {c.doc_id for c in got.citations} == {SEED["000"], SEED["004"]}  # was 004 alone


def test_a_yes_no_question_about_a_stale_figure_is_answered_no_with_the_newer_one(seed_engine):
    # 003 (older) says revenue surpassing $1 billion; 000 and 004 (newer) say $30 billion
    got = seed_engine.ask("Does Anthropic have annual revenue of $1 billion?")
    assert got.text.startswith("No: ") and got.figure.value == 30e9 and got.lead == got.figure.text
    assert {c.doc_id for c in got.citations} == {SEED["000"], SEED["004"]}
    assert {(c.doc_id, c.value) for c in got.conflicts} == {(SEED["003"], 1e9)}
    assert seed_engine.ask("Did Amazon invest $1.25 billion in Anthropic in September 2023?").text.startswith("Yes")


def test_a_present_yes_no_question_is_answered_no_where_its_answer_gives_the_figure_as_past(seed_engine):
    # 002 gives the $4 billion as "previous investments"; 003 (older) as the new money, which 000, 001, 002 replace
    got = seed_engine.ask("Is Amazon investing $4 billion in Anthropic?")
    assert got.text.startswith("No: ") and got.figure.value == 5e9
    assert {c.doc_id for c in got.citations} >= {SEED["000"], SEED["002"]}
    assert (SEED["003"], 4e9) in {(c.doc_id, c.value) for c in got.conflicts}
    # asked in the past tense, whether it happened: it did
    assert seed_engine.ask("Did Amazon invest $4 billion in Anthropic?").text.startswith("Yes: ")


def test_a_figure_stated_between_the_same_two_companies_is_cited_from_both_articles(seed_engine):
    # 001: "Anthropic ... securing up to 5GW of Amazon Trainium chips"; 004: "Amazon in turn guarantees the company
    # access to computational capacity of up to 5 gigawatts", after a sentence that names Anthropic
    got = seed_engine.ask("How much computing capacity, in gigawatts, is Anthropic securing from Amazon?")
    assert got.figure.value == 5e9 and got.figure.unit == "W"
    assert {c.doc_id for c in got.citations} == {SEED["001"], SEED["004"]}


@pytest.mark.parametrize("question", [
    "Which generation of Trainium chip is Anthropic set to run on?",
    # the best sentence speaks of "Amazon Trainium chips" and names no generation: the near one that does answers
    # (it was "AWS")
    "Which generation of Trainium chip is tied to Anthropic's plans with Amazon?",
])
def test_a_newer_generation_of_a_product_leads_and_the_older_one_is_shown(seed_engine, question):
    # 004 (February 2026): "including the next-generation Trainium4"; 003 (before): "As Trainium 2 chips roll out"
    got = seed_engine.ask(question)
    assert got.text == "Trainium4"
    assert [c.doc_id for c in got.citations] == [SEED["004"]]
    assert [(c.text, c.doc_id) for c in got.conflicts] == [("Trainium 2", SEED["003"])]
    assert got.lead_basis.startswith("newer")


def test_a_list_is_cited_from_every_article_that_names_its_members_in_its_own_words(seed_engine):
    got = seed_engine.ask("Which two tech giants is Amazon competing against in the AI cloud race?")
    # 002: "competitors Microsoft and Google" (the "two" asked is not searched for, so the sentence that says "the two
    # companies" no longer ranks first); 003 names them "Microsoft-OpenAI and Google DeepMind", 004 otherwise
    assert got.text == "Microsoft and Google"
    assert {c.doc_id for c in got.citations} == {SEED["002"], SEED["003"], SEED["004"]}


def test_places_asked_in_the_plural_are_answered_by_the_list_and_cited_in_any_form(seed_engine):
    got = seed_engine.ask("Which regions is the Amazon-Anthropic deal aimed at for expanding AI inference capacity?")
    assert got.text == "Asia and Europe"  # 001; 000 says "in Asian and European markets"
    assert {c.doc_id for c in got.citations} == {SEED["000"], SEED["001"]}
    # the other way round: 000's adjectives found as 001's nouns, and "AI" alone is no name 001 must write
    got = seed_engine.ask("In which regions is the partnership meant to expand AI inference capacity?")
    assert got.text == "Asian and European markets"  # adjectives of places with their noun
    assert {c.doc_id for c in got.citations} == {SEED["000"], SEED["001"]}


@pytest.mark.parametrize("question", ["How many gigawatts will Anthropic get?", "How many gigawatts of computing capacity will Anthropic get?"])
def test_what_a_name_gets_is_the_figure_given_to_it(seed_engine, question):
    # "Amazon in turn guarantees the company access to computational capacity of up to 5 gigawatts": Amazon gives,
    # the company of the sentence before (Anthropic) gets; the second form was refused (001's "securing up to 5GW of
    # Amazon Trainium chips" says it too, the question's "gigawatts" said in its unit: either leads)
    got = seed_engine.ask(question)
    assert got.text in ("up to 5 gigawatts", "up to 5GW")
    assert {c.doc_id for c in got.citations} == {SEED["004"], SEED["001"]}


def test_what_a_name_gets_is_not_what_it_spends(seed_engine):
    # "Anthropic also plans to spend more than $100bn ..." was the answer: money Anthropic spends
    got = seed_engine.ask("How much money will Anthropic get?")
    assert got.text == "$5bn" and got.citations[0].doc_id == SEED["001"]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # "Microsoft's OpenAI alliance and Google's Gemini ecosystem": the owner of the alliance, not the name nearest
        ("Which tech giant's alliance with OpenAI is the Amazon-Anthropic partnership meant to counter?", "Microsoft"),
        # "competes with the dominant NVIDIA" over a better-scored sentence whose only name owns nothing asked
        ("Which chipmaker's dominance could Amazon's Trainium push back against?", "NVIDIA"),
    ],
)
def test_whose_thing_is_asked_is_answered_by_its_owner(seed_engine, question, answer):
    assert seed_engine.ask(question).text == answer


def test_a_yes_no_question_about_a_description_asks_whether_it_is_so(seed_engine):
    # "... the main operational risks for this fast-growing company": refused while "described" was the act asked
    got = seed_engine.ask("Is Anthropic described as a fast-growing company?")
    assert got.text.startswith("Yes: ") and got.question == "Is Anthropic described as a fast-growing company?"
    assert got.citations[0].doc_id == SEED["004"]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # a name of the class asked for, though the question gives a figure (was "$4 billion")
        ("Which European AI startup reached a $6 billion valuation?", "Mistral AI"),
        # a passive of giving: Anthropic gets the capacity (was refused, Anthropic read as the giver)
        ("How much computing capacity, in power terms, is Anthropic guaranteed?", "up to 5 gigawatts"),
        # model numbers joined by a slash are one name (was "H100")
        ("Which NVIDIA GPUs are hyperscalers described as being overdependent on?", "H100/B200"),
    ],
)
def test_the_ninth_probe_s_answers(seed_engine, question, answer):
    assert seed_engine.ask(question).text == answer


@pytest.mark.parametrize(
    ("question", "word"),
    [
        # the act in other words: "Amazon's shares climbed nearly 3%" (both were refused)
        ("Did Amazon stock gain ground after the deal was announced?", "Yes"),
        ("Did Amazon shares fall after the announcement?", "No"),
        # the span of time in other words: "a 10-year agreement" ("agreement" is no verb of AWS)
        ("Does the AWS agreement run for ten years?", "Yes"),
    ],
)
def test_a_yes_no_question_is_answered_by_its_act_or_span_of_time_in_other_words(seed_engine, question, word):
    assert seed_engine.ask(question).text.startswith(f"{word}: ")


def test_a_yes_to_a_figure_cites_the_same_claim_in_other_words(seed_engine):
    # 001's "securing up to 5GW of Amazon Trainium chips" states the claim too (only 004 was cited)
    got = seed_engine.ask("Will Anthropic have access to as much as 5 gigawatts of computing capacity from Amazon?")
    assert got.text.startswith("Yes: ")
    assert {c.doc_id for c in got.citations} == {SEED["004"], SEED["001"]}


def test_a_percentage_of_a_measure_no_article_gives_is_refused(seed_engine):
    # the stake is measured ("percentage" is its unit): the 3% rise of Amazon's shares is no stake
    assert seed_engine.ask("What percentage stake in Anthropic will Amazon own after this deal?").abstained


def test_a_generation_asked_of_the_older_article_is_the_older_one(seed_engine):
    got = seed_engine.ask("What generation of Trainium did the older article mention?")  # was Trainium4
    assert got.text == "Trainium 2" and got.citations[0].doc_id == SEED["003"]
    assert [c.text for c in got.conflicts] == ["Trainium4"]


def test_a_yes_on_the_newer_figure_shows_the_older_one(seed_engine):
    got = seed_engine.ask("Has Anthropic's revenue passed the $30 billion mark?")  # 003's $1 billion was not shown
    assert got.text.startswith("Yes: ") and got.lead == "$30 billion"
    assert [c.doc_id for c in got.conflicts] == [SEED["003"]]


def test_the_size_of_a_bet_asks_money(seed_engine):
    got = seed_engine.ask("What's the size of Amazon's overall financial bet on Anthropic today?")  # was "AI"
    assert got.figure is not None and got.figure.value == 33e9
    assert [c.doc_id for c in got.conflicts] == [SEED["003"]]


def test_a_headline_figure_is_the_one_most_titles_give(seed_engine):
    # "Amazon commits up to $25bn ..." and "Amazon to invest another $25 billion ..." (001, 004) over 002's "$5B"
    got = seed_engine.ask("How large is Amazon's latest Anthropic investment pledge in headline terms?")  # was $5 billion
    assert got.figure is not None and got.figure.value == 25e9
    assert {c.doc_id for c in got.citations} == {SEED["000"], SEED["001"], SEED["004"]}


def test_what_a_sentence_sets_after_the_class_noun_and_a_dash_answers(seed_engine):
    # "... address a critical problem — the shortage of computational resources" (was "agreement")
    got = seed_engine.ask("What critical problem does the deal address for Anthropic?")
    assert got.text == "the shortage of computational resources" and got.citations[0].doc_id == SEED["004"]


def test_the_chip_named_before_its_class_noun_answers_not_the_dash_after_it(seed_engine):
    got = seed_engine.ask("Which Amazon chip will serve as Anthropic's primary compute going forward?")
    assert "Trainium" in got.text and not got.text.startswith("including")


def test_a_yes_to_a_span_of_time_is_cited_only_where_the_span_is_stated(seed_engine):
    # 002's "over multiple years as part of the investment agreement" shares a word, not the ten years
    got = seed_engine.ask("Does the AWS agreement run for ten years?")
    assert got.text.startswith("Yes: ") and SEED["002"] not in {c.doc_id for c in got.citations}


def test_who_is_a_named_person_is_answered_by_the_title(seed_engine):
    got = seed_engine.ask("Who is Dario Amodei?")  # was "Anthropic"
    assert got.text == "CEO" and got.citations[0].doc_id == SEED["003"]


def test_a_maker_is_not_a_generation_of_what_it_makes(seed_engine):
    # 003: "Amazon's custom Trainium chips"; was "Trainium4", a generation of the chip
    got = seed_engine.ask("Which company makes Trainium chips?")
    assert got.text == "Amazon"


def test_what_a_named_person_said_is_the_clause_after_the_speech_verb(seed_engine):
    got = seed_engine.ask("What has Daniela Amodei stressed?")
    assert got.text.startswith("the importance of maintaining independence") and got.citations[0].doc_id == SEED["003"]


def test_a_question_set_after_before_the_event_asks_the_older_figure(seed_engine):
    got = seed_engine.ask("Before the latest deal, how much had Amazon already invested in Anthropic?")  # was "$5 billion"
    assert got.figure is not None and got.figure.value == 4e9 and got.citations[0].doc_id == SEED["003"]


def test_who_else_reports_it_lists_every_source_of_the_answer(seed_engine):
    first = seed_engine.ask("How much is Anthropic committing to spend on AWS?")
    got = seed_engine.ask("Who else reports it?", previous="How much is Anthropic committing to spend on AWS?")
    assert not got.abstained and {c.doc_id for c in got.citations} == {c.doc_id for c in first.citations}
    assert len(got.citations) >= 3  # was "Anthropic", cited from all five articles by unrelated sentences


def test_the_outlet_a_story_was_adapted_from_is_its_credit_line_not_the_outlet_asked_of(seed_engine):
    # 004: "AI-processed from TNW; edited by Hamidun News"; was "Hamidun News", the publisher that states "10-year"
    got = seed_engine.ask("Which outlet was the Hamidun News report on the 10-year AWS contract adapted from?")
    assert got.text == "TNW" and got.citations[0].doc_id == SEED["004"]


def test_a_product_maker_named_by_a_which_clause(seed_engine):
    # 004: "Unlike OpenAI, which bet on mass consumers through ChatGPT"; 003: "OpenAI's most recent valuation ..."
    got = seed_engine.ask("What was the ChatGPT maker's most recent valuation?")  # was refused
    assert got.figure is not None and got.figure.value == 150e9 and got.citations[0].doc_id == SEED["003"]


def test_a_how_question_is_answered_where_what_it_asks_about_is_named(seed_engine):
    # was 004's "Hamidun Academy teaches you to use AI systematically in your work.", which names no Constitutional AI
    got = seed_engine.ask("How does Constitutional AI work?")
    assert "Constitutional AI approach" in got.sentence and got.citations[0].doc_id == SEED["003"]


def test_a_why_question_of_an_owned_thing_is_answered_where_the_thing_is_named_again(seed_engine):
    # the thirty-third blind probe: 000 "Amazon's shares climbed ... The scale of the investment is justified by
    # Anthropic's maturing business model ..." (Amazon named the sentence before); was 002's "because Amazon's $5
    # billion investment flows back ..."
    got = seed_engine.ask("Why is the scale of Amazon's investment considered justified?")
    assert got.text.startswith("Anthropic’s maturing business model") and got.citations[0].doc_id == SEED["000"]


def test_a_count_of_what_no_article_counts_is_refused(seed_engine):
    # the thirty-third and thirty-fourth blind probes: "2", from 003's "As Trainium 2 chips roll out across AWS data centers"
    assert seed_engine.ask("How many new data centers will Amazon build for Anthropic?").abstained


def test_a_yes_no_question_of_a_bound_figure(seed_engine):
    # the thirty-third blind probe: refused ("up" read as a rise); 001: "with up to another $20bn tied to commercial milestones"
    got = seed_engine.ask("Is up to $20 billion of Amazon's money tied to commercial milestones?")
    assert got.text.startswith("Yes") and got.citations[0].doc_id == SEED["001"]


def test_a_yes_no_question_of_money_another_name_gave_is_no(seed_engine):
    # the thirty-fifth blind probe: refused; the articles give up to $25 billion as Amazon's
    got = seed_engine.ask("Did Microsoft commit up to $25B to Anthropic?")
    assert got.text.startswith("No: ") and "Amazon" in got.text and got.citations[0].doc_id in (SEED["000"], SEED["001"], SEED["004"])


def test_the_figure_a_question_gives_is_not_what_it_asks(seed_engine):
    # the thirty-fifth blind probe: "$20bn", for what the milestones are; no article names them
    got = seed_engine.ask("What are the commercial milestones tied to the additional $20 billion?")
    assert got.text != "$20bn" and "$20bn" not in got.text.split(",")[0]


def test_a_person_set_aside_by_title_is_no_answer(seed_engine):
    # the thirty-fifth blind probe: "Dario Amodei", the chief executive the question sets aside; 003: "including CEO
    # Dario Amodei and President Daniela Amodei"
    got = seed_engine.ask("Who co-leads Anthropic alongside its chief executive?")
    assert got.text.endswith("Daniela Amodei") and got.citations[0].doc_id == SEED["003"]
    assert seed_engine.ask("Who is Anthropic's CEO?").text == "Dario Amodei"


def test_a_figure_of_another_name_does_not_unbind_the_sentence_a_how_question_is_answered_by(seed_engine):
    # the thirty-seventh blind probe: refused; 003 sets Amazon's deal against Microsoft's "reported 49% ownership stake"
    got = seed_engine.ask("How is Amazon's deal structured differently from Microsoft's with OpenAI?")
    assert "more traditional investment" in got.text and got.citations[0].doc_id == SEED["003"]
