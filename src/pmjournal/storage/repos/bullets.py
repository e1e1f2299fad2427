"""The résumé bullets a user edited: pinned wording stored per project and position."""

from __future__ import annotations

from sqlalchemy.orm import Session

from pmjournal.domain.errors import ValidationError
from pmjournal.storage import models
from pmjournal.storage.lookup import project_by_name


def _project_for_edit(session: Session, project_name: str) -> models.Project:
    project = project_by_name(session, project_name)
    if project.confidential:
        raise ValidationError(
            f"project {project.name!r} is confidential; its bullets are never exported", "project"
        )
    return project


def pin(session: Session, project_name: str, position: int, text: str) -> tuple[int, int, bool]:
    """Store ``text`` pinned at ``position``; returns the bullet id, the project id and
    whether the row is new (pinning the same place again replaces the text)."""
    project = _project_for_edit(session, project_name)
    rows = [b for b in project.bullets if b.position == position]
    if rows:
        row = rows[-1]
        row.text, row.pinned = text, True
    else:
        row = models.ResumeBullet(position=position, text=text, pinned=True)
        project.bullets.append(row)
    session.flush()
    return row.id, project.id, not rows


def unpin(session: Session, project_name: str, position: int) -> tuple[list[int], int]:
    """Unpin the bullet at ``position``, keeping its text; returns the bullet ids and the
    project id."""
    project = _project_for_edit(session, project_name)
    rows = [b for b in project.bullets if b.position == position and b.pinned]
    if not rows:
        raise ValidationError(
            f"bullet {position + 1} of {project.name!r} is not pinned", "position"
        )
    for row in rows:
        row.pinned = False
    session.flush()
    return [row.id for row in rows], project.id
