"""Every theme on every paper; accented, Greek, Cyrillic and CJK text set without boxes."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import journal_builder as build
import pytest
from pdf_checks import font_names, pdf_text
from pypdf import PdfReader

from pmjournal.render.templates import PAPERS, THEMES
from pmjournal.services.journal import Journal, open_journal
from pmjournal.services.portfolio.build import build_portfolio, prepare_portfolio

LATIN = "Zoë Müller-Ševčík, crème brûlée à São Paulo"
GREEK = "Ελληνικά: ανάλυση δεδομένων"
CYRILLIC = "Кириллица: исследование пользователей"
# One sample per language the CJK test renders, with the fontconfig language that covers it.
CJK_SAMPLES = {"zh": "用户研究", "ja": "ユーザー調査", "ko": "사용자 조사"}
CJK = " ".join(CJK_SAMPLES.values())
PAGE_SIZES = {"a4": (595, 842), "letter": (612, 792)}


def missing_cjk_languages() -> list[str]:
    """The languages of ``CJK_SAMPLES`` no installed font covers (all, without fontconfig)."""
    if shutil.which("fc-list") is None:
        return list(CJK_SAMPLES)
    missing = []
    for language in CJK_SAMPLES:
        found = subprocess.run(
            ["fc-list", f":lang={language}", "family"], capture_output=True, text=True
        )
        if not found.stdout.strip():
            missing.append(language)
    return missing


def test_the_cjk_check_covers_every_language_the_sample_holds() -> None:
    """The skip below must ask about the same languages the test renders, not just one."""
    scripts = {
        "zh": lambda c: "\u4e00" <= c <= "\u9fff",
        "ja": lambda c: "\u3040" <= c <= "\u30ff",
        "ko": lambda c: "\uac00" <= c <= "\ud7af",
    }
    for language, sample in CJK_SAMPLES.items():
        assert any(scripts[language](c) for c in sample), language
    assert set(CJK.split()) >= {w for s in CJK_SAMPLES.values() for w in s.split()}


@pytest.fixture(scope="module")
def multilingual_journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    journal = open_journal(tmp_path_factory.mktemp("multilingual"), auto_backup=False)
    build.set_profile(journal, name="Zoë Ångström", headline=f"PM intern · {GREEK}")
    build.case_study(
        journal,
        "Café checkout",
        summary=f"{LATIN}.",
        problem=f"{GREEK}. {CYRILLIC}.",
        role=f"I led it. {CJK}",
        outcome="Shipped to all cafés.",
        status="shipped",
        start_date=date(2026, 6, 1),
        metrics=[
            {"name": "Drop-off", "baseline": 42, "result": 31, "unit": "%", "better": "lower"}
        ],
    )
    yield journal
    journal.close()


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_theme_renders_on_every_paper(
    multilingual_journal: Journal, tmp_path: Path, theme: str, paper: str
) -> None:
    out = tmp_path / f"{theme}-{paper}.pdf"
    result = build_portfolio(multilingual_journal, out, theme=theme, paper=paper)

    reader = PdfReader(out)
    assert len(reader.pages) == result.pages >= 4
    box = reader.pages[1].mediabox
    assert (round(float(box.width)), round(float(box.height))) == PAGE_SIZES[paper]
    bundled = {name for name in font_names(out) if name.startswith("PMJ")}
    assert ("PMJ-Serif" in bundled) == (theme == "classic")
    assert "PMJ-Sans" in bundled
    assert "−11 pts" in pdf_text(out)


def test_all_fonts_are_embedded(multilingual_journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "fonts.pdf"
    build_portfolio(multilingual_journal, out)
    for page in PdfReader(out).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]


def test_accented_greek_cyrillic_and_cjk_text_is_set_and_extractable(
    multilingual_journal: Journal, tmp_path: Path
) -> None:
    missing = missing_cjk_languages()
    if missing:
        pytest.skip(
            f"no font for {', '.join(missing)} installed "
            "(Debian/Ubuntu: apt-get install fonts-noto-cjk)"
        )
    out = tmp_path / "multilingual.pdf"
    result = build_portfolio(multilingual_journal, out)

    assert not [w for w in result.warnings if "font" in w], result.warnings
    # Compared without spaces: a line may wrap inside the CJK sample, and the extractor puts
    # a space at every line end.
    text = "".join(pdf_text(out).split())
    for sample in (LATIN, GREEK, CYRILLIC, CJK, "Zoë Ångström"):
        assert "".join(sample.split()) in text


def test_characters_no_font_has_are_reported(journal: Journal, tmp_path: Path) -> None:
    """Control for the test above: a private-use character has no glyph anywhere."""
    build.project(journal, "Glyphs", role="I wrote \U000f0001.", outcome="Done.")
    result = build_portfolio(journal, tmp_path / "boxes.pdf")
    (warning,) = [w for w in result.warnings if "font" in w]
    assert "\U000f0001" in warning and "fonts-noto-cjk" in warning


def overflowing_words(journal: Journal, paper: str) -> list[str]:
    """Words laid out past the right margin of their page, read from WeasyPrint's boxes."""
    from weasyprint import CSS, HTML
    from weasyprint.formatting_structure.boxes import TextBox

    from pmjournal.render.fetcher import JournalFetcher

    prepared = prepare_portfolio(journal, paper=paper)
    fetcher = JournalFetcher(None)
    sheets = [CSS(string=text, url_fetcher=fetcher) for text in prepared.stylesheets]
    document = HTML(string=prepared.html, url_fetcher=fetcher).render(stylesheets=sheets)
    found = []
    for page in document.pages:
        root = page._page_box
        edge = page.width - root.margin_right + 0.5
        found += [
            box.text
            for box in root.descendants()
            if isinstance(box, TextBox) and box.position_x + box.width > edge
        ]
    return found


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_long_urls_and_wide_tables_in_notes_stay_on_the_page(journal: Journal, paper: str) -> None:
    url = "https://example.com/" + "averylongpathsegment" * 12
    columns = range(10)
    table = "\n".join(
        (
            "| " + " | ".join(f"Heading{n}withalongname" for n in columns) + " |",
            "|" + "---|" * len(columns),
            "| " + " | ".join(f"value{n}xxxxxxxxxxxxxx" for n in columns) + " |",
        )
    )
    build.project(
        journal,
        "Links",
        problem=f"The log is at {url} for anyone.",
        role="I led it.",
        approach=f"Compared:\n\n{table}\n",
        outcome="Shipped.",
        start_date=date(2026, 6, 1),
    )

    assert overflowing_words(journal, paper) == []
