"""Pure rules of the record kinds: content sniffing, names, pages, drafts."""

from __future__ import annotations

from datetime import date

import pytest

from pmjournal.domain.attachments import MAX_BYTES, check_attachment, sniff
from pmjournal.domain.errors import ValidationError
from pmjournal.domain.feedback import FeedbackDraft, FollowUp, validate_feedback, validate_follow_up
from pmjournal.domain.goals import CheckinDraft, GoalDraft, validate_checkin, validate_goal
from pmjournal.domain.names import clean_name, clean_tag
from pmjournal.domain.paging import PageRequest
from pmjournal.domain.skills import EvidenceSource, joined_notes


@pytest.mark.parametrize(
    ("head", "media_type"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"GIF87a\x01\x00", "image/gif"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"%PDF-1.7\n", "application/pdf"),
        (b"RIFF\x10\x00\x00\x00WAVEfmt ", None),
        (b"<svg xmlns=", None),
        (b"MZ\x90\x00", None),
        (b"", None),
    ],
)
def test_sniff_reads_the_magic_bytes(head: bytes, media_type: str | None) -> None:
    assert sniff(head) == media_type


def test_check_attachment_refuses_empty_big_and_unknown_naming_the_file() -> None:
    assert check_attachment(b"%PDF-1.4", 10, "a.pdf") == "application/pdf"
    for head, size, message in (
        (b"%PDF-1.4", 0, "empty"),
        (b"%PDF-1.4", MAX_BYTES + 1, "at most 20 MB"),
        (b"hello", 5, "not an image or PDF"),
    ):
        with pytest.raises(ValidationError, match=message) as raised:
            check_attachment(head, size, "photo.png")
        assert raised.value.field == "photo.png"


def test_names_are_trimmed_bounded_and_never_empty() -> None:
    assert clean_name("  Data   analysis ", "name", noun="skill") == "Data analysis"
    assert clean_tag(" #discovery") == "discovery"
    with pytest.raises(ValidationError, match="a skill needs a name"):
        clean_name(" \t", "name", noun="skill")
    with pytest.raises(ValidationError, match="at most 100"):
        clean_name("x" * 101, "name", noun="skill")


def test_a_page_window_is_checked() -> None:
    PageRequest(1, 0)
    for limit, offset, field in ((0, 0, "limit"), (1001, 0, "limit"), (10, -1, "offset")):
        with pytest.raises(ValidationError) as raised:
            PageRequest(limit, offset)
        assert raised.value.field == field


def test_drafts_that_need_no_journal_to_refuse() -> None:
    with pytest.raises(ValidationError):
        validate_feedback(FeedbackDraft(" "))
    with pytest.raises(ValidationError) as raised:
        validate_feedback(FeedbackDraft("ok", person=" "))
    assert raised.value.field == "person"
    with pytest.raises(ValidationError) as raised:
        validate_follow_up(FollowUp("", done=False, on=date(2026, 7, 1)))
    assert raised.value.field == "follow_up_on"
    validate_follow_up(FollowUp("", done=True, on=date(2026, 7, 1)))
    with pytest.raises(ValidationError):
        validate_goal(GoalDraft("x" * 301))
    with pytest.raises(ValidationError):
        validate_checkin(CheckinDraft("", progress=-1))
    with pytest.raises(ValidationError):
        EvidenceSource(entry_id=1, feedback_id=2).check()


def test_joined_notes_keep_both_wordings_once() -> None:
    assert joined_notes("Ran interviews", "Synthesised") == "Ran interviews; Synthesised"
    assert joined_notes("", "Synthesised") == "Synthesised"
    assert joined_notes("Same", " Same ") == "Same"
