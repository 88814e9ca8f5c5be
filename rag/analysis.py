"""Question analysis, done once: what a question asks for, about whom, in which time scope.

The record is passed down to retrieval, the answerer, the span picker, the disagreement check and the
follow-up logic, so no other module reads the raw question again. Pure rules over the text: no model is
needed, so the table tests run without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from types import MappingProxyType

from rag.alignment import main_verb
from rag.answer_forms import LIKENING_WORDS, asked_periods, compared_figures
from rag.blanks import blank_before
from rag.figures import parse_figures
from rag.lexical import FOCUS_ADVERBS, GENERIC_NAME_TERMS, content_terms
from rag.mismatch import answers_asked_at, asked_counts, bare_numbers, spans_of_time, without_answers_asked
from rag.negation import negates
from rag.opposites import contrary_words, opposed_words
from rag.places import placed_names, places_asked
from rag.records import Figure
from rag.roles import PERSON_NOUNS, ROLE_GROUPS, TITLE_FORMS, TITLE_WORDS
from rag.spans import BROUGHT_VERBS, NAME_NUMBER, bound_qualifiers, question_type
from rag.statements import asked_speaker
from rag.timewords import CALENDAR_NAMES, MONTH_ABBREVIATIONS, years_in
from rag.units import (
    ANY_UNIT,
    FIGURE_KINDS,
    FIGURE_UNITS,
    MONEY_ASKED_WORDS,
    QUANTITY_NOUNS,
    UNIT_SYMBOLS,
    UNITS,
    kind_of,
    units_of_kind,
)

# Answer types a question can ask for; `span_kind` is the kind of span the span picker looks for.
ANSWER_TYPES = (
    "person", "organisation", "place", "date", "money", "percent", "power", "energy", "tokens", "ratio", "duration", "count",
    "list", "yesno", "reason", "definition", "expansion", "role", "other",
)
AUX_WORDS = "is are was were does do did has have had can could will would should may might must".split()
_AUX = rf"(?:{'|'.join(AUX_WORDS)})"
WH_WORDS = ("what", "which", "how", "who", "whom", "whose", "when", "where", "why")
_YESNO = re.compile(rf"^{_AUX}\b(?!\s+(?:there\s+)?(?:any|much|many)\b)", re.IGNORECASE)
_REASON = re.compile(r"^(?:why|how come)\b|\bwhat (?:is|was|are|were) the reasons?\b|\bfor what reason\b"
                     r"|^what reasons? (?:is|are|was|were|does|do|did)\b", re.IGNORECASE)  # "What reason is given for ...?"
_HOW_MANNER = re.compile(r"^how\b(?!\s+(?:much|many|long|big|large|old|often|far|high|fast|soon))", re.IGNORECASE)
_DEFINITION = re.compile(
    r"^what (?:is|are|was|were) (?:the |a |an )?(?:main |biggest |key |primary )?(?!(?:term|name|word)s? (?:for|used)\b)(?P<noun>[a-z][\w-]*)"
    r"(?:\s+(?:of|to|for|in|on|over|at|with|behind|facing)\b.*)?\??$",  # "the key catalyst to watch over the next year"
    re.IGNORECASE,
)
# "What is a circular investment?": a kind of thing to define, not an amount (unless an amount is named)
# "What does the term circular investment mean?", "What is meant by model optimization?": a term to define
_MEANS = re.compile(
    # "... mean?", "... mean in the context of the deal?", "... mean for investors?", "... refer to?"
    r"^what (?:does|do|did) (?:the )?(?:(?:term|phrase|word|expression|notion|concept) )?[^?]+\b(?:mean|refer to)(?:\s+(?:in|for|to|here|when|as)\b[^?]*)?\W*$"
    r"|^what (?:is|was|are|were) meant by\b",
    re.IGNORECASE,
)
# "What is the 'Token Economy'?": a term the question quotes asks what it is
# nouns for an amount: "What is a fair valuation of Anthropic?" asks a figure, not a definition (_WHAT_IS_A, _NOT_BARE_END)
AMOUNT_WORDS = "amount number sum figure valuation price cost share percentage stake"
# "What is circular investment?", "What are foundation models?": a common noun without an article, nothing more (not
# "What are stators attached to?", "What is Anthropic's revenue?", "What is total investment?")
_WHAT_IS_BARE = re.compile(
    r"^\W*what (?:is|are) (?!(?:the|a|an|not|also|this|that|these|those|it|they|there|one|some|another|other|total|"
    r"current|annual|latest)\b)(?-i:((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*))\s*\?\s*$",
    re.IGNORECASE,
)
# a last word that leaves the question open ("attached to", "used") or asks a figure ("What is annualized revenue?")
_NOT_BARE_END = frozenset(("to of for in on by at with from about revenue value size " + AMOUNT_WORDS).split())


def _asks_bare_noun(text: str) -> bool:
    """Whether the question asks what a common noun named without an article is: "What is circular investment?"."""
    m = _WHAT_IS_BARE.match(text)
    if m is None:
        return False
    last = m.group(1).split()[-1]
    return not last.endswith("ed") and last not in _NOT_BARE_END and last.rstrip("s") not in _NOT_BARE_END


_WHAT_IS_QUOTED = re.compile(r"^what (?:is|are|was|were) (?:the |a |an )?['‘\"“][^'’\"”?]{2,60}['’\"”]\s*\??$", re.IGNORECASE)
_WHAT_IS_A = re.compile(
    r"^what (?:is|are) an? (?!(?:example|instance|case|kind|type|sort|form)s? of\b)(?!(?:term|name|word)s? (?:for|used)\b)"
    rf"(?![^?]*\b(?:total|{'|'.join(AMOUNT_WORDS.split())})\b)",
    re.IGNORECASE,
)
# "What does AWS stand for?", "What is the acronym FIS short for?", "the full name of NATO": an acronym's long form
_EXPANSION = re.compile(
    r"^what (?:does|do|did|is|was) (?:the )?(?:acronym |abbreviation |initialism |letters? |initials )?(?P<acr>[\w.&-]+)\s+"
    r"(?:stand|stands|stood|short) for\b|\bfull (?:name|form) (?:of|for) (?:the )?(?:acronym |abbreviation )?(?P<acr2>[\w.&-]+)",
    re.IGNORECASE,
)
_PERSON = re.compile(r"^(?:who|whom|whose)\b|\bwhich (?:person|people|executive|analyst|author|editor)\b", re.IGNORECASE)
# a question that starts by asking who: "Who invested $2 billion ...?", "Which company put $50 billion into OpenAI?"
_ASKS_WHO = re.compile(
    r"^\W*(?:who|whom|(?:which|what) (?:compan(?:y|ies)|firms?|organi[sz]ations?|investors?|startups?|labs?|businesses))\b",
    re.IGNORECASE,
)
# a question that is only a person's name: "Who is Dario Amodei?", "who was Rollo"
# (not "Who was Guy's Rival?": a name's possessive asks for another one)
_WHO_IS_NAMED = re.compile(r"^(?i:who)(?:'s| (?i:is|was)) [A-Z][\w.-]*(?: [A-Z][\w.-]*)+\s*\??$")
_ORGANISATION = re.compile(
    r"\b(?:which|what) (?:compan(?:y|ies)|firms?|organi[sz]ations?|outlets?|publishers?|labs?|startups?|investors?|"
    r"providers?|rivals?|competitors?|chip ?makers?|businesses)\b",
    re.IGNORECASE,
)
_PLURAL_ASK = re.compile(
    # "Which two companies ...?", not "What should investors watch for?", whose plural is the subject of its verb
    r"\b(?:which|what) (?:(?!(?:should|do|does|did|are|is|were|was|can|could|will|would|have|has|had|must|might|may)\b)\w+ )?"
    r"(?:compan(?:ies)|firms|organi[sz]ations|countries|cities|people|investors|rivals|"
    r"competitors|providers|labs|products|models|services|chips|sectors|markets|regions|companies)\b"
    r"|\bwho (?:are|were)\b|\bname (?:the|two|three|all)\b|\blist\b"
    r"|^\W*who else\b"  # "Who else has invested in Anthropic?": the others, as many as are named
    r"|\b(?:which|what) (?:two|three|four|five|both)\b"  # "Which two tech giants ...?": several names
    # "Which regulators are ...?": any plural noun the question asks for, before its verb (not "What types of")
    r"|^\W*(?:which|what) (?:(?!of\b|types?\b|kinds?\b|sorts?\b)[\w-]+ ){0,3}?"
    r"(?!(?:type|kind|sort|form|part|percentage|number|amount)s\b)[a-z]+(?:ie|[^su])s"
    r" (?:are|were|have|had|do|did|will|would|could|can|might|may)\b",
    re.IGNORECASE,
)
_SOURCE_NOUN = r"(?:articles?|sources?|outlets?|publications?|reports?|papers?|stor(?:y|ies)|pieces?)"
_SOURCE_VERB = (
    r"(?:said|says|say|reported|reports|report|stated|states|state|gave|gives|give|wrote|writes|claims?|claimed|mentions?|"
    r"mentioned|confirms?|confirmed|agrees?|agreed|concurs?|concurred|makes?|made|draws?|drew)"
)
# what a follow-up says was said: "it", "so", "that figure" ("Who else reports that figure?")
_THAT_ONE = r"(?:(?:that|this|the\s+same)(?:\s+(?:figure|number|amount|claim|fact|one|comparison|point|statement))?|it|so)"
_SAYS_IT = rf"(?:also\s+)?{_SOURCE_VERB}(?:\s+(?:with\s+)?{_THAT_ONE})?"
_SOURCE_FOLLOWUP = re.compile(
    r"^(?:and\s+)?(?:who|which (?:article|source|outlet|publication|report|paper)s?|what (?:article|source|outlet)s?)\s+"
    rf"(?:also\s+)?{_SOURCE_VERB}\s+{_THAT_ONE}\s*\??$"
    # "Where does that come from?", "What is the source of that?", "Source?"
    r"|^(?:and\s+)?where\s+(?:does|did)\s+(?:that|this|it)\s+come\s+from\s*\??$"
    r"|^(?:and\s+)?where\s+(?:is|was)\s+(?:that|this|it)\s+from\s*\??$"  # "Where's that from?"
    r"|^(?:and\s+)?(?:what\s+(?:is|are|was)\s+)?(?:the\s+)?sources?(?:\s+(?:of|for)\s+(?:that|this|it))?\s*\??$"
    # "Says who?", "Really? Source?", "According to whom?", "Citation?": a doubt put as a word or two
    r"|^(?:(?:really|wait|hmm+|ok(?:ay)?|so|and|but)\W+)*(?:says\s+who|said\s+who|according\s+to\s+whom|who\s+says\s+so"
    r"|citation(?:\s+needed)?|sources?)\s*[?!.]*$"
    # "Which article?", "In which piece?": the source of the answer before, asked by its noun alone
    r"|^(?:and\s+)?(?:(?:in|from)\s+)?(?:which|what)\s+(?:article|source|outlet|publication|report|paper|piece|story)s?(?:\s+(?:was\s+)?(?:that|this|it)(?:\s+in)?)?\s*[?!.]*$"
    # "Who else reports it?", "Which other articles say so?", "Does any other source say that?", "Anyone else?"
    rf"|^(?:and\s+)?(?:(?:who\s+else|(?:does|do|did)\s+(?:any|an)\s*(?:one\s+else|other\s+{_SOURCE_NOUN}))\s+{_SAYS_IT}"
    rf"|(?:which|what)\s+other\s+{_SOURCE_NOUN}(?:\s+{_SAYS_IT})?)\s*\??$",
    re.IGNORECASE,
)
# "Which article gave that lower number?", "Which source has the newer figure?": the articles of one side of the
# previous answer's disagreement (rag.attribution.side_sources); the side's word is read by `asked_side`
_SIDE_FOLLOWUP = re.compile(
    r"^(?:and\s+)?(?:which|what)\s+(?:articles?|sources?|outlets?|publications?|reports?|papers?|ones?)\s+"
    r"(?:gave|gives|give|says?|said|reported|reports?|states?|stated|has|had|have|cites?|cited|puts?|quoted|quotes?)\s+"
    r"(?:that|the|this)\s+(?P<side>lower|smaller|higher|bigger|larger|older|earlier|newer|latest|more\s+recent|current|other|different)"
    r"\s+(?:number|figure|amount|one|estimate|value)s?\s*\??$",
    re.IGNORECASE,
)


def asked_side(text: str) -> str:
    """The side of a disagreement a follow-up asks the sources of ("lower" in "Which article gave that lower
    number?"), or ""."""
    m = _SIDE_FOLLOWUP.match(text)
    return "" if m is None else " ".join(m.group("side").lower().split())


# "Which is the more recent figure?", "Which one is newer?": the side the previous answer leads with
_NEWEST_FOLLOWUP = re.compile(
    r"^(?:and\s+)?which\s+(?:one\s+|figure\s+|number\s+)?(?:is|was)\s+(?:the\s+)?(?:more\s+recent|newer|newest|latest|most\s+recent|current)"
    r"(?:\s+(?:one|figure|number|amount))?\s*\??$"
    # "Which of them is right?": the sources disagree, and the newer leads
    r"|^(?:and\s+|so\s+|ok(?:ay)?,?\s+)?which\s+(?:of\s+(?:them|these|those|the\s+two)\s+|one\s+|figure\s+|number\s+)?(?:is|was|'s)\s+"
    r"(?:right|correct|accurate|true)\s*\??$",
    re.IGNORECASE,
)
# "Who wrote that article?", "Who published that?": the credit line or publisher of the previous answer's article
_CREDIT_FOLLOWUP = re.compile(
    r"^(?:and\s+)?who\s+(?P<verb>wrote|authored|edited|published)\s+(?:that|this|it|the)(?:\s+(?:article|piece|story|report|one))?\s*\??$",
    re.IGNORECASE,
)
# "What's the actual figure then?", "So what is the real number?": the figure a yes/no question was about, as the
# articles give it
_FIGURE_FOLLOWUP = re.compile(
    r"^\W*(?:and\s+|so\s+|then\s+|ok(?:ay)?,?\s+)?(?:what(?:'s|’s|\s+is|\s+was|\s+are)|which\s+is)\s+(?:the\s+)?"
    r"(?:actual|real|right|correct|true|accurate|reported|stated)\s+(?:figure|number|amount|value|sum|one)(?:\s+then)?\s*\??$"
    # "Say that again in plain numbers": the figure of the answer before, as it is
    r"|^\W*(?:(?:can|could)\s+you\s+)?(?:say|give|put|tell)\s+(?:me\s+)?(?:that|it|this)\s+(?:again\s+)?in\s+(?:plain|simple|round|real)\s+"
    r"(?:numbers|figures|terms|english)(?:\s+please)?\W*$",
    re.IGNORECASE,
)


# "Which outlet reported it?", "What publication ran that?": the previous answer's publisher
_OUTLET_FOLLOWUP = re.compile(
    r"^(?:and\s+)?(?:which|what)\s+(?:news\s+)?(?:outlet|publication|publisher|paper|newspaper|site)\s+"
    r"(?:reported|reports|published|publishes|ran|runs|carried|carries|wrote|said)\s+(?:that|this|it|so|the(?=\s+(?:article|piece|story|report|headline)))"
    r"(?:\s+(?:article|piece|story|report|one|headline))?"
    # (or the article by its title: "Which publication ran the headline 'Amazon Invests $5B in Anthropic ...'?")
    r"(?:,?\s+(?:titled|entitled|headlined|called|named)?:?\s*[\"'‘“][^\"“”]+[\"'’”])?\s*\??$",
    re.IGNORECASE,
)


def _credit_followup(text: str) -> str:
    """ "publisher" for "Who published that?", "credit" for "Who wrote that article?", else ""."""
    m = _CREDIT_FOLLOWUP.match(text)
    return "" if m is None else "publisher" if m.group("verb").lower() == "published" else "credit"


_AFTER_FOLLOWUP = re.compile(
    r"^(?:and\s+|but\s+|what about\s+)?(?:after|since|later than)\s+(?:that|this|it)\s*\??$|^(?:and\s+)?(?:later|afterwards|then|next)\s*\??$"
    # "And the year after?", "the round after that?"
    r"|^(?:and\s+|but\s+|what about\s+)?the\s+(?:year|month|round|one|tranche|time)\s+(?:after|later)(?:\s+(?:that|this|it))?\s*\??$"
    r"|^(?:and\s+)?(?:then\s+what|what\s+then|what\s+(?:came|happened)\s+next|what\s+next"
    r"|what\s+(?:came|happened|followed)(?:\s+(?:after|since)\s+(?:it|that|this))?)\s*\??$",  # "Then what?", "What came after it?"
    re.IGNORECASE,
)
# "And the rest?", "What about the remainder?": the rest of the whole the answer's figure is a part of
_REST_FOLLOWUP = re.compile(
    r"^(?:and\s+|but\s+|what about\s+|how much is\s+|what is\s+|what's\s+)?the\s+(?:rest|remainder|balance|"
    r"remaining\s+(?:part|amount|money|sum|portion))(?:\s+of\s+(?:it|that|the\s+money))?\s*\??$",
    re.IGNORECASE,
)
# "Is that still true?", "Is this figure current?", "Is it still the case?": whether the previous answer still holds
_CURRENT_FOLLOWUP = re.compile(
    r"^\W*(?:and\s+|but\s+)?(?:is|are)\s+(?:that|this|it|these|those)(?:\s+(?:figure|number|amount|answer))?\s+(?:still\s+)?"
    r"(?:true|current|correct|accurate|valid|right|the case|the\s+(?:latest|newest|most\s+recent|newer|current)(?:\s+(?:figure|number|one|amount|estimate|data|word))?|up[- ]to[- ]date)(?:\s+(?:now|today))?\W*$",
    re.IGNORECASE,
)
_BEFORE_FOLLOWUP = re.compile(
    r"^(?:and\s+|but\s+|what about\s+)?(?:before|prior to|earlier than)\s+(?:that|this|it)\s*\??$|^(?:and\s+)?(?:earlier|previously)\s*\??$"
    # "And the year before?", "the round before that?"
    r"|^(?:and\s+|but\s+|what about\s+)?the\s+(?:year|month|round|one|tranche|time)\s+(?:before|earlier)(?:\s+(?:that|this|it))?\s*\??$"
    # "And the old number?", "What was the previous figure?"
    r"|^(?:and\s+|but\s+|what\s+about\s+|what\s+(?:was|is|were)\s+|what's\s+)?the\s+(?:old|older|earlier|previous|former|original|prior)\s+"
    r"(?:number|figure|amount|one|total|estimate|value)\s*\??$"
    # "And what was it before that?", "What was the figure earlier?"
    r"|^(?:and\s+|but\s+)?what\s+(?:was|were)\s+(?:it|that|this|they|the\s+(?:figure|number|amount))\s+"
    r"(?:(?:before|prior to|earlier than)\s+(?:that|this|it)|before|earlier|previously)\s*\??$"
    # "And before the latest deal?": a continuation that names the event instead of "that"
    r"|^(?:and|but|what about)\s+(?:before|prior to)\s+(?:the|this|that|its|their)\s+(?:[\w$.-]+\s+){0,2}(?:deal|round|investment|agreement|announcement|partnership|commitment)\s*\??$"
    # "And the older one?", "Which is the earlier figure?"
    r"|^(?:and\s+|what\s+about\s+|which\s+(?:is|was)\s+)?the\s+(?:older|earlier|previous|prior)\s+"
    r"(?:one|figure|number|amount|article|source|report|story|piece|coverage)\s*\??$"
    # "Is there an older figure?", "What was the earlier figure?", "Any previous estimate?"
    r"|^(?:and\s+)?(?:is\s+there\s+|was\s+there\s+|what\s+(?:is|was)\s+|any\s+)(?:an?\s+|the\s+)?(?:older|earlier|previous|prior)\s+"
    r"(?:figure|number|amount|estimate|value|one|version|report)\s*\??$"
    # "What did earlier coverage report?", "What did the older article say?"
    r"|^(?:and\s+)?what\s+did\s+(?:the\s+)?(?:earlier|older|previous|prior|original|first)\s+"
    r"(?:coverage|reports?|reporting|articles?|sources?|stor(?:y|ies)|pieces?)\s+(?:report|say|give|show|put\s+it\s+at)"
    r"(?:\s+(?:it|that|this|the\s+(?:figure|number|amount))\s+(?:was|were|is|had\s+been|stood\s+at))?\s*\??$",  # "... say it was?"
    re.IGNORECASE,
)
_PAST_AUX = re.compile(r"^(?:did|was|were|had|has|have)\b", re.IGNORECASE)
# "what does the commitment, counting earlier rounds, add up to now?" asks about the present
_NOW = re.compile(r"\b(?:now|today|currently|at present)\b", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:previous(?:ly)?|prior|earlier|before|initial(?:ly)?|original(?:ly)?|first|used to|at first|back in|back when|older|"
    r"old|stale|outdated|in (?:19|20)\d\d|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "Counting earlier rounds", "Including money already given earlier", "Excluding prior funding": earlier money
# counted in or left out of what is asked, which is not asked of the past
_COUNTED_AFTER = (r"\b(?:previous(?:ly)?|prior|earlier|past|initial|original)\s+(?:[a-z]+\s+){0,2}?(?:is|are|being|gets?|get)?\s*"
                  r"(?:counted|included|added|factored\s+in)\b")
_COUNTED_PAST = re.compile(
    r"\b(?:count(?:ing)?|includ(?:e|es|ing)|exclud(?:e|es|ing)|plus|on top of|besides|beyond|apart from|leaving out|without)"
    r"\s+(?:\w+\s+){0,3}?(?:previous(?:ly)?|prior|earlier|before|initial|original|first|past)\b(?:\s+\w+)?"
    # the counted money first: "once earlier funding is counted", "with prior rounds included"
    rf"|{_COUNTED_AFTER}",
    re.IGNORECASE,
)
_WHOLE_DEAL = r"(?:deal|agreement|partnership|pact|arrangement|contract|accord)s?\b"
_SCOPE = {
    "total": re.compile(
        r"\b(?:total|in all|overall|altogether|cumulative|combined|so far|to date|thus far|until now|to this point)\b"
        r"|\b(?:count(?:ing)?|includ(?:e|es|ing)|plus|on top of)\s+(?:\w+\s+){0,3}?(?:previous(?:ly)?|prior|earlier|past|initial|original|first)\b"
        rf"|{_COUNTED_AFTER}",
        re.IGNORECASE,
    ),
    "initial": re.compile(r"\b(?:initial(?:ly)?|first)\b", re.IGNORECASE),
    "upfront": re.compile(r"\b(?:immediate(?:ly)?|upfront|up[- ]front|now|right away|straight away|at once|right now)\b",
                          re.IGNORECASE),
    "annual": re.compile(r"\b(?:annual(?:ized|ised)?|annually|yearly|per year|a year|each year|every year|per annum|run-rate)\b", re.IGNORECASE),
    # "latest" and "new" name the deal, not a tranche of it, before a word for the whole deal ("the new AWS agreement")
    "additional": re.compile(rf"\b(?:additional|another|more|further|extra)\b|\b(?:latest|newest|new)\b(?!\s+(?:[\w-]+\s+)?{_WHOLE_DEAL})"
                             r"|\bmost recent\s+(?:[\w-]+\s+)?(?:round|tranche|investment|injection|top-up)\b"
                             r"|\b(?:this|the\s+current)\s+(?:round|tranche|time)\b", re.IGNORECASE),  # "this round", "this time"
}
# "before the latest deal": the time the asked figure precedes; its words ("latest") scope that point, not the figure
_REFERENCE_POINT = re.compile(r"\b(?:before|prior to|ahead of|until|preceding)\s+(?:the\s+|its\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}?"
                              r"(?:deal|round|investment|announcement|agreement|commitment|partnership|funding|pledge)\b", re.IGNORECASE)
# "Which specific commercial milestones ...?", "What exact terms ...?": the members of a class asked, by its noun (the last
# word before the verb or a preposition)
_SPECIFIC = re.compile(r"\b(?:which|what)\s+(?:are\s+the\s+)?(?:specific|exact|particular|precise|actual)\s+((?:(?-i:[a-z])[\w-]*\s+){0,2}?(?-i:[a-z])[\w-]*s)\b"
                       r"(?=\s+(?:do|does|did|are|is|were|was|will|would|must|have|has|that|which|unlock|trigger|apply|of|for|in|on)\b|\s*\?)",
                       re.IGNORECASE)
# Names: capitalized words (or all-caps short words) that are not the question's first word.
_NAME = re.compile(rf"\b(?:[A-Z][a-z0-9]*[A-Z][\w-]*|[A-Z][\w’'&.-]*{NAME_NUMBER}|[a-z]{{1,3}}[A-Z][\w’'-]*)")  # also "xAI", "eBay", "Claude 3.5"
_LEADING_WORDS = frozenset(
    "name list tell give through in on at by for from with into under over after before during since about against"
    " between among per via according besides unlike like apart aside".split()
)
# question words, auxiliaries and the calendar's names: "in March of 1974" dates what is asked, it owns no figure
_DATED = re.compile(r"\.?\s+\d")  # a day or a year after a month's abbreviation
_NOT_NAMES = frozenset(
    "what who whom whose which when where why how is are was were does do did has have had can could will would should"
    " may might must the a an and or in on of for to by i".split()
) | CALENDAR_NAMES


# "Does the article say ...?", "Did the older piece report ...?": an article as the subject of a verb of writing
_SOURCE_WRITES = re.compile(
    r"^\W*(?:does|do|did)\s+(?:the|this|that|either|any|each)\s+(?:[\w$.-]+\s+){0,2}?(?:article|piece|story|report|source|coverage|page|post)s?"
    r"\s+(?:say|state|report|write|claim|give|mention)\b",
    re.IGNORECASE,
)
# a figure that only dates what a yes/no question asks, as the event it came before or after: "Did Amazon's shares fall
# after the $25 billion Anthropic announcement?" asks of the shares, not of $25 billion
_ANCHOR = re.compile(r"\b(?:after|before|following|since|prior\s+to|ahead\s+of)\s+(?:the|its|their|this|that|his|her)\s+(?:[\w-]+\s+){0,2}$",
                     re.IGNORECASE)


@dataclass(frozen=True)
class QuestionAnalysis:
    text: str
    answer_type: str  # one of ANSWER_TYPES
    span_kind: str  # money, percent, power, tokens, ratio, duration, count, date, name, place, role or other
    entities: tuple[str, ...]  # the names the question is about: ("Google", "Anthropic")
    measure: str  # the stemmed head of what is asked: "revenu", "stake", "invest"
    past: bool  # asks about the past ("initial", "before", "in 2023")
    scope: tuple[str, ...]  # total, initial, upfront, annual, additional
    bounds: tuple[str, ...]  # qualifiers a bound figure should carry ("the most" -> up to)
    figures: tuple[Figure, ...]
    terms: frozenset[str]
    followup: str = ""  # "source" ("who said that?"), "side" ("which article gave that lower number?"), "credit" ("who wrote that article?"), "publisher" ("who published that?"), "newest" ("which is the more recent figure?"), "before" ("and before that?"), "after", "rest" ("and the rest?"), "current" ("is that still true?"), "figure" ("what's the actual figure then?") or ""
    owners: tuple[str, ...] = ()  # names that own what is asked: "Google" in "Google's stake", "Amazon" in "the CEO of Amazon"
    receiver: str = ""  # the name that gets what is asked: "Anthropic" in "How many gigawatts will Anthropic get?"
    actor: str = ""  # the name that does what is asked: "Salesforce" in "How much has Salesforce invested in Anthropic?"
    years: tuple[str, ...] = ()  # the years the question names: ("2025",) in "How much did Amazon invest in 2025?"
    stranded: tuple[str, ...] = ()  # a verb and the preposition that ends the question: ("compet", "with") in "... compete with?"
    aside: tuple[str, ...] = ()  # the names it sets aside: ("Amazon",) in "Which companies besides Amazon ...?"
    aside_role: str = ""  # the role whose holder it sets aside: "ceo" in "Who co-leads Anthropic alongside its chief executive?"
    set_aside: str = ""  # "Besides Amazon, ": a phrase that sets names aside, whose words are not searched for
    blank: tuple[str, ...] = ()  # a statement ending on a blank: the words before it, ("its", "greatest") in "... its greatest what?"
    act: str = ""  # the stem of the verb the actor does: "invest" in "In which company has Microsoft invested?"
    past_tense: bool = False  # opens with a past or perfect auxiliary: "Did Amazon invest $4 billion?" asks whether it happened
    roles: frozenset[str] = frozenset()  # a person asked for by role: the terms that name it ("ceo", "execut" for the CEO)
    asked_class: str = ""  # the stem of the noun a "which X ..." question asks for: "platform" in "Which cloud platform is ..."
    possessed: str = ""  # the stem of what the answer owns: "allianc" in "Which tech giant's alliance ...?", "Whose control ...?"
    asks_name: bool = False  # "What is it called?", "the name of": a name is asked for, not a common noun phrase
    defines_kind: bool = False  # "What is a circular investment?": a kind of thing to define, not an amount
    acronym: str = ""  # the short form whose long form is asked: "AWS" in "What does AWS stand for?"
    headline: bool = False  # "What is the headline amount of the deal?": the figure the articles' titles give

    plural: bool = False  # asks for several: "Which regions ...?", "From which countries ...?", "Name two ..."
    about_figure: bool = False  # gives the figure it asks about: "What does the 20:1 return ratio refer to?"
    asks_statement: bool = False  # asks what the articles say of a thing, whole: "What do the articles say about the deal?"
    asks_process: bool = False  # "How does the approach work?", "How would the rest be released?": no one word answers
    asks_why: bool = False  # opens with "why": a reason, never a stray name
    asks_how: bool = False  # opens with "how" (a reason asked so is a manner: "How did they escape?")
    asks_number: bool = False  # "how many": a number is asked, not "several years" (rag.spans)
    asks_day: bool = False  # "On what exact date ...?", "Which day ...?": a date that names its day (rag.spans)
    asks_month: bool = False  # "In what month ...?", "Which month ...?": a date that names its month (rag.spans)
    asks_other_name: bool = False  # "What is another name for a coal supply bin?": a term in brackets or quotes
    asks_what_called: bool = False  # "What is X known as?", "... referred to as?": the name a sentence gives it
    likened: bool = False  # "What is 5 gigawatts comparable to?", "To what is it compared?": what it is likened to
    said: frozenset[str] = frozenset()  # a yes/no question's words that have an opposite, in every form: "drop", "dropped", "fell" ...
    contrary: frozenset[str] = frozenset()  # their opposites ("climbed", "rose"): a sentence with only these says No
    asks_generation: bool = False  # "Which next-generation chip ...?", "Which version ...?": a product's generation
    describers: tuple[str, ...] = ()  # names that describe the answer: "Google" in "Which Google chip programme ...?"
    place_verb: str = ""  # the participle a "where" question ends on: "headquart" in "Where is Anthropic headquartered?"
    predicate: str = ""  # the verb a yes/no question asks of its named subject: "buy" in "Did Amazon buy Anthropic?"
    compared: tuple[tuple[Figure, str], ...] = ()  # a yes/no question's figures to compare with: (($1 billion, ">"),) for "exceed $1 billion?"
    periods: frozenset[str] = frozenset()  # a yes/no question's periods of its figure: {"month"} for "$30 billion per month?"
    compares: bool = False  # a yes/no question that compares ("more ... than", "the most advanced")
    exclusive: bool = False  # a yes/no question that asks whether it is the only one ("Can Claude only be used on AWS?")
    doer: str = ""  # the name that does the predicate: "Amazon" there, and in "Is Anthropic owned by Amazon?"; "" if unnamed
    alternatives: tuple[str, ...] = ()  # an either/or question's choices: ("majority", "minority") in "Does Amazon hold a majority or a minority stake?"
    negated: bool = False  # asks of what is not so: "Who did not charter the company?" (rag.mismatch)
    numbers: tuple[str, ...] = ()  # bare numbers of two digits or more: ("1766",) in "What happened in 1766?" (rag.mismatch)
    durations: tuple[float, ...] = ()  # spans of time it gives, in years: (5.0,) for "over the next five years" (rag.mismatch)
    counts: tuple[tuple[str, int], ...] = ()  # counts and ranks it asks of: (("ordinal", 5),) for "the fifth session" (rag.mismatch)
    placed: tuple[str, ...] = ()  # names after a place preposition: ("Europe",) for "... revenue in Europe?" (rag.places)
    # ANTONYMS pairs the question says one side of: ((the side said, its opposite), ...) for "the smallest party"
    opposed: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    side: str = ""  # the side of a disagreement a "side" follow-up asks the sources of: "lower" in "Which article gave that lower number?"
    speaker: str = ""  # whose words are asked: "Dario Amodei" in "What did Dario Amodei say about the deal?" (rag.statements)
    said_about: tuple[str, ...] = ()  # the stems of what about: ("new", "amazon", "deal")

    @property
    def name_terms(self) -> frozenset[str]:
        """The terms of the names the question is about ("anthrop", "amazon")."""
        return frozenset(t for e in self.entities for t in content_terms(e))

    @property
    def subject_terms(self) -> frozenset[str]:
        """name_terms without the names the question likens its subject to: "OpenAI" in "Does Anthropic focus on
        mass consumers like OpenAI does?" is not what is asked about."""
        likened = {t for m in _LIKENED_NAME.finditer(self.text) for t in content_terms(m.group(1) or m.group(2))}
        return self.name_terms - likened

    @property
    def asks_what_is_written(self) -> bool:
        """Whether a yes/no question asks what an article writes ("Does the $4B article say the total reaches $8
        billion?"), not whether it holds now: a newer figure elsewhere makes it no less written."""
        return self.answer_type == "yesno" and bool(_SOURCE_WRITES.match(self.text))

    @property
    def measured(self) -> tuple[Figure, ...]:
        """The figures the question gives in a unit that measures something (money, percent, power, tokens, ratio;
        not a year or a bare count): "$50 billion" in "Which company put $50 billion into OpenAI?"."""
        return tuple(f for f in self.figures if f.unit in FIGURE_UNITS and not (
            self.answer_type == "yesno" and _ANCHOR.search(self.text, 0, f.start)))

    @property
    def mismatchable(self) -> bool:
        """Whether a sentence may share the question's words and still not answer it (rag.mismatch)."""
        return (self.negated or bool(self.numbers) or bool(self.opposed) or bool(self.counts) or bool(self.durations)
                or bool(self.places) or bool(self.specified))

    @property
    def specified(self) -> str:
        """The stem of the class whose particular members the question asks ("mileston" of "Which specific commercial
        milestones unlock the extra $20bn?"), or ""."""
        m = _SPECIFIC.search(self.text)
        terms = content_terms(m.group(1)) if m is not None else []
        return terms[-1] if terms else ""

    @property
    def places(self) -> tuple[str, ...]:
        """The places it puts what it asks in ("Europe" of "... revenue in Europe?"; rag.places, parsed once)."""
        return places_asked(self.text, self.placed)

    @property
    def is_list(self) -> bool:
        """Answered by a list of names: asked as a list, or places asked in the plural ("Asia and Europe")."""
        return self.answer_type == "list" or (self.answer_type == "place" and self.plural)


# a phrase set before the question proper: "Apart from Anthropic, which ...?", "According to AI Business, does ...?"
_LEAD_PHRASE = re.compile(
    r"^\W*(?:apart from|aside from|besides|beyond|other than|except for|excluding|according to|per)\b[^,?]{1,80},\s*"
    # "Before the latest deal, how much had Amazon invested?", "After the deal, what ...?": a time set before it
    # (not "In what year of the 20th century, did ...?", which asks)
    r"|^\W*(?:before|prior to|after|following|until|since|during|as of)\b(?![^,?]*\b(?i:what|which|who|whom|whose|when|where|why|how)\b)"
    r"[^,?]{1,80},\s*"
    r"(?=(?:how|what|which|who|whom|whose|when|where|why|is|are|was|were|do|does|did|has|have|had|can|could|will|would)\b)"
    # "And how did the stock react?", "So what does Amazon put in up front?": a conjunction that only joins the turn on
    r"|^\W*(?:and|so|but|also|then|ok(?:ay)?|well|now)\b\s*,?\s*(?=(?:how|what|which|who|whom|whose|when|where|why)\b)",
    re.IGNORECASE,
)


# a source named after the question proper: "What is a circular investment, as AI Business defines it?", "... according
# to the AI Business piece?" (rag.outlets reads the source)
_TAIL_SOURCE = re.compile(
    r",?\s+(?:(?i:as)\s+(?:the\s+)?[^,?]{1,60}?\s+(?i:defines?|defined|describes?|described|puts?|calls?|called|explains?|"
    r"explained|frames?|framed|characteri[sz]es?|characteri[sz]ed|uses?|used)\s+(?:it|them|the\s+term)"
    r"|(?i:according\s+to|per)\s+(?:the\s+)?[^,?]{1,60}?)\s*\?*\s*$"
)


_SOURCE_LEAD = re.compile(r"^\W*(?:according to|per)\b[^,?]{1,80},\s*", re.IGNORECASE)  # a source set before the question


def _question_proper(text: str) -> str:
    """The question without a phrase set before it, which would hide how it asks ("Besides Amazon, which companies
    ...?" asks as "Which companies ...?" does), nor the source named after it (_TAIL_SOURCE); its names and words
    stay the question's."""
    tail = _TAIL_SOURCE.search(text)
    if tail is not None and tail.start() > 0:
        text = text[: tail.start()] + "?"
    m = _LEAD_PHRASE.match(text)
    if m is None or m.end() >= len(text):
        return text
    rest = text[m.end() :]
    return rest[:1].upper() + rest[1:]


# the kinds a question gets from a word it holds anywhere ("capacity"), not from how it asks
WORD_TYPED_KINDS = frozenset({"power"})
QUANTITY_STEMS = frozenset(t for w in QUANTITY_NOUNS for t in content_terms(w))
UNIT_WORD_STEMS = frozenset(t for u in UNITS for w in (*u.words, *(n for n, _ in u.scales)) for t in content_terms(w))
_HOW_MUCH_OR_MANY = re.compile(r"\bhow (?:much|many)\b", re.IGNORECASE)


def _asks_a_thing(asked: str) -> bool:
    """A "what X" or "which X" question whose X is no quantity: "What critical problem ...?" asks for a problem."""
    stem = asked_class(asked)
    return bool(stem) and stem not in QUANTITY_STEMS and stem not in UNIT_WORD_STEMS


# the lead phrases that set a name aside: "Besides Amazon, which companies ...?" asks for the others
_SET_ASIDE = re.compile(r"^\W*(?:apart from|aside from|besides|other than|except for|excluding)\b[^,?]{1,80},\s*", re.IGNORECASE)
# the names a question sets aside, anywhere: "Which companies besides Amazon have invested ...?", "Besides Amazon, ..."
_ASIDE_NAMES = re.compile(
    r"\s*,?\s*\b(?i:apart from|aside from|besides|other than|except for|excluding)\s+"
    r"(?P<names>[A-Z][\w&.'’-]*(?:\s+(?:and\s+)?[A-Z][\w&.'’-]*)*)\s*,?",
)


# a role whose holder a question sets aside: "alongside its chief executive", "besides the CEO", "other than Anthropic's president"
_ASIDE_ROLE = re.compile(
    r"\b(?:alongside|besides|beside|apart from|aside from|other than|except|next to)\s+(?:its|the|their|his|her|[A-Z][\w&.-]*['’]s)\s+"
    r"(?P<role>" + "".join(r"\s+".join(f.split()) + "|" for forms in TITLE_FORMS.values() for f in forms if " " in f) + r"[a-z-]+)\b",
    re.IGNORECASE)
_TITLE_IN_WORDS = {form: title for title, forms in TITLE_FORMS.items() for form in forms}  # "chief executive" -> "ceo"


def set_aside_role(text: str) -> str:
    """The title whose holder a question sets aside ("ceo" in "Who co-leads Anthropic alongside its chief
    executive?"), or ""."""
    m = _ASIDE_ROLE.search(text)
    if m is None:
        return ""
    role = " ".join(m.group("role").lower().split())
    role = _TITLE_IN_WORDS.get(role, role)
    return role if role in TITLE_WORDS else ""


def set_aside_names(text: str) -> tuple[str, ...]:
    """The names a question sets aside ("Amazon" in "Which companies besides Amazon have invested in Anthropic?"):
    they are no answer, and the question is not about them."""
    found: list[str] = []
    for m in _ASIDE_NAMES.finditer(text):
        names = m.group("names")
        found += [n for n in re.split(r"\s+and\s+", names) if n]
    return tuple(found)


# "What is the 20:1 thing?": a figure named by a word that says nothing of what it is
# a total asked of nothing named: "what was the total?", "what's the new total now?"
_BARE_TOTAL = re.compile(r"\bwhat(?:['’]s|\s+is|\s+was|\s+will\s+be|\s+would\s+be)\s+(?:the|its|their)\s+(?:new\s+|final\s+|overall\s+|combined\s+|"
                         r"running\s+|grand\s+|resulting\s+)?total\b(?!\s+(?:of|number|amount)\b)(?=\s*(?:now|then|after|at\b|by\b|\?|,|$))",
                         re.IGNORECASE)
# a figure asked by a word that names no unit: "the headline number", "the key figure", "the single most important number"
_FIGURE_NOUN = re.compile(r"\b(?:headline|key|main|big|biggest|top|important|(?:single\s+)?most\s+important)\s+(?:number|figure)s?\b", re.IGNORECASE)
_TOTAL_ASKED = re.compile(r"\bthe\s+(?:new\s+|overall\s+|final\s+|combined\s+|grand\s+|running\s+)?total\b(?!\s+(?:number|count)\b)", re.IGNORECASE)
# words of money put into something: what a figure asked without its unit is of
_MONEY_CONTEXT = re.compile(r"\b(?:deal|deals|invest\w*|bet|funding|commitment|round|pledge|money|cash)\b", re.IGNORECASE)
# words that ask of money, so that a number without a unit is an amount of it
_ASKS_MONEY = re.compile(rf"\b{MONEY_ASKED_WORDS}\b", re.IGNORECASE)
ASSUMED_CURRENCY = "USD"  # the unit of a number asked of money without one
# a number in a scale with no currency before or after it: "30bn", "1 billion" (not "$30bn", "USD 5 bn", "25 billion dollars")
_NO_CURRENCY_BEFORE = r"(?<![$€£\w.,])(?<!(?i:usd|eur|gbp)\s)"
_NO_CURRENCY_AFTER = r"(?!\s*(?:dollars?|usd|euros?|eur|pounds?|gbp)\b)"
_UNSIGNED_MONEY = re.compile(rf"{_NO_CURRENCY_BEFORE}(\d[\d.,]*\s*(?:bn|b|billion|mn|m|million|trillion|tn)\b){_NO_CURRENCY_AFTER}",
                             re.IGNORECASE)
# ... with a money scale's abbreviation and no plural noun after it: written so of money only ("put in 8bn total")
_MONEY_ABBREVIATED = re.compile(rf"{_NO_CURRENCY_BEFORE}(\d[\d.,]*\s*(?:bn|mn|tn)\b){_NO_CURRENCY_AFTER}"
                                r"(?!\s+(?!(?:as|is|was|has|plus|this|thus|its|less|yes)\b)[a-z]+s\b)",
                                re.IGNORECASE)


def with_assumed_currency(text: str) -> str:
    """A question asked of money with its unsigned money numbers signed as dollars, the articles' money ("Is Anthropic's
    revenue 30bn?" -> "Is Anthropic's revenue $30bn?"): searched for as the articles write it. A money scale's
    abbreviation is signed in any question ("is it true amazon put in 8bn total?"), unless a plural noun follows it
    ("10bn parameters")."""
    return _UNSIGNED_MONEY.sub(r"$\1", text) if _ASKS_MONEY.search(text) else _MONEY_ABBREVIATED.sub(r"$\1", text)
_VAGUE_AFTER = re.compile(r"\s+(?:thing|figure|number|stat|statistic|bit|one|claim|reference|mention|business)s?\s*\??\s*$", re.IGNORECASE)


def analyse(text: str, leading_name: bool = False) -> QuestionAnalysis:
    """Read a (cleaned) question once; with `leading_name`, its first word is a name ("Anthropic valuation": the
    articles write it as one, rag.casing), which a question's capitalized first word otherwise is not."""
    asked = _question_proper(text)
    span_kind = question_type(asked)
    entities = question_entities(text, leading_name)
    # "Claude 3.5 Sonnet", "Super Bowl 50": a number that belongs to a name is no figure the question gives
    # "Which two companies ...?": the number of answers asked is no figure of theirs
    counted = answers_asked_at(text)
    # "According to the piece on the extra $4 billion, what ...?": a figure that names the source is not asked about
    source_end = m.end() if (m := _SOURCE_LEAD.match(text)) is not None else 0
    figures = tuple(f for f in parse_figures(text) if f.start >= source_end and not (f.unit == "count" and (
        any(f.text in e for e in entities) or any(a <= f.start < b for a, b in counted))))
    if _ASKS_MONEY.search(text):
        # "Is Anthropic's revenue 1 billion?": a number without a unit, asked of money, is dollars (the articles' money)
        figures = tuple(replace(f, unit=ASSUMED_CURRENCY) if f.unit == ANY_UNIT else f for f in figures)
    # "the 5 GW of compute", "How many MW ...?": a unit written in capitals is no name the answer must hold
    entities = tuple(e for e in entities if e not in UNIT_SYMBOLS and not any(e in f.text for f in figures if f.unit != "count"))
    aside = set_aside_names(text)
    # "Which companies besides Amazon have invested in Anthropic?": Amazon is neither asked about nor the investor
    # (it stays among the names the sentences are bound by: "besides Asia" is said where the others are)
    doers = tuple(e for e in entities if e not in aside)
    # "What do the articles say about the 5 gigawatts?": the sentences that state it, whole, are the answer
    statement = _SAYS_ABOUT.match(text)
    given = statement or _ABOUT_GIVEN.match(text)
    # (not what a figure brought something to: "What did the $4 billion round bring Amazon's total investment to?")
    about_figure = given is not None and not _BROUGHT_TO.search(text) and any(
        # (one word may qualify it: "What does the guaranteed 5 gigawatts allow Anthropic to do?")
        (f.start == given.end() or re.fullmatch(r"[a-z][\w-]*\s+", text[given.end() : f.start]) is not None)
        and (statement is not None or (span_kind in FIGURE_KINDS and f.unit in units_of_kind(span_kind))
                                    or _VAGUE_AFTER.match(text, f.end))
        for f in figures
    )
    if about_figure or statement:
        span_kind = "other"  # it asks what the figure it gives is about, not for a figure
    elif span_kind == "other" and _BARE_TOTAL.search(asked) and (
            given_kinds := {kind_of(f.unit) for f in figures if f.unit not in ("count", "year")} - {""}) and len(given_kinds) == 1:
        # "After the additional $4 billion, what was the total?": a total of what the question's figure measures
        span_kind = given_kinds.pop()
    elif span_kind == "other" and not figures and (_TOTAL_ASKED.search(asked) or _FIGURE_NOUN.search(asked)) and _MONEY_CONTEXT.search(text):
        # "What's the headline number in Amazon's new Anthropic deal?", "And with the new deal, the total?": money
        span_kind = "money"
    if span_kind in WORD_TYPED_KINDS and not _HOW_MUCH_OR_MANY.search(asked) and _asks_a_thing(asked):
        # "What critical problem ... does the guaranteed compute capacity address?": a problem is asked for; the
        # capacity is what the question is about
        span_kind = "other"
    likened = bool(_LIKENED.search(text))
    if likened:
        span_kind = "other"  # "To what is the 5-gigawatt capacity compared?": what it is likened to, not a power figure
    owned = possessed(asked)
    if span_kind in FIGURE_KINDS and owned:
        span_kind = "other"  # "Which European AI startup's valuation ...?": whose valuation, not how much
    if span_kind == "name" and _ASKS_OTHER_NAME.search(text):
        span_kind = "other"  # "What is another name for a coal supply bin?": a term in brackets or quotes, not a proper name
    acronym = _acronym(text)
    answer_type = "expansion" if acronym else "other" if statement else _answer_type(asked, span_kind)
    terms = frozenset(content_terms(without_answers_asked(text)))
    said, contrary = contrary_words(text) if answer_type == "yesno" or span_kind in FIGURE_KINDS else (frozenset(), frozenset())
    side = asked_side(text)
    speaker, said_about = asked_speaker(text)
    followup = (
        "side" if side else "publisher" if _OUTLET_FOLLOWUP.match(text) else "source" if _SOURCE_FOLLOWUP.match(text)
        else _credit_followup(text)
        or ("newest" if _NEWEST_FOLLOWUP.match(text) else "before" if _BEFORE_FOLLOWUP.match(text)
        else "after" if _AFTER_FOLLOWUP.match(text) else "rest" if _REST_FOLLOWUP.match(text) else "current" if _CURRENT_FOLLOWUP.match(text)
        else "figure" if _FIGURE_FOLLOWUP.match(text) else "")
    )
    act = _readied(asked, _predicate(asked, entities), entities) if answer_type == "yesno" else ("", "")
    actor = next((e for e in doers if _acts(text, e)), "")
    receiver = next((e for e in doers if _receives(text, e)), "")
    return QuestionAnalysis(
        text=text,
        answer_type=answer_type,
        span_kind=_span_kind(answer_type, span_kind),
        entities=entities,
        measure=_measure_of_verb(text, _owned_share(text, _measure(text, entities), entities)),
        past=bool(_PAST.search(_COUNTED_PAST.sub(" ", text)) and not _NOW.search(text)) or followup == "before",
        scope=question_scope(text),
        bounds=bound_qualifiers(text),
        figures=figures,
        terms=terms,
        followup=followup,
        side=side,
        speaker=speaker,
        said_about=said_about,
        owners=tuple(e for e in entities if _owns(text, e)),
        actor=actor,
        receiver=receiver,
        years=years_in(text),
        stranded=_stranded(text),
        blank=blank_before(text),
        aside=aside,
        aside_role=set_aside_role(text),
        set_aside=m.group() if (m := _SET_ASIDE.match(text)) is not None and m.end() < len(text) else "",
        act=_act(text, actor),
        past_tense=bool(_PAST_AUX.match(text)),
        roles=_roles(terms, text) if answer_type == "person" else frozenset(),
        asked_class=asked_class(asked),
        possessed=owned,
        asks_name=bool(_ASKS_NAME.search(text)),
        # "What does the term 'circular investment' mean?" too: a term to define, answered in words, not by a stray figure
        defines_kind=answer_type == "definition" and (
            bool(_WHAT_IS_A.match(text)) or bool(_WHAT_IS_QUOTED.match(text)) or _asks_bare_noun(text)
            or (bool(_MEANS.match(text)) and not figures)),
        acronym=acronym,
        headline=bool(_HEADLINE.search(text)),
        plural=bool(_PLURAL_ASK.search(asked)),
        about_figure=about_figure,
        asks_statement=statement is not None,
        asks_process=bool(_HOW_WORKS.search(asked)),
        asks_why=bool(_WHY.match(asked)),
        asks_how=asked.lower().startswith("how"),
        asks_number=bool(_HOW_MANY.search(text)),
        asks_day=bool(_ASKS_DAY.search(text)),
        asks_month=bool(_ASKS_MONTH.search(text)),
        asks_other_name=bool(_ASKS_OTHER_NAME.search(text)),
        likened=likened,
        asks_what_called=bool(_ASKS_WHAT_CALLED.search(text)),
        alternatives=_alternatives(asked) if answer_type == "yesno" else (),
        place_verb=_place_verb(text, entities) if answer_type == "place" else "",
        compared=tuple(compared_figures(text, figures)) if answer_type == "yesno" else (),
        periods=asked_periods(text, figures) if answer_type == "yesno" else frozenset(),
        compares=answer_type == "yesno" and bool(COMPARING.search(text)),
        exclusive=answer_type == "yesno" and bool(EXCLUSIVE.search(text)),
        predicate=act[0],
        doer=act[1],
        describers=tuple(m.group(1) for m in _DESCRIBER.finditer(text)),
        asks_generation=bool(_GENERATION_ASKED.search(text)),
        said=said,
        contrary=contrary,
        negated=negates(text),
        numbers=bare_numbers(text, [(f.start, f.end) for f in figures if f.unit in FIGURE_UNITS]),
        opposed=opposed_words(text),
        counts=asked_counts(text),
        durations=spans_of_time(text),
        placed=placed_names(text, PLACE_NOUNS) if answer_type != "place" else (),  # "Where in Europe ...?" asks within it
    )


# "a majority or a minority", "Amazon or Google": one word each side of "or" ("or not", "or more" offer no choice)
_ALTERNATIVE = re.compile(r"\b(?:(?:a|an|the)\s+)?([A-Za-z][\w-]*)\s+or\s+(?:(?:a|an|the)\s+)?([A-Za-z][\w-]*)\b")
_NO_CHOICE = frozenset("not so more less else otherwise never".split())


_GENERATION_ASKED = re.compile(r"\b(?:(?:next|latest|newest|new|upcoming|current)[- ])?(?:generations?|versions?)\b", re.IGNORECASE)
# "Which Google chip programme ...?", "What Microsoft products ...?": a name right after the question word
_DESCRIBER = re.compile(r"^\W*(?i:which|what)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)(?=\s+[a-z])")
_PLACE_VERB = re.compile(r"\b([a-z]{4,}ed)(?:\s+(?:in|at|on))?\s*\??\s*$")  # a participle: "headquartered", "stationed (in)"
# the noun a "where" question asks the place of: "headquarters" in "Where is Anthropic's headquarters?"
_PLACE_NOUN = re.compile(r"^\W*(?i:where\s+(?:is|are|was|were))\s+(?:the\s+(?:[A-Z][\w&.-]*\s+)*|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*['’]s?\s+)"
                         r"(?:[a-z]+\s+)?([a-z]{4,})\s*\??\s*$")
# ... or with "of": "Where is the headquarter of Anthropic?"
_PLACE_NOUN_OF = re.compile(r"^\W*(?i:where\s+(?:is|are|was|were))\s+the\s+([a-z]{4,})\s+of\s+(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s*\??\s*$")
_NOT_PLACE_VERBS = frozenset(content_terms("located situated found based now today currently"))


# exclusivity, in a question or in the sentence answering it: "only", "exclusively", "solely", "sole"
# (not "only" before a figure, which says it is small: "Is Anthropic's revenue only $1 billion?")
EXCLUSIVE = re.compile(r"\b(?:only(?!\s+(?:about\s+|around\s+|some\s+)?[$€£]?\d)|exclusive(?:ly)?|solely|sole)\b", re.IGNORECASE)
# a comparison, in a question or in the sentence answering it: "more ... than", "larger than", "behind", "ahead of",
# "second place", "the most advanced"
COMPARING = re.compile(r"\b(?:than|behind|ahead of|outpac\w*|exceed\w*|surpass\w*|(?:first|second|third) place|largest|biggest|"
                       r"smallest|most|least)\b", re.IGNORECASE)
# a sentence that compares by contrast: "Unlike Microsoft's arrangement ..., Amazon's deal ... is a more traditional ..."
CONTRASTING = re.compile(r"\b(?:unlike|in contrast (?:to|with)|compared (?:to|with)|whereas)\b", re.IGNORECASE)


# "Did Amazon buy ...?", "Has the FTC opened ...?": an auxiliary of a verb (not "is", which may link a noun or an
# adjective), the subject's name, then the verb
_PREDICATE = re.compile(r"^\W*(?:did|does|do|has|have|had|will|would|can|could|must|should|shall|may|might)\s+(?:the\s+)?", re.IGNORECASE)


def _predicate(text: str, entities: tuple[str, ...]) -> tuple[str, str]:
    """The stem of the verb a yes/no question asks of a name, and that name ("Did Amazon buy Anthropic?" -> ("buy",
    "Amazon"); "Is Anthropic owned by Amazon?" -> ("own", "Amazon"), the agent of a passive; "Is Anthropic moving its
    cloud ...?" -> ("move", "Anthropic")); ("", "") where the question is built otherwise."""
    m = _PREDICATE.match(text)
    if m is None:
        return _participle(text, entities)
    rest = text[m.end() :]
    name = next((e for e in entities if rest.startswith(e)), None)
    if name is None and rest[:1].islower() and (verb_of := main_verb(text)):
        # "Has either of them blocked the deal?", "Have they cut prices?": a subject that names no one, the verb by
        # the parse
        return verb_of, ""
    verb = _VERB_AFTER_NAME.match(rest[len(name) :]) if name else None  # not "Did Amazon's shares fall?"
    if verb is not None and name and _NOUN_ENDING.search(verb.group(1)):
        # "Does the AWS agreement run for ten years?": the name qualifies a noun, the verb comes after it
        verb = _VERB_AFTER_NAME.match(rest[len(name) :], verb.end())
    terms = content_terms(verb.group(1)) if verb else []
    if not terms:
        return "", ""
    # "Has Google also put money into Anthropic?" asks whether it invested
    return _money_put(terms[0], rest[len(name or "") :], verb.end() if verb else 0), name or ""


# "Is Amazon prepared to put ...?", "Is Anthropic set to use ...?": a word of readiness, then the act asked
# (or of intent: "Did Anthropic promise to spend ...?", "Has Amazon agreed to put ...?" ask whether it spends, puts)
_READY_TO = re.compile(r"\b(?:prepared|set|ready|willing|going|planning|poised|due|expected|about"
                       r"|promised?|pledged?|plan|planned|agreed?|committed|commit|committing|commits|intend(?:ed)?|vowed?|aim(?:ed)?)\s+to\s+((?-i:[a-z]+))\b",
                       re.IGNORECASE)


def _readied(text: str, act: tuple[str, str], entities: tuple[str, ...]) -> tuple[str, str]:
    """The act a yes/no question asks past a word of readiness ("Is Amazon prepared to put as much as $25bn into
    Anthropic?" asks whether Amazon invests), of the name before it; `act` as it was read otherwise."""
    m = _READY_TO.search(text)
    if m is None:
        return act
    name = next((e for e in entities if e in text[: m.start()]), act[1])
    terms = content_terms(m.group(1))
    return (_money_put(terms[0], text, m.end()), name) if terms else act


def _money_put(verb: str, text: str, at: int) -> str:
    """The verb stem a yes/no question asks, "invest" where it puts money into something (a verb of putting, then
    money or a sum of it and "in"/"into" at `at` in `text`)."""
    return "invest" if (verb in _PUTS and _MONEY_INTO.match(text, at)) or verb in _FINANCES else verb


# "Has Google backed Anthropic?", "Did Salesforce fund it?": to finance is to invest
_FINANCES = frozenset(content_terms("back backs backed fund funds funded finance finances financed bankroll bankrolled"))
# money put into something in other words is an investment: "put money into", "poured cash into", "sunk funds into"
_PUTS = frozenset(content_terms("put puts putting pour pours poured pouring sink sinks sank sunk pump pumps pumped plough "
                                "ploughed plow plowed inject injects injected"))
_MONEY_INTO = re.compile(r"\s+(?:(?:its|their|his|her|some|more|any|the|extra|fresh|new|additional|own)\s+)*"
                         r"(?:money|cash|capital|funds|funding|billions|millions"
                         r"|(?:(?:as much as|up to|about|around|nearly|almost|over|more than)\s+)?[$€£][\d.,]+\s*(?:bn|billion|million|m|b)?)"
                         r"\s+(?:in|into)\b", re.IGNORECASE)


# a word after a yes/no question's name that is a noun it qualifies, not its verb: a noun's ending, or a noun of
# money and deals that is also a verb's form ("Does the Amazon stake ...?", "Did Amazon stock gain ...?")
_NOUN_ENDING = re.compile(r"(?:ment|tion|sion|ship|ance|ence|ity|ness|ism|deal|contract|stake|shares?|stock|revenue)$")
# the verb after the name, past adverbs and a passive's "be": "Did Amazon really buy ...?", "Can Claude only be accessed"
_VERB_AFTER_NAME = re.compile(
    rf"\s+(?:(?:{'|'.join((*FOCUS_ADVERBS, 'already', 'now', 'currently', 'exclusively', 'solely'))})\s+)*"
    r"(?:be\s+)?([a-z]+)\b"
)
# "Is Anthropic owned by Amazon?", "Was Anthropic founded in 2021?", "Is Anthropic moving ...?": "is" and a name
# before a participle asks a verb too
_IS_NAME = re.compile(r"^\W*(?:is|are|was|were)\s+(?:the\s+)?", re.IGNORECASE)
# irregular verbs' past forms and past participles, which end in no "-ed": a name's verb ("Was Anthropic founded
# ...?", "Is Claude sold ...?") and a class noun's ("Which company won ...?") are told by them
IRREGULAR_VERBS = {
    "buy": ("bought", "bought"), "sell": ("sold", "sold"), "build": ("built", "built"), "make": ("made", "made"),
    "hold": ("held", "held"), "win": ("won", "won"), "lead": ("led", "led"), "run": ("ran", "run"), "pay": ("paid", "paid"),
    "give": ("gave", "given"), "take": ("took", "taken"), "know": ("knew", "known"), "see": ("saw", "seen"),
    "write": ("wrote", "written"), "choose": ("chose", "chosen"), "drive": ("drove", "driven"), "show": ("showed", "shown"),
    "grow": ("grew", "grown"), "go": ("went", "gone"), "become": ("became", "become"), "begin": ("began", "begun"),
    "find": ("found", "found"), "come": ("came", "come"), "get": ("got", "got"), "keep": ("kept", "kept"),
    "leave": ("left", "left"), "lose": ("lost", "lost"), "meet": ("met", "met"), "put": ("put", "put"),
    "say": ("said", "said"), "send": ("sent", "sent"), "set": ("set", "set"), "spend": ("spent", "spent"),
    "stand": ("stood", "stood"), "tell": ("told", "told"), "think": ("thought", "thought"), "bring": ("brought", "brought"),
    "catch": ("caught", "caught"), "fight": ("fought", "fought"), "teach": ("taught", "taught"), "draw": ("drew", "drawn"),
    "throw": ("threw", "thrown"), "fly": ("flew", "flown"), "rise": ("rose", "risen"), "fall": ("fell", "fallen"),
    "break": ("broke", "broken"), "speak": ("spoke", "spoken"), "ride": ("rode", "ridden"), "strike": ("struck", "struck"),
    "sink": ("sank", "sunk"), "sing": ("sang", "sung"), "swim": ("swam", "swum"),
}
_IRREGULAR_PAST = frozenset(past for past, _ in IRREGULAR_VERBS.values())


_PARTICIPLE = re.compile(r"\s+([a-z]+(?:ed|ing)|" + "|".join(sorted({participle for _, participle in IRREGULAR_VERBS.values()}))
    + r")\b(?:[^?]*?\bby\s+(?:the\s+)?([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*))?")


# "Is Anthropic a subsidiary of Amazon?", "Is Anthropic an independent lab?", "Is Daniela Amodei its CEO?": the noun
# after the article or owner, before a preposition or the end
_COPULA_NOUN = re.compile(r"\s+(?:a|an|the|its|their|his|her|[A-Z][\w&.-]*['’]s?)\s+(?:[\w-]+\s+){0,3}?([A-Za-z][\w-]*)(?=\s+(?:of|in|for|to|with|by|at|on|from|that|which|who)\b|\s*\?|\s*$)")


# "Is Anthropic's CEO Daniela Amodei?", "Is Amazon's chief executive Andy Jassy?": the owner, the noun it owns, the name
_OWNER_NOUN_NAME = re.compile(
    r"^\W*(?:[Ii]s|[Aa]re|[Ww]as|[Ww]ere)\s+(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*['’]s?\s+"
    r"((?:[a-z][\w-]*\s+){0,3})([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)\s*\?*\s*$")


def _owned_noun_of_name(text: str) -> tuple[str, str]:
    """ "Is Anthropic's CEO Daniela Amodei?" -> ("ceo", "Daniela Amodei"): the noun asked of the closing name; ("", "")
    where the question is not of that shape."""
    m = _OWNER_NOUN_NAME.match(text)
    if m is None:
        return "", ""
    words, name = m.group(1).split(), m.group(2).split()
    while len(name) > 1 and set(content_terms(name[0])) & ROLE_TERMS:
        words.append(name.pop(0))  # "CEO Daniela Amodei": the role, then the name
    terms = _asked_noun(" ".join(words)) if words else []
    return (terms[0], " ".join(name)) if terms else ("", "")


def _asked_noun(phrase: str) -> list[str]:
    """The stem of the noun a phrase asks: its last word, or a role one person holds anywhere in it ("the chief
    executive officer" asks the chief executive, not an officer)."""
    terms = content_terms(phrase)
    return [next((t for t in terms if t in SOLE_ROLES), terms[-1])] if terms else []


def _participle(text: str, entities: tuple[str, ...]) -> tuple[str, str]:
    owned = _owned_noun_of_name(text)
    if owned[0]:
        return owned
    m = _IS_NAME.match(text)
    if m is None:
        return "", ""
    rest = text[m.end() :]
    name = next((e for e in entities if rest.startswith(e)), None)
    verb = _PARTICIPLE.match(rest[len(name) :]) if name else None
    terms = content_terms(verb.group(1)) if verb else []
    if not terms or verb is None:
        noun = _COPULA_NOUN.match(rest[len(name) :]) if name else None
        terms = _asked_noun(noun.group(0)) if noun else []
        # "Is Anthropic a subsidiary of Amazon?", "Is Daniela Amodei the CEO of Anthropic?": the noun it asks of the name
        # ("Is AWS Anthropic's primary cloud provider?": a noun another name owns is that name's, as an article
        # writes it too, "Anthropic's primary cloud provider"; a role is still the person's)
        owner = noun.group(0).split()[0] if noun is not None else ""
        if terms and owner.endswith(("'s", "’s", "'", "’")) and terms[0] not in ROLE_TERMS:
            return terms[0], re.sub(r"['’]s?$", "", owner)
        return (terms[0], name or "") if terms else ("", "")
    if verb.group(1).endswith("ing"):
        return terms[0], name or ""  # "Is Anthropic moving ...?": the name does it
    agent = verb.group(2) or ""
    return terms[0], next((e for e in entities if agent.startswith(e)), "")  # passive: the agent does it


def _place_verb(text: str, entities: tuple[str, ...]) -> str:
    """The stem of the participle a place question ends on ("Where is Anthropic headquartered?" -> "headquart"); ""
    for "located", "based" and the like, which any sentence says in other words, and for other endings ("Where was
    Ratzel born?": "German geographer Friedrich Ratzel" says where without the word)."""
    m = _PLACE_VERB.search(text) or _PLACE_NOUN.match(text) or _PLACE_NOUN_OF.match(text)
    if m is None:
        return ""
    terms = content_terms(m.group(1))
    names = {t for e in entities for t in content_terms(e)}
    return terms[0] if terms and terms[0] not in names and terms[0] not in _NOT_PLACE_VERBS else ""


def _alternatives(text: str) -> tuple[str, ...]:
    """The two choices of an either/or question ("Is the deal in cash or stock?" -> ("cash", "stock")), or ()."""
    m = _ALTERNATIVE.search(text)
    if m is None or m.group(2).lower() in _NO_CHOICE or not content_terms(m.group(1)) or not content_terms(m.group(2)):
        return ()
    return m.group(1), m.group(2)


def _acronym(text: str) -> str:
    """ "AWS" in "What does AWS stand for?"; "" where no short form is named ("What does it stand for?")."""
    m = _EXPANSION.search(text)
    short = (m.group("acr") or m.group("acr2") or "") if m else ""
    return short if re.search(r"[A-Z].*[A-Za-z]|[A-Za-z].*[A-Z]", short) else ""


# "Which cloud platform is ...", "What type of ballot is used ...": at most CLASS_WORDS words after the question word,
# ended by a verb or preposition; the last of them is the class the answer belongs to
CLASS_WORDS = 4
_CLASS = re.compile(
    rf"\b(?:which|what)\s+(?:other\s+)?(?:(?:type|kind|sort|form|line|family|series|range|brand)s? of\s+)?((?:[a-z][\w'’-]*\s+){{0,{CLASS_WORDS + 1}}})",
    re.IGNORECASE,
)
_CLASS_END = frozenset(AUX_WORDS + "be been of in on at for to from by with as that which who the a an besides other than apart aside except".split())
_WHY = re.compile(r"^\W*why\b", re.IGNORECASE)
_HOW_MANY = re.compile(r"\bhow many\b", re.IGNORECASE)
_ASKS_DAY = re.compile(r"\b(?:exact|precise|specific) (?:date|day)\b|\b(?:what|which) day\b|\bon what day\b", re.IGNORECASE)
_ASKS_MONTH = re.compile(r"\b(?:what|which) month\b", re.IGNORECASE)
# what something is likened to: "What is 5 gigawatts comparable to?", "To what is the capacity compared ...?"
_LIKENED = re.compile(
    rf"^\W*(?:(?:to|with)\s+what\b[^?]*\b(?:compared|likened|equated)\b|what\b[^?]*\b{LIKENING_WORDS}\s+(?:to|with)\W*$"
    # "How is the 5 GW capacity put into perspective?", "How does one article put 5 gigawatts into perspective?",
    # "How big is 5 gigawatts in everyday terms?"
    r"|how\b[^?]*\b(?:put|puts|set|sets|placed|places)\s+(?:[^?]{1,40}?\s+)?(?:in|into)\s+(?:perspective|context|scale)\b"
    r"|how\b[^?]*\bin (?:everyday|practical|real-world|concrete|plain|human|physical) terms\b"
    # "How big is 5 gigawatts?" (and "How big is that?" after "up to 5GW"): a figure alone, made imaginable
    r"|^\W*how\s+(?:big|large|huge|vast|significant)\s+(?:is|are|was|were)\s+(?:(?:up\s+to|about|around|roughly|some|nearly)\s+)?"
    r"[$€£]?\d[\d.,]*\s*[a-z%]*\s*\??$"
    # "How can you picture the scale of 5 gigawatts?": a size made imaginable by a likeness
    r"|how\b[^?]*\b(?:picture|imagine|visuali[sz]e|grasp|conceive)\b[^?]*\b(?:scale|size|magnitude|amount|extent)\b"
    # a statement with its blank last: "The guaranteed compute capacity is likened to the output of what?"
    r"|[^?]*\b(?:likened|compared|equated|equivalent|comparable|similar)\s+(?:to|with)\b[^?]*\bwhat\W*$"
    # "What power-station comparison is used to convey the scale of ...?": the likeness is what is asked for
    r"|(?:what|which)\s+(?:[\w-]+\s+){0,2}(?:comparison|analogy|likeness|equivalent)\b[^?]*\b(?:scale|size|magnitude|amount|extent)\b)",
    re.IGNORECASE,
)
_ASKS_OTHER_NAME = re.compile(r"\b(?:another|other|a) (?:name|term|word)s? (?:for|used for)\b", re.IGNORECASE)
_ASKS_WHAT_CALLED = re.compile(r"\b(?:known as|referred to as|termed|dubbed)\W*$", re.IGNORECASE)
_ASKS_NAME = re.compile(r"\b(?:called|named|name of|the name|the term for|what term)\b", re.IGNORECASE)


# "Who was the Norse leader?", "Who was Margaret's husband?", "Who is the Costa Rican President that ...?": the
# lower-case noun the person is described by, before the question ends or a preposition or clause follows
_WHO_IS_THE = re.compile(
    r"^\W*[Ww]ho\s+(?:is|was|are|were)\s+(?:the|an?|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,2}?([A-Za-z][\w-]*)"
    r"(?:\s*\?|\s*$|\s+(?:of|in|at|for|from|on|that|who|whom|when|during|behind)\b)"
)
_NAME_OF = re.compile(r"\bthe name (?:of|for) (?:the |an? |[A-Z][\w-]*['’]s )?((?:(?:[a-z][\w-]*|[A-Z]{2,}[a-z]?)\s*){1,4})")


def asked_class(text: str) -> str:
    """The stem of the noun a "which X" question asks for ("Which cloud platform is OpenAI tied to?" -> "platform"),
    or the noun a "who is the X?" question describes the person by ("Who was the Norse leader?" -> "leader": a name
    right after it, "their leader Rollo", is the one asked for); "" where "what" stands alone ("What did the chemists
    make?") or no verb follows the noun."""
    described = _WHO_IS_THE.match(text)
    stems = content_terms(described.group(1) if described else _class_noun(text))
    return stems[0] if stems else ""


def _class_noun(text: str) -> str:
    """The noun a "which X" question asks for, as written ("platforms" in "Which cloud platforms ..."), or ""."""
    named = _NAME_OF.search(text)  # "What was the name of Bohemond's nephew?": the nephew is the class
    if named:
        words = []
        for w in named.group(1).split():  # the noun before a preposition or clause: "the imperialistic policy in China"
            if w.lower() in _CLASS_END:
                break
            words.append(w)
        return words[-1] if words else ""
    m = _CLASS.search(text)
    if not m:
        return ""
    after = m.group(1).split()
    words = []
    for w in after:
        if w.lower() in _CLASS_END:
            break
        words.append(w)
    if len(words) > 1 and words[1].lower() in ("or", "and"):
        return words[0]  # "Which banks or law firms advised ...?": the first of the classes joined
    unended = len(words) == len(after)  # no word ends the phrase (where the question has no auxiliary, its verb may)
    if not words or (unended and (len(after) > CLASS_WORDS or _HAS_AUX.search(text))):
        return ""
    aux = _HAS_AUX.search(text)
    if aux is None or aux.start() > m.end(1):
        # no auxiliary before the phrase ends: the class is the subject, and the verb follows it ("What company
        # developed ...?", "What act sets forth ...?", "Which theory suggested people ... were uncivilized?"), not
        # the last word before the object ("Which AI lab got about $50bn from Amazon ...?")
        verb = next((i for i, w in enumerate(words) if i > 0 and _looks_finite(w, words[i - 1], i)), None)
        if verb is None and unended and aux is None:
            return ""  # "What ended Turkish imperial Ambitions?": a verb first, no class
        words = words[:verb] if verb is not None else words
    if len(words) > CLASS_WORDS:
        return ""
    return words[-1]


_HAS_AUX = re.compile(rf"\b{_AUX}\b", re.IGNORECASE)
# "Which tech giant's alliance with OpenAI ...?", "What culture's arrival ...?", "Whose control of ...?": the answer
# owns the noun after the possessive
_OWNER_ASKED = re.compile(
    r"\b(?:(?:which|what)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)['’]s|whose)\s+([a-z][\w-]*)", re.IGNORECASE
)


# "Which company makes Trainium chips?", "What firm developed Claude?": the maker owns the name ("AWS Trainium chips",
# "Anthropic's Claude")
_MAKER_ASKED = re.compile(
    r"^(?:which|what) (?:compan(?:y|ies)|firms?|startups?|labs?|organi[sz]ations?) (?:(?:does|did) )?"
    r"(?:makes?|made|builds?|built|designs?|designed|develops?|developed|produces?|produced|manufactures?|manufactured|"
    r"creates?|created|owns?|owned) (?:the )?([A-Z][\w-]*)",
    re.IGNORECASE,
)


def possessed(text: str) -> str:
    """The stem of the noun the answer owns in "Which X's Y ...?" or "Whose Y ...?" ("allianc" in "Which tech giant's
    alliance with OpenAI ...?"), or of the name a maker is asked of ("trainium" in "Which company makes Trainium
    chips?"), or "" ("What is Amazon's stake?" asks for the stake, not its owner)."""
    made = _MAKER_ASKED.match(text)
    if made is not None and made.group(1)[:1].isupper() and (stems := content_terms(made.group(1))):
        return stems[0]
    m = _OWNER_ASKED.search(text)
    words = m.group(1).split() if m is not None and m.group(1) else []
    if m is None or (words and (any(w.lower() in _CLASS_END for w in words) or not words[-1][:1].islower())):
        # "What is Amazon's stake?", "What Amazon's ...": no class of owner asked ("Which European AI startup's
        # valuation ...?" asks one: its noun is in lower case)
        return ""
    stems = content_terms(m.group(2))
    return stems[0] if stems else ""


def _looks_finite(word: str, before: str, at: int) -> bool:
    """Whether a word after the first of a class phrase reads as its verb: a past form ("developed", "went"), or, right
    after a one-word class, a present form in "-s" after a word that is not plural ("act sets", "museum specializes")."""
    w = word.lower()
    if w in _IRREGULAR_PAST or (len(w) > 4 and w.endswith("ed")):
        return True
    return at == 1 and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ies")) and not before.lower().endswith("s")


_STRANDED = re.compile(r"\b([a-z]{3,})\s+(with|to|for|from|on|in|at|by|about|against|into|over|under|through)\s*[?.!]*\s*$")


def _stranded(text: str) -> tuple[str, ...]:
    """ "Which chip maker does the division compete with?": the answer is what follows "compete(s) with" where the
    answer is written. The verb's first letters (its stem) and the preposition; () when the question does not end so."""
    m = _STRANDED.search(text)
    if not m or m.group(1) in _NOT_VERBS:
        return ()
    return m.group(1)[: max(4, len(m.group(1)) - 2)], m.group(2)


_NOT_VERBS = frozenset("the and its their his her our your this that these those which what whom".split())


# Roles a person is asked for by, each as the stems that name it in an article: a person named where the role is
# not ("Who is Amazon's chief executive?" next to "Anthropic remains independent") is not the one asked for.
# ("chief" is left out: "chief scientist" names no role of the table.)
PERSON_ROLES = tuple(frozenset(content_terms(words)) for words in ROLE_GROUPS)
# each role's words as written, by stem: a sentence names the role in one of them ("executives"), not in another word
# of the stem ("execution" is stemmed as "executive" is)
_ROLE_SAID = {stem: re.compile(rf"\b{word}s?\b", re.IGNORECASE)
              for words in ROLE_GROUPS for word in words.split() for stem in content_terms(word)}


def says_role(text: str, roles: frozenset[str]) -> bool:
    """Whether a sentence names one of the roles (stems) in one of its words ("CEO Dario Amodei" says "ceo")."""
    return any(pattern.search(text) for stem, pattern in _ROLE_SAID.items() if stem in roles)
ROLE_TERMS = frozenset().union(*PERSON_ROLES)
ROLE_WORDS = ROLE_TERMS | frozenset(content_terms("chief vice deputy senior executive co"))  # words a role is said in
# roles one person holds at a time: "CEO Dario Amodei" says No to "Is Daniela Amodei the CEO?" (a company has founders)
SOLE_ROLES = frozenset(content_terms("ceo executive president chairman chairwoman chair"))


def roles_asked(terms: frozenset[str]) -> frozenset[str]:
    """The stems of every role the question's terms ask for ("edit" -> the editor's)."""
    return _roles(terms)


# "Who leads (heads, runs) Anthropic?", "Who is the head of Amazon?": whoever holds a role at the top of a named body
# (not "Who led the funding round?", which a fund may have led)
_LEADS_NAMED = re.compile(
    r"^\W*(?i:who)\s+(?:(?:leads|led|heads|headed|runs|ran|is\s+leading|is\s+running|is\s+heading)\s+"
    r"|(?:is|was|are|were)\s+(?:the\s+)?(?:leader|head|boss)\s+of\s+)(?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|(?i:company|firm|startup|lab|group))\s*(?:\?|$)"
)  # "who runs Anthropic" typed without its question mark; "Who leads the company?" of a company named before


def _roles(terms: frozenset[str], text: str = "") -> frozenset[str]:
    """The stems of every role the question's terms ask for; leading a named body asks for the roles at its top (the
    roles one person holds, SOLE_ROLES). With the question's text, a role is asked only in one of its words: "the
    Federal Energy Office" asks for no officer, though "office" is stemmed as "officer" is."""
    if text:
        terms = frozenset(stem for stem, pattern in _ROLE_SAID.items() if stem in terms and pattern.search(text))
    asked = terms | SOLE_ROLES if _LEADS_NAMED.search(text) else terms
    return frozenset().union(*(group for group in PERSON_ROLES if group & asked))


def _span_kind(answer_type: str, span_kind: str) -> str:
    """The kind of span that answers: a name for a person, an organisation or a list; none in particular for a
    yes/no or a why question ("Does Anthropic remain independent despite Amazon's investment?" wants no money)."""
    if answer_type in ("yesno", "reason", "expansion") or (answer_type == "definition" and span_kind not in ("name", "place")):
        return "other"  # "What is a circular investment?" asks for no amount
    if answer_type == "role":
        return "role"  # "What title did Henry II take?": a title, not a name or a date
    if answer_type in ("person", "organisation", "list") and (span_kind == "other" or (answer_type != "list" and span_kind in FIGURE_KINDS)):
        return "name"
    return span_kind


# "In which company has Microsoft invested?": the preposition of the verb put first (as a stranded one is last)
_FRONTED = re.compile(r"^\W*(?:in|into|to|with|from|on|for|at|by|about|against|through)\s+(?:which|what|whom)\b", re.IGNORECASE)
_ACT_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?([a-z]+)\b")  # "does Microsoft reportedly own": the verb, past the adverb


def _act(text: str, actor: str) -> str:
    """The stem of the verb right after the acting name in a question whose preposition comes first ("In which company
    has Microsoft invested?" -> "invest"); "" where none."""
    if not _FRONTED.match(text):
        return ""
    for i in _occurrences(text, actor) if actor else ():
        m = _ACT_AFTER.match(text, i + len(actor))
        terms = content_terms(m.group(1)) if m else []
        if terms:
            return terms[0]
    return ""


def _receives(text: str, entity: str) -> bool:
    """ "How many gigawatts will Anthropic get?", "is Anthropic getting", "is Anthropic guaranteed" (a passive
    without its agent): the name receives what is asked."""
    return any(
        (_ACTING_BEFORE.search(text, 0, i) and _RECEIVING.match(text, i + len(entity)))
        or (_passive(text, i, entity) and _GIVEN_AFTER.match(text, i + len(entity)) and not _BY_AFTER.search(text, i + len(entity)))
        or _GIVING_BEFORE.search(text, 0, i)
        for i in _occurrences(text, entity)
    )


# "How many gigawatts does the deal give Anthropic?", "guarantee Anthropic": the name right after a verb of giving is
# its indirect object, the one that gets
_GIVING_BEFORE = re.compile(r"\b(?:give|gives|giving|gave|grant|grants|granted|guarantee|guarantees|guaranteed|offer|offers"
                            r"|offered|hand|hands|handed|provide|provides|provided|award|awards|awarded)\s+$", re.IGNORECASE)


def _passive(text: str, at: int, entity: str) -> bool:
    """ "How much capacity is Anthropic guaranteed?", "How much was Anthropic given by Amazon?": "be", the name, then
    a participle: the name is what the act is done to."""
    return bool(_BE_BEFORE.search(text, 0, at) and _PARTICIPLE_AFTER.match(text, at + len(entity)))


def _acts(text: str, entity: str) -> bool:
    """ "How much has Salesforce invested", "did Amazon put", "the most Amazon has pledged": the name is the subject of
    the question's verb. A name that receives ("is Anthropic getting from Amazon") is not: the figure's claim may
    have the giver as its subject."""
    return any(
        ((_ACTING_BEFORE.search(text, 0, i) and _ACTING_AFTER.match(text, i + len(entity)))
         or _AUXILIARY_AFTER.match(text, i + len(entity)))
        and not _RECEIVING.match(text, i + len(entity))
        and not (_passive(text, i, entity) and (_GIVEN_AFTER.match(text, i + len(entity)) or _BY_AFTER.search(text, i + len(entity))))
        for i in _occurrences(text, entity)
    )


def _owns(text: str, entity: str) -> bool:
    """ "Google's stake", "the CEO of Amazon", "Who runs Amazon Web Services as its CEO?": the name owns the thing
    asked about ("to spend on Amazon's cloud services": a possessive after a preposition other than "of" names where
    the money goes, not whose it is)."""
    return any(
        (_POSSESSED.match(text, i + len(entity)) and not _TARGET_BEFORE.search(text, 0, i)
         and not _POSSESSED_NAMED.match(text, i + len(entity)))
        or (_OWNED_BEFORE.search(text, 0, i) and _boundary(text, i + len(entity)))
        or _AS_ITS.match(text, i + len(entity))
        or ((m := _NOUN_AFTER.match(text, i + len(entity))) is not None and _owned_noun(m.group(1))
            and not _OWNER_BEFORE.search(text, 0, i))
        or ((m := _TITLE_AFTER.match(text, i + len(entity))) is not None and bool(set(content_terms(m.group(1))) & ROLE_TERMS))
        or (_GIVING_NOUN_AFTER.match(text, i + len(entity)) is not None and not _OWNER_BEFORE.search(text, 0, i)
            and not _TARGET_BEFORE.search(text, 0, i))
        for i in _occurrences(text, entity)
    )


# "Google investment in Anthropic", "the Salesforce stake in the company": a name before a noun of putting money in,
# whose receiver the question names after it, is the one that puts it in (without the receiver after it, "the
# Anthropic investment" may be the money put into Anthropic)
_GIVING_NOUN_AFTER = re.compile(
    r"\s+(?:investments?|funding|backing|commitments?|pledges?|bets?|contributions?|injections?)\s+(?:in|into|to|for)\s+(?:the\s+)?[A-Z]"
)


# "Anthropic valuation", "the Google stake": a name right before a money measure or a stake owns it as "Anthropic's
# valuation" does
_LIKENED_NAME = re.compile(r"\b(?:just\s+|much\s+)?(?:(?i:like|unlike|as)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s+(?i:does|did|do|has|have|had|is|was)\b"
                           r"|(?i:like|unlike)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s*(?:[?.!,;]|$))")  # "... like ChatGPT?"
_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b")
_TITLE_AFTER = re.compile(r"\s+(?i:(?:chief|vice|deputy|senior|executive)\s+)*([A-Z][A-Za-z]+|[a-z]+(?<!s))\b")  # "the AWS CEO": AWS's CEO
# ... but not after an owner ("its Anthropic stake", "Amazon's Anthropic stake"): that stake is in the name
_OWNER_BEFORE = re.compile(r"(?:\b(?:its|their|his|her|our|my|your)|\w['’]s?)\s+$", re.IGNORECASE)


# Around a name of the question, read with patterns compiled once (not one per name): what comes before it and after.
# ("did the FTC conclude": a verb's auxiliary, "the", the name; not "is the CEO of", where the name is what is asked)
_ACTING_BEFORE = re.compile(r"\b(?:(?:has|have|had|did|does|do|will|would|could|can)\s+(?:the\s+)?|(?:is|are|was|were)\s+)$")
_ACTING_AFTER = re.compile(r"\s+[a-z]+(?:ed|ing)?\b")
# "the most Amazon has pledged", "how much Microsoft had invested": the name, then its auxiliary and a participle
_AUXILIARY_AFTER = re.compile(r"\s+(?:has|have|had)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")
_RECEIVING = re.compile(r"\s+(?:get|gets|getting|got|receive[sd]?|receiving|obtain(?:s|ed|ing)?|gain(?:s|ed|ing)?|secur(?:e|es|ed|ing))\b")
_POSSESSED = re.compile(r"['’]s?\s+\w")
# "Anthropic's rivals OpenAI and Mistral": what the name has is named right after it, and those names are asked about
_POSSESSED_NAMED = re.compile(
    r"['’]s?\s+(?:(?!(?:in|into|to|of|for|on|at|by|with|from|and|or|the|a|an|its|their|than|as|over|under|is|are|was|were)\b)"
    r"[a-z][\w-]*\s+){1,2}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    # the names end there, before a word that ends the question ("... rival OpenAI reach?"); not "Amazon's latest
    # Anthropic investment pledge", where a name qualifies a noun
    r"(?=\s*(?:[?,.;:]|$)|\s+(?:and|or|in|on|at|to|for|of|with|from|is|are|was|were|has|have|had|did|do|does)\b|\s+[a-z]+\s*\?)"
)
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were)\s+$", re.IGNORECASE)
# not "is Anthropic expected to spend": the name does what follows "to"
_PARTICIPLE_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|given|shown|paid|sold|lent|owed)\b(?!\s+to\s+(?!(?:the|a|an|its|their)\b)[a-z]+\b)")
_BY_AFTER = re.compile(r"\bby\b")
# the participles of giving, whose passive's subject gets something: "is Anthropic guaranteed", "was it promised"
_GIVEN_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:guaranteed|given|promised|offered|granted|awarded|allocated|allotted|provided|"
                          r"lent|loaned|paid|owed|handed|assured|pledged|sent)\b")
_TARGET_BEFORE = re.compile(r"\b(?:on|in|into|onto|to|towards?|with|from|at|through|via)\s+(?:the\s+)?$", re.IGNORECASE)
_OWNED_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:of|for)\s+(?:the\s+)?$")
_AS_ITS = re.compile(r"\s+as\s+(?:its|their)\s+\w", re.IGNORECASE)  # "runs Amazon Web Services as its CEO": its CEO
_WORD_CHAR = re.compile(r"\w")


def _occurrences(text: str, entity: str) -> list[int]:
    """Where `entity` starts in `text` at a word boundary."""
    out = []
    i = text.find(entity) if entity else -1
    while i >= 0:
        if _boundary(text, i):
            out.append(i)
        i = text.find(entity, i + 1)
    return out


def _boundary(text: str, at: int) -> bool:
    """Whether `at` is a word boundary, as the pattern \\b means it."""
    before = at > 0 and bool(_WORD_CHAR.match(text, at - 1))
    after = at < len(text) and bool(_WORD_CHAR.match(text, at))
    return before != after


# The class nouns a "which X ..." question may ask for, by the answer type they name: a general vocabulary of
# English class nouns (not the corpus's), read after the fixed patterns above, whatever words stand between "which"
# and the noun ("Which frontier AI lab ...?", "Which European country ...?")
_CLASS_NOUNS = {
    "organisation": "company firm organisation organization outlet publisher publication newspaper magazine broadcaster "
                    "network lab laboratory startup investor provider rival competitor chipmaker maker manufacturer "
                    "business bank agency regulator university college institute institution "
                    "retailer automaker airline carrier insurer hyperscaler vendor supplier developer "
                    "conglomerate corporation subsidiary backer acquirer bidder",
    "person": " ".join((*PERSON_NOUNS, *TITLE_WORDS)),
    "place": "city country region state town province continent island river location nation village county "
             "capital port territory district kingdom",
    "date": "year month day date decade century",
    "role": "title office position job post",  # what a person holds: answered by a title ("Duke of Normandy"), not a name
}


_HEADLINE = re.compile(r"\bheadlines?\b", re.IGNORECASE)
_WHICH_FIRST = re.compile(r"^\W*(?:which|what)\s", re.IGNORECASE)
_KIND_OF = re.compile(r"\b(?:which|what)\s+(?:type|kind|sort|form)s?\s+of\b", re.IGNORECASE)


def _plurals(word: str) -> tuple[str, ...]:
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word, word[:-1] + "ies"
    return word, word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


# by the word as written, singular or plural: stems would join "engineer" to "engine" and "developer" to "develop"
CLASS_TYPES: dict[str, str] = {
    form: kind for kind, words in _CLASS_NOUNS.items() for word in words.split() for form in _plurals(word)
}


PLACE_NOUNS = frozenset(form for form, kind in CLASS_TYPES.items() if kind == "place")  # "region", "cities"


def _answer_type(text: str, span_kind: str) -> str:
    """The answer type of a question that names no acronym to spell out (that one is "expansion")."""
    if _YESNO.match(text):
        return "yesno"
    if re.match(r"^where\b(?! (?:does|do|did) .*\b(?:stand|rank)\b)", text, re.IGNORECASE):  # "where does it stand" is no place
        return "place"
    if _REASON.search(text) or (_HOW_MANNER.match(text) and span_kind != "percent"):
        # ("How did Amazon stock do in extended trading?" asks how much it moved: a percent, rag.spans)
        return "reason"
    if _WHAT_IS_A.match(text) or _MEANS.match(text) or _WHAT_IS_QUOTED.match(text) or _asks_bare_noun(text):
        return "definition"
    if _WHO_IS_NAMED.match(text):  # "Who is Dario Amodei?" asks what the person is: a title ("CEO"), not another name
        return "role"
    if _ASKS_WHO.match(text):  # "Which company achieved a $6 billion valuation?": a name, whatever figure it gives
        return "list" if _PLURAL_ASK.search(text) else "person" if _PERSON.match(text) else "organisation"
    if _WHICH_FIRST.match(text) and not _KIND_OF.search(text) and (named := CLASS_TYPES.get(_class_noun(text).lower())) in ("organisation", "person"):
        # "Which European AI startup reached a $6 billion valuation?": a name of the class, whatever figure it gives
        return "list" if _PLURAL_ASK.search(text) else named
    if _WHICH_FIRST.match(text) and CLASS_TYPES.get(_class_noun(text).lower()) == "role" and not _OWNER_ASKED.search(text):
        # (not "Which industry's competitive positions ...?", which asks for the industry)
        return "role"
    if span_kind in ("money", "percent", "power", "energy", "tokens", "ratio", "duration", "count", "date", "place"):
        return span_kind
    if _PLURAL_ASK.search(text):
        return "list"
    if _ORGANISATION.search(text):
        return "organisation"
    if _PERSON.search(text):
        return "person"
    if _DEFINITION.match(text):
        return "definition"
    if _KIND_OF.search(text):  # "What type of company is Anthropic?" asks for a kind, not for a company's name
        return "other"
    named = CLASS_TYPES.get(_class_noun(text).lower(), "other")
    return "other" if named == "role" else named  # a role is asked only as above


def question_scope(text: str) -> tuple[str, ...]:
    """The scope tags a question asks a figure in: total, initial, upfront, annual, additional."""
    text = _REFERENCE_POINT.sub(" ", text)
    return tuple(tag for tag, pattern in _SCOPE.items() if pattern.search(text))


# "Is Daniela Amodei Anthropic's CEO?": the name, then the owner of the noun the question ends with; two names, not
# one run "Daniela Amodei Anthropic" ("Is Amazon Web Services' revenue growing?" ends in a verb: one name)
_COPULA_OWNER = re.compile(r"^\W*(?:[Ii]s|[Aa]re|[Ww]as|[Ww]ere)\s+((?:[A-Z][\w&.-]*\s+)+)([A-Z][\w&.-]*['’]s?)\s+(?:[\w-]+\s+){0,2}(?![\w-]+(?:ing|ed)\b)[\w-]+\s*\?*\s*$")


_TIE_AFTER = re.compile(r"\s+(?:deal|investment|stake|partnership|agreement|alliance|tie-up|relationship|arrangement|bet"
                        r"|backing|holding|contract|pact|commitment)s?\b", re.IGNORECASE)


def question_entities(text: str, leading_name: bool = False) -> tuple[str, ...]:
    """The names in a question, in order: runs of capitalized words, without the question's own first word (with it
    where `leading_name`)."""
    names: list[str] = []
    words = list(_NAME.finditer(text))
    predicate_owner = _COPULA_OWNER.match(text)
    owner_at = predicate_owner.start(2) if predicate_owner else -1
    run: list[str] = []
    last_end = -1
    possessive = False
    for m in words:
        word = m.group().rstrip(".’'")
        if m.start() == 0 and not re.search(r"[A-Z]", word[1:]) and not leading_name:
            continue  # a question's first word is capitalized anyway: a name only if it is "AWS" or "OpenAI"
        if word.lower() in _NOT_NAMES:
            continue
        if word in MONTH_ABBREVIATIONS and _DATED.match(text, m.end()):
            continue  # "back in Feb 2026", "Sept. 2023": a month, not a name
        if re.search(r"\b(?i:which|what)\s+(?:[A-Z][\w-]*\s+)*$", text[: m.start()]):
            continue  # "Which Chinese companies": a name after "which" describes the answer, it is not a subject
        if possessive and run and m.start() - last_end <= 1 and (terms := content_terms(word)) and set(terms) <= GENERIC_NAME_TERMS:
            possessive = False  # "Google's AI model family": Google and its AI, not a name "Google AI"
            continue
        owner = re.sub(r"(?:['’]s)$", "", word)
        # a role after a possessive starts anew: "Amazon's CEO" is Amazon and its CEO, not one name "Amazon CEO"
        # (other words stay joined as before: "Amazon's Trainium chip" is read as the name "Amazon Trainium")
        role = possessive and bool(set(content_terms(word)) & ROLE_TERMS)
        # and a name between a possessive and a tie is the other party: "Amazon's OpenAI deal" is Amazon's deal with
        # OpenAI, not one name "Amazon OpenAI"
        role = role or (possessive and bool(_TIE_AFTER.match(text, m.end())))
        if run and m.start() - last_end <= 1 and not role and m.start() != owner_at:
            run.append(owner)
        else:
            if run:
                names.append(" ".join(run))
            run = [owner]
        possessive = owner != word
        last_end = m.end()
    if run:
        names.append(" ".join(run))
    # "Nvidia GPUs": a plural of an acronym after a name is the things of it, a common noun, not part of the name
    names = [re.sub(r"\s+[A-Z]{2,}s$", "", name) for name in names]
    return tuple(dict.fromkeys(n for name in names for n in _role_split(name) if n))


def _role_split(name: str) -> tuple[str, ...]:
    """ "AWS CEO" -> ("AWS", "CEO"), as "AWS's CEO" reads: a name run that ends in a role ("OpenAI President",
    "Amazon Chief Executive") is the owner and its role ("Chief Executive" alone, or a name that starts with its
    role, "President Daniela Amodei", stays as it is)."""
    words = name.split()
    cut = len(words)
    while cut > 0 and set(content_terms(words[cut - 1])) & ROLE_WORDS:
        cut -= 1
    if cut == len(words) or cut == 0 or not any(set(content_terms(w)) & ROLE_TERMS for w in words[cut:]):
        return (name,)
    return " ".join(words[:cut]), " ".join(words[cut:])


_OWNING = re.compile(r"\b(?:own|owns|owned|hold|holds|held|control|controls)\b", re.IGNORECASE)


def _owned_share(text: str, measure: str, entities: tuple[str, ...] = ()) -> str:
    """ "What share of Anthropic does Amazon own?" measures a stake, not a share price; "What share of the extra
    trial cost will Bergmann pay?" measures the cost: the share is only the percent it is asked in."""
    if measure not in _SHARE_WORDS:
        return measure
    if _OWNING.search(text):
        return "stake"  # "What percentage of Anthropic does Amazon own?" too
    if measure != "share":
        return measure
    part = _SHARE_OF.search(text)
    return (_measure(part.group(1), entities) or measure) if part else measure


# "How much money did Anthropic lose?": money said by a verb of its measure is that measure (a loss, not a pledge)
VERB_MEASURES = MappingProxyType({"lose": "loss", "lost": "loss", "earn": "earn", "owe": "debt", "borrow": "debt"})
_MONEY_WORDS = frozenset(content_terms("money cash funds dollars"))


def _measure_of_verb(text: str, measure: str) -> str:
    """The measure a verb of money says where the question's measure is money itself ("How much money did Anthropic
    lose last year?" measures a loss); `measure` otherwise."""
    if measure not in _MONEY_WORDS:
        return measure
    verb = next((VERB_MEASURES[t] for t in content_terms(text) if t in VERB_MEASURES), "")
    return verb or measure


_SHARE_WORDS = frozenset(content_terms("share percentage percent proportion fraction portion part"))
_SHARE_OF = re.compile(r"\bshare of\s+(.+)", re.IGNORECASE)


def _measure(text: str, entities: tuple[str, ...]) -> str:
    """The stem of the main thing asked about: the first content word that is not a name, a figure or a generic
    word, read from the question word on ("Counting earlier rounds, what does Amazon's commitment add up to?").
    A compound that ends in a money measure is that measure: "stock price" and "closing share price" ask a price."""
    name_terms = {t for e in entities for t in content_terms(e)}
    for f in parse_figures(text) if not _WH.search(text) else ():
        # "Does the deal cover 5 GW of capacity?": what a figure is "of" is what it measures, not the subject (a
        # question that asks a figure measures what it asks: "How much does that 5 gigawatts of capacity cost?")
        of = _FIGURE_OF.match(text, f.end)
        if of is not None and (terms := content_terms(of.group(1))) and terms[0] not in name_terms and terms[0] not in _GENERIC:
            return terms[0]
    asking = _WH.search(text)
    text = _FIGURE_BOUND.sub(" ", text[asking.start():] if asking else text)  # "Is up to $20 billion ...": no measure "up"
    text = re.sub(r"\$?\d[\d,.]*\s*\w*", " ", text)
    text = _PRICE_TAG.sub("amount", text)  # "the price tag of the pledge" is its amount, not a price
    text = _MARKET_CAP.sub(" marketcap ", text)  # "market capitalization": one measure, no "capital" put in
    for term in content_terms(text):
        if term not in name_terms and term not in _GENERIC:
            noun = _UNIT_THEN_NOUN.search(text) if term in UNIT_CLASSES else None
            if noun is not None and content_terms(noun.group(1)) == [term] and content_terms(noun.group(2)):
                # "What percentage stake ...?": the stake is measured, the percentage is its unit
                return content_terms(noun.group(2))[0]
            return _compound_head(text, term)
    return ""


_FIGURE_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|new\s+|additional\s+|extra\s+)?([a-z][\w-]*)")  # "5 GW of capacity"
_PRICE_TAG = re.compile(r"\bprice[- ]tags?\b", re.IGNORECASE)
_FIGURE_BOUND = re.compile(r"\bup\s+to\s+(?=[$€£]?\d)", re.IGNORECASE)  # a figure's bound, not "add up to"
_UNIT_THEN_NOUN = re.compile(r"\b(percentage|percent|proportion|fraction|amount)\s+([a-z][\w-]*)", re.IGNORECASE)


# classes a figure question may ask for that name its unit, not its measure ("What percentage of the vote ...?")
UNIT_CLASSES = frozenset(content_terms("percentage percent proportion fraction portion part amount number sum figure total")) | {""}
# Money measures: the head of a compound that ends in one ("stock price"), and the measures a figure question
# abstains on where no article states a figure of them (rag.answering)
FINANCIAL_MEASURES = frozenset(content_terms(
    "profit earnings income sales turnover revenue valuation price cost salary wage budget debt loss dividend"
    " capex expenditure outlay marketcap"
))
_MARKET_CAP = re.compile(r"\bmarket\s+(?:cap|capitali[sz]ation)\b", re.IGNORECASE)
# money measures whose percent is how they moved: "By how much did Amazon's share price move?" is answered by "shares
# climbed nearly 3%", where the measure's own word is not beside the figure
MOVING_MEASURES = frozenset(content_terms("price"))
_OWNED_BY_NAME = FINANCIAL_MEASURES | frozenset(content_terms("stake"))


def _owned_noun(word: str) -> bool:
    """Whether a word after a name is a measure the name owns ("Anthropic valuation", "the Google stake")."""
    terms = content_terms(word)
    return bool(terms) and terms[0] in _OWNED_BY_NAME


# measures that name one figure in several words: a company's sales are its revenue (its profit is another figure)
_SAME_MEASURE = (frozenset(content_terms("revenue revenues sales turnover")), frozenset(content_terms("stock stocks share shares")))


def measure_words(measure: str) -> frozenset[str]:
    """The stems a figure's measure is said in: itself, or every word of its family ("sale" -> revenue, turnover)."""
    return next((family for family in _SAME_MEASURE if measure in family), frozenset({measure}))


def _compound_head(text: str, term: str) -> str:
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    for i, word in enumerate(words):
        if content_terms(word)[:1] != [term]:
            continue  # ("post-money valuation": the compound's first word, hyphened)
        for after in words[i + 1 : i + 1 + COMPOUND_REACH]:
            head = content_terms(after)
            if not head:
                break  # "the price of the stock": a stop word ends the compound
            if head[0] in FINANCIAL_MEASURES:
                return head[0]
        break
    return term


COMPOUND_REACH = 2  # words after the measure read for a money head ("closing share price")


_GENERIC = frozenset(content_terms(
    "much many amount figure number big large total latest newest new current now annual annualized yearly initial first"
    " additional immediately overall most least maximum minimum could would should might must can will may shall"
    " older newer earlier later previous prior recent coverage report article headline size"
    " had has have having do does did be been being is are was were get gets got"
    " main key primary biggest major chief else already yet so far potential possible"
))
# "How does the approach work?", "How did Amazon's stock react?", "How does the deal help Amazon?": a process, how
# something went, or the means by which it does something to another; no one word
_HOW_WORKS = re.compile(
    r"^\W*how (?:does|do|did|would|will|can|could|is|are|was|were)\b.*\b"
    r"(?:work|works|function|operate|happen|released?|paid|funded|structured|decided|react|respond|fare|perform"
    r"|help|benefit|affect|impact|support|strengthen|weaken|hurt)\b[^?]*\W*$",
    re.IGNORECASE,
)
# "What does the 20:1 ratio refer to?", "Why does the 49% stake matter?": the question word asks of what follows
# (not "What valuation does the $25 billion deal put ...?", which asks for a figure of its own)
# "What do the articles say about ...?", "What does the coverage report on ...?": no outlet named, the sentences asked
_SAYS_ABOUT = re.compile(
    r"^\W*what\s+(?:do|does|did)\s+(?:the\s+)?(?:articles?|sources?|coverage|reporting|reports?|pieces?|stories|press)\s+"
    r"(?:say|report|write|state)\s+(?:about|on|regarding)\s+(?:the\s+|a\s+|an\s+)?",
    re.IGNORECASE,
)
_BROUGHT_TO = re.compile(rf"\b{BROUGHT_VERBS}\b[^?]*\bto\s*\?*\s*$", re.IGNORECASE)
_ABOUT_GIVEN = re.compile(
    r"^\W*(?:what|why)\s+(?:does|do|did|is|are|was|were|would|will|can)\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+|its\s+|their\s+)?",
    re.IGNORECASE,
)
_WH = re.compile(rf"\b(?:{'|'.join(WH_WORDS)})\b", re.IGNORECASE)
