from __future__ import annotations

from datetime import date

from pmjournal.services.journal import Journal
from pmjournal.services.records.entries import EntryDraft, add_entry, recent_entries
from pmjournal.services.records.link_names import link_names


def test_names_come_most_recently_used_first(demo_journal: Journal) -> None:
    before = link_names(demo_journal)
    assert len(before.projects) >= 2 and len(before.skills) > 10
    newest = recent_entries(demo_journal, 1)[0]
    assert newest.projects == () or before.projects[0] in newest.projects
    rare_project = before.projects[-1]
    rare_skills = before.skills[-2:]
    add_entry(
        demo_journal,
        EntryDraft(
            text="Linked to the least recent names",
            day=date(2030, 1, 1),
            projects=(rare_project,),
            skills=rare_skills,
            tags=("zzz-new",),
        ),
    )
    after = link_names(demo_journal)
    assert after.projects[0] == rare_project
    assert set(after.skills[:2]) == set(rare_skills)
    assert after.tags[0] == "zzz-new"
    assert sorted(after.projects) == sorted(before.projects)


def test_an_empty_journal_offers_the_starter_skills_alphabetically(journal: Journal) -> None:
    names = link_names(journal)
    assert names.projects == () and names.tags == ()
    assert list(names.skills) == sorted(names.skills, key=str.casefold)
