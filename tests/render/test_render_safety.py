"""Hostile journal text: the PDF renders, reaches nothing, embeds nothing, leaks nothing.

Two layers are proven separately. Through the whole pipeline, the sanitiser removes every way
out, so the fetcher is never even asked for anything but our bundled resources. Fed the raw,
unsanitised HTML directly, the fetcher alone still refuses every file and network URL.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import journal_builder as build
import pytest
from local_server import RecordingServer
from pdf_checks import image_count, pdf_text, unsafe_features

from pmjournal.render.fetcher import JournalFetcher
from pmjournal.render.pdf import write_pdf
from pmjournal.services.journal import Journal, open_journal
from pmjournal.services.portfolio.build import prepare_portfolio

TOKEN = f"LEAKED-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def secrets_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Files outside the journal whose contents must never reach a PDF."""
    folder = tmp_path_factory.mktemp("secrets")
    (folder / "secret.txt").write_text(TOKEN)
    (folder / "secret.css").write_text(f'body::before {{ content: "{TOKEN}"; }}')
    (folder / "secret.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg"><text y="20">{TOKEN}</text></svg>'
    )
    return folder


def payloads(server: str, secrets: Path) -> list[str]:
    """One line per attack in the issue, each aimed at the server and at a secret file."""
    return [
        "<script>document.write('SCRIPT-RAN')</script>",
        f'<iframe src="{server}/frame.html"></iframe><iframe src="file://{secrets}/secret.txt"></iframe>',
        f'<object data="{server}/object.png"></object><object data="file://{secrets}/secret.svg"></object>',
        f'<embed src="{server}/embed.png"><embed src="file://{secrets}/secret.svg">',
        f'<link rel="attachment" href="file://{secrets}/secret.txt">',
        f'<link rel="stylesheet" href="{server}/linked.css">',
        f'<link rel="stylesheet" href="file://{secrets}/secret.css">',
        f'<style>@import url("{server}/imported.css"); @import "file://{secrets}/secret.css";</style>',
        '<img src="file:///etc/hostname" alt="hostname">',
        f'<img src="file://{secrets}/secret.svg" alt="svg">',
        f'<p style="background: url(file://{secrets}/secret.svg)">styled</p>',
        f"<div style=\"background-image: url('{server}/background.png')\">bg</div>",
        f'<svg><image href="{server}/svg-image.png" width="9" height="9"/>'
        f'<image href="file://{secrets}/secret.svg" width="9" height="9"/></svg>',
        f'<base href="{server}/"><img src="relative.png" alt="relative">',
        f"![pixel]({server}/markdown.png)",
        f'<img src="{server}/pixel.png"><img src="//127.0.0.1:{server.rsplit(":", 1)[1]}/p.png">',
        f'<a rel="attachment" href="file://{secrets}/secret.txt">attached</a>',
        '<img src="file:///dev/urandom"><link rel="attachment" href="file:///dev/urandom">',
        "[run me](javascript:app.alert(1))",
        "{{ 7 * 7 }} {% for x in range(3) %}LOOP{% endfor %}",
    ]


@pytest.fixture(scope="module")
def hostile_journal(
    tmp_path_factory: pytest.TempPathFactory, http_server: RecordingServer, secrets_dir: Path
) -> Iterator[Journal]:
    """Every free-text field that reaches the portfolio carries every payload."""
    attack = "\n\n".join(f"Before {p} after." for p in payloads(http_server.url, secrets_dir))
    journal = open_journal(tmp_path_factory.mktemp("hostile"), auto_backup=False)
    build.set_profile(journal, name="Ada Example", headline=attack, summary=attack)
    build.internship(journal, "Acme", "PM Intern", date(2026, 6, 1))
    texts = ("summary", "context", "problem", "role", "approach", "outcome", "learnings")
    build.case_study(
        journal,
        "Hostile project",
        internship="Acme",
        status="shipped",
        metrics=[{"name": "Conversion", "baseline": 10, "result": 12, "unit": "%", "note": attack}],
        **dict.fromkeys(texts, attack),
    )
    day = date(2026, 6, 3)
    entry_id = build.entry(journal, day, attack, title=attack[:250], projects=["Hostile project"])
    build.evidence_of(journal, "User research", attack, entry_id=entry_id)
    build.person(journal, "Bea Mentor", relationship="mentor", title=attack[:150])
    build.feedback_from(
        journal,
        attack,
        date(2026, 6, 9),
        person="Bea Mentor",
        relationship="mentor",
        projects=["Hostile project"],
    )
    yield journal
    journal.close()


def _render_in_time(html: str, css: tuple[str, ...], out: Path, fetcher: JournalFetcher) -> None:
    """Render on a worker thread and fail, rather than hang, if it takes over a minute."""
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with out.open("wb") as target:
                write_pdf(html, css, target, attachments_dir=None, fetcher=fetcher)
        except BaseException as error:  # reported below, on the test's thread
            errors.append(error)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "the render hung (a device file was read?)"
    assert not errors, errors


def test_hostile_text_through_the_pipeline_reaches_nothing(
    hostile_journal: Journal, http_server: RecordingServer, tmp_path: Path
) -> None:
    prepared = prepare_portfolio(hostile_journal)
    fetcher = JournalFetcher(hostile_journal.attachments_dir)
    out = tmp_path / "hostile.pdf"

    _render_in_time(prepared.html, prepared.stylesheets, out, fetcher)

    assert http_server.requests == []
    assert fetcher.log, "the bundled fonts should have been fetched"
    assert all(r.served and r.url.startswith("pmj-resource:") for r in fetcher.log), [
        r for r in fetcher.log if not r.url.startswith("pmj-resource:")
    ]
    assert unsafe_features(out) == []
    text = pdf_text(out)
    assert "Hostile project" in text and "Before" in text
    assert TOKEN not in text
    assert "FETCHED-FROM-SERVER" not in text
    flat = " ".join(text.split())
    assert "{{ 7 * 7 }} {% for x in range(3) %}LOOP{% endfor %}" in flat
    assert "LOOPLOOP" not in flat


def test_raw_hostile_html_is_stopped_by_the_fetcher_alone(
    http_server: RecordingServer, secrets_dir: Path, tmp_path: Path
) -> None:
    """No sanitiser here: WeasyPrint sees every payload, and only the fetcher stands guard."""
    body = "\n".join(f"<p>Before</p>{p}" for p in payloads(http_server.url, secrets_dir))
    html = f"<!DOCTYPE html><html><head><title>raw</title></head><body>{body}</body></html>"
    fetcher = JournalFetcher(tmp_path / "attachments")
    out = tmp_path / "raw.pdf"

    _render_in_time(html, (), out, fetcher)

    assert http_server.requests == []
    refused = [r.url for r in fetcher.refused]
    assert any(url.startswith(http_server.url) for url in refused)
    assert any(url.startswith("file://") and "secret" in url for url in refused)
    assert all(not r.served for r in fetcher.log)
    assert unsafe_features(out) == []
    text = pdf_text(out)
    assert "Before" in text
    assert TOKEN not in text and "FETCHED-FROM-SERVER" not in text
    hostname = Path("/etc/hostname")
    if hostname.exists() and len(hostname.read_text().strip()) >= 6:
        assert hostname.read_text().strip() not in text


def test_the_checks_catch_what_the_default_fetcher_lets_through(
    secrets_dir: Path, tmp_path: Path
) -> None:
    """Control: WeasyPrint's own fetcher embeds and imports local files, and we see it."""
    from weasyprint import HTML

    html = (
        f'<link rel="attachment" href="file://{secrets_dir}/secret.txt">'
        f'<style>@import url("file://{secrets_dir}/secret.css");</style><p>Before</p>'
    )
    out = tmp_path / "default.pdf"
    HTML(string=html).write_pdf(out)

    assert "object with /EmbeddedFiles" in unsafe_features(out)
    assert TOKEN in pdf_text(out)


def test_a_picture_from_the_attachments_folder_is_shown(journal: Journal, tmp_path: Path) -> None:
    """The one way in for images: a file in attachments/, named relative to it."""
    from PIL import Image

    journal.attachments_dir.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 20), "#336699").save(journal.attachments_dir / "funnel chart.png")
    approach = "![Funnel](attachments/funnel%20chart.png)"
    build.project(journal, "Funnel study", role="I drew it.", approach=approach, outcome="Shipped.")
    prepared = prepare_portfolio(journal)
    fetcher = JournalFetcher(journal.attachments_dir)
    out = tmp_path / "picture.pdf"
    _render_in_time(prepared.html, prepared.stylesheets, out, fetcher)

    assert image_count(out) == 1
    served = [r.url for r in fetcher.log if r.served and r.url.startswith("pmj-attachment:")]
    assert served == ["pmj-attachment:funnel%20chart.png"]
