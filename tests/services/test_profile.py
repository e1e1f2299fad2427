"""The profile: who the portfolio, bullets and stories are about."""

from __future__ import annotations

import pytest

from pmjournal.domain.changes import Changes, Kind
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.records import ProfileRecord
from pmjournal.services.records.profile import get_profile, update_profile
from pmjournal.storage.database import Journal, open_journal


def test_a_new_journal_has_an_empty_profile(journal: Journal) -> None:
    profile = get_profile(journal)
    assert profile == ProfileRecord()
    assert profile.is_empty


def test_setting_fields_saves_them_trimmed_and_publishes_the_change(journal: Journal) -> None:
    heard: list[Changes] = []
    journal.changes.subscribe(heard.append)
    outcome = update_profile(
        journal,
        name="  Ada Okafor ",
        headline="Product intern",
        email="ada@example.com",
        links=[" https://ada.example.com ", "mailto:ada@example.com"],
    )
    saved = outcome.value
    assert heard == [outcome.changes] == [Changes.of(updated=[(Kind.PROFILE, 1)])]
    assert saved.name == "Ada Okafor"
    assert saved.links == ("https://ada.example.com", "mailto:ada@example.com")
    assert get_profile(journal) == saved
    assert not saved.is_empty


def test_only_the_given_fields_change(journal: Journal) -> None:
    update_profile(journal, name="Ada", headline="Intern", links=["https://a.example"])
    update_profile(journal, headline="APM")
    profile = get_profile(journal)
    assert (profile.name, profile.headline, profile.links) == ("Ada", "APM", ("https://a.example",))


def test_links_replace_the_whole_list(journal: Journal) -> None:
    update_profile(journal, links=["https://one.example", "https://two.example"])
    update_profile(journal, links=["https://three.example"])
    assert get_profile(journal).links == ("https://three.example",)


@pytest.mark.parametrize("email", ["ada", "ada@", "@example.com", "ada@example", "a da@x.com"])
def test_an_invalid_email_is_refused_and_nothing_changes(journal: Journal, email: str) -> None:
    update_profile(journal, name="Ada", email="ada@example.com")
    with pytest.raises(ValidationError) as raised:
        update_profile(journal, name="Someone else", email=email)
    assert raised.value.field == "email"
    assert repr(email) in raised.value.message
    assert get_profile(journal).name == "Ada"
    assert get_profile(journal).email == "ada@example.com"


@pytest.mark.parametrize(
    "link", ["example.com", "ftp://example.com", "javascript:alert(1)", "https://", "https://a b"]
)
def test_a_link_that_is_not_a_web_address_is_refused(journal: Journal, link: str) -> None:
    with pytest.raises(ValidationError) as raised:
        update_profile(journal, links=["https://ok.example", link])
    assert raised.value.field == "link"
    assert get_profile(journal).links == ()


def test_an_unknown_field_is_refused(journal: Journal) -> None:
    heard: list[Changes] = []
    journal.changes.subscribe(heard.append)
    with pytest.raises(ValidationError) as raised:
        update_profile(journal, nickname="Ada")
    assert raised.value.field == "profile"
    assert get_profile(journal).is_empty
    assert heard == [], "a refused change publishes nothing"


def test_clearing_the_email_is_allowed(journal: Journal) -> None:
    update_profile(journal, email="ada@example.com")
    assert update_profile(journal, email="").value.email == ""


def test_the_profile_is_kept_across_opens(journal: Journal) -> None:
    update_profile(journal, name="Ada", location="London", summary="I ship.")
    journal.close()
    again = open_journal(journal.data_dir, auto_backup=False)
    try:
        profile = get_profile(again)
    finally:
        again.close()
    assert (profile.name, profile.location, profile.summary) == ("Ada", "London", "I ship.")
