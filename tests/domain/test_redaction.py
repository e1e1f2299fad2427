"""Redaction: names give way to neutral placeholders in any text, whole words only."""

from __future__ import annotations

from pmjournal.domain.redaction import build_redactor


def test_organisations_people_and_their_short_forms_are_replaced() -> None:
    redact = build_redactor(
        ["Quillmark Analytics", "The Home Depot"], [("Dana Whitfield", "mentor")], ["Falcon"]
    )
    text = "Quillmark sells to The Home Depot. Dana liked Falcon; Danae did not."
    assert redact(text) == (
        "Company A sells to Company B. My mentor liked a confidential project; Danae did not."
    )


def test_generic_first_words_are_not_taken_for_a_name() -> None:
    redact = build_redactor(["The Home Depot", "New Relic"], [])
    assert redact("The new plan") == "The new plan"


def test_placeholder_for_a_known_name_and_no_change_without_names() -> None:
    redact = build_redactor(["Quillmark Analytics"], [("Sam Ortiz", "peer")])
    assert redact.placeholder_for("sam ortiz") == "a peer"
    assert redact.placeholder_for("Quillmark Analytics") == "Company A"
    assert not build_redactor([], []).active
    assert build_redactor([], [])("Quillmark") == "Quillmark"


def test_first_names_and_surnames_match_only_as_written() -> None:
    redact = build_redactor([], [("Will Turner", "stakeholder"), ("Grace Adeyemi", "manager")])
    assert redact("Will said we will ship; Turner agreed.") == (
        "A stakeholder said we will ship; a stakeholder agreed."
    )
    assert redact("Spoke to Adeyemi about it") == "Spoke to my manager about it"


def test_names_inside_emails_and_domains_are_left_alone() -> None:
    redact = build_redactor(["Quillmark Analytics"], [("Tomás Ribeiro", "peer")])
    assert redact("mail tomas.ribeiro@quillmark.example") == "mail tomas.ribeiro@quillmark.example"
    assert redact("Quillmark.") == "Company A."


def test_an_article_before_a_confidential_project_is_absorbed() -> None:
    redact = build_redactor([], [], ["Competitor migration offer"])
    assert redact("We paused the Competitor Migration Offer.") == (
        "We paused a confidential project."
    )
    assert redact("The competitor migration offer slipped") == "A confidential project slipped"


def test_a_title_is_not_a_first_name_and_goes_with_the_surname():
    redact = build_redactor([], [("Dr. Priya Rao", "manager"), ("Ms Ana Diaz", "mentor")])

    assert redact("Dr. Rao agreed.") == "My manager agreed."
    assert redact("I asked Rao, then Dr Priya Rao again.") == (
        "I asked my manager, then my manager again."
    )
    assert redact("Ms. Diaz and Ana reviewed it.") == "My mentor and my mentor reviewed it."
    assert "My manager My manager" not in redact("Dr. Rao agreed")


def test_a_company_is_replaced_whole_with_or_without_its_legal_suffix():
    redact = build_redactor(["Northwind Ledger GmbH", "Vistula Data sp. z o.o.", "Acme, Inc."], [])

    assert redact("Joined Northwind Ledger in June.") == "Joined Company A in June."
    assert redact("Northwind Ledger GmbH hired me.") == "Company A hired me."
    assert redact("Northwind's ledger") == "Company A's ledger"
    assert redact("Vistula Data sp. z o.o. and Vistula Data") == "Company B and Company B"
    assert redact("Acme Inc. and Acme") == "Company C and Company C"


def test_a_confidential_codename_and_the_users_aliases_are_replaced_everywhere():
    redact = build_redactor(
        [],
        [("Sam Ortiz", "peer")],
        ["Falcon — audit readiness"],
        aliases={"Falcon — audit readiness": ["Project F"], "Sam Ortiz": ["Sammy"]},
    )

    assert redact("Falcon: answer the audit questions") == (
        "A confidential project: answer the audit questions"
    )
    assert (
        redact("Synced with Sammy on project f.") == "Synced with a peer on a confidential project."
    )


def test_a_default_codename_is_matched_as_written_so_plain_words_survive():
    redact = build_redactor([], [], ["Pricing: enterprise tier"])

    assert redact("Pricing: the audit") == "A confidential project: the audit"
    assert redact("We discussed pricing today.") == "We discussed pricing today."
