"""What a person is called by: titles and offices, the other nouns that name a person, and the roles a question asks
for. One table, read by the question analysis (which nouns ask for a person, which roles a question names) and by
the span finder (what a title is)."""

from __future__ import annotations

# Titles and offices of general English ("What title did Henry II take?": "King", "Duke of Normandy").
TITLE_WORDS = (
    "king queen prince princess duke duchess earl countess baron baroness marquis marquess viscount emperor empress "
    "tsar czar sultan caliph shah khan pharaoh regent viceroy monarch ruler pope cardinal archbishop bishop abbot "
    "priest pastor minister president chancellor premier governor senator mayor secretary treasurer chairman "
    "chairwoman chairperson ceo cfo cto coo director officer commander admiral colonel captain lieutenant marshal "
    "judge ambassador consul envoy representative deputy speaker founder cofounder co-founder editor professor dean "
    "provost lord knight magistrate sheriff attorney adviser advisor spokesman spokeswoman spokesperson executive "
    "manager superintendent commissioner"
).split()
# titles that are also common adjectives or nouns, a title only capitalized ("General Braddock", not "in general")
CAPITAL_TITLE_WORDS = "Count General Major Head Chair Chief Justice Lady Sir Leader Principal".split()
# nouns that name a person and are no title: with the titles, what "Which X ...?" asks a person by
PERSON_NOUNS = (
    "person analyst author reporter journalist official leader chief scientist researcher writer general player "
    "artist politician economist lawyer student inventor engineer"
).split()
# the roles a question may ask a person by, each with the words a sentence names it in ("founded" names a founder);
# a role's words as written, not its stem ("execution" is stemmed as "executive" is)
ROLE_GROUPS = (
    "ceo executive", "president", "founder founded cofounder", "chairman chairwoman chair",
    "editor edited", "author authored wrote writer byline", "spokesperson spokesman spokeswoman", "analyst",
    "officer cto cfo coo ciso cmo", "scientist",  # "chief technology officer": not answered by a sentence on "technology"
)
# titles also said in words: each title's written forms ("chief executive" is the CEO), read where a question names a
# title in words and where a sentence gives a name with its title
TITLE_FORMS = {"ceo": ("ceo", "chief executive officer", "chief executive")}
