"""Claims read from seed sentences by the real parser: exact subject, measure, target, scope and value.
No embedding model is needed; spaCy's small English pipeline is."""

import dataclasses

import pytest

from rag.claims import extract_claims
from rag.disagreement import agrees, comparable, defining_scope, judge, measure_classes, same_time
from rag.records import Claim, Figure, Sentence


def claims_of(text: str) -> list[Claim]:
    return [c for c in extract_claims("doc", [(0, Sentence("doc", 0, len(text), text))]) if c.figure.unit not in ("count", "year")]


def one(text: str, written: str) -> Claim:
    found = [c for c in claims_of(text) if c.figure.text == written]
    assert len(found) == 1, claims_of(text)
    return found[0]


# (sentence, figure as written, value, subject, measure, target, scope tags that must be there, tags that must not)
CASES = [
    ("Amazon will invest $5bn in Anthropic, with up to another $20bn tied to commercial milestones, lifting its total "
     "potential commitment to $33bn including prior funding.", "$5bn", 5e9, "Amazon", "invest", "Anthropic", set(), {"bound", "total"}),
    ("Amazon will invest $5bn in Anthropic, with up to another $20bn tied to commercial milestones, lifting its total "
     "potential commitment to $33bn including prior funding.", "$33bn", 33e9, "Amazon", "commitment", "", {"total"}, {"bound"}),
    ("Amazon will invest $5bn in Anthropic, with up to another $20bn tied to commercial milestones, lifting its total "
     "potential commitment to $33bn including prior funding.", "$20bn", 20e9, "Amazon", "invest", "Anthropic", {"bound"}, set()),
    ("The move brings Amazon's total investment in Anthropic to a staggering $8 billion, making it one of the largest "
     "corporate AI bets in history.", "$8 billion", 8e9, "Amazon", "investment", "", {"total"}, {"bound"}),
    ("Anthropic's annual revenue has also grown dramatically, reportedly surpassing $1 billion in annualized recurring revenue.",
     "$1 billion", 1e9, "Anthropic", "revenue", "", {"annual"}, set()),
    ("Microsoft has invested approximately $13 billion in OpenAI, securing exclusive cloud computing rights through Azure.",
     "$13 billion", 13e9, "Microsoft", "invest", "OpenAI", set(), set()),
    # the stake hangs, in the parse, off the arrangement with OpenAI: a stake in OpenAI, not in Anthropic
    ("Unlike Microsoft's arrangement with OpenAI — which involves complex revenue-sharing agreements and a reported 49% "
     "ownership stake — Amazon's deal with Anthropic is structured as a more traditional investment.",
     "49%", 49.0, "Microsoft", "stake", "OpenAI", set(), set()),
    ("Meta has taken a different approach, spending over $30 billion annually on AI infrastructure while keeping its Llama "
     "models open-source.", "$30 billion", 30e9, "Meta", "spend", "", {"annual"}, set()),
    ("Amazon announced an investment of up to $25 billion in Anthropic — the creators of the Claude language model — in "
     "exchange for a 10-year agreement to use AWS cloud infrastructure.", "$25 billion", 25e9, "Amazon", "investment",
     "Anthropic", {"bound"}, set()),
    ("Amazon's relationship with Anthropic has evolved rapidly since its initial $1.25 billion investment in September 2023.",
     "$1.25 billion", 1.25e9, "Amazon", "investment", "", {"dated", "initial"}, {"upfront"}),
    # the part of a deal paid now is "upfront", not the first of a series ("initial")
    ("This move includes an immediate $5 billion capital injection and a broader strategic roadmap.",
     "$5 billion", 5e9, "", "injection", "", {"upfront"}, {"initial"}),
    ("Google has poured billions into its internal DeepMind division and made a reported $2 billion investment in Anthropic "
     "as well, though that relationship is less exclusive than Amazon's.", "$2 billion", 2e9, "Google", "investment",
     "Anthropic", set(), set()),
    # a possessor of the figure itself owns it, before the subject of the clause it is said in
    ("It's called circular because Amazon's $5 billion investment flows back to the company through Anthropic's "
     "guaranteed $100 billion in AWS purchases.", "$100 billion", 100e9, "Anthropic", "purchase", "", set(), set()),
    ("It's called circular because Amazon's $5 billion investment flows back to the company through Anthropic's "
     "guaranteed $100 billion in AWS purchases.", "$5 billion", 5e9, "Amazon", "investment", "", set(), set()),
]


@pytest.mark.parametrize(("text", "written", "value", "subject", "measure", "target", "has", "lacks"), CASES)
def test_claims_of_seed_sentences(text, written, value, subject, measure, target, has, lacks):
    c = one(text, written)
    assert (c.figure.value, c.subject, c.measure, c.target) == (pytest.approx(value), subject, measure, target)
    assert has <= set(c.scope), c.scope
    assert not lacks & set(c.scope), c.scope
    assert text[c.figure.start : c.figure.end] == written


def test_hedges_and_time_are_kept():
    c = one("Microsoft has invested approximately $13 billion in OpenAI, securing exclusive cloud computing rights.", "$13 billion")
    assert "approximately" in c.hedge
    c = one("That first commitment was followed by an additional $2.75 billion in early 2024, bringing the total to $4 billion.",
            "$2.75 billion")
    assert c.time == "early 2024" and "dated" in c.scope


def test_a_pronoun_subject_is_resolved_from_the_sentence_before():
    text = "Anthropic is currently experiencing rapid growth. The company's annual revenue has reached $30 billion."
    first = len("Anthropic is currently experiencing rapid growth.")
    sentences = [(0, Sentence("d", 0, first, text[:first])), (1, Sentence("d", first + 1, len(text), text[first + 1 :]))]
    (c,) = [c for c in extract_claims("d", sentences) if c.figure.unit == "USD"]
    assert (c.subject, c.measure, c.sentence_id) == ("Anthropic", "revenue", 1)
    assert text[c.figure.start : c.figure.end] == "$30 billion"


def claim(doc: str, value: float, subject: str = "Amazon", measure: str = "investment", target: str = "Anthropic",
          scope: tuple[str, ...] = (), unit: str = "USD") -> Claim:
    return Claim(doc, 0, Figure(value, unit, "x", 0, 1), subject, measure, target, scope)


def test_the_disagreement_rule_on_the_cases_of_the_issue():
    total_8 = claim("old", 8e9, scope=("total",), target="")
    total_33 = claim("new", 33e9, measure="commitment", scope=("total",), target="")
    now_5 = claim("new", 5e9, measure="invest")
    all_25 = claim("new2", 25e9, scope=("bound",))
    openai_50 = claim("a", 50e9, target="OpenAI")
    msft_13 = claim("b", 13e9, subject="Microsoft", target="OpenAI")
    classes = measure_classes([claim("x", 4e9, measure="commit"), claim("x", 4e9, measure="investment"),
                               claim("y", 7e9, measure="commitment"), claim("y", 7e9, measure="invest")])
    assert comparable(total_8, total_33, classes)  # "$8 billion total" against "$33bn total potential": one
    assert not comparable(now_5, all_25, classes)  # "$5bn now" against "up to $25bn in all": not
    assert not comparable(openai_50, msft_13, classes)  # Amazon's $50 billion in OpenAI against Microsoft's $13 billion
    assert agrees(claim("p", 5e9, subject=""), now_5)  # an unknown subject does not block agreement


def test_the_newest_figure_leads_and_each_side_cites_every_article():
    classes: dict[str, str] = {}
    old = claim("003", 1e9, measure="revenue", target="", subject="Anthropic", scope=("annual",))
    new_a = claim("000", 30e9, measure="revenue", target="", subject="Anthropic", scope=("annual",))
    new_b = claim("004", 30e9, measure="revenue", target="", subject="Anthropic", scope=("annual",))
    meta = claim("003", 30e9, measure="spend", target="", subject="Meta", scope=("annual",))
    verdict = judge(old, [old, new_a, new_b, meta], classes, {"003": 1.0, "000": 5.0, "004": 5.0}, {"000": "newer", "004": "newer"})
    assert verdict.lead.value == 30e9 and set(verdict.lead.doc_ids) == {"000", "004"}
    assert [s.value for s in verdict.others] == [1e9] and verdict.others[0].doc_ids == ("003",)
    assert verdict.basis == "newer: newer"
    # without a time order, the figure more articles state leads
    verdict = judge(old, [old, new_a, new_b], classes, {})
    assert verdict.lead.value == 30e9


def test_an_article_does_not_contradict_itself():
    classes: dict[str, str] = {}
    five = claim("001", 5e9)
    twenty_five_here = claim("001", 25e9)
    twenty_five_there = claim("004", 25e9)
    verdict = judge(five, [five, twenty_five_here, twenty_five_there], classes, {"001": 1.0, "004": 1.0})
    assert verdict.others == ()


def test_a_ceiling_is_a_ceiling_on_the_total():
    total_ceiling = claim("000", 25e9, scope=("bound", "total"))
    ceiling = claim("004", 25e9, scope=("bound",))
    assert defining_scope(total_ceiling) == defining_scope(ceiling) == frozenset({"bound"})
    assert agrees(total_ceiling, ceiling)
    assert not agrees(claim("001", 25e9, scope=("total",)), ceiling)  # a total is not a ceiling


def test_a_figure_an_article_gives_elsewhere_as_a_ceiling_is_that_ceiling():
    # 004: the headline "Amazon to invest another $25 billion in Anthropic" and the body's "up to $25 billion"
    text = "Amazon to invest another $25 billion in Anthropic\nAmazon will invest up to $25 billion in Anthropic."
    first, second = text.split("\n")
    sentences = [(0, Sentence("004", 0, len(first), first)), (1, Sentence("004", len(first) + 1, len(text), second))]
    headline, body = extract_claims("004", sentences)
    assert "bound" in body.scope and "bound" in headline.scope and "additional" in headline.scope
    # no ceiling of that figure elsewhere: the figure is as it is written
    alone = extract_claims("004", sentences[:1])
    assert "bound" not in alone[0].scope


@pytest.mark.parametrize(("anchor_time", "other_time", "past", "expected"), [
    ("September 2023", "", False, False),  # the initial investment of 2023 is not set against a 2026 deal's tranche
    ("September 2023", "", True, False),  # not even when the question asks about the past
    ("September 2023", "late 2023", False, True),  # dated in the same year: the same moment
    ("early 2024", "September 2023", True, False),  # dated in other years: two events
    ("in September", "September", False, True),  # no year: the months decide
    ("", "", False, True),  # two current figures
    ("", "September 2023", False, False),  # a current figure against a dated one: only when the question asks about the past
    ("", "September 2023", True, True),
])
def test_figures_are_set_against_each_other_only_at_one_time(anchor_time, other_time, past, expected):
    def at(doc: str, value: float, time: str) -> Claim:
        return dataclasses.replace(claim(doc, value, scope=("dated",) if time else ()), time=time)

    anchor, other = at("003", 1.25e9, anchor_time), at("000", 5e9, other_time)
    assert same_time(anchor, other, past) is expected
    verdict = judge(anchor, [anchor, other], {}, {"003": 1.0, "000": 2.0}, past=past)
    assert bool(verdict.lead.value != anchor.figure.value or verdict.others) is expected


def test_past_the_parse_cap_figures_are_kept_unparsed(monkeypatch):
    import rag.claims

    monkeypatch.setattr(rag.claims, "MAX_PARSED_SENTENCES", 1)
    texts = ["Amazon will invest $5bn in Anthropic.", "Microsoft has invested $13 billion in OpenAI."]
    sentences, pos = [], 0
    for i, t in enumerate(texts):
        sentences.append((i, Sentence("d", pos, pos + len(t), t)))
        pos += len(t) + 1
    first, second = extract_claims("d", sentences)
    assert (first.subject, first.figure.value) == ("Amazon", 5e9)
    assert (second.subject, second.figure.value, second.figure.start) == ("", 13e9, len(texts[0]) + 1 + texts[1].index("$13"))


@pytest.mark.parametrize(("sentence", "scopes"), [
    ("Meridian Motors will raise its stake in the venture, its joint venture with Voltaris, to 55% from 40%, taking control.",
     {"55%": (), "40%": ("past",)}),
    ("The cost has risen to €1.8bn, up from the original budget of €1.2 billion.", {"€1.8bn": (), "€1.2 billion": ("past",)}),
    ("Revenue rose from $1 billion to $30 billion.", {"$1 billion": ("past",), "$30 billion": ()}),
    ("Amazon invested $4 billion from its cash reserves.", {"$4 billion": ()}),  # "from" of a source, no change
])
def test_what_a_figure_changed_from_is_past(sentence, scopes):
    claims = extract_claims("d", [(0, Sentence("d", 0, len(sentence), sentence))])
    assert {c.figure.text: c.scope for c in claims} == scopes


def test_a_dateline_place_is_no_one_s_figure():
    sentence = "COPENHAGEN, 18 May 2026 — Bergmann Pharma has lowered its offer for Halvorsen Bio to €3.1 billion."
    (claim,) = [c for c in claims_of(sentence) if c.figure.unit == "EUR"]
    assert claim.subject == "Bergmann Pharma"  # was "COPENHAGEN"
