"""Skills, categories and evidence on a real journal: unique names, renames and merges keep
every link, and deleting a skill moves its evidence or refuses."""

from __future__ import annotations

import pytest
from seed_rows import add_project

from pmjournal.domain.changes import Kind
from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.errors import ValidationError
from pmjournal.services.records.entries import EntryDraft, add_entry, get_entry
from pmjournal.services.records.evidence import (
    EvidenceSource,
    add_evidence,
    delete_evidence,
    list_evidence,
    update_evidence,
)
from pmjournal.services.records.feedback import FeedbackDraft, add_feedback, get_feedback
from pmjournal.services.records.skills import (
    SkillDraft,
    add_skill,
    add_skill_category,
    delete_skill,
    delete_skill_category,
    get_skill,
    list_skill_categories,
    list_skills,
    merge_skills,
    rename_skill,
    rename_skill_category,
    skill_category_delete_impact,
    skill_delete_impact,
    update_skill,
)
from pmjournal.storage.database import Journal


def test_a_new_skill_in_a_category_with_a_competency(journal: Journal) -> None:
    outcome = add_skill(
        journal,
        SkillDraft("  SQL  dashboards ", category="analytical", competency="Data fluency"),
    )
    skill = outcome.value
    assert (skill.name, skill.category, skill.competency) == (
        "SQL dashboards",
        "Analytical",
        "Data fluency",
    )
    assert skill.evidence_count == 0
    assert (Kind.SKILL, skill.id) in outcome.changes.created
    assert get_skill(journal, "sql dashboards") == skill


@pytest.mark.parametrize("name", ["roadmapping", "ROADMAPPING", " Roadmapping "])
def test_a_skill_name_in_use_is_refused_ignoring_case(journal: Journal, name: str) -> None:
    with pytest.raises(ValidationError, match="'Roadmapping' exists already") as raised:
        add_skill(journal, SkillDraft(name))
    assert raised.value.field == "name"


def test_an_empty_name_and_an_unknown_category_are_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="needs a name"):
        add_skill(journal, SkillDraft("  "))
    with pytest.raises(ValidationError, match="did you mean 'Analytical'") as raised:
        add_skill(journal, SkillDraft("Excel", category="Analytic"))
    assert raised.value.field == "category"
    assert list_skills(journal, text="excel").total == 0


def test_an_unknown_skill_suggests_the_closest(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="did you mean 'Roadmapping'"):
        get_skill(journal, "Roadmaping")


def test_rename_keeps_entry_and_feedback_links(journal: Journal) -> None:
    entry = add_entry(journal, EntryDraft("Planned Q3", skills=["Roadmapping"])).value
    feedback = add_feedback(journal, FeedbackDraft("Clear plan", skills=["Roadmapping"])).value
    renamed = rename_skill(journal, "roadmapping", "Road-mapping").value
    assert renamed.name == "Road-mapping" and renamed.evidence_count == 2
    assert get_entry(journal, entry.id).skills == ("Road-mapping",)  # type: ignore[union-attr]
    assert get_feedback(journal, feedback.id).skills == ("Road-mapping",)  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="exists already"):
        rename_skill(journal, "Road-mapping", "prioritisation")
    rename_skill(journal, "Road-mapping", "ROAD-MAPPING")
    assert get_skill(journal, "road-mapping").name == "ROAD-MAPPING"


def test_update_overwrites_description_category_and_competency(journal: Journal) -> None:
    updated = update_skill(
        journal, "Presenting", SkillDraft("Presenting", "Execution", "Readouts", "Influence")
    ).value
    assert (updated.category, updated.description, updated.competency) == (
        "Execution",
        "Readouts",
        "Influence",
    )


def test_merge_moves_every_note_and_joins_notes_about_the_same_source(journal: Journal) -> None:
    project_id = add_project(journal, "Onboarding")
    both = add_entry(journal, EntryDraft("Sized the market", skills=["Market research"])).value
    only_source = add_entry(
        journal, EntryDraft("Read reviews", skills=["Competitive analysis"])
    ).value
    add_evidence(journal, "Market research", EvidenceSource(project="Onboarding"), "TAM model")
    [mine] = list_evidence(journal, skill="Market research", entry_id=both.id).items
    update_evidence(journal, mine.id, "Sized the market")
    add_evidence(journal, "Competitive analysis", EvidenceSource(entry_id=both.id), "Compared")

    outcome = merge_skills(journal, "Competitive analysis", "market research")

    merged = outcome.value
    assert merged.name == "Market research" and merged.evidence_count == 3
    notes = {
        (e.source, e.source_id): e.note for e in list_evidence(journal, skill=merged.name).items
    }
    assert notes == {
        ("entry", both.id): "Sized the market; Compared",
        ("entry", only_source.id): "",
        ("project", project_id): "TAM model",
    }
    assert (Kind.SKILL, merged.id) in outcome.changes.updated
    with pytest.raises(ValidationError, match="no skill named 'Competitive analysis'"):
        get_skill(journal, "Competitive analysis")
    assert get_entry(journal, only_source.id).skills == ("Market research",)  # type: ignore[union-attr]


def test_merging_a_skill_into_itself_is_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="into itself"):
        merge_skills(journal, "Roadmapping", "roadmapping")


def test_deleting_a_skill_with_evidence_refuses_or_moves_it(journal: Journal) -> None:
    entry = add_entry(journal, EntryDraft("Ran a survey", skills=["User research"])).value
    impact = skill_delete_impact(journal, "User research")
    assert impact.summary() == "deleting it would delete 1 skill evidence with it"
    assert (Kind.ENTRY, entry.id) in impact.touched
    with pytest.raises(ValidationError, match="'User research' is in use") as raised:
        delete_skill(journal, "User research", choice=DeleteChoice.REFUSE)
    assert raised.value.field == "choice"
    assert get_skill(journal, "User research").evidence_count == 1
    with pytest.raises(ValidationError, match="name the skill to move them to"):
        delete_skill(journal, "User research", choice=DeleteChoice.MOVE)

    outcome = delete_skill(
        journal, "User research", choice=DeleteChoice.MOVE, move_to="Customer-centric thinking"
    )

    assert (Kind.SKILL, get_skill(journal, "Customer-centric thinking").id) in (
        outcome.changes.updated
    )
    assert get_entry(journal, entry.id).skills == ("Customer-centric thinking",)  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="did you mean"):
        delete_skill(journal, "User research", choice=DeleteChoice.REFUSE)


def test_detaching_a_skill_deletes_its_notes_and_keeps_the_entries(journal: Journal) -> None:
    entry = add_entry(journal, EntryDraft("Ran a survey", skills=["User research"])).value
    outcome = delete_skill(journal, "User research", choice=DeleteChoice.DETACH)
    assert get_entry(journal, entry.id).skills == ()  # type: ignore[union-attr]
    assert Kind.EVIDENCE in {k for k, _ in outcome.changes.deleted}
    assert (Kind.ENTRY, entry.id) in outcome.changes.updated


def test_deleting_a_skill_without_evidence_needs_no_choice(journal: Journal) -> None:
    before = list_skills(journal).total
    delete_skill(journal, "Prototyping", choice=DeleteChoice.REFUSE)
    assert list_skills(journal).total == before - 1


def test_list_skills_filters_and_pages(journal: Journal) -> None:
    page = list_skills(journal, category="People", limit=2)
    assert page.total == 5
    assert [s.name for s in page.items] == ["Communication", "Cross-functional collaboration"]
    assert [s.name for s in list_skills(journal, text="roadmap").items] == ["Roadmapping"]


def test_categories_unique_renamed_and_deleted_only_empty_or_moving(journal: Journal) -> None:
    added = add_skill_category(journal, "Design").value
    assert added.position == 6 and added.skills == ()
    with pytest.raises(ValidationError, match="exists already"):
        add_skill_category(journal, "design")
    rename_skill_category(journal, "Design", "Design craft")
    add_skill(journal, SkillDraft("Wireframing", category="Design craft"))
    assert skill_category_delete_impact(journal, "Design craft").summary() == (
        "deleting it would unlink 1 skill (kept)"
    )
    with pytest.raises(ValidationError, match="'Design craft' is in use"):
        delete_skill_category(journal, "Design craft", choice=DeleteChoice.REFUSE)
    delete_skill_category(journal, "Design craft", choice=DeleteChoice.MOVE, move_to="Technical")
    assert get_skill(journal, "Wireframing").category == "Technical"
    add_skill_category(journal, "Loose")
    add_skill(journal, SkillDraft("Sketching", category="Loose"))
    delete_skill_category(journal, "Loose", choice=DeleteChoice.DETACH)
    assert get_skill(journal, "Sketching").category is None
    names = [c.name for c in list_skill_categories(journal)]
    assert "Design craft" not in names and names[0] == "Strategy & discovery"


def test_evidence_comes_from_exactly_one_source_once_per_skill(journal: Journal) -> None:
    add_project(journal, "Pricing")
    with pytest.raises(ValidationError, match="exactly one"):
        add_evidence(journal, "Roadmapping", EvidenceSource())
    with pytest.raises(ValidationError, match="exactly one"):
        add_evidence(journal, "Roadmapping", EvidenceSource(entry_id=1, project="Pricing"))
    with pytest.raises(ValidationError, match="no entry with id 5"):
        add_evidence(journal, "Roadmapping", EvidenceSource(entry_id=5))
    first = add_evidence(journal, "Roadmapping", EvidenceSource(project="pricing"), "Plan").value
    assert (first.skill, first.source, first.label, first.note) == (
        "Roadmapping",
        "project",
        "Pricing",
        "Plan",
    )
    with pytest.raises(ValidationError, match="already has evidence"):
        add_evidence(journal, "Roadmapping", EvidenceSource(project="Pricing"))
    delete_evidence(journal, first.id)
    assert list_evidence(journal, project="Pricing").total == 0
    with pytest.raises(ValidationError, match="no evidence with id"):
        delete_evidence(journal, first.id)
