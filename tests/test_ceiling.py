"""The most a sum put in may come to, noted beside the sum (rag.ceiling): the seed articles give Amazon's money put in
now ("$5bn") and the ceiling of the deal ("up to $25 billion") in 000, 001 and 004."""


CEILING_TITLES = ("Amazon commits up to $25bn investment in Anthropic", "Amazon to invest another $25 billion in Anthropic")


def test_money_put_in_is_noted_with_the_ceiling_and_every_article_that_gives_it(seed_engine):
    got = seed_engine.ask("How much is Amazon investing in Anthropic?")  # the probes' headline miss (34th to 39th)
    assert got.text in ("$5bn", "$5 billion")
    assert got.note.startswith("In all, up to $25 billion (")
    assert all(title in got.note for title in CEILING_TITLES)
    assert got.note.count(";") == 2  # three articles: 000, 001 and 004


def test_no_ceiling_is_noted_for_a_ceiling_a_past_round_or_another_target(seed_engine):
    assert "up to $25 billion" not in seed_engine.ask("What is the most Amazon could invest in Anthropic?").note
    assert seed_engine.ask("How much was Amazon's initial investment in Anthropic?").note == ""  # 2023's $1.25 billion
    assert seed_engine.ask("How much did Amazon invest in OpenAI?").note == ""  # its ceiling is Anthropic's
    assert "In all" not in seed_engine.ask("How much did Google invest in Anthropic?").note
