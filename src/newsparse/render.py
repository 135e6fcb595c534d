"""A visual view of a parsed article, in the manner of spaCy's displaCy.

:func:`to_html` turns an :class:`~newsparse.Article` into one self-contained HTML page
(inline CSS, no scripts, no external assets):

- the header as a card (headline, date, agency, distributor, authors, dateline) with the
  source characters it was read from;
- the body paragraphs with every quotation highlighted in a colour per speaker (a legend
  lists the speakers), direct quotes solid and indirect ones lighter and dashed, the cue
  (``said``) and the words standing for the speaker (``he``, ``the analyst``) marked;
- organisation mentions underlined, their name and kind shown on hover;
- boilerplate greyed out in a separate section.

Everything is drawn from offsets into :attr:`Article.text`, so what you see is exactly what
the parse points at. Overlapping items (a quote containing an organisation mention) nest
properly: an element that must close inside another is split and reopened. Every element
carries data attributes (``data-quote``, ``data-cue``, ``data-mention``, ``data-org``,
``data-mention-index``) so that tools and tests can find the items in the page.

>>> import newsparse
>>> article = newsparse.parse("WASHINGTON (AP) — The Senate voted on Tuesday.")
>>> page = article.to_html()
>>> page.startswith("<!DOCTYPE html>")
True
>>> 'data-org-kind="legislature" title="Senate · legislature">Senate</span> voted' in page
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from ._model import Article, Quote

__all__ = ["to_html"]

# Background colours for quotes, one per speaker; each has a lighter variant for indirect
# quotes. Chosen to stay readable under black text.
_PALETTE: tuple[tuple[str, str], ...] = (
    ("#ffd166", "#fff1c9"),
    ("#8fd3fe", "#d9f0ff"),
    ("#b5e48c", "#e4f5d4"),
    ("#f4a6c6", "#fbdbe8"),
    ("#c3a6f4", "#e6dbfb"),
    ("#ffb38a", "#ffe2d1"),
    ("#7fe0d0", "#d3f5ef"),
    ("#e0c97f", "#f3ead0"),
)
_UNATTRIBUTED = ("#d0d0d0", "#ececec")

_ORG_COLOURS: dict[str, str] = {
    "government": "#1f6feb",
    "legislature": "#8250df",
    "media": "#bf3989",
    "intergovernmental": "#0a7f6f",
    "academic": "#9a6700",
    "company": "#cf222e",
    "party": "#6e40c9",
    "ngo": "#1a7f37",
    "other": "#57606a",
}

_CSS = """
:root { color-scheme: light; }
body { font: 16px/1.65 Georgia, 'Times New Roman', serif; color: #1f2328; background: #f6f8fa;
  margin: 0; padding: 2rem 1rem; }
main { max-width: 52rem; margin: 0 auto; }
h2 { font: 600 0.8rem/1.2 system-ui, sans-serif; letter-spacing: .08em; text-transform: uppercase;
  color: #57606a; margin: 2rem 0 .6rem; }
.card { background: #fff; border: 1px solid #d0d7de; border-radius: 10px; padding: 1.2rem 1.4rem;
  box-shadow: 0 1px 3px rgba(0,0,0,.06); }
.card h1 { font-size: 1.55rem; line-height: 1.3; margin: 0 0 .8rem; }
.card h1.missing { color: #8c959f; font-style: italic; font-weight: normal; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0;
  font: .9rem/1.5 system-ui, sans-serif; }
.card dt { color: #57606a; }
.card dd { margin: 0; }
.card .none { color: #8c959f; }
.source { font: .8rem/1.5 ui-monospace, monospace; white-space: pre-wrap; color: #57606a;
  background: #f6f8fa; border-radius: 6px; padding: .5rem .7rem; margin-top: .9rem; }
.legend-box { margin: 1rem 0 0; }
.legend { font: .85rem/1.6 system-ui, sans-serif; display: flex; flex-wrap: wrap; gap: .3rem .9rem;
  margin: 0 0 .3rem; padding: 0; list-style: none; align-items: center; }
.legend-label { font-weight: 600; color: #57606a; min-width: 7.5rem; text-transform: uppercase;
  font-size: .7rem; letter-spacing: .06em; }
.legend li { display: flex; align-items: center; gap: .35rem; }
.swatch { display: inline-block; width: .95rem; height: .95rem; border-radius: 3px;
  border: 1px solid rgba(0,0,0,.15); }
.stats { font: .85rem/1.5 system-ui, sans-serif; color: #57606a; margin-top: .6rem; }
article p { background: #fff; margin: 0 0 .7rem; padding: .7rem 1rem; border-radius: 8px;
  border: 1px solid #eaeef2; position: relative; }
article p .pno { position: absolute; left: -2.2rem; top: .75rem; width: 1.8rem; text-align: right;
  font: .7rem system-ui, sans-serif; color: #8c959f; }
.q { background: var(--qc); border-radius: 3px; padding: .1em 0; box-decoration-break: clone;
  -webkit-box-decoration-break: clone; }
.q.indirect { background: var(--qi); border-bottom: 2px dashed var(--qc); }
.cue { font-weight: 700; border-bottom: 2px dotted #1f2328; }
.spk { font-weight: 700; background: var(--qc); box-shadow: 0 0 0 2px var(--qc);
  border-radius: 2px; }
.org { border-bottom: 3px solid var(--oc); cursor: help; }
.q .org { border-bottom-width: 3px; }
.tag { font: 600 .6rem/1 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .04em;
  color: #fff; background: var(--oc, #57606a); border-radius: 3px; padding: .15em .3em;
  margin-left: .25em; vertical-align: .15em; }
.boilerplate { color: #8c959f; background: #eaeef2; border-radius: 8px; padding: .6rem 1rem;
  font: .85rem/1.5 system-ui, sans-serif; }
.boilerplate li { margin: .2rem 0; }
.boilerplate .kind { display: inline-block; min-width: 6rem; font-weight: 600;
  text-transform: uppercase; font-size: .7rem; letter-spacing: .04em; }
.boilerplate .bp-text { white-space: pre-wrap; text-decoration: line-through;
  text-decoration-color: rgba(87,96,106,.45); }
.elsewhere { font: .85rem/1.5 system-ui, sans-serif; background: #fff; border: 1px dashed #d0d7de;
  border-radius: 8px; padding: .6rem 1rem; }
.elsewhere div { white-space: pre-wrap; margin: .2rem 0; }
footer { font: .75rem system-ui, sans-serif; color: #8c959f; margin-top: 2rem; text-align: center; }
"""


@attrs.frozen
class _Mark:
    """An item to draw: a span of the text and the element that shows it."""

    start: int
    end: int
    rank: int  # nesting preference when two marks start together: lower is outer
    tag: str
    attributes: tuple[tuple[str, str], ...]

    def open(self, continued: bool) -> str:
        attrs_text = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in self.attributes)
        if continued:
            attrs_text += ' data-continued="1"'
        return f"<{self.tag}{attrs_text}>"

    def close(self) -> str:
        return f"</{self.tag}>"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _speaker_key(quote: Quote) -> str | None:
    return None if quote.speaker is None else quote.speaker.name


def _speaker_colours(quotes: Sequence[Quote]) -> dict[str | None, int]:
    """Index into the palette per speaker, in order of first quotation; ``-1`` if none."""
    keys: dict[str | None, int] = {}
    for quote in quotes:
        key = _speaker_key(quote)
        if key is None:
            keys.setdefault(None, -1)
        elif key not in keys:
            keys[key] = len([k for k in keys if k is not None])
    return keys


def _colour(index: int) -> tuple[str, str]:
    return _UNATTRIBUTED if index < 0 else _PALETTE[index % len(_PALETTE)]


def _collect_marks(article: Article, speakers: dict[str | None, int]) -> list[_Mark]:
    marks: list[_Mark] = []
    for qi, quote in enumerate(article.quotes):
        colour, light = _colour(speakers[_speaker_key(quote)])
        style = f"--qc:{colour};--qi:{light}"
        who = "unattributed"
        if quote.speaker is not None:
            who = f"{quote.speaker.name} ({quote.speaker.kind})"
            if quote.speaker.role:
                who += f", {quote.speaker.role}"
        marks.append(
            _Mark(
                quote.start,
                quote.end,
                0,
                "span",
                (
                    ("class", f"q {quote.kind}"),
                    ("style", style),
                    ("data-quote", str(qi)),
                    ("data-kind", quote.kind),
                    ("title", f"{quote.kind} quote · {who}"),
                ),
            )
        )
        if quote.cue is not None:
            marks.append(
                _Mark(
                    quote.cue.start,
                    quote.cue.end,
                    1,
                    "span",
                    (
                        ("class", "cue"),
                        ("data-cue", str(qi)),
                        ("title", f"cue of quote {qi + 1}"),
                    ),
                )
            )
        if quote.speaker is not None and quote.speaker.mention is not None:
            mention = quote.speaker.mention
            marks.append(
                _Mark(
                    mention.start,
                    mention.end,
                    1,
                    "span",
                    (
                        ("class", "spk"),
                        ("style", style),
                        ("data-mention", str(qi)),
                        ("title", f"speaker of quote {qi + 1}: {who}"),
                    ),
                )
            )
    for oi, organisation in enumerate(article.organisations):
        colour = _ORG_COLOURS.get(organisation.kind, _ORG_COLOURS["other"])
        name = organisation.name
        if organisation.acronym and organisation.acronym != name:
            name += f" ({organisation.acronym})"
        for mi, mention in enumerate(organisation.mentions):
            marks.append(
                _Mark(
                    mention.start,
                    mention.end,
                    2,
                    "span",
                    (
                        ("class", f"org org-{organisation.kind}"),
                        ("style", f"--oc:{colour}"),
                        ("data-org", str(oi)),
                        ("data-mention-index", str(mi)),
                        ("data-org-kind", organisation.kind),
                        ("title", f"{name} · {organisation.kind}"),
                    ),
                )
            )
    return [m for m in marks if 0 <= m.start <= m.end]


def _markup(text: str, start: int, end: int, marks: Iterable[_Mark]) -> str:
    """HTML for ``text[start:end]`` with ``marks`` (clipped to the region) properly nested."""
    inside = [
        attrs.evolve(m, start=max(m.start, start), end=min(m.end, end))
        for m in marks
        if (m.start < end and start < m.end) or start <= m.start == m.end < end
    ]
    inside.sort(key=lambda m: (m.start, -m.end, m.rank))
    bounds = sorted({start, end, *(m.start for m in inside), *(m.end for m in inside)})
    out: list[str] = []
    stack: list[_Mark] = []
    pending = 0  # index of the next mark to open
    previous = start
    for position in bounds:
        if position > previous:
            out.append(_esc(text[previous:position]))
        previous = position
        # Close everything that ends here; reopen what was only closed to keep nesting.
        ending = [i for i, m in enumerate(stack) if m.end <= position]
        if ending:
            lowest = ending[0]
            reopen = [m for m in stack[lowest:] if m.end > position]
            out.extend(m.close() for m in reversed(stack[lowest:]))
            del stack[lowest:]
            for mark in reopen:
                out.append(mark.open(continued=True))
                stack.append(mark)
        while pending < len(inside) and inside[pending].start == position:
            mark = inside[pending]
            pending += 1
            if mark.end <= position:  # an empty span: keep it findable in the page
                out.append(mark.open(continued=False) + mark.close())
                continue
            out.append(mark.open(continued=False))
            stack.append(mark)
    out.extend(m.close() for m in reversed(stack))
    return "".join(out)


def _uncovered(
    spans: Iterable[tuple[int, int]], regions: Sequence[tuple[int, int]], text: str
) -> list[tuple[int, int]]:
    """Parts of ``spans`` that lie outside every region and hold more than white space."""
    ordered = sorted(regions)
    gaps: list[tuple[int, int]] = []
    for start, end in spans:
        cursor = start
        for r_start, r_end in ordered:
            if r_end <= cursor or r_start >= end:
                continue
            if r_start > cursor:
                gaps.append((cursor, r_start))
            cursor = max(cursor, r_end)
            if cursor >= end:
                break
        if cursor < end:
            gaps.append((cursor, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(g for g in gaps if text[g[0] : g[1]].strip()):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _field(name: str, value: str | None) -> str:
    shown = '<span class="none">—</span>' if not value else _esc(value)
    return f"<dt>{_esc(name)}</dt><dd>{shown}</dd>"


def _header_card(article: Article, text: str, marks: Sequence[_Mark]) -> str:
    header = article.header
    title = header.headline
    parts = [
        '<section class="card header" data-header="1">',
        f"<h1>{_esc(title)}</h1>" if title else '<h1 class="missing">(no headline)</h1>',
        "<dl>",
    ]
    published = header.published
    if published and header.published_precision:
        published += f"  ({header.published_precision})"
    parts.append(_field("Published", published))
    parts.append(_field("Date as written", header.published_raw))
    parts.append(_field("Agency", header.agency))
    parts.append(_field("Distributor", header.distributor))
    parts.append(_field("Authors", ", ".join(header.authors)))
    parts.append(_field("Byline", header.byline))
    parts.append(_field("Dateline", header.dateline))
    parts.append("</dl>")
    if header.start is not None and header.end is not None and header.start < header.end:
        source = _markup(text, header.start, header.end, marks)
        parts.append(f'<div class="source" title="header source characters">{source}</div>')
    parts.append("</section>")
    return "".join(parts)


def _legend(article: Article, speakers: dict[str | None, int]) -> str:
    counts: dict[str | None, int] = {}
    details: dict[str | None, str] = {}
    for quote in article.quotes:
        key = _speaker_key(quote)
        counts[key] = counts.get(key, 0) + 1
        if quote.speaker is not None and key not in details:
            extra: list[str] = [quote.speaker.kind]
            if quote.speaker.role:
                extra.append(quote.speaker.role)
            if quote.speaker.organisation:
                extra.append(quote.speaker.organisation)
            details[key] = " · ".join(extra)
    rows: list[str] = []
    speaker_items = []
    for key, index in speakers.items():
        colour, _ = _colour(index)
        name = "unattributed" if key is None else key
        n = counts.get(key, 0)
        speaker_items.append(
            f'<li data-speaker="{_esc(name)}" title="{_esc(details.get(key, name))}">'
            f'<span class="swatch" style="background:{colour}"></span>'
            f"{_esc(name)} <small>({n} quote{'s' if n != 1 else ''})</small></li>"
        )
    if speaker_items:
        rows.append(_legend_row("Speakers", speaker_items))
    kinds = sorted({o.kind for o in article.organisations})
    org_items = [
        f'<li><span class="org" style="--oc:{_ORG_COLOURS.get(kind, "#57606a")}">'
        f"{_esc(kind)}</span></li>"
        for kind in kinds
    ]
    if org_items:
        rows.append(_legend_row("Organisations", org_items))
    colour, light = _colour(0 if speaker_items else -1)
    style = f"--qc:{colour};--qi:{light}"
    marks = [
        f'<li><span class="q direct" style="{style}">direct quote</span></li>',
        f'<li><span class="q indirect" style="{style}">indirect quote</span></li>',
        '<li><span class="cue">cue</span></li>',
        f'<li><span class="spk" style="{style}">speaker mention</span></li>',
    ]
    rows.append(_legend_row("Marks", marks))
    return f'<div class="legend-box">{"".join(rows)}</div>'


def _legend_row(label: str, items: Sequence[str]) -> str:
    return f'<ul class="legend"><li class="legend-label">{_esc(label)}</li>{"".join(items)}</ul>'


def to_html(article: Article, *, title: str | None = None, text: str | None = None) -> str:
    """Render ``article`` as a self-contained HTML page.

    Args:
        article: a parsed article. Its offsets are resolved against ``article.text``
            (set by :func:`newsparse.parse`), or against ``text`` when given.
        title: the page title; defaults to the headline.
        text: the source text, for an article rebuilt with
            :meth:`Article.from_dict` without its text.

    Returns:
        One HTML document as a string: inline CSS, no scripts, no external assets, all
        article text escaped.

    Raises:
        ValueError: the article carries no source text and none was given.
    """
    source = text if text is not None else article.text
    if source is None:
        raise ValueError(
            "the article has no source text to draw offsets from; pass text= or use "
            "Article.from_dict(data, text=...)"
        )
    speakers = _speaker_colours(article.quotes)
    marks = _collect_marks(article, speakers)
    page_title = title or article.header.headline or "newsparse view"

    regions: list[tuple[int, int]] = [(p.start, p.end) for p in article.paragraphs]
    regions += [(b.start, b.end) for b in article.boilerplate]
    header = article.header
    if header.start is not None and header.end is not None:
        regions.append((header.start, header.end))
    elsewhere = _uncovered(((m.start, m.end) for m in marks), regions, source)

    body: list[str] = []
    for index, paragraph in enumerate(article.paragraphs):
        body.append(
            f'<p data-paragraph="{index}"><span class="pno">{index + 1}</span>'
            f"{_markup(source, paragraph.start, paragraph.end, marks)}</p>"
        )
    if not body:
        body.append('<p class="none">(no body paragraphs)</p>')

    n_mentions = sum(len(o.mentions) for o in article.organisations)
    stats = (
        f"{len(article.paragraphs)} paragraphs · {len(article.quotes)} quotes · "
        f"{len(article.organisations)} organisations ({n_mentions} mentions) · "
        f"{len(article.boilerplate)} boilerplate items"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="newsparse">',
        f"<title>{_esc(page_title)}</title><style>{_CSS}</style></head><body><main>",
        _header_card(article, source, marks),
        _legend(article, speakers),
        f'<div class="stats">{_esc(stats)}</div>',
        "<h2>Body</h2>",
        f"<article>{''.join(body)}</article>",
    ]
    if elsewhere:
        parts.append("<h2>Marked outside the body</h2><section class='elsewhere'>")
        parts.extend(f"<div>{_markup(source, s, e, marks)}</div>" for s, e in elsewhere)
        parts.append("</section>")
    if article.boilerplate:
        parts.append('<h2>Boilerplate (removed from the body)</h2><ul class="boilerplate">')
        for item in article.boilerplate:
            parts.append(
                f'<li data-boilerplate="{_esc(item.kind)}"><span class="kind">'
                f"{_esc(item.kind)}</span> <span class='bp-text'>"
                f"{_markup(source, item.start, item.end, marks)}</span></li>"
            )
        parts.append("</ul>")
    parts.append("<footer>Rendered by newsparse</footer></main></body></html>")
    return "\n".join(parts)
