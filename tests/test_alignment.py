"""The answer's constituent by the parse (rag.alignment): the question word's role read from the question, found in
a sentence, and the span picker that answers by it. spaCy's small English pipeline only, no embedding model."""

import pytest

from rag.alignment import AskedRole, aligned_span, asked_role, states_act
from rag.analysis import analyse
from rag.phrases import noun_phrases
from rag.spans import choose_span


@pytest.mark.parametrize(
    ("question", "relation", "preposition", "governor"),
    [
        ("What did Watt add to Newcomen's engine?", "dobj", "", "add"),
        ("Who confirmed Watt's discovery of latent heat?", "nsubj", "", "confirm"),
        ("What was conferred by the 2012 Act?", "nsubjpass", "", "confer"),
        # a preposition left at the end: the question word is its object
        ("Who was the Series B round led by?", "pobj", "by", "lead"),
        ("What is a dry cooling tower similar to?", "pobj", "to", "similar"),
        # the small model hangs "What" under the name; the question's verb governs it
        ("What did Metrolink approve?", "dobj", "", "approv"),
    ],
)
def test_asked_role_reads_the_question_word_role(question, relation, preposition, governor):
    role = asked_role(question)
    assert (role.relation, role.preposition, role.governor) == (relation, preposition, governor)


def test_a_copular_question_asks_the_other_side():
    role = asked_role("What is the seating arrangement of the debating chamber?")
    assert (role.relation, role.governor) == ("attr", "")
    assert {"seat", "arrang", "debat", "chamber"} <= role.topic


@pytest.mark.parametrize("question", ["When did the farm open?", "Why did sales grow?", "How much did it cost?", "Where is the farm?", ""])
def test_questions_that_ask_no_constituent_have_no_role(question):
    assert asked_role(question) is None


def test_companions_are_read_from_along_with():
    role = asked_role("Along with mills and mines, in what industrial locations did steam drive machines?")
    assert role.companions == frozenset({"mill", "mine"})
    assert asked_role("Along with toys, why are oscillating engines made?") == AskedRole("", "", "", frozenset(), frozenset({"toy"}))


def _aligned(question: str, sentence: str, appositives: bool = False) -> str | None:
    span = aligned_span(sentence, asked_role(question), appositives)
    return sentence[span.start : span.end] if span else None


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("What did Watt add to the engine?", "Watt added a separate condenser to the engine in 1765.", "separate condenser"),
        # a passive sentence answers an active question by its agent
        ("Who confirmed Watt's discovery?", "Watt's discovery was confirmed by Joseph Black.", "Joseph Black"),
        ("What is the seating arrangement of the debating chamber?", "The seating arrangement of the debating chamber is a hemicycle.", "hemicycle"),
        # a relative clause between commas is not part of the answer
        ("What will supply power to the stations?", "The Sunfield solar farm, which produces 1.5 gigawatts, will supply power to the stations.",
         "Sunfield solar farm"),
        ("What does the farm produce?", "The Sunfield solar farm, which produces 1.5 gigawatts, will supply power to the stations.", "1.5 gigawatts"),
        # coordinated nouns stay together
        ("What did the chain buy?", "The chain bought ovens, mixers and delivery vans last year.", "ovens, mixers and delivery vans"),
        # the other members of the list that holds the companions
        ("Along with mills and mines, in what industrial locations did steam drive machines?",
         "Steam drove machines in mills, mines and factories.", "factories"),
        ("Along with geothermal and nuclear, what is a notable heat source?",
         "Notable heat sources include geothermal, nuclear and solar power.", "solar"),
        # an example: what "such as", "like" or "including" introduces
        ("What is an example of a rotary engine without pistons?",
         "A mechanism based on a pistonless rotary engine such as the Wankel engine can replace the cylinders.", "Wankel engine"),
        ("Which companies are examples of carmakers?", "Japanese carmakers, including Mazda and Isuzu, built plants there.", "Mazda"),
        # "where": the object of a preposition of place under the question's verb
        ("Where did the monks flee to?", "Under Robert de Grantmesnil, several monks fled to southern Italy in 1061.", "southern Italy"),
        ("Where were interviews held?", "Television interviews were held in the courtyard of the Assembly Hall.", "courtyard of the Assembly Hall"),
        # a copula read inverted (two subjects), and the side that says less of the question
        ("What is Norman art's most well known piece?",
         "By far the most famous work of Norman art is the Bayeux Tapestry, which is not a tapestry.", "Bayeux Tapestry"),
        ("What is the final stage of a bill in the Parliament?", "Stage 3 is the final stage of the bill.", "Stage 3"),
        # a verb with no subject of its own shares the one of the verb it hangs on, unless "with" brings its own
        ("Who killed Harold II?", "In 1066, Duke William II of Normandy conquered England killing King Harold II.",
         "Duke William II of Normandy"),
        ("Who bought a farm?", "The miller sold the house and bought a farm.", "miller"),
        ("Which regulators are examining the deals?",
         "Scrutiny of the deals is increasing, with the FTC and European Commission both examining them.", None),
        # a relative clause's copula: the side is what "which" stands for
        ("What is the world's largest library system?",
         "It runs museums alongside the Harvard Library, which is the world's largest library system.", "Harvard Library"),
        # the subject of a verb said as a noun of its family: the noun's possessive name (the answer drops its 's;
        # was "Claude")
        ("Which companies have invested in Anthropic?",
         "Amazon's latest investment brings another $5 billion to Anthropic, the AI company behind Claude.", "Amazon's"),
        # or the name a doer's noun of that family is set off after (the parse hangs "creators" on "billion")
        ("Which company created Claude?", "Amazon announced an investment of up to $25 billion in Anthropic — the "
         "creators of the Claude language model — in exchange for a 10-year agreement.", "Anthropic"),
        ("Who founded the firm?", "The firm hired Dario Amodei, the founder of a rival, last year.", "Dario Amodei"),
        # what a thing is used to do: the noun the infinitive of that purpose hangs on
        ("What device is used to recycle the boiler water?",
         "Most practical steam engines have a water pump to recycle the boiler water.", "water pump"),
        # a question noun said in the sentence as its verb: what the verb takes (a time only if nothing else)
        ("What is the seating arrangement of the debating chamber?",
         "The debating chamber of the Parliament has seating arranged in a hemicycle.", "hemicycle"),
        # a common noun in the role stands for the name it describes, or the name it gives as an example
        ("What service lets AWS customers access Claude?", "Customers access Claude through Amazon Bedrock, the managed "
         "service that lets enterprises build applications.", "Amazon Bedrock"),
        ("Which companies are pursuing full-stack strategies?", "Companies like Kunlun Wanwei are pursuing similar "
         "full-stack strategies.", "Kunlun Wanwei"),
        # a stranded preposition: its object under the verb or the verb's object, a time only if nothing else is
        ("Which company did Amazon invest $50 billion in?",
         "In February 2026, the company invested approximately $50 billion in OpenAI.", "OpenAI"),
        ("What year did the company invest in?", "In February 2026, the company invested heavily.", "February 2026"),
        # a verb the parse gave no subject: the noun phrase right before it (the tagger hung "congresses" on the
        # phrase before the comma)
        ("Who backed policies that sound good?", "Instead of providing stable rules for entrepreneurship and innovation, "
         "congresses and presidents have repeatedly backed policies which promise easy solutions.", "congresses and presidents"),
        # who thinks or says it: whom "according to" names
        ("Who thought the world could be split into climatic zones?",
         "According to geographic scholars under colonizing empires, the world could be split into climatic zones.",
         "geographic scholars"),
        ("Who built the world?", "According to geographic scholars, the world could be split into climatic zones.", None),
        # "where" hung on the auxiliary of a passive: the place of the verb it helps
        ("Where is much of the work of the Parliament done?", "Much of the work of the Parliament is done in committee.",
         "committee"),
        # who is responsible for doing it: who does it
        ("Who is responsible for operating the voting equipment?",
         "A vote clerk sits in front of the Presiding Officer and operates the voting equipment.", "vote clerk"),
        # the sentence does not say it in that shape: no alignment
        ("What did Watt add to the engine?", "The engine was improved in 1765.", None),
        # a participle done by a noun that is not the question's doer (seed dev: was "NVIDIA hardware")
        ("What chips is Anthropic expected to run its models on?",
         "Anthropic's models may beat competitors running on NVIDIA hardware.", None),
        ("What chips do competitors run on?", "Anthropic's models may beat competitors running on NVIDIA hardware.",
         "NVIDIA hardware"),
        # a past participle's noun is what is done to: the doer is left unsaid
        ("Who did the Parliament rent buildings from?",
         "The Parliament also used buildings rented from the City of Edinburgh Council.", "City of Edinburgh Council"),
    ],
)
def test_aligned_span_finds_the_role_in_the_sentence(question, sentence, expected):
    assert _aligned(question, sentence) == expected


def test_an_appositive_belongs_to_a_name_asked_for():
    sentence = "In 1418, Jean's nephew, Maciot de Bethencourt, sold the rights to the islands."
    assert _aligned("Who sold the rights?", sentence) == "Jean's nephew"
    assert _aligned("Who sold the rights?", sentence, appositives=True) == "Jean's nephew, Maciot de Bethencourt"


@pytest.mark.parametrize(
    ("question", "sentence", "before", "after"),
    [
        # an answer that need not be a name: the aligned constituent, less the question's words at its edges
        ("What did Metrolink approve?", "The transit authority Metrolink approved a 10-year plan to extend the Blue Line.",
         "transit authority", "10-year plan"),
        ("What did Watt add to Newcomen's engine between 1763 and 1775?",
         "Between 1763 and 1775 Watt added a separate condenser to Newcomen's engine.", "separate condenser", "separate condenser"),
        # a number the question gives is left out at the edge too
        ("After 1945, what challenged the French empire?", "After 1945 anti-colonial movements challenged the French empire.",
         None, "anti-colonial movements"),
        # a name: the candidate inside the aligned constituent, not the one nearest the question's words
        ("Who founded the chain?", "The chain, which Oven Ventures backed in its Series B round, was founded by Tomas Reis.",
         "Tomas Reis", "Tomas Reis"),  # (unaligned too: the agent of the passive, "founded by")
        # the name that holds the constituent's head, not a capitalized modifier of it
        ("Who designed the building?", "The building was designed by Spanish architect Enric Miralles with a local firm.",
         "Enric Miralles", "Enric Miralles"),  # (unaligned too: the name after a demonym and a role)
    ],
)
def test_choose_span_answers_by_the_aligned_constituent(question, sentence, before, after):
    q = analyse(question)
    phrases = noun_phrases(sentence) if q.span_kind == "other" else ()
    unaligned = choose_span(sentence, q, phrases=phrases)
    assert (unaligned.text if unaligned else None) == before
    span = aligned_span(sentence, asked_role(question), appositives=q.span_kind != "other")
    assert choose_span(sentence, q, phrases=phrases, aligned=span).text == after


def test_the_questions_year_places_the_name_where_the_parse_aligns_another():
    # "described by Taqi al-Din in 1551 and by Giovanni Branca in 1629": the first agent is aligned, the year is the other's
    sentence = "A rudimentary steam turbine device was described by Taqi al-Din in 1551 and by Giovanni Branca in 1629."
    question = "Who described a steam turbine in 1629?"
    q = analyse(question)
    span = aligned_span(sentence, asked_role(question), appositives=True)
    assert choose_span(sentence, q, aligned=span).text == "Giovanni Branca"
    assert choose_span(sentence, analyse("Who described a steam turbine in 1551?"), aligned=span).text == "Taqi al-Din"


def test_a_name_beside_the_class_asked_for_is_preferred():
    sentence = "Its faculty include computer scientist Leslie Valiant, Shakespeare scholar Stephen Greenblatt and writer Louis Menand."
    assert choose_span(sentence, analyse("What Shakespeare scholar is on the faculty?")).text == "Stephen Greenblatt"
    assert choose_span(sentence, analyse("Which writer is on the faculty?")).text == "Louis Menand"


@pytest.mark.parametrize(("question", "sentence", "answer"), [
    # a name whose head is the class asked for is whole, and preferred (was "Boston", then "Charles" of a river)
    ("What river is near the stadium?", "Harvard Stadium stands beside the Charles River in Boston.", "Charles River"),
    ("Which railway did Murray supply?", "Salamanca by Matthew Murray ran on the Middleton Railway.", "Middleton Railway"),
    # a word of the question's own names is no class (was "Harvard Joseph Willard")
    ("What liberal succeeded Joseph Willard as president?",
     "When David Tappan died in 1803 and the president of Harvard Joseph Willard died a year later, a struggle broke out.",
     "David Tappan"),
    # the adjective of a name the question gives is that name, not its answer (was "Japanese", "British")
    ("Which country did Japan invade?", "In 1941 the Japanese invaded Thailand.", "Thailand"),
    ("Which country traded with Britain?", "The British traded with the Portuguese.", "Portuguese"),
    ("Which country did Britain fight?", "Britain fought the French, and the British won.", "French"),
    # a word quoted as a word is no place (was "Norman")
    ("From which countries did the Norse originate?",
     'They were descended from Norse ("Norman" comes from "Norseman") raiders and pirates from Denmark, Iceland and Norway.',
     "Denmark"),
    # a name's generation number stands between it and the class noun (was "NVIDIA", beside "hardware")
    ("What family of chips will Anthropic run its models on?",
     "As Trainium 2 chips roll out, Anthropic's models may rival competitors running on NVIDIA hardware.", "Trainium"),
])
def test_the_name_asked_for_by_its_class_and_not_by_the_questions_own_names(question, sentence, answer):
    got = choose_span(sentence, analyse(question))
    assert (got.text if got else None) == answer


@pytest.mark.parametrize(("question", "kind"), [
    ("What type of locomotive was Salamanca?", "locomotive"),
    ("What kinds of sciences were Social Darwinism and theories of race?", "science"),
    ("What sort of system releases the exhaust steam into the atmosphere?", "system"),
    ("What did Watt add to the engine?", ""),
    ("Which type is it?", ""),  # no class named
])
def test_asked_kind_reads_the_class_a_type_of_question_names(question, kind):
    from rag.alignment import asked_kind

    assert asked_kind(question) == kind


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    # the words before the class noun name its sort; the question's own words at the edges are left out
    ("What kind of committee considered legislation on the tram network?",
     "Private Bill Committees considered legislation on the Edinburgh Tram Network.", "Private Bill"),
    ("What sort of system releases the exhaust steam into the atmosphere?",
     'In a closed loop system the steam is condensed, while an "open loop" system releases the exhaust steam into the'
     " atmosphere.", "open loop"),  # the mention nearest the question's words
    ("What type of steam engines produced most power?",
     "Reciprocating piston steam engines were the dominant source of power.", "Reciprocating piston"),
    ("What type of valve do safety devices use?", "Modern safety devices use an adjustable spring-loaded valve.",
     "adjustable spring-loaded"),
])
def test_a_type_of_question_is_answered_by_the_words_that_name_the_sort(question, sentence, expected):
    from rag.alignment import asked_kind, sorts_of

    q = analyse(question)
    span = choose_span(sentence, q, sorts=sorts_of(sentence, asked_kind(question)))
    assert span is not None and span.text == expected


def test_a_class_said_bare_has_no_sort():
    from rag.alignment import sorts_of

    assert sorts_of("The locomotive was built in 1812.", "locomotive") == ()


@pytest.mark.parametrize(("question", "stem", "expected"), [
    ("Which cloud platform is OpenAI tied to?", "platform", True),
    ("What advancements besides military technology did Europe achieve?", "advanc", True),
    ("What needs to be larger to get the same work?", "need", False),  # a verb the class pattern read as a class
])
def test_names_a_class_tells_a_noun_from_a_verb(question, stem, expected):
    from rag.alignment import names_a_class

    assert names_a_class(question, stem) is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The office was created to coordinate the response to the embargo.", "to coordinate the response to the embargo"),
    ("The system allowed newly discovered oil to be sold at a higher price to encourage investment.",
     "to encourage investment"),
    ("Amazon invested $5 billion in Anthropic.", None),
    # under a participle or a verb of aiming, up to the clause's comma
    ("Saudi Arabia, trying to recover market share, increased production.", "to recover market share"),
    # a perfect tense's participle: the infinitive is what was pledged, not what it was done for
    ("In exchange, the company has pledged to spend $100 billion on cloud services.", None),
])
def test_purpose_finds_the_infinitive_a_thing_is_done_for(sentence, expected):
    from rag.alignment import purpose

    found = purpose(sentence)
    assert (sentence[found[0] : found[1]] if found else None) == expected


def test_a_type_of_question_is_not_answered_by_a_figure():
    sentence = "The round values Anthropic at approximately $60 billion, a remarkable figure for a young lab."
    q = analyse("What type of company is Anthropic?")
    # "company" is no quantity: not even the plain span picker answers by a figure (it did: "$60 billion")
    assert choose_span(sentence, q) is None
    assert choose_span(sentence, analyse("What valuation did the round give Anthropic?")).figure.text == "$60 billion"
    span = choose_span(sentence, q, phrases=noun_phrases(sentence), words_only=True)
    assert span is None or (span.figure is None and "$" not in span.text)


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("What happens to the working fluid in a closed loop system?",
     "The working fluid can operate as a closed loop system, where the working fluid is recycled continuously.",
     "recycled continuously"),  # the predicate that says least of the question's words
    ("What happens to waste heat in the cycle?",
     "The heat is supplied externally, and the waste heat is removed in a condenser.", "removed in a condenser"),
    ("What happens to waste heat in the cycle?", "Heat drives the cycle.", None),
])
def test_what_happens_to_a_thing_is_the_predicate_whose_subject_it_is(question, sentence, expected):
    from rag.alignment import asked_happening, happening
    from rag.lexical import content_terms

    found = happening(sentence, asked_happening(question), frozenset(content_terms(question)))
    assert (sentence[found[0] : found[1]] if found else None) == expected


def test_of_several_purposes_the_one_the_question_does_not_say_is_the_reason():
    from rag.alignment import purpose
    from rag.lexical import content_terms

    sentence = "Some nations sought to disassociate themselves from US policy to avoid being targeted by the boycott."
    asked = frozenset(content_terms("Why did the nations disassociate themselves from US policy?"))
    found = purpose(sentence, asked)
    assert found is not None and sentence[found[0] : found[1]] == "to avoid being targeted by the boycott"


def test_an_infinitive_of_the_questions_own_verb_is_no_purpose():
    from rag.alignment import purpose
    from rag.lexical import content_terms

    # found by the fourth blind probe: "to spend more than $100bn ..." answered "Why is Anthropic spending $100 billion on AWS?"
    sentence = "Anthropic also plans to spend more than $100bn over the next decade on AWS technologies."
    assert purpose(sentence, frozenset(content_terms("Why is Anthropic spending $100 billion on AWS?"))) is None
    assert purpose(sentence) is not None  # asked nothing, the plan is what it aims at


@pytest.mark.parametrize(("sentence", "name", "expected"), [
    ("Customers reach Claude through Amazon Bedrock, the managed service that lets enterprises build apps.",
     "Amazon Bedrock", "the managed service that lets enterprises build apps"),  # the appositive, with its clause
    ("Bedrock is a managed service for models.", "Bedrock", "a managed service for models"),  # the copula's other side
    ("Its Constitutional AI approach — which trains models to follow principles rather than relying on feedback — has "
     "produced Claude.", "Constitutional AI approach", "trains models to follow principles rather than relying on feedback"),
    # a name that modifies the noun the clause is said of ("What is Constitutional AI?")
    ("Its Constitutional AI approach — which trains models to follow principles rather than relying on feedback — has "
     "produced Claude.", "Constitutional AI", "trains models to follow principles rather than relying on feedback"),
    ("Amazon Bedrock grew fast.", "Amazon Bedrock", None),  # says nothing of what it is
    ("Nothing here names it.", "Amazon Bedrock", None),
    # an appositive the parse attaches to the verb (the twentieth blind probe: "What is Anthropic?" got "$30 billion")
    ("Amazon's latest investment brings another $5 billion to Anthropic, the AI company behind Claude.", "Anthropic",
     "the AI company behind Claude"),
    ("After the deal with Anthropic, the company said it would grow.", "Anthropic", None),  # a clause, not an appositive
    ("The deal builds on previous Amazon-Anthropic collaborations, the first in 2023.", "Anthropic", None),  # no word of its own
])
def test_description_is_what_a_sentence_says_a_name_is(sentence, name, expected):
    from rag.alignment import description

    found = description(sentence, name)
    assert (sentence[found[0] : found[1]] if found else None) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Anthropic trains on Amazon's custom Trainium chips.", "Amazon's custom Trainium chips"),  # a kind of chips
    ("Amazon's deal challenges Microsoft's Trainium relationship and Google's approach.", None),  # no kind: one relationship
])
def test_a_name_that_modifies_a_plural_noun_is_of_its_class(sentence, expected):
    from rag.alignment import description

    assert description(sentence, "Trainium") is None  # only where asked for the class
    found = description(sentence, "Trainium", classed=True)
    assert (sentence[found[0] : found[1]] if found else None) == expected


@pytest.mark.parametrize(("sentence", "stem", "expected"), [
    ("Mercury is the working fluid in the mercury vapor turbine.", "fluid", "Mercury"),
    ("The main risk is execution.", "risk", "execution"),
    ("The fluid boils at low pressure.", "fluid", None),  # no copula
])
def test_the_copula_side_opposite_the_class_asked(sentence, stem, expected):
    from rag.alignment import copula_of_class

    found = copula_of_class(sentence, stem)
    assert (sentence[found[0] : found[1]] if found else None) == expected


@pytest.mark.parametrize(
    ("sentence", "predicate", "doer", "states"),
    [
        ("Amazon invested $5 billion in Anthropic as part of their latest deal.", "invest", "Amazon", True),
        # the act, but another name does it (was: "Yes" to "Did Anthropic invest in Amazon?")
        ("Amazon invested $5 billion in Anthropic as part of their latest deal.", "invest", "Anthropic", False),
        # a noun of the family: whose it is (its possessor, or the subject of its clause)
        ("The move brings Amazon's total investment in Anthropic to a staggering $8 billion.", "invest", "Amazon", True),
        ("Unlike Microsoft's arrangement with OpenAI, Amazon's deal with Anthropic is structured as a more traditional "
         "investment.", "invest", "Microsoft", False),
        # "own" as an adjective is no act of owning (was: "Yes" to "Is Anthropic owned by Amazon?")
        ("Tying Anthropic to Trainium chips stimulates scaling of Amazon's own semiconductor division.", "own", "Amazon",
         False),
        # a doer that is not a name may be anyone: no verdict against
        ("In February 2026, the company invested approximately $50 billion in OpenAI.", "invest", "Microsoft", True),
        # a relative clause's doer is the name it is about; a verb without a subject takes its head's
        ("Microsoft, which invested $13 billion in OpenAI, holds a stake.", "invest", "Microsoft", True),
        ("Microsoft, which invested $13 billion in OpenAI, holds a stake.", "invest", "Amazon", False),
        ("Amazon plans to invest $5 billion.", "invest", "Google", False),
        # a passive: the agent does it
        ("The parliament was built by Enric Miralles.", "built", "Enric Miralles", True),
        ("The parliament was built by Enric Miralles.", "built", "Donald Dewar", False),
        ("Google has also made a reported $2 billion investment in Anthropic.", "buy", "Google", False),  # no such act
        # a role word stands before its name: the CEO is Dario Amodei, not Daniela Amodei
        ("It is led by CEO Dario Amodei and President Daniela Amodei.", "ceo", "Daniela Amodei", False),
        ("It is led by CEO Dario Amodei and President Daniela Amodei.", "ceo", "Dario Amodei", True),
        # a noun's owner is found up the nouns it hangs from: the 49% ownership stake is Microsoft's arrangement's
        ("Unlike Microsoft's arrangement with OpenAI — which involves a reported 49% ownership stake — Amazon's deal "
         "with Anthropic is structured as a more traditional investment.", "own", "Amazon", False),
        ("Unlike Microsoft's arrangement with OpenAI — which involves a reported 49% ownership stake — Amazon's deal "
         "with Anthropic is structured as a more traditional investment.", "own", "Microsoft", True),
    ],
)
def test_a_sentence_states_the_act_of_the_name_asked(sentence, predicate, doer, states):
    assert states_act(sentence, predicate, doer) is states


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("What is a notable application of injectors today?", "Injectors became popular in the 1850s but are no longer "
     "widely used, except in applications such as steam locomotives.", "steam locomotives"),
    ("What is an example of a rotary engine?", "Some designs, such as the Wankel engine, use a rotor.", "Wankel engine"),
    # the word before "such as" is not the noun asked: no example of it
    ("What is a notable application of injectors today?", "Boilers need pumps, such as injectors.", None),
])
def test_what_is_a_noun_of_x_is_answered_by_the_example_the_sentence_gives(question, sentence, expected):
    from rag.whole_answer import example_given as _example_given

    assert _example_given(sentence, analyse(question)) == expected


@pytest.mark.parametrize(
    ("sentence", "word", "candidate"),
    [
        ("Earlier Viking settlers had begun arriving in the 880s.", "Earlier", None),  # an adverb
        ("From a poll of students, the college ranks second.", "From", None),  # a preposition
        ("Considering the cost, the council voted against it.", "Considering", None),  # a verb
        ("All declared their support for the duke.", "All", None),  # a pronoun
        ("Any member can put their name forward.", "Any", "Any member"),  # a determiner, with its noun
        ("Bowman was the director of the society.", "Bowman", "Bowman"),
        ("Sweden rationed gasoline and heating oil.", "Sweden", "Sweden"),
        ("Japanese imports became mass-market leaders.", "Japanese", "Japanese"),  # a demonym answers "which country"
    ],
)
def test_a_lone_first_word_answers_only_where_its_class_can_name(sentence, word, candidate):
    from rag.spans import Span, _first_word

    got = _first_word(sentence, Span(0, len(word), word, "name"))
    assert (got.text if got is not None else None) == candidate


@pytest.mark.parametrize(
    ("question", "sentence", "answer"),
    [
        ("Who took part in the vote?", "All took part in the vote, said Carter.", "Carter"),
        ("Who ranked Harvard second?", "From a poll of students, Harvard ranked second in the Princeton Review.", "Princeton Review"),
        ("Who can stand for First Minister?", "Any member can stand for First Minister in the chamber.", "Any member"),
    ],
)
def test_a_name_question_is_not_answered_by_a_sentence_opening_word_of_another_class(question, sentence, answer):
    assert choose_span(sentence, analyse(question)).text == answer


@pytest.mark.parametrize(
    ("sentence", "topic", "names", "expected"),
    [
        # a subject that says the topic, a verb of effect: what it does
        ("The guaranteed 5 gigawatts removes one of the main risks and allows planning ahead.",
         "guarante gigawatt matter", "", "removes one of the main risks and allows planning ahead"),
        ("Second, tying Anthropic to Trainium chips stimulates scaling of Amazon's chip division.",
         "lock anthrop trainium help amazon", "anthrop trainium amazon", "stimulates scaling of Amazon's chip division"),
        # the question's one name alone as the subject is no effect of what it asks about
        ("Amazon strengthens its position against Azure.", "amazon invest", "amazon", None),
        # a verb of no effect, or a pronoun as the subject
        ("The guaranteed 5 gigawatts equals five power plants.", "guarante gigawatt", "", None),
        ("It removes one of the main risks.", "guarante gigawatt", "", None),
    ],
)
def test_what_a_subject_that_says_the_topic_does(sentence, topic, names, expected):
    from rag.alignment import effect

    found = effect(sentence, frozenset(topic.split()), frozenset(names.split()))
    assert (sentence[found[0] : found[1]] if found else None) == expected


@pytest.mark.parametrize(("question", "verb"), [
    ("Which companies have invested in Anthropic?", "invest"),
    ("Which companies besides Amazon have invested in Anthropic?", "invest"),
    ("Which company has a board seat?", ""),  # a light verb asks no act
])
def test_the_main_verb_of_a_question(question, verb):
    from rag.alignment import main_verb

    assert main_verb(question) == verb


def test_the_doer_of_a_noun_that_heads_its_sentence_is_no_one():
    # a sentence whose root is the noun asked of ("The primary computing base."): the climb to its verb stops at the
    # root (it looped for ever, comparing spaCy tokens by identity; the hundred-and-thirteenth probe's reask hung)
    from rag.alignment import act_doers

    assert act_doers("The primary computing base.", "base") == [frozenset()]
