"""Rows other engineers' services own (people, projects, internships), written directly for
tests of the records that point at them."""

from __future__ import annotations

from datetime import date

from pmjournal.storage import models
from pmjournal.storage.database import Journal


def add_person(journal: Journal, name: str, relationship: str = "mentor") -> int:
    with journal.transaction() as session:
        person = models.Person(name=name, relationship_kind=relationship)
        session.add(person)
        session.flush()
        return person.id


def add_project(journal: Journal, name: str, internship_id: int | None = None) -> int:
    with journal.transaction() as session:
        project = models.Project(name=name, internship_id=internship_id)
        session.add(project)
        session.flush()
        return project.id


def add_internship(journal: Journal, organisation: str = "Northwind Health") -> int:
    with journal.transaction() as session:
        internship = models.Internship(
            organisation=organisation, title="PM Intern", start_date=date(2026, 6, 1)
        )
        session.add(internship)
        session.flush()
        return internship.id


def delete_project(journal: Journal, project_id: int) -> None:
    with journal.transaction() as session:
        project = session.get(models.Project, project_id)
        assert project is not None
        session.delete(project)
