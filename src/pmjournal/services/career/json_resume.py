"""The résumé bullets as a JSON Resume document (https://jsonresume.org/schema).

JSON Resume is what résumé builders and themes read, so the bullets land in
``work[].highlights`` of the internship they belong to; projects outside any internship go to
``projects[]``. Only keys with a value are written: the schema checks formats (an empty
``email`` is not an address), and themes print empty strings as blank lines. Every string
gets plain ASCII punctuation (``plain_text``), as ``bullets --help`` promises, since the
document is made for applicant-tracking systems. The official schema is kept in
``resources/schemas`` for the tests that validate this output.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from pmjournal.domain.bullet_text import plain_text
from pmjournal.domain.records import ProfileRecord
from pmjournal.domain.snapshot_views import InternshipView
from pmjournal.services.career.bullets import BulletReport, ProjectBullets

# Hosts whose links are profiles on a network rather than the user's own site.
NETWORKS = {
    "linkedin.com": "LinkedIn",
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "twitter.com": "Twitter",
    "x.com": "X",
    "medium.com": "Medium",
    "dribbble.com": "Dribbble",
    "behance.net": "Behance",
    "substack.com": "Substack",
}


def _compact(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if value not in ("", None, [], {})}


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _network(url: str) -> str | None:
    host = _host(url)
    return next((n for h, n in NETWORKS.items() if host == h or host.endswith("." + h)), None)


def _basics(profile: ProfileRecord) -> dict[str, Any]:
    """The profile as ``basics``: the user's own site as ``url``, network links as profiles."""
    own_sites = [link for link in profile.links if _network(link) is None]
    profiles = [
        _compact(
            {
                "network": _network(link),
                "username": urlsplit(link).path.rstrip("/").rsplit("/", 1)[-1],
                "url": link,
            }
        )
        for link in profile.links
        if _network(link) is not None
    ]
    city, _, region = profile.location.partition(",")
    location = _compact({"city": city.strip(), "region": region.strip()})
    return _compact(
        {
            "name": profile.name,
            "label": profile.headline,
            "email": profile.email,
            "phone": profile.phone,
            "url": own_sites[0] if own_sites else "",
            "summary": profile.summary,
            "location": location,
            "profiles": profiles,
        }
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _highlights(groups: list[ProjectBullets]) -> list[str]:
    return [bullet.text for group in groups for bullet in group.bullets]


def _work(internship: InternshipView, groups: list[ProjectBullets]) -> dict[str, Any]:
    return _compact(
        {
            "name": internship.organisation,
            "position": internship.title,
            "location": internship.location,
            "startDate": _iso(internship.start_date),
            "endDate": _iso(internship.end_date),
            "summary": internship.description,
            "highlights": _highlights(groups),
        }
    )


def _project(group: ProjectBullets) -> dict[str, Any]:
    project = group.project
    return _compact(
        {
            "name": project.name,
            "description": project.summary,
            "startDate": _iso(project.start_date),
            "endDate": _iso(project.end_date),
            "highlights": _highlights([group]),
        }
    )


def _plain(value: Any) -> Any:
    """``value`` with every string in it given plain ASCII punctuation."""
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def build_json_resume(report: BulletReport) -> dict[str, Any]:
    """A JSON Resume document of the report; build the report with ``ascii_only=True``."""
    snapshot = report.snapshot
    by_internship: dict[int, list[ProjectBullets]] = {}
    loose: list[ProjectBullets] = []
    for group in report.projects:
        internship = group.project.internship
        if internship is None:
            loose.append(group)
        else:
            by_internship.setdefault(internship.id, []).append(group)
    work = [
        _work(internship, by_internship.get(internship.id, []))
        for internship in sorted(snapshot.internships, key=lambda i: i.start_date, reverse=True)
    ]
    categories: dict[str, list[str]] = {}
    for skill in snapshot.skills:
        categories.setdefault(skill.category or "Other skills", []).append(skill.name)
    skills = [{"name": name, "keywords": names} for name, names in categories.items()]
    document = {
        "basics": _basics(snapshot.profile),
        "work": work,
        "projects": [_project(group) for group in loose],
        "skills": skills,
    }
    return _plain(_compact(document))


def render_json_resume(report: BulletReport) -> str:
    return json.dumps(build_json_resume(report), ensure_ascii=False, indent=2) + "\n"
