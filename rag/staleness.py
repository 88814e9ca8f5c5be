"""An answer about the present that only older sources give: "What is Anthropic currently valued at?" answered by
"approximately $60 billion" from an article of 2024, while the newer articles found for the question, about its
names, say nothing of it. The answer stands (it is what the sources say) and says so: "Only an older source gives this: ...".

It reads the documents of the passages already retrieved, so its cost does not grow with the corpus.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence

from rag.analysis import QuestionAnalysis
from rag.binding import names_every
from rag.index.view import IndexData
from rag.records import Answer, Passage
from rag.sentence_facts import facts

OLDER_ONLY = "Only an older"  # how the note of an answer only older sources give begins


def older_only(data: IndexData, q: QuestionAnalysis, answer: Answer, passages: Sequence[Passage]) -> Answer:
    """The answer with `note` set where it is a figure of the present (the question asks of no past time) that only
    documents older than others found for the question state; else the answer as it is."""
    # (a Yes to a figure asked is such an answer: "Is Anthropic valued at about $60 billion? Is that current?")
    figured = answer.figure is not None or (q.answer_type == "yesno" and bool(q.measured) and answer.text.startswith("Yes"))
    if answer.abstained or answer.conflicts or not figured or q.past or q.past_tense:
        return answer
    cited = {c.doc_id for c in answer.citations}
    newest = max(cited, key=data.position)
    at = data.position(newest)
    if math.isinf(at):
        return answer  # undated: nothing to say about its age
    def about_it(p: Passage) -> bool:
        """The passage names every name of the question, in any form (rag.binding): newer articles about something
        else say nothing of it."""
        if not q.entities:
            return True
        chunk = data.chunks[p.chunk_id]
        named: set[str] = set()
        for sid in range(chunk.first_sentence, chunk.last_sentence + 1):
            named |= facts(data, sid).names
        return names_every(q.entities, named)

    newer = {
        d for p in passages
        if (d := data.chunks[p.chunk_id].doc_id) not in cited and data.position(d) > at and about_it(p)
    }
    if not newer:
        return answer
    head = data.document_head(newest)
    dated = f", dated {head.date}" if head.date else ""
    source = "source" if len(cited) == 1 else "sources"
    note = (f"{OLDER_ONLY} {source} gives this ({head.title or head.file}{dated}); "
            f"{len(newer)} newer {'sources' if len(newer) > 1 else 'source'} found for this question"
            f" {'do' if len(newer) > 1 else 'does'} not state it.")
    return dataclasses.replace(answer, note=f"{note} {answer.note}".strip())
