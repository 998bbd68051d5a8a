"""Issue 28: the publisher's feedback contact is a setting only the site's owner can give; the check says,
every time, that a site without it is not ready to publish."""

from __future__ import annotations

import copy
from pathlib import Path

from sitekit.content_checks import publisher_not_ready
from sitekit.problems import INFO
from sitekit.sitedata import load_data

ROOT = Path(__file__).resolve().parents[2]


def test_no_contact_is_said_as_not_ready_to_publish() -> None:
    data, _ = load_data(ROOT / "data", ["nl", "fr", "en"], ROOT)
    data = copy.deepcopy(data)
    data.values["uitgever"].pop("contact", None)
    found = publisher_not_ready(data)
    assert len(found) == 1 and found[0].level == INFO and "not ready to publish" in found[0].message
    assert found[0].path.endswith("data/uitgever.yml")
    data.values["uitgever"]["contact"] = {"email": "redactie@example.org"}  # a domain reserved for examples
    assert "placeholder address (redactie@example.org)" in publisher_not_ready(data)[0].message
    data.values["uitgever"]["contact"] = {"url": "https://forms.test/contact"}
    assert "placeholder" in publisher_not_ready(data)[0].message
    data.values["uitgever"]["contact"] = {"email": "redactie@stoptienerpooiers.be"}  # only in this test's copy
    assert publisher_not_ready(data) == []
