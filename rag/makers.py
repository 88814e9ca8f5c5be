"""A company named by what it makes: "the Claude maker" or "the startup behind Claude" is Anthropic where the
articles write "Anthropic's Claude" or "Anthropic, the AI company behind Claude". A question that says so is asked of
the company by its name, which is what the sentences that answer it say.

The owner is read from the sentences of the MAKER_CHUNKS chunks that best match the product's name (a lexical index
lookup), whatever the corpus's size; none where no name is written as its owner there, or two are as often."""

from __future__ import annotations

import re
from collections import Counter

from rag.index.view import IndexData

MAKER_CHUNKS = 12  # chunks read for the owner of a product's name
# "the Claude maker", "the ChatGPT developer", "the Gemini creator": a capitalized name, then a noun for who makes it
_MADE_BY = re.compile(
    r"\bthe\s+(?P<name>[A-Z][\w.-]*(?:\s+[A-Z0-9][\w.-]*)*)\s+(?P<noun>maker|makers|developer|developers|creator|creators|builder|"
    r"owner|parent|company|firm|startup|lab)\b(?!\s+of\b)"
)
# "the company behind Llama", "the AI safety startup behind Claude", "the firm that makes Trainium chips"
_BEHIND = re.compile(
    r"\bthe\s+(?:(?!(?:the|of|a|an|in|for|to|and|or)\b)[\w-]+\s+){0,3}?(?:company|firm|startup|lab|group|maker|developer|creator)\s+"
    r"(?:behind|that\s+(?:makes|made|builds|built|develops|developed|created|owns))\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w.-]*(?:\s+[A-Z0-9][\w.-]*)*)(?:\s+(?:models?|chips?|family|app|chatbot|assistant|series))?"
)
# nouns that say what kind of firm it is; after an acronym they name its sector or country ("the AI firm")
SECTOR_NOUNS = frozenset({"company", "firm", "startup", "lab"})
# (not a capitalized word that opens a sentence before the name: "Unlike OpenAI, which ...")
_OWNER = (r"(?!(?:Unlike|Like|Besides|Beyond|With|Without|For|From|As|While|Meanwhile|However|But|And|Even|Only|Then|Now|Also)\b)"
          r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)")


def _owners(name: str) -> tuple[re.Pattern[str], ...]:
    """The ways a sentence writes a name's owner: "Anthropic's Claude", "Anthropic's latest Claude models"; "Meta has
    ... its Llama models"; "OpenAI, which bet on mass consumers through ChatGPT"; "Anthropic, the AI company behind
    Claude", "Anthropic — the creators of the Claude language model"."""
    n = re.escape(name)
    return (
        re.compile(rf"{_OWNER}['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}{n}(?![\w-])"),
        # "Unlike OpenAI, which bet on mass consumers through ChatGPT": the name it reaches them through
        re.compile(rf"{_OWNER},\s+which\s+[^,.;:]{{0,60}}?\b(?:through|via|with)\s+(?:its\s+)?{n}(?![\w-])"),
        # "Meta has taken a different approach, ... while keeping its Llama models open-source": the subject's own
        re.compile(rf"^{_OWNER}\s+[a-z][^.;:]*?\bits\s+(?:[a-z][\w-]*\s+){{0,2}}{n}(?![\w-])"),
        re.compile(rf"{_OWNER}\s*(?:,|—|–|\()\s*(?:the|a|an)\s+[^,.;—–()]{{0,40}}?\b(?:behind|creators? of|makers? of|developers? of)"
                   rf"\s+(?:the\s+)?{n}(?![\w-])"),
    )


def maker_named(data: IndexData, question: str) -> str | None:
    """The question with "the <product> maker" replaced by its owner's name ("How much is Amazon putting into the
    Claude maker?" -> "... into Anthropic?"), or None where it says no such thing or no owner is clear."""
    m = _MADE_BY.search(question) or _BEHIND.search(question)
    if m is None:
        return None
    name = m.group("name")
    if m.re is _MADE_BY and name.isupper() and m.group("noun").lower() in SECTOR_NOUNS:
        return None  # "the AI firm", "the US startup": a sector or a country, not a product its firm makes
    owner = owner_of(data, name)
    return question[: m.start()] + owner[0] + question[m.end() :] if owner is not None else None


# "Which company makes Claude?", "Who is behind Claude?", "What firm developed Llama?": the owner asked for (not "Who
# owns Anthropic?": a company's owners are no maker of it)
_MAKER_ASKED = re.compile(
    r"^\W*(?i:which|what)\s+(?:[\w-]+\s+)?(?:company|firm|startup|lab|business|organi[sz]ation)\s+(?:makes|made|develops|developed|builds|built|"
    r"creates|created|is\s+behind|was\s+behind)\s+(?:the\s+)?(?P<name>[A-Z][\w.-]*(?:\s+[A-Z0-9][\w.-]*)*)(?:\s+(?:models?|chips?|family|app|chatbot|assistant|series))?\s*\??\s*$"
    r"|^\W*(?i:who)\s+(?:makes|made|develops|developed|builds|built|created|is\s+behind)\s+(?:the\s+)?(?P<name2>[A-Z][\w.-]*(?:\s+[A-Z0-9][\w.-]*)*)"
    r"(?:\s+(?:models?|chips?|family|app|chatbot|assistant|series))?\s*\??\s*$"
)


def maker_asked(data: IndexData, question: str) -> tuple[str, int] | None:
    """For "Which company makes Claude?": the owner the articles write for the name ("Anthropic's Claude",
    "Anthropic, the AI company behind Claude") and a sentence that writes it so; None for any other question, or where
    no owner is clear."""
    m = _MAKER_ASKED.match(question)
    if m is None:
        return None
    verb = re.search(r"\b(?:make|made|develop|build|built|creat|behind)", question, re.IGNORECASE)
    return owner_of(data, m.group("name") or m.group("name2"), verb.group().lower()[:5] if verb else "")


def owner_of(data: IndexData, name: str, verb: str = "") -> tuple[str, int] | None:
    """The name written as the owner of a product's name most often in the chunks that best match it, and the
    sentence that writes it most plainly (with a word of the asked `verb`'s stem first: "creators" for "created");
    None where none is, or two are as often."""
    patterns = _owners(name)
    counts: Counter[str] = Counter()
    # the sentence that says it most plainly: the last of _owners' ways ("the creators of the Claude language model")
    # before a possessive ("Anthropic's Claude")
    said: dict[str, tuple[tuple[bool, int], int]] = {}
    for chunk_id, _ in data.lexical.top(name, MAKER_CHUNKS):
        chunk = data.chunks[chunk_id]
        for sid in range(chunk.first_sentence, chunk.last_sentence + 1):
            text = data.sentences[sid].text
            for way, p in enumerate(patterns):
                for owner in (o.group(1) for o in p.finditer(text) if o.group(1) != name):
                    counts[owner] += 1
                    rank = (bool(verb) and verb in text.lower(), way)
                    if rank > said.get(owner, ((False, -1), 0))[0]:
                        said[owner] = (rank, sid)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0], said[ranked[0][0]][1]
