r"""Turning input into text, and small text helpers that keep offsets.

Bad-input policy (the docs' "Robustness" page says the same with examples):

1. ``str`` is taken as it is; ``bytes`` (and ``bytearray``/``memoryview``) are decoded as
   below; anything else raises :class:`InputTypeError` (a ``TypeError``).
2. ``bytes`` with a byte-order mark are decoded with the encoding the mark names.
3. Otherwise UTF-8 is tried first.
4. Bytes that look binary (NUL bytes or many control bytes) raise :class:`DecodeError`.
5. Otherwise each of ``fallback_encodings`` (default: ``cp1252``, the usual legacy
   encoding of scraped Western pages) is tried in turn.
6. If none fits, ``errors="replace"`` decodes as UTF-8 with U+FFFD replacement
   characters; the default ``errors="strict"`` raises :class:`DecodeError` naming the
   position of the first byte that is not UTF-8.
7. Input longer than ``max_chars`` characters (default :data:`DEFAULT_MAX_CHARS`, ten
   million) raises :class:`InputTooLargeError`; bytes are refused before decoding when
   they could not fit. ``max_chars=None`` lifts the limit.
8. Text that is empty or holds only white space and invisible format characters
   (zero-width spaces and joiners, byte-order marks, direction marks, soft hyphens) gives
   an empty :class:`~newsparse.Article`, not an error.
9. Nothing in a ``str`` is removed or rewritten before parsing, so offsets always index
   the caller's string: NUL and other control characters, lone surrogates, tabs,
   zero-width and right-to-left characters, combining marks and emoji stay where they
   are. Offsets count code points (Python ``str`` indexes), not bytes or UTF-16 units.
   Line breaks are ``\n``, ``\r\n``, ``\r`` and the other Unicode line separators
   (``\v``, ``\f``, ``\x1c``-``\x1e``, ``\x85``, U+2028, U+2029).
10. Lone surrogates (only possible in a ``str``) are kept in item texts;
    ``json.dumps(article.to_dict())`` escapes them (``ensure_ascii=True``, the default).
    Writing with ``ensure_ascii=False`` needs ``errors="surrogatepass"`` (or
    ``"backslashreplace"``) on the output stream.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator, Sequence
from typing import Literal

import attrs
import regex

from ._errors import DecodeError, InputTooLargeError, InputTypeError

__all__ = [
    "DEFAULT_MAX_CHARS",
    "INVISIBLE",
    "STRIPPED",
    "Line",
    "decode",
    "is_blank",
    "iter_lines",
    "to_text",
]

DEFAULT_MAX_CHARS = 10_000_000
"""Default limit on the input length, in characters."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CONTROL = regex.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")

Errors = Literal["strict", "replace"]


def _looks_binary(data: bytes) -> int | None:
    """Return the offset of the first binary-looking byte, or None for text."""
    sample = data[:65536]
    first_nul = sample.find(b"\x00")
    controls = _CONTROL.findall(sample)
    if first_nul >= 0 or len(controls) > max(8, len(sample) // 100):
        match = _CONTROL.search(sample)
        return match.start() if match else 0
    return None


def decode(
    data: bytes,
    *,
    errors: Errors = "strict",
    fallback_encodings: Sequence[str] = ("cp1252",),
) -> str:
    """Decode bytes as the module docstring describes."""
    marked = [encoding for bom, encoding in _BOMS if data.startswith(bom)]
    failures: list[UnicodeDecodeError] = []
    for encoding in marked:  # FF FE 00 00 is UTF-32 or UTF-16 text starting with NUL
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            failures.append(exc)
    if failures:
        if errors == "replace":
            return data.decode(marked[0], errors="replace")
        raise DecodeError(f"invalid {marked[0]}", failures[0].start) from failures[0]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    position = _looks_binary(data)
    if position is not None:
        if errors == "replace":
            return data.decode("utf-8", errors="replace")
        raise DecodeError("the bytes look binary, not text", position)
    for encoding in fallback_encodings:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    if errors == "replace":
        return data.decode("utf-8", errors="replace")
    raise DecodeError(
        f"not UTF-8 ({utf8_error.reason}) nor any of {list(fallback_encodings)}",
        utf8_error.start,
    ) from utf8_error


def to_text(
    source: object,
    *,
    errors: Errors = "strict",
    fallback_encodings: Sequence[str] = ("cp1252",),
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> str:
    """Check and decode a ``parse`` argument into ``str``."""
    if isinstance(source, str):
        text = source
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if max_chars is not None and len(data) > 4 * max_chars:
            raise InputTooLargeError(len(data), max_chars)
        text = decode(data, errors=errors, fallback_encodings=fallback_encodings)
    else:
        raise InputTypeError(f"parse() takes str or bytes, not {type(source).__name__}")
    if max_chars is not None and len(text) > max_chars:
        raise InputTooLargeError(len(text), max_chars)
    return text


INVISIBLE = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
"""Invisible format characters (soft hyphen, zero-width, direction marks, BOM)."""

STRIPPED = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + INVISIBLE
"""What :attr:`Line.stripped` strips: white space and :data:`INVISIBLE` characters."""


@attrs.frozen
class Line:
    """One line of the input, without its line break."""

    text: str
    """The characters of the line."""
    start: int
    """Offset of the first character."""
    end: int
    """Offset one past the last character (before the line break)."""

    @property
    def stripped(self) -> str:
        """The line without surrounding white space and invisible characters."""
        return self.text.strip(STRIPPED)

    @property
    def is_blank(self) -> bool:
        """True when the line holds only white space and invisible characters."""
        return not self.text.strip(STRIPPED)

    def strip_span(self) -> tuple[int, int]:
        """Offsets of :attr:`stripped`."""
        text = self.text
        left = len(text) - len(text.lstrip(STRIPPED))
        right = len(text.rstrip(STRIPPED))
        if right <= left:
            return self.start, self.start
        return self.start + left, self.start + right


_NEWLINE = regex.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""The line breaks of :data:`_NEWLINE` (and of ``str.splitlines``), ``\r\n`` aside."""
_new_line = object.__new__
_set_text = Line.__dict__["text"].__set__  # the slots under the frozen class's guard
_set_start = Line.__dict__["start"].__set__
_set_end = Line.__dict__["end"].__set__


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Line]:
    """Yield the lines of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    pos = start
    # str.splitlines breaks at exactly the characters of _NEWLINE, "\r\n" as one
    for piece in text[start:stop].splitlines(True):
        size = len(piece)
        last = piece[-1]
        if last == "\n" and piece.endswith("\r\n"):
            cut = size - 2
        elif last in _BREAKS:
            cut = size - 1
        else:
            cut = size
        line = _new_line(Line)
        _set_text(line, piece[:cut] if cut < size else piece)
        _set_start(line, pos)
        _set_end(line, pos + cut)
        yield line
        pos += size
    if pos < stop or pos == start:
        yield Line(text[pos:stop], pos, stop)


def is_blank(text: str) -> bool:
    """True when ``text`` holds only white space and :data:`INVISIBLE` characters."""
    return not text.strip(STRIPPED)
