"""A claim given to check is asked as the yes/no question whether it holds (rag.claim_check): pure text and parse
rules, no embedding model."""

import pytest

from rag.claim_check import as_question, checked_question


@pytest.mark.parametrize(("text", "asked"), [
    # a frame that says who made the claim, a tag after it, or both (the thirty-ninth blind probe's forms)
    ("A draft says Amazon gets a board seat at Anthropic as part of the investment. True?",
     "Does Amazon get a board seat at Anthropic as part of the investment?"),
    ("I'm checking a draft that says Amazon's new Anthropic deal is worth up to $25 billion in total — is that right?",
     "Is Amazon's new Anthropic deal worth up to $25 billion in total?"),
    ("Our copy reads that Anthropic will spend more than $100bn on AWS over the next five years. Is that accurate or "
     "did we get the timeframe wrong?", "Will Anthropic spend more than $100bn on AWS over the next five years?"),
    ("Quick yes or no: Amazon's second tranche in early 2024 was $2.75 billion?",
     "Was Amazon's second tranche in early 2024 $2.75 billion?"),
    ("Someone wrote that Microsoft owns about a quarter of OpenAI. Is that what the articles say?",
     "Does Microsoft own about a quarter of OpenAI?"),
    ("draft line: 'Anthropic's revenue has now passed $30 billion a year.' ok to run?",
     "Has Anthropic's revenue now passed $30 billion a year?"),
    ("Fact check: the deal secures Anthropic up to 5 GW of Nvidia H100 capacity, right?",
     "Does the deal secure Anthropic up to 5 GW of Nvidia H100 capacity?"),
    ("We say the milestone-linked portion of Amazon's money is $25 billion. Correct?",
     "Is the milestone-linked portion of Amazon's money $25 billion?"),
    ("The story says Amazon invested $4 billion in 2024, right?", "Did Amazon invest $4 billion in 2024?"),
    # a question inside the frame is asked as it is
    ("Fact check: did Amazon invest $4 billion?", "Did Amazon invest $4 billion?"),
    # the forty-first blind probe's forms: a quoted claim, a question that asks whether it holds, a statement asked
    ('My reporter wrote: "Amazon will invest $30 billion in Anthropic." Is that right?',
     "Will Amazon invest $30 billion in Anthropic?"),
    ("Is it true that Amazon holds a board seat at Anthropic?", "Does Amazon hold a board seat at Anthropic?"),
    ("Can you confirm that the AWS contract runs for 5 years?", "Does the AWS contract run for 5 years?"),
    ("Anthropic's annual revenue has reached $30 billion?", "Has Anthropic's annual revenue reached $30 billion?"),
    ("True or false: Salesforce invested $500 million in Anthropic.", "Did Salesforce invest $500 million in Anthropic?"),
    # the forty-fourth and forty-fifth blind probes' forms: a longer label, a bare statement typed as a sentence
    ("Check this claim: Amazon commits $25bn to Anthropic.", "Does Amazon commit $25bn to Anthropic?"),
    ("Amazon is handing Anthropic $25 billion upfront", "Is Amazon handing Anthropic $25 billion upfront?"),
    ("Microsoft owns 49% of OpenAI", "Does Microsoft own 49% of OpenAI?"),
    # the eighty-eighth blind probe: a company's own material makes the claim; the coverage is asked whether it holds
    ("Management says Amazon has put $33 billion into Anthropic — do the articles back that?",
     "Has Amazon put $33 billion into Anthropic?"),
    ("The IR deck says Amazon's new investment is $25 billion paid up front. Correct?",
     "Is Amazon's new investment $25 billion paid up front?"),
    ("The deck says the deal expands inference capacity in Asia and Europe. Backed by the coverage?",
     "Does the deal expand inference capacity in Asia and Europe?"),
    # the ninety-fourth blind probe: a chart's label, what the figure is of and the figure ("→": money put in)
    ("Label: 'Microsoft → OpenAI: $13bn'. OK?", "Is Microsoft's investment in OpenAI $13bn?"),
    ("Label: 'Amazon → OpenAI: $50bn (Feb 2026)'. OK?", "Is Amazon's investment in OpenAI $50bn in Feb 2026?"),
    ("Label: 'Amazon → Anthropic, Sept 2023: $1.25bn'. OK?", "Is Amazon's investment in Anthropic $1.25bn in Sept 2023?"),
    ("Label: 'Amazon → Anthropic total: $8bn'. Still current?", "Is Amazon's total investment in Anthropic $8bn?"),
    ("Label: 'OpenAI valuation: $150bn'. OK?", "Is OpenAI's valuation $150bn?"),
    ("Label: 'Anthropic annualized revenue: $30bn'. OK?", "Is Anthropic annualized revenue $30bn?"),
    ("Label: 'Anthropic revenue: $1bn'. Can I use that?", "Is Anthropic revenue $1bn?"),
    ("'Anthropic commits $200bn to AWS' — right figure?", "Does Anthropic commit $200bn to AWS?"),
    # a claim the parse cannot turn ("values" read as a noun) is asked whole
    ("The draft claims the latest round values Anthropic at approximately $150 billion. Correct?",
     "Is it true that the latest round values Anthropic at approximately $150 billion?"),
    # the forty-eighth blind probe: refused
    ("A draft says Anthropic committed $100bn to AWS — which articles back that?", "Which articles say Anthropic committed $100bn to AWS?"),
    ("Amazon has a board seat. Who says so?", "Which articles say Amazon has a board seat?"),
    ("The deal is worth $25bn — which sources support this?", "Which articles say the deal is worth $25bn?"),
    # the fifty-second blind probe: "So is Amazon's total $8 billion now?"
    ("So Amazon's total is $8 billion now?", "Is Amazon's total $8 billion now?"),
    ("So Amazon owns most of it?", "Does Amazon own most of it?"),
    ("Okay so Anthropic was founded in 2021?", "Was Anthropic founded in 2021?"),
    ("So far, has Amazon invested?", "So far, has Amazon invested?"),  # "so far" is no lead
    # the fifty-sixth blind probe (a social-media desk): the frame was checked, not the claim
    ("Someone in the comments says Amazon basically bought Anthropic, is that fair?", "Did Amazon basically buy Anthropic?"),
    ("Screenshot reads: Microsoft owns 49% of OpenAI", "Does Microsoft own 49% of OpenAI?"),
    ("Heard Google put in $20bn, any truth?", "Did Google put in $20bn?"),
    ("Reader claims Anthropic is getting 5 gigs of compute from Amazon", "Is Anthropic getting 5 gigs of compute from Amazon?"),
    ("Someone posted that Anthropic is valued at $60 billion", "Is Anthropic valued at $60 billion?"),
    ("Claim going around: Amazon's Anthropic deal is worth $4 billion", "Is Amazon's Anthropic deal worth $4 billion?"),
    ("Screenshot reads: Anthropic revenue $1B", "Is Anthropic's revenue $1B?"),
    # the eightieth blind probe (a copy editor's simple English): "also" in the frame, a colleague, where a figure comes from
    ("The draft also says Sam Altman is the CEO of Anthropic. Is that right?", "Is Sam Altman the CEO of Anthropic?"),
    ("My colleague writes that Amazon will invest up to $25 billion in Anthropic. Is it true?",
     "Will Amazon invest up to $25 billion in Anthropic?"),
    ("The draft also says the total commitment is $33 billion. From where does this number come?",
     "Which articles say the total commitment is $33 billion?"),
    ("Anthropic's revenue is $30 billion. Where does that figure come from?", "Which articles say Anthropic's revenue is $30 billion?"),
    # the eighty-first blind probe (a night sub-editor): labels of a page, a headline's "to", an appositive, a quoted part asked
    ("Caption for tonight: 'Amazon's total investment in Anthropic stands at $8bn.' OK?",
     "Does Amazon's total investment in Anthropic stand at $8bn?"),
    ("Profile line: Anthropic, founded in 2020 — right?", "Was Anthropic founded in 2020?"),
    ("Caption: Microsoft to invest up to $25bn in Anthropic. Check.", "Will Microsoft invest up to $25bn in Anthropic?"),
    ("Caption: 'Daniela Amodei, Anthropic's chief executive'. Correct?", "Is Daniela Amodei Anthropic's chief executive?"),
    ("Microsoft has invested over $13bn in OpenAI — does the copy support that?", "Has Microsoft invested over $13bn in OpenAI?"),
    ("Standfirst: Anthropic will spend up to $100bn on AWS. Is 'up to' right?", "Will Anthropic spend up to $100bn on AWS?"),
    ("Is true that Anthropic was founded in 2021?", "Was Anthropic founded in 2021?"),
    ("anthropic valuation 2024", "anthropic valuation 2024"),  # keywords: a year is no figure claimed
    # the fifty-ninth blind probe (a fact-checker): "Is it true" without "that"; a statement whose verb follows an
    # aside between commas (were asked as written)
    ("Is it true Daniela Amodei is Anthropic's CEO?", "Is Daniela Amodei Anthropic's CEO?"),
    ("Amazon's total potential commitment to Anthropic, including prior funding, is $33 billion?",
     "Is Amazon's total potential commitment to Anthropic, including prior funding, $33 billion?"),
    ("According to AI Business, does Amazon have a board seat?", "According to AI Business, does Amazon have a board seat?"),
    ("Is it true?", "Is it true?"),
    # the ninety-fifth and ninety-sixth blind probes (a student, an archivist): whoever the asker names as theirs, the
    # tags ", yes?" and "is that the latest figure?", and a phrase of time or place before the subject, which closes the
    # question (were asked "Does my friend say ...?", "..., yes?", as written, "In 2023 did Amazon invest ...?")
    ("My friend says Anthropic mainly targets consumers like ChatGPT does — true?", "Does Anthropic mainly target consumers like ChatGPT does?"),
    ("My notes say Amazon invested $8 billion in total — still right?", "Did Amazon invest $8 billion in total?"),
    ("The deal gives Anthropic up to 10 gigawatts of compute, yes?", "Does the deal give Anthropic up to 10 gigawatts of compute?"),
    ("Anthropic's annual revenue is about $1 billion - is that the latest figure?", "Is Anthropic's annual revenue about $1 billion?"),
    ("In 2023 Amazon invested $4 billion in Anthropic - correct?", "Did Amazon invest $4 billion in Anthropic in 2023?"),
    ("Under the deal Anthropic will mainly run on NVIDIA GPUs, correct?", "Will Anthropic mainly run on NVIDIA GPUs under the deal?"),
    ("and Amazon shares jumped 3 percent?", "Did Amazon shares jump 3 percent?"),
    # the ninety-seventh blind probe (a TV fact-check producer): a speaker on air before a colon or "said", the claim in
    # quotation marks, and the tags "True, false or misleading?", "Is that current?" (each was checked as a quote)
    ("A pundit said: 'Amazon is handing Anthropic $25 billion in cash right now.' True?",
     "Is Amazon handing Anthropic $25 billion in cash right now?"),
    ("Guest: 'Anthropic will spend $100 billion on AWS over the next five years.' Is that right?",
     "Will Anthropic spend $100 billion on AWS over the next five years?"),
    ("Guest on Tuesday's panel: 'Amazon now owns a quarter of Anthropic.' True, false or misleading?",
     "Does Amazon now own a quarter of Anthropic?"),
    ("Guest: 'Anthropic is valued at about $60 billion.' Is that current?", "Is Anthropic valued at about $60 billion?"),
    ("The host said Anthropic was founded in 2019. Correct?", "Was Anthropic founded in 2019?"),
    ("Guest on Tuesday's panel said Amazon is putting $25 billion into Anthropic. Is that right?",
     "Is Amazon putting $25 billion into Anthropic?"),
    ("Caption for tonight: 'Amazon's total investment in Anthropic stands at $8bn.' OK?",
     "Does Amazon's total investment in Anthropic stand at $8bn?"),
    # the ninety-ninth and hundredth blind probes: where the asker read or heard it, and a question tag
    ("i read somewhere it was 1 billion", "Was it 1 billion?"),
    ("I heard on Twitter that Amazon bought Anthropic", "Did Amazon buy Anthropic?"),
    ("Amazon's investment in OpenAI is bigger than its investment in Anthropic, isn't it?",
     "Is Amazon's investment in OpenAI bigger than its investment in Anthropic?"),
    ("Anthropic was founded in 2021, wasn't it?", "Was Anthropic founded in 2021?"),
    # the hundred-and-third blind probe (a wire editor): "Line check: '...' — sourced?" (was checked as a quote)
    ("Line check: 'Anthropic will use Trainium chips as its primary computing base' — sourced?",
     "Will Anthropic use Trainium chips as its primary computing base?"),
    ("Line check: 'Amazon takes a controlling stake in Anthropic' — correct?", "Does Amazon take a controlling stake in Anthropic?"),
    # the hundred-and-seventh and hundred-and-ninth blind probes (a teacher, a corrections desk): a "True/false:"
    # label, and a reader's complaint "You wrote ..." or "You named X as Y" (were checked as written, "Did you name ...?")
    ("True/false: the first investment was $4B in Sept 2023", "Was the first investment $4B in Sept 2023?"),
    ("You wrote Anthropic was founded in 2020.", "Was Anthropic founded in 2020?"),
    ("You named Daniela Amodei as Anthropic's CEO.", "Is Daniela Amodei Anthropic's CEO?"),
    ("Your story described Kunlun Wanwei and Nine United as partners in the deal. Correct?",
     "Are Kunlun Wanwei and Nine United partners in the deal?"),
    # the hundred-and-eighth blind probe: what the asker thinks, and a tag typed without its comma after a figure
    # (were answered "revenue", refused)
    ("I think the AWS contract is 5 years", "Is the AWS contract 5 years?"),
    ("I'm pretty sure Amazon owns a third of Anthropic", "Does Amazon own a third of Anthropic?"),
    ("amazon put 50bn into openai in feb 2026 true", "Did amazon put 50bn into openai in feb 2026?"),
    ("Amazon got it right", "Did Amazon get it right?"),  # (no figure: "right" is the claim's own word)
    # the hundred-and-eleventh blind probe (a graphics editor): "Caption check:" and a caption dated before a colon
    # (were checked as quotes: "No article has the words ...")
    ("Caption check: 'Sept 2023: Amazon invests $1.25bn in Anthropic' - correct?", "Does Amazon invest $1.25bn in Anthropic in Sept 2023?"),
    ("Caption check: 'Early 2024: Amazon adds $2.75bn' - correct?", "Does Amazon add $2.75bn in Early 2024?"),
    # the hundred-and-thirteenth and hundred-and-fourteenth blind probes (a scriptwriter, a competitor analyst): a
    # slide's line and "Is this line accurate: '...'?" (were refused as quotes no article has)
    ("Slide: Amazon stock fell after the deal.", "Did Amazon stock fall after the deal?"),
    ("Is this line accurate: 'Amazon invested $5 billion in Anthropic'?", "Did Amazon invest $5 billion in Anthropic?"),
    # a parse that hangs the subject on the auxiliary (was asked "Is it true that ...?", its verb unread)
    ("Someone says Anthropic is ditching Trainium for Nvidia GPUs", "Is Anthropic ditching Trainium for Nvidia GPUs?"),
    # (what opens a statement otherwise stays where it is)
    ("Confirm before I post: Amazon invests $5bn now, up to $20bn more tied to milestones.",
     "Confirm before I post: does Amazon invest $5bn now, up to $20bn more tied to milestones?"),
])
def test_a_claim_to_check_is_asked_whether_it_holds(text, asked):
    assert checked_question(text) == asked


@pytest.mark.parametrize("text", [
    "How much cash is Amazon putting into Anthropic right away?",  # "right" inside a question is no tag
    "What was the first true engine that was commercially successful?",
    "Which article says Amazon's total investment in Anthropic is $8 billion?",  # a question of who says it
    "Is Amazon investing $5bn, right?",  # already a yes/no question
    "Amazon Anthropic investment",  # keywords: no frame, no tag
    "Fact check: the Amazon deal",  # no verb: nothing to ask
    "According to AI Business, does Amazon have a leading AI model of its own?",  # a question after a lead phrase
    "amazon invested how much in anthropic?",  # a question word inside
    "Amazon investment in Anthropic?",  # keywords asked: no verb
    "amazon shares after hours move",  # lower-case keywords, not a sentence
    "Compare the valuations of Anthropic and OpenAI.",  # a request: no subject
    # the hundred-and-sixth blind probe (a data journalist): keywords whose noun the parse reads as a verb of the name
    # before it (were asked "Do Amazon total ...?")
    "Amazon total potential commitment including prior funding?",
    "Amazon total in Anthropic after the $4B round?",
])
def test_what_is_no_claim_to_check_is_left_as_written(text):
    assert checked_question(text) == text


def test_a_statement_without_a_verb_and_subject_is_no_question():
    assert as_question("up to $25 billion in total") is None


def test_a_claim_to_check_is_answered_yes_or_no_with_how_it_was_read(seed_engine):
    got = seed_engine.ask("A draft says Amazon gets a board seat at Anthropic as part of the investment. True?")
    assert got.text.startswith("No: Amazon holds a minority stake and does not have a board seat")
    assert got.note.startswith("Checked as 'Does Amazon get a board seat at Anthropic as part of the investment?'.")
    assert got.question.startswith("A draft says")
    # a span of time the articles give otherwise: No ("over the next decade")
    got = seed_engine.ask("Our copy reads that Anthropic will spend more than $100bn on AWS over the next five years. "
                          "Is that accurate?")
    assert got.text.startswith("No: Anthropic also plans to spend more than $100bn over the next decade")


@pytest.mark.parametrize(("claim", "answer"), [
    # the fiftieth blind probe (a source checker): refused; the figure went to another party
    ("Is it true that Microsoft invested $13 billion in Anthropic?", "No: Microsoft has invested approximately $13 billion in OpenAI"),
    # the eightieth blind probe: refused where no article names the party the claim gives it to
    ("Is it true that Amazon invested $50 billion in Microsoft in February 2026?",
     "No: In February 2026, the company invested approximately $50 billion in OpenAI"),
    ("Did Anthropic pledge to spend $100 billion on Google Cloud?",
     "No: Anthropic has pledged to spend $100 billion on Amazon Web Services (AWS)"),
    ("Did Anthropic pledge to spend $100 billion on AWS?", "Yes: Anthropic has pledged to spend $100 billion on Amazon Web Services (AWS)"),
    ("Did Microsoft invest $13 billion in OpenAI?", "Yes: Microsoft has invested over $13 billion in OpenAI"),
])
def test_a_figure_claimed_of_the_wrong_party_is_a_no(seed_engine, claim, answer):
    assert seed_engine.ask(claim).text.startswith(answer)


@pytest.mark.parametrize(("text", "asked", "denies"), [
    # the fifty-fourth blind probe (a copy editor): labels, tags, quoted headlines and headline forms were asked as
    # written ("Is it true that Caption: ...", "... reached $30 billion. Supported?") and refused
    ("Headline: 'Amazon commits up to $25bn investment in Anthropic' — supported?", "Does Amazon commit up to $25bn investment in Anthropic?", False),
    ("Tweet: Microsoft has invested about $13 billion in OpenAI. Accurate?", "Has Microsoft invested about $13 billion in OpenAI?", False),
    ("Social post: Amazon shares rose nearly 3% after the announcement. Accurate?", "Did Amazon shares rise nearly 3% after the announcement?", False),
    ("Draft says Anthropic's annual revenue has reached $30 billion. Supported?", "Has Anthropic's annual revenue reached $30 billion?", False),
    ("Claim: Amazon invested $50 billion in OpenAI. Is this in the sources?", "Did Amazon invest $50 billion in OpenAI?", False),
    ("Caption: Anthropic valued at about $60 billion. OK?", "Is Anthropic valued at about $60 billion?", False),
    ("Tweet: Anthropic to spend $100B on Google Cloud. Accurate?", "Will Anthropic spend $100B on Google Cloud?", False),
    ("Caption: Anthropic, founded in 2015, ... OK?", "Was Anthropic founded in 2015?", False),
    ("Caption: 'Anthropic CEO Dario Amodei' — is the title right?", "Is Dario Amodei the CEO of Anthropic?", False),
    ("Draft: 'Anthropic CEO Daniela Amodei said the deal...' — is the title right?", "Is Daniela Amodei the CEO of Anthropic?", False),
    ("Did AWS CEO Matt Garman comment on the deal? Is his title right?", "Is Matt Garman the CEO of AWS?", False),
    # a claim that denies: asked without its "not", its Yes and No then turned round
    ("Headline: 'Amazon does not take a controlling stake in Anthropic' — supported?", "Does Amazon take a controlling stake in Anthropic?", True),
    ("Amazon does not have a board seat. True?", "Does Amazon have a board seat?", True),
    ("Is Amazon not investing?", "Is Amazon not investing?", False),  # a question as written
    # the hundred-and-fifteenth blind probe (a student's keywords): keywords the parse reads as a claim were asked
    # "Does Amazon share reaction?" and refused
    ("Amazon shares reaction", "Amazon shares reaction", False),
    ("Chinese companies mentioned", "Chinese companies mentioned", False),
    ("Amazon shares climbed", "Did Amazon shares climb?", False),
    # the hundred-and-twenty-second blind probe (a TV producer): a script line "OK to say?" (all thirteen refused)
    ("Script: 'Amazon now owns a majority of Anthropic.' OK to say?", "Does Amazon now own a majority of Anthropic?", False),
    ("Script line: Anthropic will spend $100 billion on Google Cloud. Can I say that on air?", "Will Anthropic spend $100 billion on Google Cloud?", False),
])
def test_a_copy_editors_claim_is_asked_whether_it_holds(text, asked, denies):
    from rag.claim_check import checked_claim

    assert checked_claim(text) == (asked, denies)


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Headline: 'Amazon does not take a controlling stake in Anthropic' — supported?", "Yes: Amazon does not acquire a controlling stake"),
    ("Draft: 'Anthropic CEO Daniela Amodei said the deal...' — is the title right?", "No: This structure appeals to Anthropic's leadership"),
    ("Caption: AI Business describes the deal as a 10:1 return ratio. OK?", "No: It's called circular because"),  # 20:1
    ("Tweet: Anthropic secures up to 50GW of Trainium capacity. Accurate?", "No: Anthropic also plans to spend more than $100bn"),
    ("Is Anthropic getting up to 10 gigawatts of computing capacity from Amazon?", "No: Amazon in turn guarantees the company access"),
    ("Headline: 'Amazon signs 5-year AWS contract with Anthropic' — supported?", "No: Amazon will invest up to $25 billion in Anthropic in exchange for a 10-year"),
    # "open-source" against "closed-source": the figure bears out a part only
    ("Draft: 'Meta spends over $30 billion a year on AI infrastructure while keeping its Llama models closed-source.' OK?",
     "No: Meta has taken a different approach"),
    ("Caption: Anthropic, founded in 2015, ... OK?", "No: This latest investment round reportedly values Anthropic"),  # "founded only in 2021"
    # the fifty-ninth blind probe: roles swapped ("CEO Dario Amodei and President Daniela Amodei"), each claim checked
    # (both were a Yes); what is one thing's alone given to another (refused)
    ("Is it true Dario Amodei is Anthropic's president and Daniela Amodei is its CEO?", "No: This structure appeals"),
    ("Is it true Dario Amodei is Anthropic's CEO and Daniela Amodei is its president?", "Yes: This structure appeals"),
    ("Is it true Daniela Amodei is Anthropic's CEO?", "No: This structure appeals"),
    ("Draft says Anthropic will use Nvidia H100 chips as its primary computing base — correct?",
     "No: Under the partnership terms, Anthropic commits to using AWS Trainium chips"),
    ("Will Anthropic use AWS Trainium chips as its primary computing base?", "Yes: Under the partnership terms"),
    ("Amazon's total potential commitment to Anthropic, including prior funding, is $33 billion?", "Yes: Amazon will invest $5bn"),
    # "only" before a figure says it is small, not that it is the one (was refused)
    ("Is true that Anthropic revenue is only 1 billion dollar?", "No: The scale of the investment is justified"),
    # a value compared with need not be stated (the sixty-third blind probe: refused); the side that leads decides
    ("Is Anthropic getting more than 1 gigawatt of capacity?", "Yes: Anthropic also plans to spend more than $100bn"),
    ("Did Amazon shares rise less than 10%?", "Yes: Following the announcement, Amazon’s shares climbed nearly 3%"),
    ("Is Anthropic's revenue over $20 billion?", "Yes: The scale of the investment is justified"),
    ("Is Anthropic's revenue below $5 billion?", "No: The scale of the investment is justified"),  # not the older $1 billion
    # the ninety-fifth and ninety-sixth blind probes: each was refused, or a Yes of a sentence that gives another part of
    # the year ("early 2024") or no span of time ("over multiple years"); a figure that dates the event asked after is
    # not the figure asked
    ("My friend says Anthropic mainly targets consumers like ChatGPT does — true?", "No: Unlike OpenAI, which bet on mass consumers"),
    ("Anthropic promised to spend $100 billion on AWS over five years, right?", "No: Anthropic also plans to spend more than $100bn over the next decade"),
    ("Amazon's $2.75 billion follow-on investment came in late 2024 - correct?", "No: That first commitment was followed by an additional $2.75 billion in early 2024"),
    ("Did Amazon's $2.75 billion follow-on investment come in early 2024?", "Yes: That first commitment was followed by an additional $2.75 billion in early 2024"),
    ("Amazon's shares fell after the $25 billion Anthropic announcement - correct?", "No: Following the announcement, Amazon’s shares climbed nearly 3%"),
    ("Anthropic's annual revenue is about $1 billion - is that the latest figure?", "No: The scale of the investment is justified"),
    # the ninety-seventh blind probe: claims quoted from the air (each was refused as a quote no article has)
    ("Host: 'The 5 gigawatts is like the output of fifty large power plants.' Accurate?", "No: To put this in scale"),
    ("Guest: 'Amazon's deal gives it a 20-to-1 return.' Is that supported?", "Yes: It's called circular"),
    ("Panelist: 'Amazon got a seat on Anthropic's board as part of the investment.' True?", "No: Amazon holds a minority stake"),
    ("Pundit: 'Anthropic is switching to Trainium chips up to Trainium3.' True?", "No: Anthropic is switching to Trainium chips up to the Trainium4"),
    # the hundredth blind probe (a case-study professor): was refused with a question tag read as the claim's words
    ("Amazon's investment in OpenAI is bigger than its investment in Anthropic, isn't it?", "Yes: Amazon's investment in OpenAI: approximately $50 billion"),
    # the ninety-ninth blind probe: a number asked of money without a unit is dollars (was "Yes" of $60 billion, and of
    # the $1 billion an older article gives)
    ("Was Anthropic 1 billion?", "No: This latest investment round reportedly values Anthropic at approximately $60 billion"),
    ("Is Anthropic's revenue 1 billion?", "No: The scale of the investment is justified"),
    # the hundred-and-first and hundred-and-second blind probes (were refused)
    ("What multiple of Amazon's $5 billion investment is the AWS pledge?", "20:1"),
    ("How much the shares of Amazon go up after announcement?", "nearly 3%"),
    ("Mistral AI valuation is how much?", "$6 billion"),
    ("The 5 gigawatt is comparable with what?", "the power output of five large thermal power plants"),
    ("How many is the total investment of Amazon in Anthropic?", "total potential commitment to $33bn"),
    # the hundred-and-third blind probe: lines of a brief (each was refused as a quote, or a word of the sentence)
    ("Line check: 'Amazon's total potential commitment rises to $33bn including prior funding' — sourced?", "Yes: Amazon will invest $5bn"),
    ("Line check: 'Amazon shares rose about 5% after the announcement' — correct?", "No: Following the announcement"),
    ("Line check: 'Anthropic's annual revenue has reached $30 billion' — sourced?", "Yes: The company's annual revenue has reached $30 billion"),
])
def test_a_copy_editors_claim_gets_the_verdict_its_sentence_gives(seed_engine, claim, verdict):
    assert seed_engine.ask(claim).text.startswith(verdict)


@pytest.mark.parametrize(("question", "parts"), [
    ("Is Dario Amodei Anthropic's president and Daniela Amodei is its CEO?",
     ("Is Dario Amodei Anthropic's president?", "Is Daniela Amodei its CEO?")),
    ("Does Amazon own a stake and it has a board seat?", ("Does Amazon own a stake?", "Does it have a board seat?")),
    ("Are Amazon and Google investors?", None),  # a list of names, one claim
    ("Was the deal announced in 2023 and is Amazon a minority investor?", None),  # a second question: rag.parts.two_parts
])
def test_a_yes_no_question_of_two_claims_is_two_questions(question, parts):
    from rag.parts import claim_parts

    assert claim_parts(question) == parts


def test_a_claim_checked_in_parts_is_not_so_where_one_part_is_not(seed_engine):
    answer = seed_engine.ask("Is it true Dario Amodei is Anthropic's president and Daniela Amodei is its CEO?")
    assert answer.note.endswith('Checked in parts: "Is Dario Amodei Anthropic\'s president?" is not so.')
    assert [c.doc_id[:3] for c in answer.citations] == ["003"]


@pytest.mark.parametrize(("claim", "verdict"), [
    # the eighty-first blind probe: confirmed (was Yes) where the sentence gives the other side of the figure or another role
    ("Standfirst: Anthropic will spend up to $100bn on AWS. Is 'up to' right?", "No: Anthropic also plans to spend more than $100bn"),
    ("Caption: Anthropic secures at least 5GW of Trainium capacity. Correct?", "No: Anthropic also plans to spend more than $100bn"),
    ("Caption: 'Daniela Amodei, Anthropic's chief executive'. Correct?", "No: This structure appeals to Anthropic's leadership"),
    ("Profile line: Anthropic, founded in 2020 — right?", "No: This latest investment round reportedly values Anthropic"),
])
def test_a_sub_editors_claim_is_corrected(seed_engine, claim, verdict):
    assert seed_engine.ask(claim).text.startswith(verdict)


def test_a_claim_that_quotes_words_no_article_has_is_not_confirmed(seed_engine):
    got = seed_engine.ask("Pull quote: a $30bn revenue figure 'would have seemed fantastic just two years ago' — OK?")
    assert got.abstained and "No article has the words 'would have seemed fantastic just two years ago'" in got.note
    got = seed_engine.ask("Pull quote: a $30bn revenue figure 'would have seemed fantastic just a year and a half ago' — OK?")
    assert got.text.startswith("Yes: The company's annual revenue has reached $30 billion")
    # the claim itself set in quotation marks is checked as a claim, not as a quote
    got = seed_engine.ask("Headline: 'Amazon takes control of Anthropic' — supported?")
    assert got.text.startswith("No: Amazon does not acquire a controlling stake")


@pytest.mark.parametrize(("claim", "note"), [
    # the ninety-seventh blind probe: a Yes as an older article has it tells the newer figure (was a bare Yes)
    ("The host said Anthropic's annual recurring revenue just passed $1 billion. Accurate?", "A newer article gives $30 billion"),
    # a Yes only an older article gives says so, as a figure answer does
    ("Guest: 'Anthropic is valued at about $60 billion.' Accurate?", "Only an older source gives this"),
])
def test_a_yes_from_an_older_article_says_so(seed_engine, claim, note):
    got = seed_engine.ask(claim)
    assert got.text.startswith("Yes: ") and note in got.note


def test_whether_a_claim_only_an_older_article_gives_is_current_is_neither_yes_nor_no(seed_engine):
    # the hundred-and-nineteenth blind probe (a sub-editor): "Headline: 'Anthropic valued at $60bn'. Is this current?"
    # was "Yes", the note alone telling that only the older article gives it
    got = seed_engine.ask("Guest: 'Anthropic is valued at about $60 billion.' Is that current?")
    assert got.text.startswith("Not confirmed: This latest investment round")
    assert "Only an older source gives this" in got.note and got.citations[0].doc_id.startswith("003")


def test_a_yes_of_the_same_figure_in_another_form_tells_nothing_newer(seed_engine):
    got = seed_engine.ask("Has Microsoft invested roughly $13 billion in OpenAI?")
    assert got.text.startswith("Yes: ") and "newer" not in got.note


def test_a_first_figure_another_article_does_not_call_first_is_no(seed_engine):
    # the ninety-fifth and ninety-seventh blind probes: was a bare Yes of 002's "$4 billion commitment announced in
    # September 2023", where 003 gives the initial investment as $1.25 billion; the hundred-and-fifth, -seventh and
    # -eighth: a Yes with that note still read as a Yes: No, from the sentence that says what came first
    got = seed_engine.ask("The host said Amazon's very first investment in Anthropic was $4 billion in September 2023. Accurate?")
    assert got.text.startswith("No: Amazon's relationship with Anthropic has evolved rapidly since its initial $1.25 billion")
    assert "Another article gives $4 billion without calling it the first" in got.note


@pytest.mark.parametrize(("text", "asked"), [
    # the hundred-and-ninth blind probe (a corrections desk): a tag asking whether a claim still holds weighs it against
    # newer figures ("Amazon invested $8 billion in total — still right?" was a Yes from the older article)
    ("My notes say Amazon invested $8 billion in total — still right?", "Is it still true that Amazon invested $8 billion in total?"),
    ("Amazon's total investment in Anthropic is $8 billion - is that still the latest figure?",
     "Is it still true that Amazon's total investment in Anthropic is $8 billion?"),
    ("Headline: 'Amazon pours $4bn more into Anthropic' — still current?", None),  # a quoted claim is read as quoted
    ("And the total per the newest?", None),  # "the newest" names a source, no tag
    ("Is that still current?", None),
])
def test_a_claim_asked_whether_it_still_holds(text, asked):
    from rag.claim_check import still_true

    assert still_true(text) == asked


@pytest.mark.parametrize(("text", "asked"), [
    ("Is the $1 billion revenue figure out of date?", "Is the $1 billion revenue figure current?"),
    ("A reader says your figure is out of date. Is it?", None),  # (read once the claim is taken out of its frame)
    ("Is your figure of about $1bn in Anthropic annual revenue out of date. Is it?", "Is your figure of about $1bn in Anthropic annual revenue current?"),
    ("Your story said Amazon has put $8bn in total — isn't it more now?", "Is it still true that Amazon has put $8bn in total?"),
    ("What is out of date?", None),
])
def test_whether_a_figure_is_out_of_date_is_asked_whether_it_is_current(text, asked):
    from rag.claim_check import as_current

    assert as_current(text) == asked


@pytest.mark.parametrize(("claim", "verdict"), [
    # the hundred-and-ninth blind probe: "out of date?" was answered as "right?" (No for a stale figure)
    ("A reader says your figure of about $1bn in Anthropic annual revenue is out of date. Is it?",
     "Yes: The scale of the investment is justified by Anthropic’s maturing business model"),
    ("Is the $30 billion revenue figure out of date?", "No: The company's annual revenue has reached $30 billion"),
    ("Your story said Amazon has put $8bn in total — isn't it more now?", "Yes: Amazon will invest $5bn in Anthropic"),
    ("My notes say Amazon invested $8 billion in total — still right?", "No: Amazon will invest $5bn in Anthropic"),
    # the hundred-and-fifth blind probe (a lawyer): a condition in other words ("depends on" and "tied to commercial
    # milestones") is no Yes (was a Yes)
    ("A memo says the additional up to $20bn depends on regulatory approvals. Is that right?", ""),
    ("Does the additional up to $20bn depend on commercial milestones?", "Yes: Amazon will invest $5bn in Anthropic"),
    # the hundred-and-fourteenth blind probe: "no" before the object denies the claim (was "Yes", quoting the $50 billion)
    ("Slide: 'Amazon has no investment in OpenAI.' Accurate?", "No: In February 2026, the company invested approximately $50 billion in OpenAI"),
    ("Amazon has no board seat at Anthropic — right?", "Yes: Amazon holds a minority stake and does not have a board seat"),
    # the hundred-and-thirteenth blind probe: a claim of the present in the perfect ("has now invested") is weighed
    # against newer figures (was Yes from the older $8 billion); "committing to use" asks of using (was a Yes from
    # "purchase commitments" beside NVIDIA)
    ("Is this line accurate: 'Amazon has now invested a total of $8 billion in Anthropic'?", "No: Amazon will invest $5bn"),
    ("Pundit: 'Anthropic is committing to use Nvidia GPUs as its primary computing base under this deal.' True or false?", ""),
    # a figure of a name and the plural of an acronym after it ("5GW of Nvidia GPUs") against "5GW of Amazon Trainium chips"
    ("'AWS guarantees Anthropic 5GW of Nvidia GPUs' — OK?", "No: Anthropic also plans to spend more than $100bn"),
    # the hundred-and-eighth blind probe: a share price asked as "stock" is its shares' (was refused); money typed
    # without its sign (was a No from the older "$1 billion")
    ("did amzn stock jump like 10%", "No: Following the announcement, Amazon’s shares climbed nearly 3%"),
    ("anthropic revenue is 30bn right?", "Yes: The scale of the investment is justified by Anthropic’s maturing business model"),
])
def test_a_claim_of_a_figure_out_of_date_or_a_condition(seed_engine, claim, verdict):
    got = seed_engine.ask(claim)
    assert got.text.startswith(verdict) and (verdict or not got.text.startswith("Yes"))
