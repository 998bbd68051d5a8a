"""What WeasyPrint's PDF/UA tags leave out, added before the PDF is written (its `finisher` hook).

WeasyPrint tags a table's header cells /TH and gives each data cell /Headers naming its header, but writes
no /Scope on the header cell itself. PDF/UA-1 (ISO 14289-1, 7.5) asks that a header cell say what it heads,
and some screen readers read only /Scope: a header in the table's head row heads its column, any other
header (`<th scope="row">`) its row.
"""

from __future__ import annotations

from typing import Any

import pydyf


def _element(pdf: pydyf.PDF, reference: Any) -> Any:
    """The object a reference ("12 0 R") points to."""
    number = int(bytes(reference).split()[0]) if not isinstance(reference, int) else reference
    return pdf.objects[number]


def add_table_header_scope(document: Any, pdf: pydyf.PDF) -> None:
    """Set /Scope on every /TH structure element: /Column in a /THead row, else /Row."""
    del document  # the finisher's signature: (document, pdf)
    for obj in pdf.objects:
        if not isinstance(obj, pydyf.Dictionary) or obj.get("S") != "/TH":
            continue
        row = _element(pdf, obj["P"])
        section = _element(pdf, row["P"]).get("S")
        attributes = obj.setdefault("A", pydyf.Dictionary({"O": "/Table"}))
        attributes["Scope"] = "/Column" if section == "/THead" else "/Row"
