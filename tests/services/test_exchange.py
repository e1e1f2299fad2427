"""JSON export and import through the services: round trip, validation paths, all or nothing."""

from __future__ import annotations

import copy
import json
import re
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import journal_builder as build
import pytest

from pmjournal.domain.changes import Changes
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.errors import ValidationError
from pmjournal.services.career.bullets import pin_bullet
from pmjournal.services.exchange.json_exchange import (
    build_document,
    import_document,
    load_document,
    write_document,
)
from pmjournal.services.exchange.schema import COLLECTIONS, PROFILE, TOP_LEVEL
from pmjournal.services.journal import Journal, open_journal
from pmjournal.services.records.entries import EntryDraft, add_entry, delete_entry
from pmjournal.services.records.internships import find_internship
from pmjournal.services.records.profile import get_profile, update_profile
from pmjournal.services.records.skills import (
    SkillDraft,
    add_skill_category,
    delete_skill,
    get_skill,
    list_skill_categories,
    list_skills,
    rename_skill,
    update_skill,
)
from pmjournal.services.records.tags import add_tag
from pmjournal.storage import migrate

DOCS = Path(__file__).resolve().parents[2] / "docs" / "format.md"


def record(journal: Journal) -> None:
    """A small journal touching every table, with the awkward values a backup must keep."""
    update_profile(
        journal,
        name="Ana Díaz",
        headline="Product intern · B2B",
        email="ana@example.com",
        links=["https://ana.example", "mailto:ana@example.com"],
    )
    add_skill_category(journal, "Craft 🛠")
    build.skill(journal, "Écriture", category="Craft 🛠", description="שלום\nworld")
    starter = get_skill(journal, "Prioritisation")
    edited = SkillDraft(starter.name, starter.category, "Edited by the user", starter.competency)
    update_skill(journal, starter.name, edited)
    delete_skill(journal, "Presenting", choice=DeleteChoice.REFUSE)
    build.internship(journal, "Acme", "Product intern", date(2026, 6, 1))
    build.project(
        journal,
        "Checkout",
        internship="Acme",
        problem="Drop-off at step 2",
        status="shipped",
        start_date=date(2026, 6, 8),
    )
    build.project(journal, "Search", status="planned")
    first = build.entry(
        journal,
        date(2026, 6, 9),
        "Ran 5 interviews 😀\r\n\n- bullet",
        kind="weekly",
        title="Week 2",
        projects=["Checkout", "Search"],
        tags=["discovery"],
    )
    second = build.entry(journal, date(2026, 6, 10), "Quiet day", projects=["Search"])
    add_tag(journal, "never-used")
    build.person(journal, "Bo", relationship="mentor", confidential=True)
    feedback = build.feedback_from(
        journal,
        "Say the number first.",
        date(2026, 6, 12),
        person="Bo",
        relationship="mentor",
        kind="constructive",
        projects=["Checkout"],
    )
    build.evidence_of(journal, "Écriture", "interviews", entry_id=first)
    build.evidence_of(journal, "Prioritisation", project="Checkout")
    build.evidence_of(journal, "Écriture", "writing", feedback_id=feedback)
    conversion = {"baseline": 42.0, "result": 51.5, "unit": "%", "measured_on": date(2026, 7, 1)}
    build.metric(journal, "Checkout", "Conversion", **conversion, entry_id=first, confidential=True)
    load = {"baseline_unit": "ms", "result": 1.1, "unit": "s", "better": "lower"}
    build.metric(journal, "Checkout", "Load time", **load)
    internship_id = find_internship(journal, "Acme").id
    ship = build.goal(
        journal,
        "Ship one project",
        internship=internship_id,
        target_date=date(2026, 8, 28),
        status="in_progress",
    )
    build.checkin(journal, ship, day=date(2026, 7, 1), note="half", progress=50)
    build.checkin(journal, ship, day=date(2026, 7, 15), note="no figure yet")
    build.goal(journal, "Learn SQL")
    pin_bullet(journal, "Checkout", 2, "Cut drop-off by 9 pts")
    build.edit_project(journal, "Checkout", confidential=True)
    delete_entry(journal, second)


def fill(journal: Journal, scratch: Path) -> None:
    """``record``'s journal, with times of day no service writes, imported into ``journal``."""

    def set_times(document: dict[str, Any]) -> None:
        checkout = build.record_of(document, "projects", "Checkout")
        checkout["created_at"] = "2026-06-08T09:12:00.250000"
        checkout["updated_at"] = "2026-06-09T10:00:00"

    build.import_edited(journal, scratch, record, set_times)


@pytest.fixture
def filled(journal: Journal, tmp_path: Path) -> Journal:
    fill(journal, tmp_path / "scratch")
    return journal


@pytest.fixture
def fresh(tmp_path: Path) -> Any:
    """Open new, empty journals on demand; all are closed at the end."""
    opened: list[Journal] = []

    def make(name: str = "fresh") -> Journal:
        opened.append(open_journal(tmp_path / name, auto_backup=False))
        return opened[-1]

    yield make
    for journal in opened:
        journal.close()


@pytest.fixture
def document(filled: Journal) -> dict[str, Any]:
    return build_document(filled)


def user_rows(journal: Journal) -> int:
    """Rows of every table an import writes, except the starter skills and categories."""
    document = build_document(journal)
    kept = [c.key for c in COLLECTIONS if c.key not in ("skill_categories", "skills")]
    rows = sum(len(document[key]) for key in kept)
    rows += sum(len(goal["checkins"]) for goal in document["goals"])
    return rows + (not get_profile(journal).is_empty)


def starter_skill_count(journal: Journal) -> int:
    return list_skills(journal).total


def test_the_document_holds_every_table_with_ids_links_and_confidential_flags(
    document: dict[str, Any],
) -> None:
    assert list(document) == list(TOP_LEVEL)
    assert "exported_at" not in document, "an export time would make two exports differ"
    assert document["schema_revision"] == migrate.HEAD
    checkout = document["projects"][0]
    assert checkout["confidential"] is True
    assert checkout["created_at"] == "2026-06-08T09:12:00.250000"
    entry = document["entries"][0]
    assert entry["project_ids"] == [1, 2]
    assert [t["name"] for t in document["tags"]] == ["discovery", "never-used"]
    assert len(document["entries"]) == 1, "the deleted entry is gone"
    assert [m["baseline"] for m in document["metrics"]] == [42.0, None]
    assert document["goals"][0]["checkins"][1]["progress"] is None
    assert document["people"][0]["relationship"] == "mentor"
    assert "Presenting" not in {s["name"] for s in document["skills"]}
    for key in [c.key for c in COLLECTIONS]:
        ids = [record["id"] for record in document[key]]
        assert ids == sorted(ids)


def test_import_into_an_empty_journal_then_export_gives_the_same_document(
    document: dict[str, Any], fresh: Callable[..., Journal], tmp_path: Path
) -> None:
    path = tmp_path / "journal.json"
    write_document(document, path)
    loaded = load_document(path)
    assert loaded == document
    target = fresh()
    heard: list[Changes] = []
    target.changes.subscribe(heard.append)
    summary = import_document(target, loaded).value
    assert heard == [Changes.everything()], "every view reloads after an import"
    again = build_document(target)
    assert json.dumps(again, ensure_ascii=False) == json.dumps(document, ensure_ascii=False)
    assert summary.counts["entry"] == 1
    assert summary.counts["check-in"] == 2
    assert "1 entry" in summary.line() and "2 goals" in summary.line()


def test_imported_records_are_searchable(
    document: dict[str, Any], fresh: Callable[..., Journal]
) -> None:
    from pmjournal.services.search import search_journal

    target = fresh()
    import_document(target, document)
    assert [hit.id for hit in search_journal(target, "interviews")] == [1]


def test_the_written_file_is_indented_utf8_with_a_final_newline(
    document: dict[str, Any], tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "out.json"
    path.write_text("an older export")
    write_document(document, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n  "format": "pmjournal",\n  "version": 3,')
    assert "😀" in text and "שלום" in text
    assert text.endswith("}\n")
    assert [p.name for p in folder.iterdir()] == ["out.json"], "no temporary file left behind"


def test_export_leaves_the_journal_writable(filled: Journal) -> None:
    """The export reads from one snapshot; the transaction it opens must end with it."""
    build_document(filled)
    record = add_entry(filled, EntryDraft(text="after the export")).value
    assert record.id > 0


def test_the_largest_id_imports_and_is_searchable(
    document: dict[str, Any], fresh: Callable[..., Journal]
) -> None:
    """2**61 - 1 is the last id whose search-index rowid (id * 4 + kind) fits in 64 bits."""
    from pmjournal.services.search import search_journal

    largest = 2**61 - 1
    document["entries"][0]["id"] = largest
    document["evidence"][0]["entry_id"] = largest
    document["metrics"][0]["entry_id"] = largest
    target = fresh()
    import_document(target, document)
    assert [hit.id for hit in search_journal(target, "interviews")] == [largest]


def test_timestamps_with_an_offset_are_stored_as_utc(
    document: dict[str, Any], fresh: Callable[..., Journal]
) -> None:
    document["projects"][0]["created_at"] = "2026-06-08T11:12:00+02:00"
    target = fresh()
    import_document(target, document)
    assert build_document(target)["projects"][0]["created_at"] == "2026-06-08T09:12:00"


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """A change that sets the value at a JSON path like ``entries[0].date``."""

    def change(doc: dict[str, Any]) -> None:
        *parents, last = re.findall(r"[^.\[\]]+", path)
        target: Any = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for part in parents:
            name, _, index = part.partition("[")
            target = target[name] if not index else target[name][int(index[:-1])]
        del target[last]

    return change


INVALID: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    ("bad date", _set("entries[0].date", "2026-02-30"), "entries[0].date", "not a valid date"),
    ("date format", _set("entries[0].date", "20260601"), "entries[0].date", "YYYY-MM-DD"),
    ("digits", _set("entries[0].date", "٢٠٢٦-٠٦-٠١"), "entries[0].date", "not a valid date"),
    ("missing name", _delete("projects[1].name"), "projects[1].name", "missing"),
    ("unknown ref", _set("metrics[0].project_id", 9), "metrics[0].project_id", "no project"),
    ("unknown tag", _set("entries[0].tag_ids", [99]), "entries[0].tag_ids[0]", "no tag with id"),
    ("repeat link", _set("entries[0].project_ids", [1, 1]), "entries[0].project_ids[1]", "twice"),
    ("duplicate id", _set("projects[1].id", 1), "projects[1].id", "duplicate id 1"),
    ("name case", _set("projects[1].name", "CHECKOUT"), "projects[1].name", "already the name"),
    ("format", _set("format", "jrnl"), "format", "not a pmjournal export"),
    ("newer", _set("version", 4), "version", "upgrade pmjournal"),
    ("older", _set("version", 0), "version", "unknown format version"),
    ("version type", _set("version", "1"), "version", "expected a whole number"),
    ("unknown top key", _set("notes", []), "notes", "unknown field"),
    ("unknown key", _set("entries[0].titel", "x"), "entries[0].titel", "unknown field"),
    ("missing list", _delete("goals"), "goals", "missing"),
    ("not a list", _set("entries", {}), "entries", "expected a list"),
    ("two sources", _set("evidence[0].project_id", 1), "evidence[0]", "exactly one"),
    ("no source", _set("evidence[0].entry_id", None), "evidence[0]", "exactly one"),
    ("number type", _set("metrics[0].baseline", "42"), "metrics[0].baseline", "expected a number"),
    ("bool type", _set("projects[0].confidential", 1), "projects[0].confidential", "true or false"),
    ("vocabulary", _set("entries[0].kind", "monthly"), "entries[0].kind", "not one of"),
    ("not null", _set("entries[0].title", None), "entries[0].title", "must not be null"),
    ("id type", _set("tags[0].id", True), "tags[0].id", "positive whole number"),
    ("id range", _set("tags[0].id", 2**63), "tags[0].id", "too large"),
    ("entry id", _set("entries[0].id", 2**61), "entries[0].id", "largest is 2305843009213693951"),
    ("project id", _set("projects[1].id", 2**61), "projects[1].id", "too large"),
    ("feedback id", _set("feedback[0].id", 2**61), "feedback[0].id", "too large"),
    ("ref id", _set("evidence[0].entry_id", 2**61), "evidence[0].entry_id", "too large"),
    ("huge number", _set("metrics[0].result", 10**400), "metrics[0].result", "too large for a"),
    (
        "before year 1",
        _set("entries[0].created_at", "0001-01-01T00:00:00+01:00"),
        "entries[0].created_at",
        "outside the years 1 to 9999 in UTC",
    ),
    (
        "after 9999",
        _set("projects[0].updated_at", "9999-12-31T23:30:00-01:00"),
        "projects[0].updated_at",
        "outside the years 1 to 9999 in UTC",
    ),
    ("int range", _set("metrics[0].position", -(2**64)), "metrics[0].position", "whole number"),
    ("checkin", _set("goals[0].checkins[1].date", "x"), "goals[0].checkins[1].date", "date"),
    ("checkin id", _set("goals[0].checkins[1].id", 1), "goals[0].checkins[1].id", "duplicate"),
    ("timestamp", _set("entries[0].created_at", "2026-06-09 17:02"), "entries[0].created_at", ""),
    ("links", _set("profile.links", "https://x"), "profile.links", "expected a list"),
    ("link item", _set("profile.links[0]", 7), "profile.links[0]", "expected a string"),
    ("profile", _delete("profile"), "profile", "missing"),
]


@pytest.mark.parametrize(
    ("change", "field", "words"), [case[1:] for case in INVALID], ids=[c[0] for c in INVALID]
)
def test_an_invalid_document_names_the_path_and_writes_nothing(
    document: dict[str, Any],
    fresh: Callable[..., Journal],
    change: Callable[[dict[str, Any]], None],
    field: str,
    words: str,
) -> None:
    bad = copy.deepcopy(document)
    change(bad)
    target = fresh()
    with pytest.raises(ValidationError) as raised:
        import_document(target, bad)
    assert raised.value.field == field
    assert words in raised.value.message
    assert "\n" not in str(raised.value)
    assert user_rows(target) == 0
    assert starter_skill_count(target) == 21


def test_odd_keys_and_long_values_still_give_one_line(document: dict[str, Any]) -> None:
    from pmjournal.services.exchange.validation import validate_document

    odd = copy.deepcopy(document)
    odd["entries"][0]["ti\ntle"] = "x"
    with pytest.raises(ValidationError) as raised:
        validate_document(odd)
    assert raised.value.field == 'entries[0]["ti\\ntle"]'
    long = copy.deepcopy(document)
    long["entries"][0]["kind"] = "word\n" * 1000
    with pytest.raises(ValidationError) as raised:
        validate_document(long)
    assert "\n" not in str(raised.value) and len(str(raised.value)) < 120


def test_a_document_that_is_not_an_object_is_refused() -> None:
    from pmjournal.services.exchange.validation import validate_document

    with pytest.raises(ValidationError, match="expected an object, got a list") as raised:
        validate_document([])
    assert raised.value.field == "document"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"format": "pmjournal",\n  "version": 1,}', "not valid JSON: Expecting property name"),
        (b"", "not valid JSON: Expecting value at line 1, column 1"),
        (b"\xff\xfe{}", "not UTF-8 text (byte 0)"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"version": ' + b"1" * 5000 + b"}", "not valid JSON: a number has too many digits"),
    ],
    ids=["trailing comma", "empty", "not utf-8", "deep", "5000 digits"],
)
def test_a_file_that_is_not_json_names_the_file(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=re.escape(words)) as raised:
        load_document(path)
    assert raised.value.field == str(path)


def test_json_errors_give_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "format": "pmjournal",\n  "version": 1,\n}\n')
    with pytest.raises(ValidationError, match=r"at line 4, column 1$"):
        load_document(path)


@pytest.mark.parametrize(
    ("number", "words"),
    [("NaN", "not a finite number"), ("1" + "0" * 400, "too large for a number")],
    ids=["NaN", "1e400 as a whole number"],
)
def test_numbers_a_float_cannot_hold_are_refused_with_their_path(
    document: dict[str, Any], tmp_path: Path, number: str, words: str
) -> None:
    text = json.dumps(document).replace('"baseline": 42.0', f'"baseline": {number}')
    path = tmp_path / "number.json"
    path.write_text(text)
    with pytest.raises(ValidationError, match=words) as raised:
        load_document(path)
    assert raised.value.field == "metrics[0].baseline"
    assert len(str(raised.value)) < 120


def test_lone_surrogates_are_refused(document: dict[str, Any], tmp_path: Path) -> None:
    text = json.dumps(document).replace('"Week 2"', '"Week \\ud800"')
    path = tmp_path / "surrogate.json"
    path.write_text(text)
    with pytest.raises(ValidationError, match="surrogate") as raised:
        load_document(path)
    assert raised.value.field == "entries[0].title"


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="no such file"):
        load_document(tmp_path / "nope.json")


@pytest.mark.parametrize(
    "occupy",
    [
        lambda j: add_entry(j, EntryDraft(text="mine")).value,
        lambda j: update_profile(j, name="Someone"),
        lambda j: _rename_skill(j, "Prioritisation", "Saying no"),
    ],
    ids=["entry", "profile", "edited starter skill"],
)
def test_a_journal_with_user_content_is_refused_and_unchanged(
    document: dict[str, Any], fresh: Callable[..., Journal], occupy: Callable[[Journal], Any]
) -> None:
    target = fresh()
    occupy(target)
    before = build_document(target)
    with pytest.raises(ValidationError, match="the journal is not empty") as raised:
        import_document(target, document)
    assert raised.value.field == "journal"
    assert build_document(target) == before


def _rename_skill(journal: Journal, old: str, new: str) -> None:
    rename_skill(journal, old, new)


def test_deleted_starter_skills_and_a_blank_profile_still_count_as_empty(
    document: dict[str, Any], fresh: Callable[..., Journal]
) -> None:
    target = fresh()
    update_profile(target, name="")
    delete_skill(target, "Presenting", choice=DeleteChoice.REFUSE)
    import_document(target, document)
    assert build_document(target) == document


def test_a_failure_half_way_through_the_import_writes_nothing(
    document: dict[str, Any], fresh: Callable[..., Journal]
) -> None:
    """The last table refuses its rows (a real SQLite trigger); everything before must go too."""
    target = fresh()
    connection = sqlite3.connect(target.path)
    connection.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON resume_bullets BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    connection.commit()
    connection.close()
    with pytest.raises(Exception, match="no"):
        import_document(target, document)
    assert user_rows(target) == 0
    assert starter_skill_count(target) == 21
    assert len(list_skill_categories(target)) == 5


def test_write_document_refuses_a_folder_a_missing_parent_a_device_and_the_journal(
    document: dict[str, Any], filled: Journal, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="is a folder"):
        write_document(document, tmp_path)
    with pytest.raises(ValidationError, match="does not exist"):
        write_document(document, tmp_path / "missing" / "out.json")
    with pytest.raises(ValidationError, match="not a regular file"):
        write_document(document, Path("/dev/null"))
    before = filled.path.read_bytes()
    for database_file in filled.files:
        with pytest.raises(ValidationError, match="the journal itself") as raised:
            write_document(document, database_file, protected=filled.files)
        assert raised.value.field == "out"
    assert filled.path.read_bytes() == before


def test_write_document_through_a_symlink_keeps_the_link(
    document: dict[str, Any], tmp_path: Path
) -> None:
    real = tmp_path / "real.json"
    real.write_text("an older export")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_document(document, link)
    assert link.is_symlink() and link.resolve() == real
    assert load_document(real) == document


def test_the_format_page_lists_every_field() -> None:
    page = DOCS.read_text(encoding="utf-8")
    for key in TOP_LEVEL:
        assert f"`{key}`" in page, key
    for field in PROFILE:
        assert f"`{field.key}`" in page, field.key
    for collection in COLLECTIONS:
        heading = f"### `{collection.key}[]`"
        assert heading in page, heading
        section = page.split(heading, 1)[1].split("\n### ", 1)[0]
        for field in collection.fields:
            assert f"`{field.key}`" in section, f"{collection.key}.{field.key}"
        if collection.child:
            for field in collection.child.fields:
                assert f"`{field.key}`" in section, f"checkins.{field.key}"


def test_the_example_in_the_format_page_imports(fresh: Callable[..., Journal]) -> None:
    page = DOCS.read_text(encoding="utf-8")
    example = json.loads(page.split("```json\n", 1)[1].split("\n```", 1)[0])
    target = fresh()
    assert "1 entry" in import_document(target, example).value.line()


def test_the_demo_journal_round_trips(demo_journal: Journal, fresh: Callable[..., Journal]) -> None:
    document = build_document(demo_journal)
    assert document["entries"] and document["metrics"] and document["feedback"]
    target = fresh()
    import_document(target, document)
    assert build_document(target) == document
