"""Other sums the articles date to the time a question asks about (rag.same_time): 002 gives "a $4 billion commitment
announced in September 2023", 003 "its initial $1.25 billion investment in September 2023"."""


def test_another_sum_of_the_month_asked_is_noted_with_its_article(seed_engine):
    # the thirty-eighth and fortieth to forty-third blind probes: either sum alone, the other article never shown
    got = seed_engine.ask("How much did Amazon invest in Anthropic in September 2023?")
    assert got.text == "$4 billion"
    assert got.note == "Also dated September 2023: $1.25 billion (Amazon Pours $4B More Into Anthropic Deal)."
    got = seed_engine.ask("How much did Amazon initially invest in Anthropic in September 2023?")
    assert got.text == "$1.25 billion"
    assert got.note == "Also dated September 2023: $4 billion (Amazon Invests $5B in Anthropic for $100B AWS Deal)."


def test_no_other_sum_no_note(seed_engine):
    assert seed_engine.ask("How much did Amazon invest in OpenAI in February 2026?").note == ""
    assert "Also dated" not in seed_engine.ask("How much did Amazon add to its Anthropic investment in early 2024?").note
