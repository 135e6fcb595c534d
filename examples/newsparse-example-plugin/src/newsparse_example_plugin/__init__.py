"""A newsparse plugin: a header parser for the Kavkaz Daily Wire layout (a made-up agency).

Kavkaz Daily Wire stories open with a slug line (agency, dateline, day-first date and
time with a GMT offset) and an optional reporter line, then the body::

    KDW | TBILISI | 05.03.2024 14:20 GMT+4
    Reporter: Nino Beridze

    Georgia and Armenia signed a rail transit agreement on Tuesday ...

The package registers :func:`make_header_parser` under the ``newsparse.parsers`` entry
point as ``kavkaz_header``, so users add it with
``Pipeline.default().add("kavkaz_header", after="header")``.
"""

from __future__ import annotations

import datetime as dt

import regex

from newsparse import Draft, HeaderDraft, Parser

__all__ = ["make_header_parser"]

# Every repetition is bounded and no quantified group contains another unbounded one,
# so the patterns run in linear time on any line.
SLUG = regex.compile(
    r"""
    ^[ \t]{0,20}
    (?P<agency>KDW|Kavkaz[ ]Daily[ ]Wire)
    [ \t]{0,5}\|[ \t]{0,5}
    (?P<place>[A-Z][A-Z.' -]{0,40}[A-Z.])
    [ \t]{0,5}\|[ \t]{0,5}
    (?P<raw>
        (?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})
        [ \t]{1,5}(?P<hour>\d{1,2}):(?P<minute>\d{2})
        (?:[ \t]{1,5}GMT(?P<offset>[+-]\d{1,2}))?
    )
    [ \t]{0,20}$
    """,
    regex.VERBOSE,
)


def make_header_parser(
    *, agency: str = "Kavkaz Daily Wire", reporter_label: str = "Reporter"
) -> Parser:
    """Build the parser; the entry point calls this with ``Pipeline.add(..., config=...)``.

    Args:
        agency: the agency name to report in ``header.agency``.
        reporter_label: the word that opens the reporter line (``Reporter: Name``).

    Returns:
        A parser that recognises the layout at the top of an article and fills in the
        header; on any other article it does nothing.
    """
    reporter = regex.compile(
        rf"^[ \t]{{0,20}}{regex.escape(reporter_label)}:[ \t]{{0,5}}"
        r"(?P<name>\p{Lu}[\p{L}.'-]{0,30}(?:[ ]\p{Lu}[\p{L}.'-]{0,30}){0,3})[ \t]{0,20}$"
    )

    def kavkaz_header(draft: Draft) -> None:
        lines = [line for line in draft.lines if not line.is_blank]
        if not lines:
            return
        slug = SLUG.match(lines[0].text)
        if slug is None:
            return  # not our layout: leave the header to the other parsers
        offset = int(slug["offset"] or 0)
        published = dt.datetime(
            int(slug["year"]),
            int(slug["month"]),
            int(slug["day"]),
            int(slug["hour"]),
            int(slug["minute"]),
            tzinfo=dt.timezone(dt.timedelta(hours=offset)),
        )
        # This layout is unambiguous, so the plugin has the last word on the header.
        header = HeaderDraft(
            agency=agency,
            dateline=slug["place"].strip(),
            published=published.isoformat(),
            published_precision="minute",
            published_raw=slug["raw"],
        )
        first = lines[0]
        header.cover(first.start + slug.start("agency"), first.start + slug.end("raw"))
        end = first.end
        if len(lines) > 1 and (credit := reporter.match(lines[1].text)):
            header.authors.append(credit["name"])
            header.byline = lines[1].text.strip()
            header.cover(*lines[1].strip_span())
            end = lines[1].end
        draft.header = header
        draft.body_start = end  # the body starts after our lines, whatever ran before
        # When added after the paragraphs were built (e.g. at the end of the pipeline),
        # drop the paragraphs that our header lines became.
        draft.paragraphs[:] = [p for p in draft.paragraphs if p.start >= end]
        draft.meta["kavkaz_header"] = True

    return kavkaz_header
