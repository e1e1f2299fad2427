"""Metrics: create, update, delete, get and list measured results, change included.

Every record carries its change computed by ``domain.metrics``, so the CLI, the GUI and the
outputs print the same figure. A metric is named by its id: one project may measure the same
thing twice (before and after a rollout).
"""

from __future__ import annotations

from datetime import date

from pmjournal.domain.changes import Changes, Kind, Outcome
from pmjournal.domain.field_checks import span_in_order
from pmjournal.domain.metric_records import MetricDraft, MetricRecord, validate_metric
from pmjournal.domain.paging import DEFAULT_LIMIT, Page, PageRequest
from pmjournal.services.records.published import published
from pmjournal.storage.database import Journal
from pmjournal.storage.repos import metrics as repo


def add_metric(journal: Journal, draft: MetricDraft) -> Outcome[MetricRecord]:
    """Save a new metric, last in its project; an unknown project or entry saves nothing."""
    clean = validate_metric(draft)
    with journal.transaction() as session:
        record = repo.load(session, repo.create(session, clean))
    changes = Changes.of(
        created={(Kind.METRIC, record.id)}, updated={(Kind.PROJECT, record.project_id)}
    )
    return published(journal, record, changes)


def update_metric(journal: Journal, metric_id: int, draft: MetricDraft) -> Outcome[MetricRecord]:
    """Replace every field with the draft's (start from ``MetricDraft.of(record)``)."""
    clean = validate_metric(draft)
    with journal.transaction() as session:
        project_before = repo.update(session, metric_id, clean)
        record = repo.load(session, metric_id)
    updated = {(Kind.METRIC, metric_id), (Kind.PROJECT, record.project_id)}
    updated.add((Kind.PROJECT, project_before))
    return published(journal, record, Changes.of(updated=updated))


def delete_metric(journal: Journal, metric_id: int) -> Outcome[None]:
    """Delete a metric; nothing else points at one, so no choice is needed."""
    with journal.transaction() as session:
        project_id = repo.delete(session, metric_id)
    changes = Changes.of(deleted={(Kind.METRIC, metric_id)}, updated={(Kind.PROJECT, project_id)})
    return published(journal, None, changes)


def get_metric(journal: Journal, metric_id: int) -> MetricRecord | None:
    with journal.reading() as session:
        return repo.get(session, metric_id)


def find_metric(journal: Journal, metric_id: int) -> MetricRecord:
    """The metric with this id, or ``ValidationError`` saying there is none."""
    with journal.reading() as session:
        return repo.load(session, metric_id)


def list_metrics(
    journal: Journal,
    *,
    project: str | None = None,
    internship: str | None = None,
    text: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> Page[MetricRecord]:
    """Metrics by project, in each project's order; ``since``/``until`` bound ``measured_on``."""
    request = PageRequest(limit, offset)
    span_in_order(since, until)
    with journal.reading() as session:
        return repo.list_page(
            session,
            project=project,
            internship=internship,
            text=text,
            since=since,
            until=until,
            request=request,
        )
