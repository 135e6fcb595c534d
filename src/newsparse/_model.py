"""The document model: frozen, typed values that make up a parsed :class:`Article`.

Every item carries ``start``/``end``: 0-based, end-exclusive character offsets into the
original input string (after bytes were decoded, before any normalisation), so that
``text[item.start:item.end]`` gives the source characters of the item.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, cast

import attrs

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Boilerplate",
    "Header",
    "Link",
    "Organisation",
    "Paragraph",
    "Person",
    "Quote",
    "Span",
    "Speaker",
]

SCHEMA_VERSION = "1"

QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organisation", "document", "unknown"]
OrganisationKind = Literal[
    "government",
    "legislature",
    "media",
    "intergovernmental",
    "academic",
    "company",
    "party",
    "ngo",
    "other",
]
Precision = Literal["day", "minute", "second"]


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen
class Span:
    """A piece of the input: its text and where it stands."""

    text: str
    """The characters (possibly normalised, e.g. reflowed)."""
    start: int
    """Offset of the first source character."""
    end: int
    """Offset one past the last source character."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form."""
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        """Build from the form :meth:`to_dict` returns."""
        return cls(text=data["text"], start=data["start"], end=data["end"])


def _span_or_none(data: Mapping[str, Any] | None) -> Span | None:
    return None if data is None else Span.from_dict(data)


@attrs.frozen
class Header:
    """What the article says about itself: headline, date, credits, dateline."""

    headline: str | None = None
    """The title, when the text carries one."""
    published: str | None = None
    """ISO 8601 date (``2019-10-06``) or date-time when a time is known."""
    published_precision: Precision | None = None
    """How much of ``published`` was read from the text."""
    published_raw: str | None = None
    """The characters the date was read from."""
    agency: str | None = None
    """The originating agency or publisher credited (``Trend``, ``Reuters``)."""
    distributor: str | None = None
    """The syndicator, when distinct from the agency (``MENAFN``)."""
    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Person names from bylines and signatures."""
    byline: str | None = None
    """The raw byline text."""
    dateline: str | None = None
    """The place of the dateline as written (``BAKU``, ``WASHINGTON``)."""
    start: int | None = None
    """Offset of the first header character, if any header was found."""
    end: int | None = None
    """Offset one past the last header character."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form."""
        data = attrs.asdict(self, recurse=False)
        data["authors"] = list(self.authors)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Header:
        """Build from the form :meth:`to_dict` returns (unknown keys are ignored)."""
        names = {a.name for a in attrs.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@attrs.frozen
class Paragraph:
    """One body paragraph; hard-wrapped lines are joined with single spaces in ``text``."""

    text: str
    """The paragraph text, reflowed."""
    start: int
    """Offset of the first source character."""
    end: int
    """Offset one past the last source character."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form."""
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Paragraph:
        """Build from the form :meth:`to_dict` returns."""
        return cls(text=data["text"], start=data["start"], end=data["end"])


@attrs.frozen
class Speaker:
    """Who a quotation is attributed to, resolved as far as the article allows."""

    name: str
    """The fullest name the article gives (``Galina Niyazova``)."""
    kind: SpeakerKind = "person"
    """``person``, ``organisation``, ``document`` or ``unknown``."""
    role: str | None = None
    """The role the article gives the speaker, if any."""
    organisation: str | None = None
    """The speaker's affiliation, if any."""
    mention: Span | None = None
    """The words next to the cue that stand for the speaker (``he``, ``the analyst``)."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form."""
        return {
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "organisation": self.organisation,
            "mention": None if self.mention is None else self.mention.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Speaker:
        """Build from the form :meth:`to_dict` returns."""
        return cls(
            name=data["name"],
            kind=data.get("kind", "person"),
            role=data.get("role"),
            organisation=data.get("organisation"),
            mention=_span_or_none(data.get("mention")),
        )


@attrs.frozen
class Quote:
    """A quotation: direct (in quote marks), indirect (reported speech) or mixed."""

    text: str
    """The quoted words (direct) or the reported clause (indirect)."""
    kind: QuoteKind
    """``direct``, ``indirect`` or ``mixed``."""
    start: int
    """Offset of the first source character of the quoted words."""
    end: int
    """Offset one past the last source character of the quoted words."""
    paragraph: int
    """Index into :attr:`Article.paragraphs` of the paragraph the quote starts in."""
    cue: Span | None = None
    """The attribution cue (``said``, ``told Trend``, ``according to``)."""
    speaker: Speaker | None = None
    """The resolved speaker, when one could be found."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form."""
        return {
            "text": self.text,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
            "cue": None if self.cue is None else self.cue.to_dict(),
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Build from the form :meth:`to_dict` returns."""
        speaker = data.get("speaker")
        return cls(
            text=data["text"],
            kind=data["kind"],
            start=data["start"],
            end=data["end"],
            paragraph=data["paragraph"],
            cue=_span_or_none(data.get("cue")),
            speaker=None if speaker is None else Speaker.from_dict(speaker),
        )


@attrs.frozen
class Person:
    """A person the article names, with every mention."""

    name: str
    """The fullest form of the name in the article."""
    roles: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Roles the article gives the person."""
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_tuple)
    """Every mention: full name, surname, pronoun or description."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form."""
        return {
            "name": self.name,
            "roles": list(self.roles),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Person:
        """Build from the form :meth:`to_dict` returns."""
        return cls(
            name=data["name"],
            roles=data.get("roles", ()),
            mentions=[Span.from_dict(m) for m in data.get("mentions", ())],
        )


@attrs.frozen
class Organisation:
    """An organisation the article names, merged over all its mentions."""

    name: str
    """The fullest name the article gives."""
    kind: OrganisationKind = "other"
    """What sort of organisation it is."""
    acronym: str | None = None
    """Its acronym, when the article or the packaged list gives one."""
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    """Other forms the article uses for it."""
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_tuple)
    """Every mention with offsets."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form."""
        return {
            "name": self.name,
            "acronym": self.acronym,
            "aliases": list(self.aliases),
            "kind": self.kind,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Organisation:
        """Build from the form :meth:`to_dict` returns."""
        return cls(
            name=data["name"],
            kind=data.get("kind", "other"),
            acronym=data.get("acronym"),
            aliases=data.get("aliases", ()),
            mentions=[Span.from_dict(m) for m in data.get("mentions", ())],
        )


@attrs.frozen
class Boilerplate:
    """Text that is not part of the article: share lines, footers, follow-us lines."""

    text: str
    """The boilerplate text."""
    kind: str
    """What sort: ``share``, ``follow``, ``url``, ``rule``, ``source``, ``comments``..."""
    start: int
    """Offset of the first source character."""
    end: int
    """Offset one past the last source character."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form."""
        return {"text": self.text, "kind": self.kind, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Boilerplate:
        """Build from the form :meth:`to_dict` returns."""
        return cls(text=data["text"], kind=data["kind"], start=data["start"], end=data["end"])


@attrs.frozen
class Link:
    """A URL or social-media handle found anywhere in the input."""

    url: str
    """The URL (``https://...``) or handle (``@AzerNewsAz``) as written."""
    start: int
    """Offset of the first source character."""
    end: int
    """Offset one past the last source character."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form."""
        return {"url": self.url, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Link:
        """Build from the form :meth:`to_dict` returns."""
        return cls(url=data["url"], start=data["start"], end=data["end"])


def _meta(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return dict(value or {})


@attrs.frozen
class Article:
    """A parsed article. Build one with :func:`newsparse.parse`."""

    header: Header = attrs.field(factory=Header)
    """Headline, date, credits and dateline."""
    paragraphs: tuple[Paragraph, ...] = attrs.field(default=(), converter=_tuple)
    """Body paragraphs in order, without header and boilerplate."""
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_tuple)
    """Every quotation, in text order."""
    people: tuple[Person, ...] = attrs.field(default=(), converter=_tuple)
    """People the article names (speakers first of all)."""
    organisations: tuple[Organisation, ...] = attrs.field(default=(), converter=_tuple)
    """Organisations the article names, merged."""
    boilerplate: tuple[Boilerplate, ...] = attrs.field(default=(), converter=_tuple)
    """Lines removed from the body as boilerplate."""
    links: tuple[Link, ...] = attrs.field(default=(), converter=_tuple)
    """URLs and social handles."""
    meta: Mapping[str, Any] = attrs.field(factory=dict, converter=_meta)
    """Free space for custom parsers (must hold JSON-ready values)."""
    text: str | None = attrs.field(default=None, eq=False, repr=False)
    """The decoded input the offsets refer to (not part of :meth:`to_dict`)."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form described in the output contract."""
        return {
            "schema_version": SCHEMA_VERSION,
            "header": self.header.to_dict(),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "quotes": [q.to_dict() for q in self.quotes],
            "people": [p.to_dict() for p in self.people],
            "organisations": [o.to_dict() for o in self.organisations],
            "boilerplate": [b.to_dict() for b in self.boilerplate],
            "links": [link.to_dict() for link in self.links],
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, text: str | None = None) -> Article:
        """Rebuild an article from :meth:`to_dict` output (optionally with its source)."""
        version = str(data.get("schema_version", SCHEMA_VERSION))
        if version != SCHEMA_VERSION:
            raise ValueError(
                f"schema_version {version!r} is not supported (expected {SCHEMA_VERSION!r})"
            )
        return cls(
            header=Header.from_dict(data.get("header", {})),
            paragraphs=[Paragraph.from_dict(p) for p in data.get("paragraphs", ())],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", ())],
            people=[Person.from_dict(p) for p in data.get("people", ())],
            organisations=[Organisation.from_dict(o) for o in data.get("organisations", ())],
            boilerplate=[Boilerplate.from_dict(b) for b in data.get("boilerplate", ())],
            links=[Link.from_dict(link) for link in data.get("links", ())],
            meta=cast("Mapping[str, Any]", data.get("meta", {})),
            text=text,
        )

    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def to_html(self, *, title: str | None = None) -> str:
        """Return a self-contained HTML view; see :func:`newsparse.render.to_html`."""
        from .render import to_html  # imported on use: keeps "import newsparse" cheap

        return to_html(self, title=title)
