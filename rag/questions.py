"""Checking a question before it is asked.

The language check is a word list, not a model: lingua-language-detector (the offline detector tried for
this) is a 96 MB wheel, holds 220 MB of memory for seven languages (1.2 GB for all), and still reads
short English questions full of names as Italian ("Who is Dario Amodei?") or Dutch ("Trainium chips?").
Function words are what tell languages apart in a short question, and names say nothing, so a question
is refused only when it holds more common words of another language than of English.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from rag.config import MAX_QUESTION_CHARS
from rag.errors import QuestionError

MIN_LATIN_SHARE = 0.5
# A question needs one word of at least this many letters or digits, one of them a letter ("AWS revenue?", "5 GW?").
MIN_WORD_CHARS = 2
# Refused as not English when it holds at least this many function words of other languages, and more of them than English ones.
MIN_FOREIGN_WORDS = 2
NOT_ENGLISH = "only English questions are supported: the question is not in English (the articles and the model are)"

_ENGLISH_WORDS = frozenset(
    "what who whom whose which when where why how is are was were be been do does did done has have had will would can"
    " could should may might must the a an of in on for to and or but not no with by from at as about into after before"
    " than this that these those it its they their there many more most says say said gives give report reports"
    " long big large i you we he she his her our your my me us them if any all some each per over under".split()
)
# Common function and question words of Spanish, French, German, Italian, Portuguese and Dutch that are not also English words.
_FOREIGN_WORDS = frozenset(
    # Spanish
    "cuánto cuanto cuánta cuanta cuántos cuantos cuántas cuantas quién quien quiénes cómo dónde donde cuándo cuando qué que"
    " por para los las del una es el la y su sus fue hay está esta este eso con en se lo al"
    # French
    " combien pourquoi quand où qui quel quelle quels quelles est les des du le une et il elle ils elles sont été"
    " avec dans sur ce cette ces au aux"
    # German
    " wie viel viele wieviel wer wann warum wo welche welcher welches der das und ist nicht mit von für auf den dem ein"
    " eine einen sich auch im zu wird wurde"
    # Italian
    " quanto quanta quanti quante chi che perché il gli della di nel sono non è"
    # Portuguese
    " quem onde porque não na da em um uma os foi com"
    # Dutch
    " hoeveel wat waar wanneer waarom het een van de en niet zijn heeft hoe".split()
) - _ENGLISH_WORDS
_WORD = re.compile(r"[^\W_]+")
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # Unicode category C within ASCII


def clean_question(question: str, limit: int = MAX_QUESTION_CHARS) -> str:
    """The question stripped of control characters; QuestionError when it cannot be answered as written."""
    if len(question) > limit:
        raise QuestionError(f"the question is {len(question):,} characters long; the limit is {limit:,}: ask a shorter question")
    if question.isascii():  # the common case, without a lookup per character
        text = _ASCII_CONTROL.sub(" ", question)
    elif any("\ud800" <= ch <= "\udfff" for ch in question):  # bytes that were not UTF-8, kept by surrogateescape
        raise QuestionError("the question is not valid UTF-8 text: save or type it as UTF-8")
    else:
        text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in question)
    text = " ".join(text.split())
    if not text:
        raise QuestionError("the question is empty: type a question about the articles")
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        raise QuestionError("the question has no words: type a question about the articles")
    words = _WORD.findall(text)
    if not any(len(w) >= MIN_WORD_CHARS and any(ch.isalpha() for ch in w) for w in words):
        raise QuestionError(f"the question {text!r} is too short: ask with at least one word of two or more letters, such as 'Who invested in Anthropic?'")
    latin = len(letters) if text.isascii() else sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    if latin / len(letters) < MIN_LATIN_SHARE or not _reads_as_english(text, words):
        raise QuestionError(NOT_ENGLISH)
    return text


def _reads_as_english(text: str, words: list[str]) -> bool:
    """False when the question holds more function words of another language than of English (names count for
    neither); a word in another script counts twice, so Latin-script names cannot carry a Russian question."""
    lowered = [w.lower() for w in words]
    foreign = sum(1 for w in lowered if w in _FOREIGN_WORDS) + text.count("¿") + text.count("¡")
    foreign += sum(2 for w in words if not _latin(w))
    english = sum(1 for w in lowered if w in _ENGLISH_WORDS)
    return foreign < MIN_FOREIGN_WORDS or foreign <= english


def _latin(word: str) -> bool:
    if word.isascii():
        return True
    letters = [ch for ch in word if ch.isalpha()]
    return not letters or all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


# "Is Anthropic described as a fast-growing company?": a yes/no question about how the articles describe a name asks
# whether the name is so ("Is Anthropic a fast-growing company?"); the frame's verb is no act to look for
_FRAMED = re.compile(
    r"^(?P<aux>is|are|was|were)\s+(?P<subject>.+?)\s+(?:(?:often|widely|commonly|generally|also)\s+)?"
    r"(?:(?:described|characteri[sz]ed|portrayed|depicted|labell?ed|branded|billed|framed|presented|referred\s+to|"
    r"regarded|seen|viewed|cast|painted)\s+as|(?:said|reported|thought|believed|claimed)\s+to\s+be)"
    r"\s+(?P<rest>(?![a-z]+ing\b)\S.*)$",  # not "portrayed as putting an emphasis on ...": an act, asked as it is
    re.IGNORECASE,
)


def unframed(question: str) -> str:
    """The yes/no question without a frame of description: "Is Anthropic described as a fast-growing company?" ->
    "Is Anthropic a fast-growing company?"; any other question as it is."""
    m = _FRAMED.match(question)
    if m is None:
        return question
    return f"{m.group('aux')} {m.group('subject')} {m.group('rest')}"


# a question word's contracted "is": "Who's running Anthropic?" asks as "Who is running Anthropic?" does (the parse
# reads "'s" after a question word as a possessive)
_CONTRACTED_IS = re.compile(r"\b(who|what|where|when|how|why|which)['’]s\b", re.IGNORECASE)
# "What exactly is Amazon Bedrock?": an adverb that stresses the question, not a word of it
_STRESS = re.compile(r"^(\W*(?:who|what|where|when|how|why|which)\s+)(?:exactly|precisely|actually|really|basically)\s+(?=(?:is|are|was|were|does|do|did)\b)",
                     re.IGNORECASE)


# "5 gigawatts is like what?": what it is likened to
_LIKE_WHAT = re.compile(r"^\W*(?P<thing>.+?)\s+(?P<be>is|are|was|were)\s+like\s+what\s*\?*\s*$", re.IGNORECASE)
# "Mistral AI valuation is how much?": the amount asked in place of what the thing is
_BE_HOW_MUCH = re.compile(r"^\W*(?P<subject>[^?,;:]+?)\s+(?P<be>is|are|was|were)\s+how\s+(?P<ask>much|many)\s*\?*\s*$",
                          re.IGNORECASE)
# owning most of a company is owning a majority of it, as the articles put stakes
_MOST_OF = re.compile(r"\b(own|owns|owned|owning|hold|holds|held|holding|control|controls|controlled|controlling)\s+most\s+of\b",
                      re.IGNORECASE)
# "which" asking what a thing is, as other languages ask it: "Which is the valuation of Anthropic?" (not "Which is the
# oldest article?", a choice among things)
_WHICH_IS_THE = re.compile(r"^\W*which\s+(?P<rest>(?:is|are|was|were)\s+(?:the|its|their)\s+(?!(?:\w+est|first|last|only|one|ones|same|other|better|"
                           r"bigger|larger|smaller|more|most|less|least)\b)[\w-]+(?:\s+[\w-]+)?\s+of\b.*)$", re.IGNORECASE)
# a question word, then a name and its verb with no auxiliary: "How much Microsoft invests in Anthropic?"
_NO_AUXILIARY = re.compile(r"^\W*(?P<ask>(?i:how\s+much(?:\s+(?:money|cash|capital))?|when|since\s+when|where|why|how))\s+"
                           r"(?P<subject>(?![kMGT]?Wh?\b)[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)\s+(?P<verb>[a-z]+(?:[^s]s|ed))\b(?P<rest>[^?]*)\?*\s*$")


def _verb_base(text: str, m: re.Match[str]) -> str | None:
    """The base form of the verb _NO_AUXILIARY read, where the parse reads it as a verb in the present or past (not
    "soldiers" of "When US soldiers died?"); after "how much" a name and a verb in "-s" are taken as they stand (the
    parse reads "invests" of "How much Microsoft invests ...?" as a noun). None where it is no verb."""
    from rag.phrases import parse

    verb = m.group("verb")
    doc = parse(text)
    token = next((t for t in doc if t.idx == m.start("verb")), None) if doc is not None else None
    if token is not None and token.tag_ in ("VBZ", "VBD", "VBN"):
        return token.lemma_.lower() if verb not in ("has", "had") else verb
    if m.group("ask").lower().startswith("how much") and re.search(r"[^s]s$", verb):
        return verb[:-1]
    return None


# (a verb after it: the word read as the verb was a noun, "How many US presidents are alumni ...?")
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could)\b", re.IGNORECASE)

# "Meta spend how much every year on AI infrastructure?": the amount asked in place, as the question puts it first
_HOW_MUCH_IN_PLACE = re.compile(r"^\W*(?P<subject>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)\s+(?P<verb>[a-z]+)\s+how\s+(?P<ask>much|many)\b(?P<rest>[^?]*)\?*\s*$")


# "I keep seeing 'circular investment' in one of the articles, what does that mean?": a remark that quotes a term, then
# a question of it by "that" or "it"
_QUOTED_THEN_ASKED = re.compile(
    r"^\W*(?P<lead>.*?(?<!\w)[\"'‘“](?P<term>[^\"'‘’“”]{2,60}?)[\"'’”](?!\w).*?)\s*[,;:—–-]\s*(?:so\s+|but\s+|and\s+)?"
    r"what\s+(?:does|do|did|is|are)\s+(?:that|it|this|they|those)(?P<verb>\s+(?:mean|stand\s+for|refer\s+to))?\s*\?*\s*$",
    re.IGNORECASE,
)


# a request for the line that says something: "Give me the line I can put on screen about the 5 gigawatts", "Quote the
# sentence about ...", "Which sentence says ...?"
_LINE_REQUEST = re.compile(
    r"^\W*(?:(?:please|can\s+you|could\s+you)\s+)?(?:give|show|find|get|pull|send|read|quote)(?:\s+(?:me|us))?\s+(?:(?:the|a|an)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:line|sentence|quote|passage|wording)(?:\s+(?:i|we)\s+(?:can|could)\s+[^?.]*)?"
    r"\s+(?:about|on|regarding|saying|stating|that\s+(?:says|states)|which\s+(?:says|states))\s+(?P<topic>[^?]+?)\s*[?.!]*\s*$"
    r"|^\W*(?:which|what)\s+(?:sentence|line|passage)\s+(?:says|states)\s+(?P<said>[^?]+?)\s*[?.!]*\s*$",
    re.IGNORECASE,
)


# "what's the milestones thing?", "What is this circular investment stuff?": what the articles say of a thing named
# loosely (not "What is the main thing ...?", which asks for one)
_LOOSE_THING = re.compile(
    r"^\W*what(?:'s|’s|\s+is|\s+was|\s+are)\s+(?:the|this|that|all\s+this|all\s+that)\s+"
    r"(?!(?:first|last|most|main|only|best|same|other|whole|next|real|important|key|big|biggest|\w+est)\b)(?P<topic>[^?]+?)\s+"
    r"(?:thing|stuff|business|bit)\s*[?!.]*\s*$",
    re.IGNORECASE,
)


def reordered(question: str) -> str:
    """A question asked in place put as questions are: "I keep seeing 'circular investment', what does that mean?" ->
    "What does 'circular investment' mean?", "5 gigawatts is like what?" -> "What is 5 gigawatts
    comparable to?", "Meta spend how much every year?" -> "How much does Meta spend every year?" (a verb in "-ed" asks
    "did", one in "-s" "does"); the question as it is otherwise."""
    question = _NOT_JUST_TAIL.sub("", _last_question(question))
    if (m := _LOOSE_THING.match(question)) is not None:
        return f"What do the articles say about the {m.group('topic')}?"
    if (m := _LINE_REQUEST.match(question)) is not None:
        return f"What do the articles say about {m.group('topic') or m.group('said')}?"
    if (m := _QUOTED_THEN_ASKED.match(question)) is not None:
        return f"What does '{m.group('term')}' mean?" if m.group("verb") else f"What is '{m.group('term')}'?"
    if (m := _NAMED_AS.match(question)) is not None:
        # "What does the analysis name as the main risk of the deal?": "What is the main risk of the deal, according to
        # the analysis?" (its source, as a source is read: rag.analysis)
        return f"What {'are' if m.group('plural') else 'is'} {m.group('asked')}, according to {m.group('source')}?"
    if (m := _SOURCE_SAYS_IS.match(question)) is not None:
        # "What does the oldest article say Amazon's total investment is?": "According to the oldest article, what is
        # Amazon's total investment?"
        return f"According to {m.group('source')}, what {m.group('be').lower()} {m.group('topic')}?"
    if (m := _SOURCE_GIVES.match(question)) is not None:
        # "What total does the oldest article give?": "According to the oldest article, what is the total?"
        return f"According to {m.group('source')}, what is the {m.group('noun')}?"
    if (m := _COMPARES_TO.match(question)) is not None:
        # "What does the 004 article compare 5 gigawatts to?": "What is 5 gigawatts compared to, according to the 004
        # article?"; an id alone is an article's ("according to article 004")
        source = m.group("source")
        source = f"article {source}" if source.isdigit() else source
        be = "are" if re.match(r"\d", m.group("thing")) or m.group("thing").endswith("s") else "is"
        named = "" if re.fullmatch(r"(?:the|this|that)\s+(?:article|piece|story|report)|it", source, re.IGNORECASE) else f", according to {source}"
        return f"What {be} {m.group('thing')} compared to{named}?"
    if (m := _KEYWORDS_NAMED.match(question)) is not None:
        return f"Which {m.group('things')} are {m.group('verb').lower()}?"  # "chinese companies mentioned"
    if (m := _KEYWORDS_COMPARED.match(question)) is not None:
        return f"What {'are' if m.group('thing').endswith('s') else 'is'} {m.group('thing')} compared to?"  # "5 gigawatts compared to"
    if (m := _WHO_IS_NAMED_AS.match(question)) is not None:
        # "Who is Anthropic's CEO, Daniela Amodei?": whether the name holds the role ("Is Daniela Amodei Anthropic's CEO?")
        return f"Is {m.group('name')} {m.group('role')}?"
    if (m := _THING_CALLED.match(question)) is not None and _NAMED_WORD.search(m.group("thing")):
        # "What is the AWS service called that lets companies use Claude?": "What is the name of the AWS service that
        # lets companies use Claude?"
        return f"What is the name of {m.group('thing')}{m.group('rest').rstrip()}?"
    if (m := _LIKE_WHAT.match(question)) is not None:
        return f"What {m.group('be').lower()} {m.group('thing')} comparable to?"
    if (m := _BE_HOW_MUCH.match(question)) is not None:
        return f"How {m.group('ask').lower()} {m.group('be').lower()} {m.group('subject')}?"
    question = _MOST_OF.sub(lambda m: f"{m.group(1)} a majority of", question)  # "So Amazon owns most of Anthropic now?"
    if (m := _WHICH_IS_THE.match(question)) is not None:
        question = f"What {m.group('rest')}"  # "Which is the valuation of Anthropic?": what it is
    if (m := _NO_AUXILIARY.match(question)) is not None and m.group("verb") not in _NOT_VERBS and not _AUXILIARY.search(
            m.group("rest")) and (base := _verb_base(question, m)) is not None:
        # "How much Microsoft invests in Anthropic?", "Since when Amazon invests in Anthropic?": the auxiliary put in
        verb, rest = m.group("verb"), m.group("rest").rstrip()
        if verb in ("has", "had"):  # "How much Amazon has invested?": "How much has Amazon invested?"
            return f"{m.group('ask')} {verb} {m.group('subject')}{rest}?"
        return f"{m.group('ask')} {'did' if verb.endswith('ed') else 'does'} {m.group('subject')} {base}{rest}?"
    if (m := _HOW_MUCH_IN_PLACE.match(question)) is not None and m.group("verb") not in _NOT_VERBS:
        verb = m.group("verb")
        aux, base = ("did", verb[:-2]) if verb.endswith("ed") else ("does", verb[:-1]) if verb.endswith("s") and not verb.endswith("ss") else ("does", verb)
        return f"How {m.group('ask')} {aux} {m.group('subject')} {base}{m.group('rest').rstrip()}?"
    return question


# keywords: things a participle after them asks for ("chinese companies mentioned", "investors named?"), and a thing
# asked what it is compared to ("5 gigawatts compared to")
_KEYWORDS_NAMED = re.compile(
    r"^\W*(?P<things>(?!(?:what|which|who|how|the)\b)(?:(?!(?:is|are|was|were|has|have|had|been)\b)[a-z][\w-]*\s+){0,2}?"
    r"(?!(?:is|was|has|this|its)\b)[a-z][\w-]*(?<!s)s)"
    r"\s+(?P<verb>mentioned|named|cited|listed|quoted|involved)\s*\??\s*$", re.IGNORECASE)
_KEYWORDS_COMPARED = re.compile(
    r"^\W*(?P<thing>(?!(?:what|which|who|how|is|are|was|were|does|do|did)\b)[^?,]+?)\s+(?:compared|likened)\s+(?:to|with)\s*\??\s*$",
    re.IGNORECASE)


# "I keep seeing that only part of the money is guaranteed. What is the additional $20 billion tied to?": a remark, then
# a question that stands on its own (one that refers back, "How big is that?", leans on the remark)
_REMARK_THEN_QUESTION = re.compile(
    r"^(?P<remark>[^?]*?[a-z0-9)\"'”’%][.!])\s+(?P<question>(?-i:[A-Z])[^?]*\?)\s*$")
_OPENS_WH = re.compile(r"^(?:what|which|who|whom|whose|when|where|why|how)\b", re.IGNORECASE)
_REFERS_BACK = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those|he|she|his|her|him|so|such|one|ones|either|both|other|others)\b",
                          re.IGNORECASE)


def _last_question(question: str) -> str:
    """A question after a remark, where it opens with a question word and refers back to nothing; the text as it is
    otherwise."""
    m = _REMARK_THEN_QUESTION.match(question)
    if m is None or not _OPENS_WH.match(m.group("question")) or _REFERS_BACK.search(m.group("question")):
        return question
    return m.group("question")


# "Has Amazon also invested in OpenAI, not just Anthropic?": what is set beside the question asks nothing more
_NOT_JUST_TAIL = re.compile(r",\s+(?:and\s+)?not\s+(?:just|only|merely|simply)\s+(?:in\s+|into\s+|with\s+)?[^,?]+?(?=\s*\?*\s*$)",
                            re.IGNORECASE)


# "What does the analysis name as the main risk?", "What do analysts cite as the biggest threat?"
_NAMED_AS = re.compile(
    r"^\W*what\s+(?:does|did|do)\s+(?P<source>[^?]+?)\s+(?:name|identify|cite|describe|call|list|see|consider|single\s+out|flag)"
    r"\s+as\s+(?P<asked>(?:the|its|their|a|an)\s+[^?]+?(?P<plural>(?<!s)s)?)\s*\??\s*$",
    re.IGNORECASE,
)
# an article named by its age, then what it says a thing is: "What did the older article say the total was?"
_AGED_SOURCE = (r"(?P<source>(?:the\s+)?(?:older|oldest|earlier|earliest|previous|original|first|newer|newest|latest|most\s+recent)\s+"
                r"(?:article|report|story|piece|source))")
_SOURCE_SAYS_IS = re.compile(
    rf"^\W*(?:and\s+|so\s+)?what\s+(?:does|did|do)\s+{_AGED_SOURCE}\s+(?:say|report|give|state|put)\s+(?:that\s+)?"
    r"(?!(?:it|that|this|they|these|those)\s)(?P<topic>[^?]+?)\s+(?P<be>is|was|are|were)\s*\??\s*$",  # (not "say it was")
    re.IGNORECASE,
)
_SOURCE_GIVES = re.compile(
    rf"^\W*(?:and\s+|so\s+)?what\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:does|did|do)\s+{_AGED_SOURCE}\s+"
    r"(?:give|report|state|cite|quote|put)\s*\??\s*$",
    re.IGNORECASE,
)
_COMPARES_TO = re.compile(r"^\W*what\s+(?:does|did|do)\s+(?P<source>(?:the\s+)?[\w$.'’ -]+?)\s+(?:compare|liken|equate)\s+"
                          r"(?P<thing>[^?]+?)\s+(?:to|with)\s*\??\s*$", re.IGNORECASE)
_WHO_IS_NAMED_AS = re.compile(r"^\W*(?i:who)\s+(?i:is|was)\s+(?P<role>(?:[A-Z][\w&.-]*['’]s|the|its|their)\s+[^,?]+?),\s+"
                              r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+)\s*\??\s*$")
# "What is Anthropic's AI model called?", "What is the AWS service called that ...?": a thing of a name's (a product;
# not "What are the stages in a compound engine called?", nor "What is it called when ...?")
_THING_CALLED = re.compile(
    r"^\W*what\s+(?:is|are|was|were)\s+(?P<thing>(?:the|an?|its|their|this|that|these|those|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*['’]s?)"
    r"\s+[^?]*?)\s+called(?P<rest>(?:\s+(?:that|which|who|where|when|in|at|for|on)\b[^?]*)?)\s*\??\s*$",
    re.IGNORECASE,
)
_NAMED_WORD = re.compile(r"\b[A-Z][\w&.-]*")
_NOT_VERBS = frozenset("is are was were be been the a an and or of to in on for".split())


# words that open a spoken turn and ask nothing: "wait, who reported that?", "ok so how much?", "say that again in plain
# terms, how big is that?" (only before a question word or an auxiliary, so "So-called ..." and "Right to ..." stay)
_SPOKEN_LEAD = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|wait|hmm+|right|well|sorry|oh|ah|um+|uh+|hey|alright|hold on|got it|thanks|thank you|cool|great|"
    r"(?:say|put|tell me|give me)\s+(?:that|it)\s+(?:again\s+)?(?:in\s+(?:plain|simple|simpler|other)\s+(?:terms|words|english)|"
    r"in\s+numbers|simply|plainly|again))\s*[,.!:;—–-]*\s+)+"
    r"(?=(?:who|what|when|where|why|which|how|is|are|was|were|do|does|did|has|have|had|can|could|will|would)\b)",
    re.IGNORECASE,
)


# "Back to Amazon — has it put money into OpenAI too?": a topic returned to, then a question of it
_BACK_TO = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|and)\W+)?(?:back\s+to|going\s+back\s+to|returning\s+to)\s+(?P<topic>[^—–:;,?]+?)\s*[—–:;,]+\s*(?P<rest>\S.*)$",
                      re.IGNORECASE)
# "it" as the subject (after an auxiliary, or opening), or "its": the topic returned to, not an object ("looking at it")
_PRONOUN = re.compile(r"\b(?P<its>its)\b|(?P<aux>\b(?:has|have|does|do|did|is|was|will|can|could|would|may)\s+)it\b|^it\b",
                      re.IGNORECASE)


def returned_to(question: str) -> str:
    """The question after "Back to <topic> —", its "it" read as the topic where the topic is a name: "Back to Amazon —
    has it put money into OpenAI too?" -> "has Amazon put money into OpenAI too?"; the question as it is otherwise."""
    m = _BACK_TO.match(question)
    if m is None:
        return question
    topic, rest = m.group("topic").strip(), m.group("rest")
    if not topic[:1].isupper() or topic.split()[0].lower() in ("the", "a", "an"):
        return rest  # "Back to the chips — which generation?": the question, read with the conversation
    return _PRONOUN.sub(lambda p: f"{topic}'s" if p.group("its") else f"{p.group('aux') or ''}{topic}", rest, count=1)


def uncontracted(question: str) -> str:
    """The question with a question word's "'s" written out: "Who's running Anthropic?" -> "Who is running ...", and
    without an adverb that only stresses it: "What exactly is Amazon Bedrock?" -> "What is Amazon Bedrock?", nor
    words that only open a spoken turn: "wait, who reported that?" -> "who reported that?"; a question opened by a
    negated auxiliary asks whether the thing holds: "Doesn't Amazon have a board seat?" -> "Does Amazon have ..."."""
    text = _STRESS.sub(r"\1", _CONTRACTED_IS.sub(r"\1 is", _SPOKEN_LEAD.sub("", returned_to(question))))
    return _NEGATED_OPENING.sub(lambda m: _positive(m.group(1)), text, count=1)


# a question opened by a negated auxiliary ("Doesn't ...?", "Wasn't ...?"), and the auxiliary it asks with
_NEGATED_OPENING = re.compile(r"^(\W*(?:(?:does|do|did|is|are|was|were|has|have|had|would|could|should)n['’]t|won['’]t|can['’]t))(?=\s)",
                              re.IGNORECASE)


def _positive(negated: str) -> str:
    lead = negated[: len(negated) - len(negated.lstrip(" \"'“‘(["))]
    word = negated[len(lead):].lower().replace("’", "'")
    plain = {"won't": "will", "can't": "can"}.get(word, word[:-3])
    return lead + (plain.capitalize() if negated[len(lead):][:1].isupper() else plain)


# stock tickers typed for the companies ("is it true amzn put in 8bn total"), read as the company even where an
# article tags itself with the ticker ("AMZN")
TICKERS = MappingProxyType({"amzn": "Amazon", "msft": "Microsoft", "googl": "Google", "goog": "Google", "nvda": "NVIDIA", "aapl": "Apple"})
# Shorthand a hurried question is typed in, each read as the words the articles write ("which chinese cos",
# "which trainium gen", "last yr"); only where no article holds the short form itself.
ABBREVIATIONS = MappingProxyType({
    "co": "company", "cos": "companies", "gen": "generation", "gens": "generations", "yr": "year", "yrs": "years",
    "incl": "including", "govt": "government", "gov": "government", "mgmt": "management", "approx": "approximately",
    "qtr": "quarter", "mkt": "market", "intl": "international", "exec": "executive", "execs": "executives",
    "amt": "amount", "hq": "headquarters", "abt": "about", "thru": "through", "w/": "with", "w/o": "without",
    "b/c": "because", "bc": "because", "dept": "department", "mth": "month", "mths": "months", "wk": "week",
    "wks": "weeks", "avg": "average", "est": "estimated", "tot": "total", "inv": "investment",
    **TICKERS,
})
_SHORT = re.compile(r"(?<![\w/-])(" + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True)) + r")(?![\w/-])\.?")


def unabbreviated(question: str, held: Callable[[Sequence[str]], Mapping[str, int]]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The question with each shorthand of ABBREVIATIONS typed in lower case written out, and the (typed, read)
    pairs; `held` gives the chunks that hold each word (a short form the articles use is left as it is)."""
    found = list(dict.fromkeys(m.group(1) for m in _SHORT.finditer(question)))
    if not found:
        return question, ()
    used = held(found)
    wanted = {w for w in found if w in TICKERS or not used.get(w, 0)}
    if not wanted:
        return question, ()
    text = _SHORT.sub(lambda m: ABBREVIATIONS[m.group(1)] if m.group(1) in wanted else m.group(), question)
    return text, tuple((w, ABBREVIATIONS[w]) for w in found if w in wanted)


# "Why did Amazon pay $25 billion in cash upfront?", "Why is Anthropic spending $100 billion on Google Cloud?": what a
# why-question takes as so, after its auxiliary
_WHY_PREMISE = re.compile(r"^\W*(?:so\s+|and\s+)?why\s+(?P<aux>did|does|do|is|are|was|were|has|have|had|will|would)\s+(?P<rest>[^?]+?)\s*\??\s*$",
                          re.IGNORECASE)


def premise_question(question: str) -> str | None:
    """The yes/no question whether a why-question's premise holds ("Did Amazon pay $25 billion in cash upfront to
    Anthropic?"); None for any other question."""
    m = _WHY_PREMISE.match(question)
    if m is None:
        return None
    return f"{m.group('aux').capitalize()} {m.group('rest')}?"
