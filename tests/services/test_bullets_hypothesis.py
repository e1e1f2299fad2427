"""Property: for any journal, bullet generation never crashes and never invents a number.

Every figure in a bullet must be one the user wrote about that same project (in its text or
name, or a metric name), one of its recorded metric values, or a change ``domain.metrics``
computed from them; and a metric whose note disowns its change is never a bullet's.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journal_builder import case_study, internship

from pmjournal.domain.bullet_lint import PLAIN_VERBS, STRONG_VERBS, WEAK_OPENERS
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.metric_records import MetricDraft, validate_metric
from pmjournal.domain.metrics import (
    Quantity,
    compute_change,
    format_absolute,
    format_number,
    format_percent,
)
from pmjournal.domain.sentences import clean_markdown
from pmjournal.domain.vocab import Direction
from pmjournal.services.career.bullets import load_bullets, render_markdown, render_text
from pmjournal.services.career.json_resume import render_json_resume
from pmjournal.services.journal import Journal, open_journal

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
UNITS = ["", "%", "s", "ms", "min", "h", "days", "$", "€", "x", "users", "tickets/week", "kb", "mb"]
DISOWNING = ("The change is not this project's alone.", "Other changes shipped that week.")
NOTES = ("", "Weekly average over May.", *DISOWNING)
TEXT_FIELDS = ("summary", "context", "problem", "role", "approach", "outcome", "expected_result")


def recordable(fields: dict) -> bool:
    """Whether ``add_metric`` takes these fields: a user cannot save a metric without a value,
    with a blank name or with a baseline in a unit its result cannot be compared with."""
    try:
        validate_metric(MetricDraft(project="P", **fields))
    except ValidationError:
        return False
    return True


verbs = st.sampled_from(
    [p for _, p in STRONG_VERBS + PLAIN_VERBS] + [b for b, _ in STRONG_VERBS] + list(WEAK_OPENERS)
)
numbers = st.one_of(
    st.integers(-5000, 5_000_000).map(str),
    st.floats(-1e6, 1e6, allow_nan=False).map(lambda v: f"{v:.3g}"),
    st.integers(1000, 9_999_999).map(lambda v: f"{v:,}"),
)
words = st.one_of(
    st.sampled_from(["the", "users", "spec", "with", "my", "our", "team", "by", "using", "p75"]),
    numbers,
)
clause = st.builds(
    lambda verb, rest: " ".join([verb, *rest]), verbs, st.lists(words, min_size=0, max_size=6)
)
sentence = st.builds(
    lambda subject, parts, joiner, end: subject + joiner.join(parts) + end,
    st.sampled_from(["", "I ", "We ", "My role was to ", "As the PM intern, I ", "I was "]),
    st.lists(clause, min_size=1, max_size=4),
    st.sampled_from([", ", " and ", ", and ", "; ", " then "]),
    st.sampled_from([".", "", "!", ". Then 3 more."]),
)
free_text = st.one_of(
    st.just(""),
    st.text(max_size=60),
    st.lists(sentence, min_size=1, max_size=3).map(" ".join),
    st.lists(sentence, min_size=1, max_size=3).map(lambda s: "\n".join(f"- **{x}**" for x in s)),
)
values = st.one_of(
    st.none(),
    st.integers(-1000, 100_000).map(float),
    st.floats(-1e7, 1e7, allow_nan=False, allow_infinity=False),
)
metric = st.fixed_dictionaries(
    {
        "name": st.one_of(st.text(min_size=1, max_size=20), st.sampled_from(["NPS", "D7 users"])),
        "baseline": values,
        "result": values,
        "unit": st.sampled_from(UNITS),
        "baseline_unit": st.one_of(st.none(), st.sampled_from(UNITS)),
        "better": st.sampled_from(["higher", "lower"]),
        "note": st.sampled_from(NOTES),
    }
).filter(recordable)
project = st.fixed_dictionaries(
    {
        **{field: free_text for field in TEXT_FIELDS},
        "name": st.text(min_size=1, max_size=30).filter(str.strip),
        "metrics": st.lists(metric, max_size=4),
        "in_internship": st.booleans(),
    }
)


def normalised(text: str) -> set[str]:
    return {n.replace(",", "") for n in NUMBER.findall(text)}


def allowed_numbers(projects: list[dict]) -> set[str]:
    """Every figure the journal holds or that the metric arithmetic derives from it."""
    found: set[str] = set()
    for p in projects:
        for text in (p["name"], *(p[f] for f in TEXT_FIELDS)):
            found |= normalised(text) | normalised(clean_markdown(text))
            found |= {n for line in text.splitlines() for n in normalised(clean_markdown(line))}
        for m in p["metrics"]:
            found |= normalised(m["name"])
            result = Quantity(m["result"], m["unit"]) if m["result"] is not None else None
            baseline = None
            if m["baseline"] is not None:
                baseline = Quantity(m["baseline"], m["baseline_unit"] or m["unit"])
            for quantity in (baseline, result):
                if quantity is not None:
                    found |= normalised(format_number(quantity.value))
            change = compute_change(baseline, result, Direction(m["better"]))
            if change.percent is not None:
                found |= normalised(format_percent(change.percent))
            if change.absolute is not None:
                found |= normalised(format_absolute(change))
    return found


def fill(journal: Journal, projects: list[dict]) -> list[int]:
    """Record ``projects`` through the services; their ids, in the same order. The text fields
    are kept as the service stored them (trimmed), so the allowed numbers are the saved ones."""
    internship(journal, "Org", "Intern", date(2026, 6, 1))
    ids = []
    for index, p in enumerate(projects):
        for field in TEXT_FIELDS:
            p[field] = p[field].strip()
        ids.append(
            case_study(
                journal,
                p["name"],
                internship="Org" if p["in_internship"] else None,
                start_date=date(2026, 6, 1 + index),
                metrics=p["metrics"],
                **{field: p[field] for field in TEXT_FIELDS},
            )
        )
    return ids


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(project, min_size=1, max_size=3))
def test_bullets_never_crash_and_never_invent_a_number(tmp_path: Path, projects: list[dict]):
    for index, p in enumerate(projects):
        p["name"] = f"{p['name']} {index}"
    with TemporaryDirectory(dir=tmp_path) as folder:
        journal = open_journal(Path(folder), auto_backup=False)
        try:
            written = dict(zip(fill(journal, projects), projects, strict=True))
            check_bullets(journal, written)
        finally:
            journal.close()


def check_bullets(journal: Journal, written: dict[int, dict]) -> None:
    """Every bullet of every project holds only the numbers its project was written with."""
    for ascii_only in (False, True):
        report = load_bullets(journal, ascii_only=ascii_only)
        for render in (render_text, render_markdown, render_json_resume):
            assert render(report)
        for group in report.projects:
            allowed = allowed_numbers([written[group.project.id]])
            disowned = {m.id for m in group.project.metrics if m.note in DISOWNING}
            assert 1 <= len(group.bullets) <= 3
            for bullet in group.bullets:
                assert bullet.text.strip()
                invented = normalised(bullet.text) - allowed
                assert not invented, (bullet.text, invented)
                assert not {e.id for e in bullet.evidence if e.kind == "metric"} & disowned
