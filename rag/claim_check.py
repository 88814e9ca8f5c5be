"""A claim given to check, read as the yes/no question it asks: "A draft says Amazon gets a board seat at
Anthropic. True?" asks "Does Amazon get a board seat at Anthropic?"; "Fact check: the deal secures Anthropic up to
5 GW, right?" asks "Does the deal secure Anthropic up to 5 GW?".

A fact-checker writes the claim as a statement, framed by who made it ("Our copy reads that ...", "Someone wrote
that ...", "Check this claim: ...", "Is it true that ...") or followed by a tag ("... — is that right?", "correct?",
"ok to run?"), or types it bare ("Microsoft owns 49% of OpenAI", "... has reached $30 billion?"). The frame and the
tag are cut off, and the statement is turned into a question by the parse: its auxiliary is put before its subject
("was $2.75 billion" -> "Was ... $2.75 billion?"), or "do" in the verb's tense is ("gets" -> "Does ... get"). A
question is left as written, and so are keywords and a statement the parse finds no subject and verb in (a framed
claim the parse cannot turn is asked "Is it true that ...?"). rag.coverage reads the same turn for "Which article
says <claim>?".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.figures import parse_figures
from rag.phrases import parse
from rag.timewords import MONTH_ABBREVIATIONS, MONTH_PATTERN

if TYPE_CHECKING:
    from spacy.tokens import Token

# who speaks on air or on the record, one table for a claim's maker before "said" and before a colon ("Guest: '...'")
SPEAKERS = (r"guest|pundit|panell?ist|host|co-?host|anchor|presenter|caller|commentator|expert|critic|senator|minister|"
            r"politician|official|lawmaker|candidate|interviewee|speaker|contributor|economist|strategist|investor")
# who made the claim, before it: "I'm checking a draft that says", "Our copy reads that", "Someone wrote that"
_CLAIMED_BY = re.compile(
    r"^\W*(?!(?:which|what|whose|who)\b)(?:"
    r"(?:i'?m|i am|we'?re|we are)\s+(?:checking|fact[- ]checking|verifying|looking at)\s+(?:a|an|the|our|my|this|some)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:that|which)\s+(?:says|said|reads|read|claims|claimed|states|stated)"
    r"|(?:(?:a|an|the|our|my|one|this)\s+)?(?:[\w-]+\s+)?(?:draft|copy|story|piece|article|report|headline|source|reporter|editor|"
    r"writer|tweet|post|press release|caption|line|screenshot|comment|commenter|reader|user|viewer|follower|thread|meme|rumou?r|"
    r"colleague|co-?worker|boss|intern|producer|correspondent|journalist|author|"
    # a company's own material: "Management says", "The IR deck says", "The talking points claim"
    r"management|deck|talking\s+point|memo|filing|slide|presentation|pitch|spokes(?:person|man|woman)|newsletter|blog|"
    r"analyst|executive|insider|"
    # who speaks on air: "A pundit said", "The host said", "Our guest claimed"
    r"{speakers})s?"
    r"(?:\s+(?:on|from|at|in)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"  # "Guest on Tuesday's panel said"
    r"(?:\s+(?:also|further|now|still|even|too|then))?"  # "The draft also says ..."
    r"\s+(?:says|said|reads|claims|claimed|states|stated|has it|had it|wrote|writes|reported|reports|suggests|suggested|insists)"
    # "My friend says", "My professor told me", "My notes say": whoever the asker names as theirs
    r"|(?:my|our)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:says|say|said|claims|claim|claimed|thinks|think|thought|told me|tells me|insists|reckons|wrote)"
    r"|(?:someone|somebody|people|they|a reader|readers|a colleague|my editor)(?:\s+(?:in|on)\s+(?:the\s+)?(?:comments|replies|thread))?"
    r"(?:\s+(?:also|further|now|still|even|too|then))?"
    r"\s+(?:wrote|writes|says|said|claims|claimed|told me|tells me|insists|posted)"
    r"|(?:i\s+)?heard(?:\s+(?:somewhere|online|elsewhere|(?:on|in)\s+(?:twitter|x|reddit|the\s+news|a\s+[\w-]+)))?(?:\s+that)?"
    r"|(?:it'?s|it is|it was)\s+(?:being\s+)?(?:said|claimed|reported|rumou?red)"
    r"|i\s+(?:read|heard|saw)(?:\s+(?:somewhere|online|elsewhere|(?:on|in)\s+(?:twitter|x|reddit|the\s+news|a\s+[\w-]+)))?"
    r"|(?:we|i)\s+(?:say|said|wrote|write|have it|had it|claim|claimed|report|reported|are saying|were told)"
    # what the asker believes: "i think the aws contract is 5 yrs", "I'm pretty sure Amazon owns a third"
    r"|i\s+(?:think|thought|believe|believed|guess|reckon|recall|remember|was\s+told|understand)"
    r"|(?:i'?m|i\s+am)\s+(?:pretty\s+|fairly\s+|quite\s+)?(?:sure|certain|positive)"
    # a reader's complaint to the paper: "You wrote Anthropic was founded in 2020", "You reported ..."
    r"|you\s+(?:say|said|wrote|write|reported|report|stated|state|claimed|claim|have it|had it|printed|ran|published)"
    # a question that asks whether the claim holds: "Is it true that ...", "Can you confirm that ..."
    r"|(?:is|was)\s+(?:it\s+)?(?:true|correct|right|accurate|the case)\s+that"
    r"|(?:is|was)\s+it\s+(?:true|correct|right|accurate|the case)(?=\s+[\w$])"  # "Is it true Daniela Amodei is ...?"
    r"|(?:can|could|would)\s+you\s+(?:please\s+)?(?:confirm|verify|check)(?:\s+(?:whether|if))?"
    r")(?:\s*:\s*|\s+)(?:that\s+)?".replace("{speakers}", SPEAKERS),
    re.IGNORECASE,
)
# a label set before the claim: "Fact check:", "Check for me:", "Quick yes or no:", "draft line:"
_LABEL = re.compile(
    r"^\W*(?:(?:quick\s+)?(?:(?:fact[- ]?check|(?:line|copy|quote|brief|wire)\s+check|check|verify|confirm)(?:\s+(?:for|me|this|that|the|please|claim|statement|line|"
    r"sentence|one)){0,3}|"
    r"(?:quick\s+)?(?:yes or no|true or false|yes\s*/\s*no|true\s*/\s*false|t\s*/\s*f)|(?:draft|copy|headline|subhead|caption|tweet|(?:social(?:\s+media)?\s+)?post|lede|"
    r"standfirst|chyron|teaser|blurb|graphic|(?:(?:chart|axis|data|table|map)\s+)?label|(?:pull\s+)?quote|summary|title|screenshot|comment|commenter|reader|rumou?r|claim going around|"
    r"slide|bullet|talking\s+point|voice-?over(?:\s+line)?|"
    # a question about the line that follows: "Is this line accurate: '...'?"
    r"(?:is|are)\s+(?:this|that|the\s+following)\s+(?:line|sentence|statement|claim|caption|bit|text|slide)\s+(?:accurate|right|correct|true|ok|okay|fair)|"
    r"profile|bio|strap(?:line)?|kicker|intro|sell|cutline|deck|tagline|slug|lower third|script|bulletin|cue)(?:\s+(?:line|text|copy|check))?"
    # "Caption for tonight:", "Headline for page 3:"
    r"(?:\s+for\s+(?:tonight|today|tomorrow|the\s+[\w-]+(?:\s+[\w-]+)?|page\s+\w+|[\w-]+))?|claim"
    # a speaker on air: "Guest:", "Pundit on Tuesday's panel:", "Host (last night):"
    rf"|(?:(?:a|an|the|our|my|one|this)\s+)?(?:{SPEAKERS})(?:\s+(?:on|from|at|in)\s+(?:[^:—–\"'‘“’]|(?<=\w)['’](?=\w)){{1,40}}|\s*\([^)]{{1,40}}\))?"
    r"))\s*[:—–-]\s*",
    re.IGNORECASE,
)
# a tag after the claim: "— is that right?", ", right?", ". True?", "ok to run?", "Is that what the articles say?"
_TAG = re.compile(
    r"(?:^|(?<=[,;.!—–'\"”’-]))\s*(?:"
    r"(?:is|was)\s+(?:that|this|it)\s+(?:right|correct|true|accurate|so|supported|backed\s+up|what\s+the\s+(?:articles?|sources?)\s+says?"
    r"|in\s+the\s+(?:articles?|sources?|coverage))"
    r"|(?:(?:is\s+(?:that|this|it)\s+)?the\s+)?(?:right|correct|accurate)\s+(?:figure|number|amount|date|name|word)"  # "— right figure?"
    r"|(?:right|correct|true|accurate|ok|okay|yes|no|yeah|yes or no|true or false|sourced|attributed|sourceable|supported|verified|confirmed|legit|fine|accurate\s+as\s+written"
    r"|real|true or not|any truth(?:\s+(?:to|in)\s+(?:it|that|this))?|is (?:that|this|it) fair|fair"
    r"|(?:true|false|misleading|accurate|inaccurate)(?:,?\s+(?:or\s+)?(?:true|false|misleading|accurate|inaccurate))+)"
    r"|(?:do|does)\s+the\s+(?:articles?|sources?|coverage|copy|draft|story|piece|reporting)\s+(?:support|back|confirm)\s+(?:that|this|it)(?:\s+up)?"
    r"|(?:backed(?:\s+up)?|supported|confirmed|borne\s+out)\s+by\s+(?:the\s+)?(?:articles?|sources?|coverage|reporting|press)"
    r"|check|please check|verify"  # "Caption: ... Check."
    r"|(?:is|was|are|were)\s+[\"'‘“][^\"'’”]{1,40}[\"'’”]\s+(?:right|correct|accurate|ok|okay|fair)"  # "Is 'up to' right?"
    r"|(?:(?:is\s+(?:that|this|it)\s+)?(?:ok|okay|safe|good|fine|all\s*right)\s+to\s+(?:run|publish|print|use|go|say|air|broadcast|read(?:\s+out)?))"
    # "Label: '...'. Can I use that?", "Script: '...' Can I say that on air?"
    r"|can\s+(?:i|we)\s+(?:use|run|print|publish|say|air|broadcast)\s+(?:that|this|it)(?:\s+on\s+(?:air|screen|tv|the\s+show))?"
    r"|(?:is\s+(?:that|this|it)\s+)?still\s+(?:current|true|accurate|valid|right)"
    # a question tag: "..., isn't it?", "..., didn't they?"
    r"|(?:is|was|are|were|does|do|did|has|have|had|will|can|would)n['’]?t\s+(?:it|that|this|they|he|she|we|there|he)"
    r"|(?:is|was)\s+(?:that|this|it)\s+(?:still\s+)?(?:the\s+(?:latest|newest|most\s+recent|current)(?:\s+(?:figure|number|amount|total|word))?"
    r"|current|up[- ]to[- ]date)"
    r"|(?:does|do|can)\s+(?:that|this|it|we)\s+(?:check out|hold up|stand|say that|run that)"
    r")(?:\s+or\s+[^?]*)?\s*[?.]*\s*$",  # "Is that accurate or did we get the timeframe wrong?"
    re.IGNORECASE,
)
_QUESTION_OPENING = re.compile(
    r"^(?:what|who|whom|whose|which|when|where|why|how|is|are|was|were|do|does|did|has|have|had|will|would|can|could|"
    r"should|may|might|must)\b",
    re.IGNORECASE,
)
_QUOTES = "\"'“”‘’"
DO_BY_TAG = {"VBZ": "does", "VBP": "do", "VB": "do", "VBD": "did"}  # the "do" a question needs, by the verb's tense
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
LOWERED_POS = frozenset({"DET", "PRON", "ADV", "ADP", "SCONJ", "CCONJ"})  # a first word written lower-case inside a question


def is_lowered(claim: str) -> bool:
    """Whether the claim's first word is lower-cased inside a sentence ("The", "Its"), not a name."""
    doc = parse(claim)
    return doc is not None and len(doc) > 0 and doc[0].pos_ in LOWERED_POS


# a tag after the claim that asks who states it: "— which articles back that?", ". Who reports this?"
_SOURCE_TAG = re.compile(
    r"(?<=[,;.!—–'\"”’-])\s*(?:(?:and\s+)?(?:which|what|who|whose)\s+(?:(?:articles?|sources?|outlets?|reports?|pieces?|stories|"
    r"publications?|papers?)\s+)?(?:back|backs|support|supports|say|says|confirm|confirms|state|states|report|reports|give|"
    r"gives|carry|carries|run|runs|has|have)\s+(?:up\s+)?(?:that|this|it|so|them)"
    # ". From where does this number come?", ". What is the source of this?"
    r"|(?:from\s+)?where\s+(?:does|did|do)\s+(?:this|that|the|these|those|it)(?:\s+(?:number|figure|claim|amount|statement|"
    r"information|info|fact|data|line|quote)s?)?\s+come(?:\s+from)?"
    r"|(?:what|which)\s+(?:is|was)\s+(?:the|its)\s+source(?:\s+(?:of|for)\s+(?:that|this|it))?"
    r"|where\s+(?:is|was)\s+(?:that|this|it)\s+from)\s*\?*\s*$",
    re.IGNORECASE,
)


# whether a figure is out of date, asked of the figure or in a tag after a claim: "Is the $1 billion revenue figure out
# of date?", "Your story said Amazon has put $8bn in total — isn't it more now?" (asked the other way round: whether it
# is current)
_OUTDATED = r"(?:now\s+)?(?:out[- ]of[- ]date|outdated|stale|obsolete|superseded|old\s+news|no\s+longer\s+(?:current|valid|true|right|accurate))"
_IS_OUTDATED = re.compile(rf"^\W*(?P<aux>is|are|was|were)\s+(?P<thing>.+?)\s+{_OUTDATED}\s*(?:[.?!]+\s*(?:is|isn't|was)\s+(?:it|that|this|they)\s*)?\??\s*$",
                          re.IGNORECASE)
_OUTDATED_TAG = re.compile(
    r"^(?P<claim>.*?\w[$%\w]*)\s*(?:[—–,;:.!-]+\s*|\s+)(?:but\s+)?(?:is|isn['’]t|is\s+not|was|wasn['’]t)\s+(?:it|that|this)\s+"
    rf"(?:{_OUTDATED}|(?:more|higher|bigger|larger|greater|less|lower|smaller|different)\s+now)\s*\??\s*$",
    re.IGNORECASE,
)


# a tag that asks whether a claim still holds: "... — is that still current?", "..., still right?", "is that the latest?"
_CURRENT_TAG = re.compile(
    r"^(?P<claim>.*?\w[$%\w]*)(?:\s*[—–,;:.!-]+\s*(?:(?:is|was)\s+(?:that|this|it)\s+)?|\s+(?:is|was)\s+(?:that|this|it)\s+)"
    r"(?:still\s+(?:current|true|accurate|valid|right|the\s+case)"
    r"|(?:still\s+)?(?:the\s+(?:latest|newest|most\s+recent|current)(?:\s+(?:figure|number|amount|total|word))?|current|up[- ]to[- ]date))"
    r"\s*[?.]*\s*$",
    re.IGNORECASE,
)


_QUOTE_MARK = re.compile(r"[\"“”‘]|(?<!\w)['’]|['’](?!\w)")


def still_true(text: str) -> str | None:
    """A claim with a tag that asks whether it still holds, asked as "Is it still true that <claim>?" (a claim put in
    the perfect, "Amazon has put $8bn in total", is then weighed against newer figures); None for any other text."""
    m = _CURRENT_TAG.match(text)
    if m is None or _QUESTION_OPENING.match(m.group("claim")) or _QUOTE_MARK.search(m.group("claim")):
        return None  # (a quoted claim, "Headline: '...' — still current?", is read as quoted: _claim)
    claim = _claim(m.group("claim"))[0]
    return f"Is it still true that {claim[:1].lower() + claim[1:] if is_lowered(claim) else claim}?" if claim else None


def as_current(text: str) -> str | None:
    """A question whether a figure is out of date, asked as whether it is current (the answer's Yes and No then turned
    round: the caller turns them); None where the text asks no such thing."""
    if (m := _OUTDATED_TAG.match(text)) is not None and not _IS_OUTDATED.match(text):
        return still_true(f"{m.group('claim')} — is that still current?")
    if (m := _IS_OUTDATED.match(text)) is not None:
        return f"{m.group('aux')[:1].upper()}{m.group('aux')[1:].lower()} {m.group('thing')} current?"
    return None


def checked_question(text: str) -> str:
    """The yes/no question a claim given to check asks; `text` itself where it is no such claim. A claim followed by
    a question of who states it ("... — which articles back that?") asks that: "Which articles say <claim>?"."""
    return checked_claim(text)[0]


def checked_claim(text: str) -> tuple[str, bool]:
    """checked_question, and whether the claim denies what the question asks: "Headline: 'Amazon does not take a
    controlling stake' — supported?" is asked "Does Amazon take a controlling stake?", and its answer's Yes and No
    then say the opposite of the claim (the caller turns them round)."""
    text = _named_as(text) or text  # "You named Daniela Amodei as Anthropic's CEO.": "Daniela Amodei is Anthropic's CEO."
    if (title := _title_check(text)) is not None:
        return title, False  # "Caption: 'Anthropic CEO Dario Amodei' — is the title right?"
    asked = _checked(text)
    if asked == text:
        return text, False
    claim = _claim(text)[0]
    plain, negated = without_negation(claim) if claim and not _QUESTION_OPENING.match(claim) else (claim, False)
    if negated and (positive := as_question(plain)) is not None:
        return positive, True
    return asked, False


# a complaint that a story named something as another: "You named Daniela Amodei as Anthropic's CEO", "Your story
# described Kunlun Wanwei and Nine United as partners in the deal. Correct?"
_NAMED_AS_CLAIM = re.compile(
    r"^\W*(?:you|(?:your|our|the|a|an|this)\s+(?:[\w-]+\s+)?(?:story|piece|article|copy|report|headline|draft|caption|post))\s+(?:also\s+)?"
    r"(?:named|described|called|identified|listed|labell?ed|characteri[sz]ed|presented|portrayed|credited|referred\s+to)\s+"
    r"(?P<thing>(?!(?:it|that|this|them|him|her)\b)[^.?!]+?)\s+as\s+(?P<what>[^.?!]+?)(?P<tag>\s*[.?!].*)?$",
    re.IGNORECASE,
)


def _named_as(text: str) -> str | None:
    """The claim a complaint that a story named a thing as another makes ("Daniela Amodei is Anthropic's CEO."), with
    its tag; None for any other text."""
    m = _NAMED_AS_CLAIM.match(text)
    if m is None:
        return None
    thing = m.group("thing")
    be = "are" if re.search(r"\s(?:and|&)\s", thing) or thing.lower().endswith("s") and not thing[:1].isupper() else "is"
    return f"{thing[:1].upper()}{thing[1:]} {be} {m.group('what')}{m.group('tag') or '.'}"


# a caption dated before a colon: "Sept 2023: Amazon invests $1.25bn in Anthropic", "Early 2024: Amazon adds $2.75bn"
_DATED_CAPTION = re.compile(
    rf"^(?P<date>(?:(?:early|late|mid|mid-)\s*)?(?:(?:{MONTH_PATTERN}|{'|'.join(MONTH_ABBREVIATIONS)})\.?\s+)?(?:19|20)\d\d)\s*[:—–-]\s+(?P<rest>\S.+)$",
    re.IGNORECASE,
)


def _undated_caption(claim: str) -> str:
    """A caption dated before a colon as a statement dated at its end ("Amazon invests $1.25bn in Anthropic in Sept
    2023"); the claim as it is otherwise."""
    m = _DATED_CAPTION.match(claim)
    return f"{m.group('rest').rstrip(' .')} in {m.group('date')}" if m is not None else claim


def _checked(text: str) -> str:
    tag = _SOURCE_TAG.search(text)
    if tag is not None and (claim := _claim(text[: tag.start()])[0]) and not _QUESTION_OPENING.match(claim):
        return f"Which articles say {claim[:1].lower() + claim[1:] if is_lowered(claim) else claim}?"
    claim, framed = _claim(text)
    claim = _undated_caption(claim) if framed else claim
    if not framed and not _STATED.match(text):
        return text  # a question ("Which article says ...?", "Is Amazon investing $5bn, right?"), or keywords
    if not framed and _noun_pile(claim):
        return text  # "meta annual ai infra spend?": keywords that end in a word the parse reads as a verb
    if not claim:
        return text
    if _QUESTION_OPENING.match(claim):
        return claim[:1].upper() + claim[1:] + "?"  # "Is that right: did Amazon invest $4 billion?"
    # ("Microsoft to invest up to $25bn in Anthropic": a headline's "to", which the parse may read as a preposition)
    asked = (_label_question(claim) or (_headline_question(claim) if _HEADLINE_TO.match(claim) else None) or as_question(claim)
             or _headline_question(claim))
    if asked is not None:
        return asked
    # a claim the parse cannot turn ("the latest round values Anthropic at ..." read with "values" a noun): asked
    # whole; an unframed statement is left as written
    doc = parse(claim)
    # a verb or a figure says something ("Fact check: the Amazon deal" says nothing)
    said = (doc is not None and any(t.pos_ in ("VERB", "AUX") for t in doc)) or bool(parse_figures(claim)) or (
        len(claim.split()) >= MIN_HEADLINE_WORDS)  # a headline without a verb says something too
    return f"Is it true that {claim[:1].lower() + claim[1:] if is_lowered(claim) else claim}?" if framed and said else text


# a statement asked with a question mark or typed bare, no question word anywhere: "Anthropic's annual revenue has
# reached $30 billion?" (not "amazon invested how much?", nor keywords or a request: those the parse finds no subject
# and verb in are left as written)
_STATED = re.compile(
    r"^(?!\W*(?:what|who|whom|whose|which|when|where|why|how|is|are|was|were|do|does|did|has|have|had|will|would|can|"
    r"could|should|may|might|must)\b)(?![^?]*\b(?:what|who|whom|whose|which|when|where|why|how)\b)"
    # (nor a question after a lead phrase: "According to AI Business, does Amazon have ...?")
    # (the verb of a statement after an aside is no question: "..., including prior funding, is $33 billion?")
    r"(?![^?]*[,;:]\s*(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should)\b(?!\s*[$€£\d]))"
    # asked with a question mark, or typed as a bare statement, capitalized ("Amazon is handing Anthropic $25 billion
    # upfront"; not lower-case keywords: "amazon shares after hours move")
    r"(?:[^?]*\s[^?]*\?\s*$|\W*(?-i:[A-Z])[^?]*\s[^?]*[^?.!\s]\.?\s*$)",
    re.IGNORECASE,
)


# a tag typed without its comma after a claim that ends in a figure or a date: "amazon put 50bn into openai in feb 2026
# true", "anthropic revenue 30bn right?"
_BARE_TAG = re.compile(r"(?<=[\w%$])\s+(?:true|correct|accurate|right|yes or no|true or false)\s*[?.!]*\s*$", re.IGNORECASE)
_SO = re.compile(r"^\W*(?:(?:ok(?:ay)?|right|and)\W+)?so\b\W*(?!(?:far|much|many|that)\b)", re.IGNORECASE)


def claim_text(text: str) -> str:
    """The claim of a text given to check, without who made it and the tag after it."""
    return _claim(text)[0]


def _claim(text: str) -> tuple[str, bool]:
    """The claim of `text` without its frame and tag, and whether it had either."""
    claim = text.strip()
    framed = False
    if _QUESTION_OPENING.match(claim.lstrip(" \"'“‘")) and not _CLAIMED_BY.match(claim) and not _LABEL.match(claim):
        return claim, False  # a question as it is ("Is Amazon investing $5bn, right?")
    claim = _SO.sub("", claim)  # "So Amazon's total is $8 billion now?": the claim the conversation came to
    for frame in (_LABEL, _CLAIMED_BY, _LABEL):  # "Fact check: a draft says ..."
        m = frame.match(claim)
        if m is not None and m.end() < len(claim):
            claim, framed = claim[m.end() :], True
    tag = _TAG.search(claim) or (_BARE_TAG.search(claim) if parse_figures(claim) else None)
    if tag is not None and tag.start() > 0:
        claim, framed = claim[: tag.start()], True
    return claim.strip().strip(_QUOTES).rstrip(" ?.!,;:—–-").strip(_QUOTES).strip(), framed


def _noun_pile(statement: str) -> bool:
    """Whether the parse's verb is the statement's last word, after a subject of three words or more with no
    determiner or possessive: keywords ("meta annual ai infra spend"), not a claim ("Anthropic's revenue has grown")."""
    doc = parse(statement)
    words = [t for t in doc if not t.is_punct] if doc is not None else []
    root = next((t for t in words if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    subject = next((c for c in root.children if c.dep_ in SUBJECTS and c.i < root.i), None)
    if subject is not None and _disagrees(root, subject):
        return True  # "Amazon total in Anthropic after the $4B round?": "total" is no verb of "Amazon"
    objects = [c for c in root.children if c.dep_ == "dobj"]
    if (subject is not None and root.lower_ in _NOUNS_FIRST and len(objects) == 1 and objects[0].i == words[-1].i
            and objects[0].tag_ == "NN" and not list(objects[0].children)):
        return True  # "amazon shares reaction": a noun of keywords and a bare noun after it, no verb and its object
    if (subject is not None and root.tag_ in ("VBD", "VBN") and root.i == words[-1].i and root.lower_ in _NAMED_AFTER
            and not any(c.dep_ in ("aux", "auxpass", "dobj", "neg") for c in root.children)):
        return True  # "chinese companies mentioned": a participle after its noun ("the companies mentioned"), no claim
    # (or a phrase of time or rate after it: "meta ai infra spend per year")
    after = [c for c in root.children if c.i > root.i and not c.is_punct]
    if root.i != words[-1].i and not (after and all(c.dep_ in _TRAILING_DEPS for c in after)):
        return False
    if subject is None:
        return False
    tokens = list(subject.subtree)
    return len(tokens) >= 3 and not any(t.pos_ in ("DET", "PRON") or t.tag_ == "POS" for t in tokens)


def _disagrees(root: Token, subject: Token) -> bool:
    """Whether the parse's verb is a plural present form of a word keywords use as a noun, after one name or noun
    ("Amazon total ..."): the verb of no clause, but a noun of keywords."""
    return (root.tag_ == "VBP" and root.lower_ in _NOUNS_FIRST and subject.tag_ in ("NN", "NNP") and not any(c.dep_ in ("conj", "cc") for c in subject.children)
            and not any(c.dep_ in ("aux", "auxpass", "neg") for c in root.children))


# verbs that take an object, whose participle keywords put after a noun: "chinese companies mentioned", "figures cited"
_NAMED_AFTER = frozenset("mentioned named cited listed quoted referenced featured involved given reported described".split())
# words a parse may read as verbs that keywords use as nouns ("Amazon total ...", "Google stake ..."; not "spend", a
# verb of sloppy claims too: "Anthropic spend $100 billion on AWS?")
_NOUNS_FIRST = frozenset("total totals stake stakes cost costs value values share shares round rounds deal deals estimate estimates".split())
_TRAILING_DEPS = frozenset({"prep", "npadvmod"})  # a keyword's phrase after the word the parse reads as a verb
MIN_HEADLINE_WORDS = 5  # a framed claim of this many words says something, verb or not ("Fact check: the Amazon deal" does not)
# headline forms: "Anthropic valued at about $60 billion", "Anthropic to spend $100B on Google Cloud", "Anthropic,
# founded in 2015, ..."
_NAME_WORDS = r"[A-Z][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*)*"
_HEADLINE_PASSIVE = re.compile(rf"^(?P<subject>{_NAME_WORDS})\s*,?\s+(?P<verb>[a-z]+ed)\s+(?P<rest>(?:at|by|in|as|for|to|with|on|from)\b[^,]*)")
_HEADLINE_FIGURE = re.compile(rf"^(?P<subject>{_NAME_WORDS}?)(?:['’]s)?\s+(?P<measure>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
                              r"(?P<figure>(?:about\s+|around\s+|over\s+|nearly\s+)?(?:[$€£]\d[\d.,]*\s*(?i:billion|million|trillion|bn|b|m)?"
                              r"|\d[\d.,]*\s*(?i:billion|million|trillion|bn|%|gw)))$")  # a sign or a scale: not a year
_PREPOSITION_END = re.compile(r"\b(?:at|by|in|to|of|for|on|with|from)$")
_APPOSITIVE = re.compile(rf"^(?P<subject>{_NAME_WORDS})\s*,\s+(?P<rest>(?:the\s+|an?\s+|{_NAME_WORDS}['’]s\s+)[^,]+)$")
_HEADLINE_TO = re.compile(rf"^(?P<subject>{_NAME_WORDS})\s+to\s+(?P<verb>[a-z]+)\s+(?P<rest>.+)$")


# a chart's or table's label: "Microsoft → OpenAI: $13bn", "Anthropic valuation: $60bn (2026)", "Amazon → Anthropic,
# Sept 2023: $1.25bn": what the figure is of, a colon, the figure
_FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})  # a verb that makes a statement ("says"), not a participle
_LABEL_FORM = re.compile(r"^(?P<subject>[^:]{2,80}?)\s*:\s*(?P<value>[^:]+)$")
_FLOW = re.compile(r"^(?P<giver>.+?)\s*(?:→|->|=>|➔|⟶)\s*(?P<taker>[^,]+?)(?P<rest>\s+[a-z][^,]*)?(?:\s*,\s*(?P<when>.+))?$")
_WHEN_IN_BRACKETS = re.compile(r"\s*\((?P<when>[^()]*\d[^()]*)\)\s*$")


def _label_question(claim: str) -> str | None:
    """The question a chart's label asks: "Microsoft → OpenAI: $13bn" -> "Is Microsoft's investment in OpenAI
    $13bn?" (an arrow is money put from one into the other), "Anthropic valuation: $60bn (2026)" -> "Is Anthropic's
    valuation $60bn in 2026?"; None where the claim is no such label (no figure after its colon, or a verb before it)."""
    m = _LABEL_FORM.match(claim)
    if m is None or not parse_figures(m.group("value")):
        return None
    subject, value = m.group("subject").strip(), m.group("value").strip()
    doc, said = parse(subject), parse(value)
    if doc is not None and any(t.tag_ in _FINITE_TAGS for t in doc) and "→" not in subject and "->" not in subject:
        return None  # "Amazon says: $5bn": a statement, not a label ("Anthropic annualized revenue" is one)
    if said is None or any(t.tag_ in _FINITE_TAGS for t in said):
        return None  # "Checking a line: Amazon is investing $25 billion": a label before a statement
    when = ""
    bracket = _WHEN_IN_BRACKETS.search(value)
    if bracket is not None:
        value, when = value[: bracket.start()], bracket.group("when")
    flow = _FLOW.match(subject)
    if flow is not None:
        rest = (flow.group("rest") or "").strip()  # "Amazon → Anthropic total": the total of it
        measure = f"{rest} investment" if rest and rest not in ("investment", "investments") else "investment"
        subject = f"{flow.group('giver').strip()}'s {measure} in {flow.group('taker').strip()}"
        when = when or (flow.group("when") or "")
    elif doc is not None and len(doc) > 1 and doc[0].pos_ == "PROPN" and "'" not in subject and "’" not in subject:
        subject = re.sub(rf"^({_NAME_WORDS})\s+(?=[a-z])", r"\1's ", subject)  # "Anthropic valuation": Anthropic's
    return f"Is {subject} {value.strip()}{f' in {when.strip()}' if when.strip() else ''}?"


def _headline_question(claim: str) -> str | None:
    """The question a claim in headline form asks: "Is Anthropic valued at about $60 billion?", "Will Anthropic spend
    $100B on Google Cloud?", "Was Anthropic founded in 2015?" (a year: the past); None for any other form."""
    m = _HEADLINE_FIGURE.match(claim)
    if m is not None and not m.group("measure").endswith("ed") and not _PREPOSITION_END.search(m.group("measure")):
        return f"Is {m.group('subject')}'s {m.group('measure')} {m.group('figure')}?"  # "Anthropic revenue $1B"
    m = _HEADLINE_TO.match(claim)
    if m is not None:
        return f"Will {m.group('subject')} {m.group('verb')} {m.group('rest').rstrip(' .,;')}?"
    m = _HEADLINE_PASSIVE.match(claim)
    if m is None:
        # "Daniela Amodei, Anthropic's chief executive": a name and what the claim calls it
        named = _APPOSITIVE.match(claim)
        return f"Is {named.group('subject')} {named.group('rest').rstrip(' .,;')}?" if named else None
    rest = m.group("rest").rstrip(" .,;")
    be = "Was" if re.search(r"\b(?:1[89]|20)\d\d\b", rest) else "Is"
    return f"{be} {m.group('subject')} {m.group('verb')} {rest}?"


# "Caption: 'Anthropic CEO Dario Amodei' — is the title right?": whether the name holds that title
_TITLE_TAG = re.compile(r"(?:is|was)\s+(?:the|that|this|his|her|their)\s+(?:job\s+)?(?:title|role|position)\s+(?:right|correct|accurate)\s*\?*\s*$",
                        re.IGNORECASE)
_TITLED = re.compile(r"(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*?)['’]?s?\s+(?P<role>CEO|CFO|CTO|COO|[Pp]resident|[Cc]hair(?:man|woman)?|"
                     r"[Cc]o-?founder|[Ff]ounder|[Cc]hief\s+[Ee]xecutive(?:\s+[Oo]fficer)?)\s+(?P<person>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)")


_ASKING_WORDS = frozenset("did does do is was are were has have had will would can could caption draft headline tweet the".split())


def _title_check(text: str) -> str | None:
    """ "Is Dario Amodei the CEO of Anthropic?" for a title given with a name and a question whether it is right;
    None for any other text."""
    if not _TITLE_TAG.search(text):
        return None
    m = _TITLED.search(text)
    if m is None:
        return None
    owner = " ".join(w for w in m.group("owner").split() if w.lower() not in _ASKING_WORDS)  # not "Did AWS"
    if not owner:
        return None
    role = m.group("role") if m.group("role").isupper() else m.group("role").lower()
    return f"Is {m.group('person')} the {role} of {owner}?"


def without_negation(statement: str) -> tuple[str, bool]:
    """The statement with its main verb's negation left out, and whether it had one: "Amazon does not have a board
    seat" -> ("Amazon does have a board seat", True) (the articles that state it are those that answer No); "no"
    before the verb's object denies it too ("Amazon has no investment in OpenAI")."""
    doc = parse(statement)
    root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc is not None else None
    negation = None if root is None else next((t for t in root.children if t.dep_ == "neg"), None) or next(
        (d for c in root.children if c.dep_ in ("dobj", "attr") for d in c.children if d.dep_ == "det" and d.lower_ == "no"), None)
    if negation is None:
        return statement, False
    return " ".join(f"{statement[: negation.idx]}{statement[negation.idx + len(negation.text) :]}".split()), True


def as_question(statement: str) -> str | None:
    """A statement turned into the yes/no question whether it holds: "Amazon gets a board seat" -> "Does Amazon get a
    board seat?", "the tranche was $2.75 billion" -> "Was the tranche $2.75 billion?"; None where the parse finds no
    verb with a subject."""
    doc = parse(statement)
    if doc is None:
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in root.children if c.dep_ in SUBJECTS and c.i < root.i), None)
    if subject is None:
        # "Anthropic is ditching Trainium ...": a parse that hangs the subject on the auxiliary
        subject = next((c for a in root.children if a.dep_ in ("aux", "auxpass") and a.i < root.i
                        for c in a.children if c.dep_ in SUBJECTS and c.i < a.i), None)
    if subject is None:
        return None
    start = min(t.idx for t in subject.subtree)
    if any(c.dep_ in ("aux", "auxpass") and c.i < subject.i for c in root.children):
        return None  # already a question ("does Amazon have ..."): nothing to turn
    helper = next((c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i > subject.i), None)
    if helper is None and root.pos_ == "AUX":
        helper = root  # "the tranche was $2.75 billion": the copula itself opens the question
    if helper is not None:
        rest = statement[:start] + statement[start : helper.idx] + statement[helper.idx + len(helper.text) :]
        opener = helper.text
    else:
        do = DO_BY_TAG.get(root.tag_)
        if do is None:
            return None
        rest = statement[:start] + statement[start : root.idx] + root.lemma_ + statement[root.idx + len(root.text) :]
        opener = do
    head, body = rest[:start], rest[start:]
    if doc[subject.left_edge.i].pos_ in LOWERED_POS:
        body = body[:1].lower() + body[1:]  # "The deal secures ..." -> "Does the deal secure ...?" (not "Salesforce")
    if head.strip() and doc[0].pos_ == "ADP":
        # "Under the deal Anthropic will run on NVIDIA GPUs" -> "Will Anthropic run on NVIDIA GPUs under the deal?": a
        # phrase of place or time before the subject closes the question, whose verb opens it
        body = f"{body.rstrip(' ?.!,;:')} {head.strip().rstrip(',').strip()[:1].lower()}{head.strip().rstrip(',').strip()[1:]}"
        head = ""
    elif head.strip() and all(t.pos_ == "CCONJ" or t.is_punct for t in doc if t.idx < start):
        head = ""  # "and Amazon shares jumped 3 percent?": the conjunction that ties it to the turn before asks nothing
    asked = " ".join(f"{head}{opener.lower()} {body}".split())
    return asked[:1].upper() + asked[1:] + "?"
