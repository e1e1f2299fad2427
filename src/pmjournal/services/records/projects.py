"""Projects: create, update, delete, get and list the units of a case study.

A project is named by its name, unique without case. Its internship is named as
``domain.internships`` describes ("Title at Organisation", "Organisation" or "#ID").
"""

from __future__ import annotations

from datetime import date

from pmjournal.domain.changes import Changes, Kind, Outcome, Ref
from pmjournal.domain.deletion import DeleteChoice, DeleteImpact
from pmjournal.domain.field_checks import span_in_order, vocabulary
from pmjournal.domain.paging import DEFAULT_LIMIT, Page, PageRequest
from pmjournal.domain.projects import ProjectDraft, ProjectRecord, validate_project
from pmjournal.domain.records import EntryRecord
from pmjournal.domain.vocab import ProjectStatus
from pmjournal.services.records.attachments import prune_attachments
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import projects as repo
from pmjournal.storage.repos import timeline


def _internship(record: ProjectRecord) -> set[Ref]:
    return {(Kind.INTERNSHIP, record.internship_id)} if record.internship_id else set()


def add_project(journal: Journal, draft: ProjectDraft) -> Outcome[ProjectRecord]:
    """Save a new project; a taken name or an unknown internship saves nothing."""
    clean = validate_project(draft)
    with journal.transaction() as session:
        record = repo.load(session, repo.create(session, clean))
    changes = Changes.of(created={(Kind.PROJECT, record.id)}, updated=_internship(record))
    return published(journal, record, changes)


def update_project(
    journal: Journal, project_id: int, draft: ProjectDraft
) -> Outcome[ProjectRecord]:
    """Replace every field with the draft's (start from ``ProjectDraft.of(record)``).

    Renaming it, or changing whether it is confidential, changes how its entries, feedback
    and metrics show, so those are reported as updated too; so are the internships it left
    and joined, whose project counts moved.
    """
    clean = validate_project(draft)
    with journal.transaction() as session:
        before = repo.load(session, project_id)
        repo.update(session, project_id, clean)
        record = repo.load(session, project_id)
        shown_differently = (before.name, before.confidential) != (
            record.name,
            record.confidential,
        )
        linked = repo.linked_refs(session, project_id) if shown_differently else frozenset()
    updated = {(Kind.PROJECT, project_id), *linked}
    if before.internship_id != record.internship_id:
        updated |= _internship(before) | _internship(record)
    return published(journal, record, Changes.of(updated=updated))


def project_delete_impact(journal: Journal, project_id: int) -> DeleteImpact:
    """What deleting would affect: entries and feedback unlinked; metrics, evidence, bullets."""
    with journal.reading() as session:
        return repo.delete_impact(session, project_id)


def delete_project(journal: Journal, project_id: int, *, choice: DeleteChoice) -> Outcome[None]:
    """Delete; a project anything points at needs ``DeleteChoice.DETACH``.

    Detaching keeps its entries and feedback (unlinked from it) and deletes what only makes
    sense with the project: its metrics, its skill evidence and its edited résumé bullets. An
    attached file no other entry or project uses goes with it.
    """
    with journal.transaction() as session:
        impact = repo.delete_impact(session, project_id)
        impact.check(choice)
        repo.delete(session, project_id)
    deleted = published(journal, None, impact.changes())
    return Outcome(None, deleted.changes | prune_attachments(journal).changes)


def get_project(journal: Journal, project_id: int) -> ProjectRecord | None:
    with journal.reading() as session:
        return repo.get(session, project_id)


def find_project(journal: Journal, name: str) -> ProjectRecord:
    """The project a user names; an unknown name raises ``ValidationError`` with hints."""
    with journal.reading() as session:
        return repo.load(session, repo.id_by_name(session, name))


def list_projects(
    journal: Journal,
    *,
    internship: str | None = None,
    status: str | None = None,
    skill: str | None = None,
    tag: str | None = None,
    person: str | None = None,
    text: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> Page[ProjectRecord]:
    """Projects matching every filter given, newest start first (undated ones last).

    ``skill``: practised on the project or one of its entries; ``tag``: on one of its
    entries; ``person``: gave feedback about it; ``since``/``until``: it ran in that span.
    Unknown names are refused with suggestions, as when writing.
    """
    request = PageRequest(limit, offset)
    kind = vocabulary(status, ProjectStatus, "status") if status else None
    span_in_order(since, until)
    with journal.reading() as session:
        return repo.list_page(
            session,
            internship=internship,
            status=kind,
            skill=skill,
            tag=tag,
            person=person,
            text=text,
            since=since,
            until=until,
            request=request,
        )


def project_entries(
    journal: Journal, project_id: int, *, limit: int = DEFAULT_LIMIT, offset: int = 0
) -> Page[EntryRecord]:
    """The entries linked to a project, newest first: the project's timeline."""
    request = PageRequest(limit, offset)
    with journal.reading() as session:
        return timeline.project_entries(session, project_id, request)
