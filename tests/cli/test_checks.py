"""`check-outreach` and `check-question`: the playbook's pure rules on the command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from coffeechat.cli import main

GOOD = (
    "Hi Amara, we met at the UX Toronto meetup last week. I loved your talk on research with "
    "hard-to-reach users. Would you have 20 minutes in the coming weeks to tell me how you "
    "got into research? Thank you, Sam"
)
JOB = "Hi Amara, are there any openings on your team? Could we talk for 15 minutes?"


def test_check_outreach_exits_0_for_a_message_without_errors() -> None:
    result = CliRunner().invoke(main, ["check-outreach", "-"], input=GOOD)
    assert result.exit_code == 0


def test_check_outreach_exits_1_when_it_asks_for_a_job() -> None:
    result = CliRunner().invoke(main, ["check-outreach", "-"], input=JOB)
    assert result.exit_code == 1
    assert "asks-for-job" in result.output


def test_check_outreach_json_has_the_contract_shape() -> None:
    result = CliRunner().invoke(main, ["check-outreach", "--json", "-"], input=JOB)
    data = json.loads(result.output)
    assert set(data) == {"words", "characters", "findings"}
    assert set(data["findings"][0]) == {"rule", "level", "message", "start", "end"}


def test_check_outreach_applies_the_connection_note_limit() -> None:
    long_note = GOOD + " " + GOOD
    result = CliRunner().invoke(
        main, ["check-outreach", "--channel", "linkedin-note", "--json", "-"], input=long_note
    )
    assert "too-long" in {f["rule"] for f in json.loads(result.output)["findings"]}


def test_check_outreach_with_an_unknown_channel_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["check-outreach", "--channel", "fax", "-"], input=GOOD)
    assert result.exit_code == 2


def test_check_outreach_with_a_missing_file_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["check-outreach", "/no/such/file.txt"])
    assert result.exit_code == 2


def test_check_question_flags_a_founding_date_question_as_json() -> None:
    text = "When was the company founded?\nWhat surprised you most when you joined?\n"
    result = CliRunner().invoke(main, ["check-question", "--json", "-"], input=text)
    verdicts = json.loads(result.output)
    assert [v["googleable"] for v in verdicts] == [True, False]
    assert all(v["reason"] for v in verdicts)
    assert result.exit_code == 1
