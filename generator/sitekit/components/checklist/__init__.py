"""Render a signal checklist (data/checklists/<id>.yml) as accessible HTML that works without JavaScript.

Without JS: the list with empty boxes and every outcome with the score it belongs to.
With JS (assets/javascripts/site/checklist.js): ticking shows one outcome live, announced via aria-live.
"""

from __future__ import annotations

import copy
from html import escape
from typing import Any, Protocol

from ...sitedata import DataError, SiteData, formal_audience


class DataText(Protocol):
    """What a checklist needs of the page's data functions (markdown_data.MarkdownData): no import back."""

    data: SiteData
    formal: bool

    def ui(self, key: str, formal: bool | None = None) -> str: ...
    def text(self, value: Any) -> str: ...
    def entry(self, ident: str) -> dict[str, Any]: ...
    def tel(self, ident: str) -> str: ...
    def mail(self, ident: str) -> str: ...


def _contacts_html(md: DataText) -> str:
    site = md.data.values["site"]
    cf, sos = md.entry(site["helpline"]), md.entry(site["emergency"])

    def nbsp(number: str) -> str:  # "116 000" never breaks
        return escape(number).replace(" ", "&nbsp;")

    tel = f'<a href="tel:{escape(cf["phone"])}" dir="ltr">{nbsp(cf["phone_display"])}</a>'
    mail = f'<a href="mailto:{escape(cf["email"])}">{escape(cf["email"])}</a>'
    sos_link = f'<a href="tel:{escape(sos["phone"])}" dir="ltr">{nbsp(sos["phone_display"])}</a>'
    return escape(md.ui("checklist.contacts")).format(tel=tel, mail=mail, sos=sos_link)  # the text escaped, the links ours


def render_checklist(md: DataText, ident: str) -> str:
    lists: dict[str, Any] = md.data.values.get("checklists", {})
    if ident not in lists:
        raise DataError(f"unknown checklist '{ident}'; known: {', '.join(sorted(lists)) or 'none'} ({md.data.terms.file('checklists')}/ in data/)")
    c = lists[ident]
    md = copy.copy(md)  # the list speaks to its own audience: "vous" to parents on any page that shows it
    md.formal = formal_audience(md.data, c["audience"])
    t = md.text

    def e(value: Any) -> str:  # a data text in this language, escaped
        return escape(t(value))

    watch, act = c["levels"]["watch"], c["levels"]["act"]
    uid = f"checklist-{ident}"
    out = [f'<div class="checklist" id="{uid}" data-checklist data-watch="{watch}" data-act="{act}">',
           f'<p class="checklist__intro">{e(c["intro"])}</p>',
           f'<p class="checklist__private">{escape(md.ui("checklist.private"))}</p>',
           f'<p class="checklist__disclaimer">{e(c["disclaimer"])}</p>',
           f'<form class="checklist__form" aria-label="{e(c["title"])}" autocomplete="off">']
    for group in c["groups"]:
        signals = [s for s in c["signals"] if s["group"] == group["id"]]
        if not signals:
            continue
        out.append(f'<fieldset class="checklist__group"><legend>{e(group["title"])}</legend><ul>')
        for s in signals:
            sid = f'{uid}-{s["id"]}'
            red = " data-red-flag" if s.get("red_flag") else ""
            flag = (f' <span class="checklist__flag">({escape(md.ui("checklist.red_flag"))})</span>'
                    if s.get("red_flag") else "")
            points = md.ui("checklist.point") if s["weight"] == 1 else md.ui("checklist.points").format(n=s["weight"])
            out.append(f'<li><input type="checkbox" id="{sid}" name="{s["id"]}" data-weight="{s["weight"]}"{red} autocomplete="off">'
                       f'<label for="{sid}">{e(s["text"])}{flag} <span class="checklist__points">({escape(points)})</span>'
                       f'</label></li>')
        out.append("</ul></fieldset>")
    # Young people get no print button: a printed list is a paper trail someone could find.
    print_button = ("" if c["audience"] in md.data.values["site"].get("no_print", []) else
                    f' <button type="button" class="md-button" data-print>{escape(md.ui("checklist.print"))}</button>')
    out.append(f'<p class="checklist__actions" data-js-only hidden><button type="reset" class="md-button">'
               f'{escape(md.ui("checklist.reset"))}</button>{print_button}</p>')
    out.append("</form>")
    out.append(f'<div class="checklist__live" data-checklist-live role="status" aria-live="polite" aria-atomic="true" '
               f'data-template="{escape(md.ui("checklist.live"))}" data-cleared="{escape(md.ui("checklist.cleared"))}"></div>')
    # what the score means, kept together (on paper: one page, not "Handel nu" alone on the last one)
    out.append('<div class="checklist__result">')
    out.append(f'<h2 class="checklist__result-heading">{escape(md.ui("checklist.result_heading"))}</h2>')
    how = md.ui("checklist.how_it_works").replace("{act}", t(c["outcomes"]["act"]["title"]))
    out.append(f'<p class="checklist__how">{escape(how)}</p>')
    out.append(f'<section class="checklist__outcome checklist__outcome--start" data-outcome="start">'
               f'<p>{e(c["outcomes"]["start"]["text"])}</p></section>')
    ranges = {"none": md.ui("checklist.range_none"), "act": md.ui("checklist.range_act"),
              # one score only ("2 points", not "2 to 2 points")
              "watch": md.ui("checklist.range_watch_one" if act - 1 == watch else "checklist.range_watch")}
    for level in ("none", "watch", "act"):
        o = c["outcomes"][level]
        span = ranges[level].format(watch=watch, act=act, act_minus=act - 1)
        steps = "".join(f"<li>{e(step)}</li>" for step in o["steps"])
        out.append(f'<section class="checklist__outcome checklist__outcome--{level}" data-outcome="{level}" '
                   f'aria-labelledby="{uid}-{level}">'
                   f'<h3 id="{uid}-{level}"><span class="checklist__outcome-title">{e(o["title"])}</span> '
                   f'<span class="checklist__range">({escape(span)})</span></h3>'
                   f'<p>{e(o["text"])}</p><ul>{steps}</ul></section>')
    out.append(f'<p class="checklist__contacts">{_contacts_html(md)}</p>')
    out.append("</div>")  # .checklist__result
    out.append("</div>")
    return "\n".join(out) + "\n"
