"""`rag figure` on the seed corpus: exactly the documents that state a figure, in every written form."""

import pytest

from rag.errors import FigureQueryError
from rag.serialize import lookup_text
from tests.conftest import SEED

# (query forms, documents that state that figure); checked against the articles by hand
CASES = [
    (["$25B", "$25 billion", "$25bn", "25 billion dollars", "USD 25 billion"], {"000", "001", "004"}),
    (["$5 billion", "$5bn", "5 billion dollars", "$5B"], {"000", "001", "002"}),
    (["5bn", "5 billion"], {"000", "001", "002"}),  # no unit: money or a count, never 5 GW (001, 004)
    (["5 GW", "5GW", "5 gigawatts", "5,000 MW"], {"001", "004"}),
    (["$100 billion", "$100bn", "100 billion dollars"], {"000", "001", "002"}),
    (["49%", "49 percent"], {"003"}),
    (["$4 billion", "$4B"], {"002", "003"}),
    (["$8 billion"], {"003"}),
    (["$33bn", "33 billion dollars"], {"001"}),
    (["$30 billion"], {"000", "003", "004"}),
    (["$1 billion"], {"003"}),
    (["$2 billion"], {"003"}),
    (["$2.75 billion"], {"003"}),
    (["$13 billion"], {"002", "003"}),
    (["20:1"], {"002"}),
    (["200,000 tokens", "200K tokens"], {"003"}),
    (["3%", "3 percent"], {"000"}),
    (["$7 billion", "7 GW", "12%"], set()),
    # claims with their roles: who gives (first, or after "from"), who gets, who says it
    (["Anthropic received $5 billion from Amazon", "Anthropic got $5bn from Amazon"], {"000", "001", "002"}),
    (["Anthropic invested $5 billion in Amazon", "Amazon invested $2 billion in Anthropic",
      "Google invested $8 billion in Anthropic"], set()),
    (["Anthropic will spend $100 billion on AWS"], {"000", "001", "002"}),
    (["According to AI Business, Amazon invested $5 billion in Anthropic"], {"002"}),
    (["Amazon invests 5 bln in Anthropic"], {"000", "001", "002"}),
    # a receiver the parse left unnamed ("guarantees the company access to ... 5 gigawatts", 004) may be the one asked
    (["Anthropic will get five gigawatts", "Anthropic gets 5 gigawatts of power"], {"001", "004"}),
    (["OpenAI will get five gigawatts"], set()),
]
ALL_QUERIES = [(q, docs) for forms, docs in CASES for q in forms]


@pytest.mark.parametrize(("query", "docs"), ALL_QUERIES)
def test_exactly_the_documents_that_state_the_figure(seed_engine, query, docs):
    lookup = seed_engine.figure(query)
    assert {m.doc_id for m in lookup.mentions} == {SEED[d] for d in docs}
    want = lookup.figures[0]
    for m in lookup.mentions:
        text = seed_engine.data.document(m.doc_id).text
        assert text[m.start : m.end] == m.quote
        assert m.quote in m.sentence
        assert m.value == want.value and want.unit in ("", m.unit)  # "5 bln": that number in any unit


def test_every_mention_is_listed_grouped_by_document(seed_engine):
    lookup = seed_engine.figure("$25 billion")
    docs = [m.doc_id for m in lookup.mentions]
    assert docs == sorted(docs, key=docs.index)  # each document's mentions stand together
    # 001 writes its headline "Amazon commits up to $25bn investment in Anthropic" twice: one mention
    assert docs.count(SEED["004"]) == 3 and docs.count(SEED["001"]) == 1 and docs.count(SEED["000"]) == 1
    qualifiers = {(m.doc_id, m.qualifier) for m in lookup.mentions}
    assert (SEED["000"], "up to") in qualifiers


def test_a_claim_puts_the_matching_sentences_first(seed_engine):
    lookup = seed_engine.figure("Amazon will invest up to $25 billion in exchange for a 10-year AWS contract")
    assert [f.unit for f in lookup.figures] == ["USD", "years"]
    assert lookup.mentions[0].doc_id == SEED["004"]
    assert "10-year" in lookup.mentions[0].sentence or "$25 billion" in lookup.mentions[0].sentence


def test_a_claim_puts_the_sentence_that_writes_it_first(seed_engine):
    # every article's sentence holds "Amazon" and an investment; 004 writes "Amazon will invest up to $25 billion"
    lookup = seed_engine.figure("Amazon will invest $25 billion")
    assert lookup.mentions[0].doc_id == SEED["004"]
    assert lookup.mentions[0].sentence.startswith("Amazon will invest up to $25 billion")
    docs = [m.doc_id for m in lookup.mentions]
    assert docs == sorted(docs, key=docs.index)  # each document's mentions still stand together


def test_near_values_and_other_units_never_match(seed_engine):
    two = {(m.doc_id, m.quote) for m in seed_engine.figure("$2 billion").mentions}
    assert two == {(SEED["003"], "$2 billion")}  # not "$2.75 billion"
    gw = seed_engine.figure("5 GW")
    assert all(m.unit == "W" for m in gw.mentions)  # not "$5 billion"


@pytest.mark.parametrize("query", ["", "   ", "Amazon and Anthropic", "how much?"])
def test_a_query_without_a_figure_is_a_clear_error(seed_engine, query):
    with pytest.raises(FigureQueryError, match="figure"):
        seed_engine.figure(query)


def test_precision_and_recall_over_all_queries(seed_engine):
    """The figure the issue asks for: precision and recall of documents over every query form above."""
    tp = fp = fn = 0
    for query, docs in ALL_QUERIES:
        got = {m.doc_id for m in seed_engine.figure(query).mentions}
        want = {SEED[d] for d in docs}
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
    assert (tp, fp, fn) == (tp, 0, 0) and tp > 40


def test_a_long_list_of_mentions_shows_the_newest_with_the_count(seed_engine, monkeypatch):
    import rag.figure_index as figure_index

    full = seed_engine.figure("$30 billion")
    assert full.found == len(full.mentions) == 3
    monkeypatch.setattr(figure_index, "MAX_MENTIONS", 2)
    capped = seed_engine.figure("$30 billion")
    assert capped.found == 3 and [m.doc_id for m in capped.mentions] == [m.doc_id for m in full.mentions][:2]
    data = seed_engine.data
    assert data.position(capped.mentions[0].doc_id) >= data.position(full.mentions[-1].doc_id)


def test_a_ratio_written_in_words_finds_the_ratio(seed_engine):
    for query in ("twenty to one", "a twenty-to-one ratio"):
        assert {m.doc_id for m in seed_engine.figure(query).mentions} == {SEED["002"]}


@pytest.mark.parametrize(("query", "docs"), [
    # Amazon's claim; "Anthropic" is in its sentence, not tied to the figure by the parse (was: no source)
    ("Which source puts Amazon's total investment in Anthropic at $8 billion?", {"003"}),
    # 000 calls it "an immediate $5 billion capital injection": a word for the same measure (was: 000 missing)
    ("Which articles say Amazon's new investment is $5 billion?", {"000", "001", "002"}),
    # 002's $4 billion is the earlier commitment it calls previous, not the additional one (was: 002 listed)
    ("Which article reports a $4 billion additional investment by Amazon?", {"003"}),
    # another company's figure of the same size is not the one asked about
    ("Anthropic revenue $13 billion", set()),
    # the query's word and the sentence's are one word family: "valuation" / "values", "owns" / "ownership"
    # (was: "No source gives $60 billion", "No source gives 49%")
    ("Anthropic valuation $60 billion", {"003"}),
    ("Microsoft owns 49% of OpenAI", {"003"}),
    # "put ... into" is money invested, "has" no word of the claim ("total investment ... $8 billion"; was: no source)
    ("Amazon has put 8 billion dollars into Anthropic", {"003"}),
    # money Anthropic spends on AWS is not money put into it
    ("Amazon has put 100 billion dollars into AWS", set()),
])
def test_a_claim_query_keeps_the_claims_about_what_it_names(seed_engine, query, docs):
    assert {m.doc_id for m in seed_engine.figure(query).mentions} == {SEED[d] for d in docs}


def test_a_claim_no_source_states_lists_the_figures_the_sources_give(seed_engine):
    # nobody says Microsoft put $50 billion into OpenAI; 002 and 003 say about $13 billion
    lookup, differing = seed_engine.figure_check("Microsoft invested $50 billion in OpenAI")
    assert not lookup.mentions
    assert {(m.doc_id, m.quote) for m in differing} == {(SEED["002"], "$13 billion"), (SEED["003"], "$13 billion")}
    # a bare figure no source gives has nothing to differ from
    lookup, differing = seed_engine.figure_check("$777 billion")
    assert not lookup.mentions and not differing


def test_a_claim_whose_subject_the_parse_missed_is_found_by_the_sentence_before(seed_engine):
    # 000: "... a broader strategic roadmap that sees the two companies committing over $100 billion toward AWS":
    # no subject parsed; the sentence before names Anthropic
    lookup = seed_engine.figure("Anthropic will spend $100 billion on AWS")
    assert {m.doc_id for m in lookup.mentions} == {SEED["000"], SEED["001"], SEED["002"]}


def test_a_claim_whose_target_is_in_the_sentence_before_is_found(seed_engine):
    # 004: "Amazon in turn guarantees the company access to computational capacity of up to 5 gigawatts": the company
    # is Anthropic, named before; 001 gives the same 5GW in its own words
    found, differing = seed_engine.figure_check("Amazon guarantees Anthropic up to 5 gigawatts of compute")
    assert {m.doc_id for m in found.mentions} == {SEED["001"], SEED["004"]} and differing == []


def test_a_claim_no_source_states_shows_where_the_figure_does_appear(seed_engine):
    # no source ties 49% to Amazon: 003 gives it for Microsoft's stake in OpenAI, shown as about something else
    lookup, _ = seed_engine.figure_check("Amazon owns 49% of Anthropic")
    assert not lookup.mentions
    assert [(m.doc_id, m.quote) for m in lookup.elsewhere] == [(SEED["003"], "49%")]
    text = lookup_text(lookup)
    assert text.startswith("No source gives 49% for that claim.") and "about something else" in text
    # a bare figure no source gives has nowhere else to appear; one that is found has no "elsewhere"
    assert seed_engine.figure("$777 billion").elsewhere == ()
    assert seed_engine.figure("Microsoft owns 49% of OpenAI").elsewhere == ()


@pytest.mark.parametrize(("query", "docs"), [
    # the giver after "from" with no verb (was: "No source gives"); 003 says Google's $2 billion, Amazon's $8 billion
    ("US$5bn from Amazon to Anthropic", {"000", "001", "002"}),
    ("September 2023", {"002", "003"}),  # a month is no party to a claim
])
def test_a_claim_query_keeps_who_gives_and_who_gets(seed_engine, query, docs):
    assert {m.doc_id for m in seed_engine.figure(query).mentions} == {SEED[d] for d in docs}


def test_a_figure_another_party_pledges_is_not_the_claim_of_the_one_asked(seed_engine):
    # "Anthropic also plans to spend more than $100bn", "Anthropic's guaranteed $100 billion in AWS purchases",
    # "securing a $100 billion cloud spending commitment": Anthropic's pledge, not Amazon's investment. What stays
    # names no party the words or the parse can read (a headline's second figure, "the two companies committing")
    sentences = {m.sentence for m in seed_engine.figure("Amazon invested $100 billion in Anthropic").mentions}
    assert not any("Anthropic also plans" in s or "Anthropic's guaranteed" in s or "while securing" in s for s in sentences)
    assert len(sentences) <= 3


@pytest.mark.parametrize(("query", "docs"), [
    ("Amazon put $1.25 billion into Anthropic", {"003"}),  # "put" is the claim's verb, not a source's (was no source)
    ("In September 2023, Amazon invested $1.25 billion in Anthropic", {"003"}),  # a date first, as a date
    ("Amazon invested $2.75 billion in Anthropic in early 2024", {"003"}),
    ("Amazon invested $1.25 billion in Anthropic in 2024", set()),  # 003 dates it September 2023
    ("Amazon invested $5 billion in Anthropic in 2023", set()),  # no source dates the $5 billion so
    ("Microsoft owns 49% of Anthropic", set()),  # the 49% is of OpenAI
    ("Anthropic's AWS contract runs for 10 years", {"004"}),  # a length has no giver to check (was no source)
    # the way and the period the claim says: 000's shares "climbed nearly 3%", revenue is annual (were found)
    ("Amazon's shares fell 3%", set()),
    ("Amazon's shares climbed nearly 3%", {"000"}),
    ("Anthropic's monthly revenue is $30 billion", set()),
    ("Anthropic's annual revenue is $30 billion", {"000", "004"}),
])
def test_a_claim_query_keeps_its_date_and_what_it_is_of(seed_engine, query, docs):
    assert {m.doc_id for m in seed_engine.figure(query).mentions} == {SEED[d] for d in docs}


def test_an_outlet_that_does_not_state_the_claim_is_not_backed_by_others(seed_engine):
    # 004 (Hamidun News) never gives $4 billion; 002 and 003 do, and are shown as other outlets (were: found)
    lookup = seed_engine.figure("According to Hamidun News, Amazon invested $4 billion in Anthropic")
    assert not lookup.mentions and lookup.outlet == "Hamidun News"
    assert {m.doc_id for m in lookup.elsewhere} == {SEED["002"], SEED["003"]}
    assert lookup_text(lookup).startswith("Hamidun News gives $4 billion for that claim in no article.")


def test_the_receiver_said_to_give_is_no_claim_of_it(seed_engine):
    # Anthropic pledges $100 billion to AWS; "Anthropic secured $100 billion from AWS" swaps the roles
    sentences = {m.sentence for m in seed_engine.figure("Anthropic secured $100 billion from AWS").mentions}
    assert not any("Anthropic also plans" in s or "Anthropic has pledged" in s for s in sentences)


@pytest.mark.parametrize(("query", "docs"), [
    # 003: "Mistral AI achieved a $6 billion valuation": a valuation is not money raised or put in (was found)
    ("Mistral AI raised $6 billion", set()),
    ("Mistral AI is valued at $6 billion", {"003"}),
    # 003: "values Anthropic at approximately $60 billion": "worth" says a valuation too (was no source)
    ("Anthropic is worth $60 billion", {"003"}),
    ("Amazon invested $60 billion in Anthropic", set()),
    # the parse took "round" for the measure of "values Anthropic at approximately $60 billion": the words before say
    ("Anthropic raised $60 billion", set()),
])
def test_a_valuation_is_no_money_that_moves(seed_engine, query, docs):
    assert {m.doc_id for m in seed_engine.figure(query).mentions} == {SEED[d] for d in docs}


def test_a_claim_that_drops_the_ceiling_is_told_so(seed_engine):
    # 000, 001 and 004 say "up to $25 billion"; 004's headline "Amazon to invest another $25 billion" does not
    lookup = seed_engine.figure("Amazon invested $25 billion in Anthropic")
    assert lookup.note == '4 of 5 mentions give it as a ceiling ("up to $25bn"), not as an amount'
    assert "Note: " in lookup_text(lookup)
    assert seed_engine.figure("Amazon will invest up to $25 billion in Anthropic").note == ""
    # 001: "lifting its total potential commitment to $33bn including prior funding": no $33 billion invested
    assert seed_engine.figure("Amazon will invest $33 billion in Anthropic").note == (
        'every mention gives it as a potential sum ("potential commitment to $33bn"), not as an amount')
    assert seed_engine.figure("Amazon's total potential commitment is $33 billion").note == ""
    assert seed_engine.figure("$25 billion").note == ""


def test_a_claim_that_starts_with_its_qualifier_names_no_party_by_it(seed_engine):
    # 001: "with up to another $20bn tied to commercial milestones" (was no source: "Up" was read as a name)
    for query in ("Up to $20bn is tied to commercial milestones", "Up to another $20bn is tied to commercial milestones",
                  "Another $20bn is tied to commercial milestones"):
        assert {m.doc_id for m in seed_engine.figure(query).mentions} == {SEED["001"]}


def test_a_headline_that_drops_the_ceiling_is_no_other_figure_for_the_ceiling(seed_engine):
    # 004's headline "another $25 billion" is its body's "up to $25 billion": 003's additional "$4B More" is not set
    # against "$25 billion" (was listed as another figure for the same thing)
    _, differing = seed_engine.figure_check("$25 billion")
    assert differing == []


def test_a_figure_said_to_go_to_another_name_is_no_claim_of_the_name_asked(seed_engine):
    # 000: "the two companies committing over $100 billion toward Amazon Web Services (AWS)": the parse found no
    # target; the name right after the figure is where it goes (was listed for "Amazon will spend $100 billion on
    # Anthropic")
    docs = {m.doc_id for m in seed_engine.figure("Amazon will spend $100 billion on Anthropic").mentions}
    assert SEED["000"] not in docs
    assert SEED["000"] in {m.doc_id for m in seed_engine.figure("Anthropic will spend $100 billion on AWS").mentions}


def test_a_bare_number_no_source_gives_names_the_scales_they_give_it_at(seed_engine):
    # "25" alone: no source writes it so; three write "$25 billion" (the lookup was empty with no hint)
    lookup = seed_engine.figure("25")
    assert lookup.mentions == () and lookup.note == 'the sources give "25 billion": write the scale to look it up'
    assert lookup_text(lookup).startswith('No source gives 25. Note: the sources give "25 billion"')
    assert seed_engine.figure("99").note == ""  # no scale of it either
    assert seed_engine.figure("5").mentions and seed_engine.figure("5").note == ""  # a count some source gives
