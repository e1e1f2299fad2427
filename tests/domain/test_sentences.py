"""One sentence splitter for every output: bullets, stories, weekly and the portfolio brief."""

from __future__ import annotations

from pmjournal.domain.sentences import first_sentence, sentences, split_first_sentence
from pmjournal.render.markdown_html import first_sentence as rendered_first_sentence


def test_abbreviations_and_titles_do_not_end_a_sentence():
    text = "Compared tools, e.g. Amplitude and Mixpanel. Dr. Rao agreed. Then I wrote it up."

    assert sentences(text) == [
        "Compared tools, e.g. Amplitude and Mixpanel.",
        "Dr. Rao agreed.",
        "Then I wrote it up.",
    ]
    assert split_first_sentence(text) == (
        "Compared tools, e.g. Amplitude and Mixpanel.",
        "Dr. Rao agreed. Then I wrote it up.",
    )


def test_the_portfolio_and_the_bullets_cut_the_same_first_sentence():
    for text in (
        "Cut scope, i.e. Settings went out. Shipped in June.",
        "Load fell 66%. Users noticed.",
        "“Ship it.” Ana said so.",
        "Ran 5 interviews (U.S. only). Én ügyfél said no.",
    ):
        assert first_sentence(text) == sentences(text)[0] == rendered_first_sentence(text)


def test_a_sentence_ends_before_an_accented_capital_or_a_digit_but_not_a_lower_case_word():
    assert sentences("Done. Émile agreed. 3 users left. it went on.") == [
        "Done.",
        "Émile agreed.",
        "3 users left. it went on.",
    ]


def test_markdown_list_items_are_sentences_of_their_own():
    assert sentences("- **Ran** a survey\n- Read [the notes](x.md)") == [
        "Ran a survey",
        "Read the notes",
    ]
