"""Records other tests point at (people, projects, internships), made through the services
so a test journal is built the way a user's is."""

from __future__ import annotations

from datetime import date

from pmjournal.domain.deletion import DeleteChoice
from pmjournal.domain.internships import InternshipDraft
from pmjournal.domain.people import PersonDraft
from pmjournal.domain.projects import ProjectDraft
from pmjournal.services.records import internships, people, projects
from pmjournal.storage.database import Journal


def add_person(journal: Journal, name: str, relationship: str = "mentor") -> int:
    return people.add_person(journal, PersonDraft(name, relationship=relationship)).value.id


def add_project(journal: Journal, name: str, internship_id: int | None = None) -> int:
    internship = None if internship_id is None else f"#{internship_id}"
    return projects.add_project(journal, ProjectDraft(name, internship=internship)).value.id


def add_internship(journal: Journal, organisation: str = "Northwind Health") -> int:
    draft = InternshipDraft(organisation, "PM Intern", date(2026, 6, 1))
    return internships.add_internship(journal, draft).value.id


def delete_project(journal: Journal, project_id: int) -> None:
    projects.delete_project(journal, project_id, choice=DeleteChoice.DETACH)
