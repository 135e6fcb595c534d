"""The organisations parser's view of its data files, compiled once per lexicon.

Reads ``org_heads``, ``organisations``, ``acronyms``, ``org_exclusions`` (owned by the
organisations parser) and, when they are packaged, ``agencies`` (news agencies and outlets),
``demonyms`` and ``person_names`` (read only). Everything is turned into sets and
dictionaries keyed by case-folded tokens, so that the scanner does constant-time look-ups
per token instead of running large alternations over the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import regex

from .._errors import DataError
from .._lexicon import Lexicon

__all__ = ["KindCue", "KnownEntry", "OrgData", "org_data", "raw_tokens", "split_tokens"]

# One token: a word (letters, digits, inner hyphens/apostrophes/dots/ampersands/slashes,
# an optional trailing "+") or any other single non-space character. The inner repetition
# is bounded and possessive, and each step consumes a character, so matching is linear.
TOKEN = regex.compile(
    r"[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|[-'’.&/](?=[\p{L}\p{N}])){0,80}+\+?|\S",
)
# The same tokens, ~2x faster (runs of letters instead of one alternation per character),
# as long as no word is longer than TOKEN's bound (its first character and 80 more):
# raw_tokens falls back to TOKEN when a longer one turns up.
_FAST_TOKEN = regex.compile(
    r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]{0,80}+(?:[-'’.&/](?=[\p{L}\p{N}])[\p{L}\p{M}\p{N}]{0,80}+){0,80}+"
    r"\+?|\S",
)
_FAST_LIMIT = 81

KINDS = frozenset(
    {
        "government",
        "legislature",
        "media",
        "intergovernmental",
        "academic",
        "company",
        "party",
        "ngo",
        "other",
    }
)


_ABBREVIATIONS = frozenset(
    {"st", "mt", "ft", "co", "corp", "inc", "ltd", "jr", "sr", "no", "dr", "mr", "mrs", "ms"}
    | {"prof", "gen", "bros", "plc", "int", "intl", "dept", "assn", "univ"}
)


def _dotted(text: str) -> bool:
    """True for letters joined by dots: ``U.S``, ``S.p.A``, ``a.s`` (a Czech legal form)."""
    parts = text.split(".")
    return len(parts) > 1 and all(len(p) == 1 and p.isalpha() for p in parts if p)


_DOMAINS = frozenset(
    [
        "az",
        "com",
        "ru",
        "org",
        "net",
        "gov",
        "edu",
        "uk",
        "io",
        "info",
        "ge",
        "kz",
        "uz",
        "tr",
        "de",
        "fr",
        "ua",
        "am",
        "ir",
        "cn",
        "co",
        "us",
        "eu",
        "biz",
        "tv",
        "news",
    ]
)


def _split_missing_space(word: str, start: int) -> list[tuple[str, int, int]]:
    """Split ``Energy.The`` (a sentence end without its space), keep ``Report.az``."""
    parts = word.split(".")
    pieces: list[tuple[str, int, int]] = []
    pos = start
    current = parts[0]
    for part in parts[1:]:
        before = current.rsplit(".", 1)[-1]
        letters_before = sum(c.isalpha() for c in before)
        if (
            (letters_before >= 2 or (before.isdigit() and part[:1].isupper()))
            and len(part) >= 2
            and part.isalpha()
            and part.casefold() not in _DOMAINS
        ):
            pieces.append((current, pos, pos + len(current)))
            pos += len(current)
            pieces.append((".", pos, pos + 1))
            pos += 1
            current = part
        else:
            current = f"{current}.{part}"
    pieces.append((current, pos, pos + len(current)))
    return pieces


def _found(
    pattern: regex.Pattern[str], text: str, start: int, stop: int
) -> tuple[list[tuple[str, int, int]], list[int]] | None:
    """The tokens before abbreviations are joined, and the indices of the ``.`` tokens.

    None where ``_FAST_TOKEN`` is not exact.
    """
    found: list[tuple[str, int, int]] = []
    dots: list[int] = []
    append = found.append
    fast = pattern is _FAST_TOKEN
    for match in pattern.finditer(text, start, stop):
        word = match.group()
        if fast and len(word) > _FAST_LIMIT:
            return None
        if word == ".":
            dots.append(len(found))
        elif "." in word and not _dotted(word):
            for piece in _split_missing_space(word, match.start()):
                if piece[0] == ".":
                    dots.append(len(found))
                append(piece)
            continue
        s, e = match.span()
        append((word, s, e))
    return found, dots


# The standard library's ``re`` finds the same tokens about twice as fast again, with the
# character classes spelled out: each class lists exactly the characters below ``_RE_LIMIT``
# that the ``regex`` class matches (computed with ``regex`` itself, once, on first use), so
# it is exact for any text without a character at or above ``_RE_LIMIT``; other text takes
# the ``regex`` path. Greedy repetition finds what the possessive one does: what follows
# each run is optional, so no match ever backtracks into it.
_RE_LIMIT = 0x2200
_re_tables: tuple[re.Pattern[str], re.Pattern[str]] | None = None


def _re_class(pattern: str, chars: str) -> str:
    """``chars`` (sorted, as ``pattern`` finds them) written as ``re`` class ranges."""
    codes = [ord(c) for c in regex.findall(pattern, chars)]
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "".join(parts)


def _re_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The ``re`` token pattern (with the blanks before each token) and the high-char test."""
    global _re_tables
    if _re_tables is None:
        chars = "".join(map(chr, range(_RE_LIMIT)))
        first = _re_class(r"[\p{L}\p{N}]", chars)
        inner = _re_class(r"[\p{L}\p{M}\p{N}]", chars)
        blank = _re_class(r"\s", chars)
        token = (
            f"[{first}][{inner}]{{0,80}}(?:[-'’.&/](?=[{first}])[{inner}]{{0,80}}){{0,80}}"
            f"\\+?|[^{blank}]"
        )
        _re_tables = (
            re.compile(f"([{blank}]*)({token})"),
            re.compile(f"[^\\x00-\\u{_RE_LIMIT - 1:04x}]"),
        )
    return _re_tables


def _re_found(
    pattern: re.Pattern[str], text: str, start: int, stop: int
) -> tuple[list[tuple[str, int, int]], list[int]] | None:
    """:func:`_found` with the ``re`` pattern (offsets summed from the blanks' lengths)."""
    found: list[tuple[str, int, int]] = []
    dots: list[int] = []
    append = found.append
    pos = start
    for blank, word in pattern.findall(text, start, stop):
        s = pos + len(blank)
        pos = s + len(word)
        if word == ".":
            dots.append(len(found))
        elif pos - s > _FAST_LIMIT:
            return None
        elif "." in word and not _dotted(word):
            for piece in _split_missing_space(word, s):
                if piece[0] == ".":
                    dots.append(len(found))
                append(piece)
            continue
        append((word, s, pos))
    return found, dots


def raw_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Tokens of ``text[start:end]`` as ``(text, start, end)``.

    An abbreviation and its dot are one token (``St.``, ``Corp.``, ``U.S.``), so that
    ``St. Petersburg State University`` is not cut at a false sentence end.
    """
    stop = len(text) if end is None else end
    tokens, high = _re_patterns()
    result = None
    if high.search(text, start, stop) is None:
        result = _re_found(tokens, text, start, stop)
    if result is None:
        result = _found(_FAST_TOKEN, text, start, stop)
    if result is None:  # a word longer than TOKEN's bound: cut it where TOKEN does
        result = _found(TOKEN, text, start, stop)
        assert result is not None
    found, dots = result
    # Join an abbreviation and the dot right after it. Only tokens before a "." can
    # join, so visit those, in order, and copy the runs between them as they are.
    merged: list[tuple[str, int, int]] = []
    copied = 0  # found[:copied] are in merged
    for j in dots:
        i = j - 1
        if i < copied:
            continue  # the token before it is a dot joined already
        word, s, e = found[i]
        _, dot_start, dot_end = found[j]
        if (
            dot_start == e
            and word[:1].isalpha()
            and (word.casefold() in _ABBREVIATIONS or _dotted(word))
        ):
            merged.extend(found[copied:i])
            merged.append((word + ".", s, dot_end))
            copied = j + 1
    if not copied:
        return found
    merged.extend(found[copied:])
    return merged


def split_tokens(text: str) -> tuple[str, ...]:
    """Split a data-file phrase into case-folded tokens, as the scanner sees them."""
    bare = text.replace(" ", "")
    if bare.isascii() and bare.isalnum():
        # ASCII letters and digits between spaces (most names): each word is one token
        return tuple(text.lower().split())
    return tuple(word.casefold() for word, _, _ in raw_tokens(text))


@attrs.frozen
class KnownEntry:
    """An organisation the data files name."""

    name: str
    kind: str
    acronym: str | None = None
    needs_definition: bool = False
    source: str = "known"


@attrs.frozen
class KindCue:
    """A rule that turns a head's default kind into another kind."""

    words: tuple[tuple[str, ...], ...]
    kind: str
    from_kinds: frozenset[str]
    heads: frozenset[str] | None
    requires: tuple[tuple[str, ...], ...] | None
    unless_heads: frozenset[str]


@attrs.frozen
class OrgData:
    """Compiled data for the organisations parser."""

    heads: Mapping[str, str]
    head_requires: Mapping[str, frozenset[str]]
    complement_heads: frozenset[str]
    title_followers: frozenset[str]
    """Case-folded head noun -> default kind."""
    kind_cues: tuple[KindCue, ...]
    cue_index: Mapping[tuple[str, ...], tuple[int, ...]]
    """Cue phrase -> indexes of the kind cues it belongs to."""
    max_cue_len: int
    intergovernmental_heads: frozenset[str]
    """Heads that an intergovernmental acronym inside the name makes intergovernmental."""
    lowercase_heads: frozenset[str]
    lowercase_modifiers: frozenset[str]
    connectors: frozenset[str]
    legal_suffixes: frozenset[str]
    legal_suffixes_as_written: frozenset[str]
    """Legal forms as listed, final dot dropped ("SpA", "S.p.A"): after a comma only these."""
    legal_prefixes: frozenset[str]
    state_heads: frozenset[str]
    possessive_name_words: frozenset[str]
    non_name_words: frozenset[str]
    descriptors: frozenset[tuple[str, ...]]
    backref_blockers: frozenset[str]
    entries: tuple[KnownEntry, ...]
    known: Mapping[str, tuple[tuple[tuple[str, ...], str, int], ...]]
    """First case-folded token -> (tokens, written form, entry index), longest first."""
    form_caps: Mapping[str, tuple[bool, ...]]
    """Known form -> whether each of its tokens starts with a capital."""
    acronym_entries: Mapping[str, int]
    """Acronym exactly as written -> entry index."""
    places: Mapping[tuple[str, ...], str]
    """Case-folded place or adjective tokens -> canonical place."""
    max_place_len: int
    exclusion_names: frozenset[str]
    generic_names: frozenset[str]
    not_acronyms: frozenset[str]
    common_word_names: frozenset[str]
    cue_only_names: frozenset[str]
    cues_before: frozenset[tuple[str, ...]]
    cues_after: frozenset[tuple[str, ...]]
    time_words: frozenset[str]
    merge_ignored_words: frozenset[str]
    apposition_stops: frozenset[str]
    club_suffixes: frozenset[str]
    to_heads: frozenset[str]
    event_heads: frozenset[str]
    prefix_heads: Mapping[str, str]
    name_particles: frozenset[str]
    regions: frozenset[str]
    workplace_roles: Mapping[str, str]
    acronym_roles: frozenset[str]
    descriptor_blockers: frozenset[str]
    adjective_suffixes: frozenset[str]
    descriptor_nouns: Mapping[str, str]
    descriptors_after_name: frozenset[str]
    apposition_followers: frozenset[str]
    standalone_heads: frozenset[str]
    context_kinds: Mapping[str, str]
    given_names: frozenset[str]
    surname_suffixes: tuple[str, ...]
    trigger_folds: frozenset[str] = frozenset()
    """Folds some check of the scanner starts at whatever their case: heads and descriptor
    nouns (known first words and legal suffixes depend on the case, see ``known_initials``
    and ``legal_suffixes``)."""
    known_initials: Mapping[str, str] = {}
    """First token -> how the first letters of its ``known`` forms are written: ``U``
    (upper case), ``L`` (lower case), ``O`` (neither). A form only matches a token whose
    first character is written the same way (``the`` never starts ``The Guardian``)."""
    trigger_bases: frozenset[str] = frozenset()
    """Bases some check of the scanner starts at: acronyms, prefix heads, legal prefixes."""
    known_next: Mapping[str, Mapping[str, tuple[tuple[tuple[str, ...], str, int], ...]]] = {}
    """First token -> second token -> the ``known`` forms that fit a name starting with
    those two words (one-word forms and forms whose second token it is), in their order."""
    known_single: Mapping[str, tuple[tuple[tuple[str, ...], str, int], ...]] = {}
    """First token -> its one-word ``known`` forms."""
    plain_triggers: frozenset[str] = frozenset()
    """The triggers of a word of lower-case ASCII letters only: both sets, ``at``, known
    first words with a form not written with a capital, and legal suffixes that act in
    lower case."""
    title_triggers: frozenset[str] = frozenset()
    """The folds of the triggers of a capitalised word of ASCII letters (with
    ``trigger_bases``): ``trigger_folds``, legal suffixes and known first words with a form
    not written in lower case."""
    lowercase_unit_modifiers: frozenset[str] = frozenset()
    """Lower-case modifiers naming a local government unit (``county``, ``borough``): the
    capitalised word before them is a place even when the lexicon does not know it."""
    place_prefixes: frozenset[tuple[str, ...]] = frozenset()
    """The proper beginnings of the ``places`` keys (``("new",)`` of ``new york``)."""
    cue_firsts: frozenset[str] = frozenset()
    """The first words of the ``cue_index`` phrases: a name holding none has no kind cue."""
    exclusion_last_words: frozenset[str] = frozenset()
    """The last words of ``exclusion_names``: a name ending in none is not excluded."""


def _get(lexicon: Lexicon, name: str) -> Mapping[str, Any]:
    try:
        return lexicon.get(name)
    except DataError:
        return {}


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(f"{where} must be a list of strings")
    return list(value)


def _kind(value: Any, where: str) -> str:
    if value not in KINDS:
        raise DataError(f"{where}: kind {value!r} is not one of {sorted(KINDS)}")
    return str(value)


def _fold(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def _norm_legal(word: str) -> str:
    return word.replace(".", "").casefold()


def _cues(raw: Any) -> tuple[KindCue, ...]:
    cues = []
    for i, item in enumerate(raw or []):
        where = f"org_heads.kind_cues[{i}]"
        if not isinstance(item, Mapping):
            raise DataError(f"{where} must be an object")
        heads = item.get("heads")
        requires = item.get("requires")
        cues.append(
            KindCue(
                words=tuple(split_tokens(w) for w in _strings(item.get("words"), where)),
                kind=_kind(item.get("kind"), where),
                from_kinds=frozenset(_strings(item.get("from"), where)),
                heads=None if heads is None else _fold(_strings(heads, where)),
                requires=None
                if requires is None
                else tuple(split_tokens(w) for w in _strings(requires, where)),
                unless_heads=_fold(_strings(item.get("unless_heads"), where)),
            )
        )
    return tuple(cues)


def _bare(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tokens[1:] if len(tokens) > 2 and tokens[0] == "the" else tokens


def _build(lexicon: Lexicon) -> OrgData:
    heads_data = _get(lexicon, "org_heads")
    known_data = _get(lexicon, "organisations")
    acronym_data = _get(lexicon, "acronyms")
    exclusions = _get(lexicon, "org_exclusions")
    agencies = _get(lexicon, "agencies")
    demonyms = _get(lexicon, "demonyms")
    person_names = _get(lexicon, "person_names")

    raw_heads = heads_data.get("heads", {})
    if not isinstance(raw_heads, Mapping):
        raise DataError("org_heads.heads must be an object of head -> kind")
    heads = {
        h.casefold(): _kind(k, f"org_heads.heads[{h!r}]")
        for h, k in raw_heads.items()
        if len(split_tokens(h)) == 1
    }

    entries: list[KnownEntry] = []
    forms: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
    acronym_entries: dict[str, int] = {}

    seen_forms: dict[tuple[str, ...], int] = {}

    def add_form(form: str, index: int) -> None:
        tokens = split_tokens(form)
        if tokens and tokens[0] == "the" and len(tokens) > 2:
            tokens = tokens[1:]
            form = form.split(None, 1)[1]
        if tokens and tokens not in seen_forms:
            seen_forms[tokens] = index
            forms.setdefault(tokens[0], []).append((tokens, form, index))

    def register(entry: KnownEntry, names: list[str]) -> int:
        """Add an entry, or join the entry that already owns one of its forms."""
        index = next(
            (seen_forms[t] for t in (_bare(split_tokens(n)) for n in names) if t in seen_forms),
            None,
        )
        if index is None:
            index = len(entries)
            entries.append(entry)
        elif entry.acronym and not entries[index].acronym:
            entries[index] = attrs.evolve(
                entries[index], acronym=entry.acronym, needs_definition=entry.needs_definition
            )
        for form in names:
            add_form(form, index)
        return index

    # News agencies and outlets first: their spelling is the one the header reports.
    for i, item in enumerate(agencies.get("agencies", [])):
        where = f"agencies.agencies[{i}]"
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
            continue
        kind = item.get("org_kind", "media")
        register(
            KnownEntry(item["name"], kind if kind in KINDS else "media", source="agency"),
            [item["name"], *_strings(item.get("aliases"), where)],
        )

    for i, item in enumerate(known_data.get("organisations", [])):
        where = f"organisations.organisations[{i}]"
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
            raise DataError(f"{where} must be an object with a 'name'")
        register(
            KnownEntry(item["name"], _kind(item.get("kind", "other"), where)),
            [item["name"], *_strings(item.get("aliases"), where)],
        )

    raw_acronyms = acronym_data.get("acronyms", {})
    if not isinstance(raw_acronyms, Mapping):
        raise DataError("acronyms.acronyms must be an object of acronym -> entry")
    shared = set(_strings(acronym_data.get("needs_definition"), "acronyms.needs_definition"))
    for acronym, item in raw_acronyms.items():
        where = f"acronyms.acronyms[{acronym!r}]"
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
            raise DataError(f"{where} must be an object with a 'name'")
        index = register(
            KnownEntry(
                item["name"],
                _kind(item.get("kind", "other"), where),
                acronym=acronym,
                needs_definition=acronym in shared or bool(item.get("needs_definition")),
                source="acronym",
            ),
            [f for f in [item["name"], *_strings(item.get("aliases"), where)] if f != acronym],
        )
        acronym_entries[acronym] = index

    known = {
        first: tuple(sorted(items, key=lambda x: -len(x[0]))) for first, items in forms.items()
    }

    places: dict[tuple[str, ...], str] = {}
    for source in (demonyms.get("countries", {}), exclusions.get("places", {})):
        if not isinstance(source, Mapping):
            continue
        for place, others in source.items():
            for form in [place, *_strings(others, "places")]:
                places[split_tokens(form)] = place
    for city in _strings(exclusions.get("cities"), "org_exclusions.cities"):
        places.setdefault(split_tokens(city), city)

    descriptors = frozenset(
        split_tokens(d) for d in _strings(heads_data.get("descriptors"), "descriptors")
    )
    cues = _cues(heads_data.get("kind_cues"))
    cue_index: dict[tuple[str, ...], list[int]] = {}
    for index, cue in enumerate(cues):
        for phrase in cue.words:
            cue_index.setdefault(phrase, []).append(index)
    descriptor_nouns = {
        str(k).casefold(): _kind(v, f"org_heads.descriptor_nouns[{k!r}]")
        for k, v in dict(heads_data.get("descriptor_nouns", {})).items()
        if " " not in str(k)
    }
    descriptors_after_name = _fold(
        _strings(heads_data.get("descriptors_after_name"), "descriptors_after_name")
    )
    legal_suffixes = frozenset(
        _norm_legal(s) for s in _strings(heads_data.get("legal_suffixes"), "legal")
    )
    legal_prefixes = frozenset(_strings(heads_data.get("legal_prefixes"), "legal"))
    prefix_heads = {
        str(k): _kind(v, f"org_heads.prefix_heads[{k!r}]")
        for k, v in dict(heads_data.get("prefix_heads", {})).items()
    }
    known_next = {
        first: {
            second: tuple(o for o in options if len(o[0]) == 1 or o[0][1] == second)
            for second in {o[0][1] for o in options if len(o[0]) > 1}
        }
        for first, options in known.items()
    }
    known_single = {
        first: tuple(o for o in options if len(o[0]) == 1) for first, options in known.items()
    }
    trigger_folds = frozenset(heads).union(descriptor_nouns, descriptors_after_name)
    trigger_bases = frozenset(acronym_entries).union(prefix_heads, legal_prefixes)
    known_initials = {
        first: "".join(
            sorted({"U" if f[:1].isupper() else "L" if f[:1].islower() else "O" for _, f, _ in o})
        )
        for first, o in known.items()
    }
    club_suffixes = frozenset(_strings(heads_data.get("club_suffixes"), "club_suffixes"))
    # A lower-case word: a known first word starts no form written with a capital; a legal
    # suffix acts only as "plc" or a club suffix (legal_at).
    plain_triggers = trigger_folds.union(
        trigger_bases,
        {"at"},
        (first for first, cases in known_initials.items() if cases != "U"),
        (s for s in legal_suffixes if s == "plc" or s in club_suffixes),
    )
    exclusion_names = frozenset(
        " ".join(split_tokens(n)) for n in _strings(exclusions.get("names"), "org_exclusions.names")
    )
    return OrgData(
        heads=heads,
        complement_heads=_fold(_strings(heads_data.get("complement_heads"), "complement_heads")),
        title_followers=_fold(_strings(heads_data.get("title_followers"), "title_followers")),
        head_requires={
            str(h).casefold(): _fold(_strings(before, f"org_heads.head_requires[{h!r}]"))
            for h, before in dict(heads_data.get("head_requires", {})).items()
        },
        kind_cues=cues,
        cue_index={k: tuple(v) for k, v in cue_index.items()},
        max_cue_len=max((len(k) for k in cue_index), default=1),
        intergovernmental_heads=frozenset().union(
            *(c.heads or () for c in cues if c.kind == "intergovernmental")
        ),
        lowercase_heads=_fold(
            h
            for h in _strings(heads_data.get("lowercase_heads"), "lowercase_heads")
            if " " not in h
        ),
        lowercase_modifiers=_fold(
            _strings(heads_data.get("lowercase_modifiers"), "lowercase_modifiers")
        ),
        lowercase_unit_modifiers=_fold(
            _strings(heads_data.get("lowercase_unit_modifiers"), "lowercase_unit_modifiers")
        ),
        connectors=_fold(_strings(heads_data.get("connectors"), "connectors")),
        legal_suffixes=legal_suffixes,
        legal_suffixes_as_written=frozenset(
            s.rstrip(".") for s in _strings(heads_data.get("legal_suffixes"), "legal")
        ),
        legal_prefixes=legal_prefixes,
        state_heads=_fold(_strings(heads_data.get("state_heads"), "state_heads")),
        possessive_name_words=_fold(
            _strings(heads_data.get("possessive_name_words"), "possessive_name_words")
        ),
        non_name_words=_fold(_strings(heads_data.get("non_name_words"), "non_name_words")),
        descriptors=descriptors,
        backref_blockers=_fold(
            _strings(heads_data.get("back_reference_blockers"), "back_reference_blockers")
        ),
        entries=tuple(entries),
        known=known,
        known_next=known_next,
        known_single=known_single,
        form_caps={
            form: tuple(w[:1].isupper() for w, _, _ in raw_tokens(form))
            for items in known.values()
            for _, form, _ in items
        },
        acronym_entries=acronym_entries,
        places=places,
        max_place_len=max((len(k) for k in places), default=1),
        place_prefixes=frozenset(k[:size] for k in places for size in range(1, len(k))),
        exclusion_names=exclusion_names,
        generic_names=frozenset(
            " ".join(split_tokens(n))
            for n in _strings(exclusions.get("generic_names"), "org_exclusions.generic_names")
        ),
        exclusion_last_words=frozenset(name.rsplit(" ", 1)[-1] for name in exclusion_names),
        cue_firsts=frozenset(phrase[0] for phrase in cue_index if phrase),
        not_acronyms=frozenset(_strings(exclusions.get("not_acronyms"), "not_acronyms")),
        common_word_names=frozenset(
            _strings(exclusions.get("common_word_names"), "common_word_names")
        ),
        cue_only_names=frozenset(_strings(exclusions.get("cue_only_names"), "cue_only")),
        cues_before=frozenset(
            split_tokens(c) for c in _strings(exclusions.get("cues_before"), "cues_before")
        ),
        cues_after=frozenset(
            split_tokens(c) for c in _strings(exclusions.get("cues_after"), "cues_after")
        ),
        context_kinds={
            str(k).casefold(): _kind(v, f"org_heads.context_kinds[{k!r}]")
            for k, v in dict(heads_data.get("context_kinds", {})).items()
        },
        standalone_heads=_fold(_strings(heads_data.get("standalone_heads"), "standalone_heads")),
        descriptor_nouns=descriptor_nouns,
        descriptors_after_name=descriptors_after_name,
        apposition_followers=_fold(
            _strings(heads_data.get("apposition_followers"), "apposition_followers")
        ),
        adjective_suffixes=_fold(
            _strings(heads_data.get("adjective_suffixes"), "adjective_suffixes")
        ),
        descriptor_blockers=_fold(
            _strings(heads_data.get("descriptor_blockers"), "descriptor_blockers")
        ),
        workplace_roles={
            str(k).casefold(): _kind(v, f"org_heads.workplace_roles[{k!r}]")
            for k, v in dict(heads_data.get("workplace_roles", {})).items()
        },
        acronym_roles=_fold(_strings(heads_data.get("acronym_roles"), "acronym_roles")),
        regions=frozenset(_strings(exclusions.get("regions"), "org_exclusions.regions")),
        event_heads=_fold(_strings(heads_data.get("event_heads"), "event_heads")),
        prefix_heads=prefix_heads,
        name_particles=frozenset(_strings(heads_data.get("name_particles"), "name_particles")),
        to_heads=_fold(_strings(heads_data.get("to_heads"), "to_heads")),
        club_suffixes=club_suffixes,
        merge_ignored_words=_fold(
            _strings(heads_data.get("merge_ignored_words"), "merge_ignored_words")
        ),
        apposition_stops=_fold(_strings(heads_data.get("apposition_stops"), "apposition_stops")),
        time_words=_fold(_strings(heads_data.get("time_words"), "time_words")),
        given_names=frozenset(_strings(person_names.get("given_names"), "given_names")),
        surname_suffixes=tuple(
            s.casefold() for s in _strings(heads_data.get("surname_suffixes"), "surname_suffixes")
        ),
        trigger_folds=trigger_folds,
        trigger_bases=trigger_bases,
        known_initials=known_initials,
        title_triggers=trigger_folds.union(
            legal_suffixes,
            (first for first, cases in known_initials.items() if cases != "L"),
        ),
        plain_triggers=plain_triggers,
    )


def org_data(lexicon: Lexicon) -> OrgData:
    """The compiled organisations data of ``lexicon`` (built once per lexicon)."""
    return lexicon.compiled("organisations.data", _build)
