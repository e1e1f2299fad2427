"""Tags on a real journal: unique names, rename and merge keep every entry's label, and deleting a
tag in use needs the explicit choice."""

from __future__ import annotations

import pytest

from pmjournal.domain.changes import Kind
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.errors import ValidationError
from pmjournal.services.records.entries import EntryDraft, add_entry, get_entry
from pmjournal.services.records.tags import (
    add_tag,
    delete_tag,
    get_tag,
    list_tags,
    merge_tags,
    rename_tag,
    tag_delete_impact,
)
from pmjournal.storage.database import Journal


def tags_of(journal: Journal, entry_id: int) -> tuple[str, ...]:
    entry = get_entry(journal, entry_id)
    assert entry is not None
    return entry.tags


def test_add_is_unique_ignoring_case_and_the_hash(journal: Journal) -> None:
    outcome = add_tag(journal, "#discovery")
    assert (outcome.value.name, outcome.value.entry_count) == ("discovery", 0)
    assert (Kind.TAG, outcome.value.id) in outcome.changes.created
    with pytest.raises(ValidationError, match="'discovery' exists already") as raised:
        add_tag(journal, "Discovery")
    assert raised.value.field == "name"
    with pytest.raises(ValidationError, match="a tag needs a name"):
        add_tag(journal, " # ")


def test_rename_keeps_every_entry_label(journal: Journal) -> None:
    first = add_entry(journal, EntryDraft("one", tags=["research"])).value
    second = add_entry(journal, EntryDraft("two", tags=["research", "q3"])).value
    renamed = rename_tag(journal, "Research", "user-research").value
    assert (renamed.name, renamed.entry_count) == ("user-research", 2)
    assert tags_of(journal, first.id) == ("user-research",)
    assert set(tags_of(journal, second.id)) == {"user-research", "q3"}
    with pytest.raises(ValidationError, match="merge the two tags instead"):
        rename_tag(journal, "q3", "USER-RESEARCH")


def test_an_unknown_tag_suggests_the_closest(journal: Journal) -> None:
    add_tag(journal, "discovery")
    with pytest.raises(ValidationError, match="did you mean 'discovery'") as raised:
        rename_tag(journal, "discovry", "x")
    assert raised.value.field == "tag"


def test_merge_labels_every_entry_once_and_deletes_the_source(journal: Journal) -> None:
    only_old = add_entry(journal, EntryDraft("a", tags=["ux"])).value
    both = add_entry(journal, EntryDraft("b", tags=["ux", "design"])).value
    only_new = add_entry(journal, EntryDraft("c", tags=["design"])).value
    outcome = merge_tags(journal, "ux", "Design")
    assert (outcome.value.name, outcome.value.entry_count) == ("design", 3)
    assert (Kind.ENTRY, only_old.id) in outcome.changes.updated
    assert (Kind.ENTRY, both.id) not in outcome.changes.updated
    for entry in (only_old, both, only_new):
        assert tags_of(journal, entry.id) == ("design",)
    assert [t.name for t in list_tags(journal).items] == ["design"]
    with pytest.raises(ValidationError, match="into itself"):
        merge_tags(journal, "design", "DESIGN")


def test_deleting_a_tag_in_use_needs_detach_and_keeps_the_entries(journal: Journal) -> None:
    entry = add_entry(journal, EntryDraft("kept", tags=["draft", "keep"])).value
    assert tag_delete_impact(journal, "draft").detached == {(Kind.ENTRY, entry.id)}
    with pytest.raises(ValidationError, match="would unlink 1 entry") as raised:
        delete_tag(journal, "draft", choice=DeleteChoice.REFUSE)
    assert raised.value.field == "choice"
    assert get_tag(journal, "draft").entry_count == 1
    outcome = delete_tag(journal, "draft", choice=DeleteChoice.DETACH)
    assert (Kind.ENTRY, entry.id) in outcome.changes.updated
    assert tags_of(journal, entry.id) == ("keep",)
    add_tag(journal, "unused")
    delete_tag(journal, "unused", choice=DeleteChoice.REFUSE)
    assert [t.name for t in list_tags(journal).items] == ["keep"]


def test_list_counts_entries_filters_and_pages(journal: Journal) -> None:
    for number in range(5):
        add_entry(journal, EntryDraft(f"entry {number}", tags=[f"t{number}", "all"]))
    page = list_tags(journal, limit=2, offset=1)
    assert page.total == 6
    assert [(t.name, t.entry_count) for t in page.items] == [("t0", 1), ("t1", 1)]
    assert [t.name for t in list_tags(journal, text="#al").items] == ["all"]
    assert list_tags(journal).items[0].entry_count == 5
