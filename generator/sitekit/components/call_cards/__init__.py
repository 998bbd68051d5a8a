"""Call cards: every service of the site's help lines file as a card on the help page (`{{ helplines() }}`):
what it is for, buttons to call, mail or visit it, when it is open, what it costs and whether you may stay
anonymous. Its stylesheet is helplines.css beside this file; see README.md."""

from __future__ import annotations

from typing import Any, Protocol

from ...sitedata import SiteData


class CardText(Protocol):
    """What the cards need of the page's data functions (markdown_data.MarkdownData)."""

    data: SiteData

    def inline(self, value: Any) -> str: ...
    def ui(self, key: str, formal: bool | None = None) -> str: ...
    def in_page_language_first(self, idents: list[str]) -> list[str]: ...
    def name_language(self, e: dict[str, Any]) -> str | None: ...
    def language_note(self, e: dict[str, Any]) -> str: ...
    def region_note(self, e: dict[str, Any]) -> str: ...


def render_cards(md: CardText) -> str:
    """Every service of data/hulplijnen.yml as a card: what it is for, buttons to call, mail or visit
    it, and when it is open, what it costs and whether you may stay anonymous (helplines.css).
    Services that answer in the page's language come first; the others say which languages they use."""
    blocks = []
    lines_by_id = md.data.values.get("hulplijnen", {})
    for ident in md.in_page_language_first(list(lines_by_id)):
        e = lines_by_id[ident]
        name = md.inline(e["name"])
        city = f" ({md.inline(e['city'])})" if e.get("city") else ""
        own = f" lang={md.name_language(e)}" if md.name_language(e) and not city else ""
        lines = ['<div class="helpline" markdown>', "", f"### {name}{city} {{ #{ident}{own} }}", "",
                 md.inline(e["about"]), ""]
        notes = " ".join(n for n in (md.language_note(e), md.region_note(e)) if n)
        if notes:
            lines += [notes, "{ .helpline__languages }", ""]
        for place in e.get("places", []):
            phone = (f' · [{md.inline(place["phone_display"])}](tel:{place["phone"]}){{ .tel dir=ltr }}'
                     if place.get("phone") and e["verified"] else "")
            lines += [f"- **{md.inline(place['name'])}** — {md.inline(place['address'])}{phone}"]
        if e.get("places"):
            lines.append("")
        if not e["verified"]:
            lines += [md.inline(md.ui("helplines.unverified")), "{ .helpline__facts }", ""]
        else:
            actions = []
            if e.get("phone"):
                actions.append(f'[{md.inline(md.ui("helpbar.call"))} <span dir="ltr">{md.inline(e["phone_display"])}</span>](tel:{e["phone"]})'
                               "{ .helpline__action .helpline__action--call }")
            if e.get("email"):
                actions.append(f'[{e["email"]}](mailto:{e["email"]}){{ .helpline__action }}')
            if e.get("url"):
                shown = e["url"].removeprefix("https://").removeprefix("www.").rstrip("/")
                actions.append(f"[{shown}]({e['url']}){{ .helpline__action }}")
            if actions:
                lines += ["\n".join(actions), "{ .helpline__actions }", ""]
            facts = [md.inline(e[key]) for key in ("hours", "cost") if e.get(key)]
            if e.get("anonymous"):
                facts.append(md.inline(md.ui("helplines.anonymous")))
            if facts:
                lines += [" · ".join(facts), "{ .helpline__facts }", ""]
        lines.append("</div>")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
