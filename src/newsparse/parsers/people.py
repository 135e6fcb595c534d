"""Find the people an article names, merge their mentions and read their roles.

A capitalised run is taken for a person when something says so: a title or role before
it ("Russian President Vladimir Putin", "political commentator Sahil Karimli"), a role
apposition after it ("Galina Niyazova, Russian expert, ..."), a speech verb after it, or
the shape of the name itself (a known first name, a common surname ending). Shorter
forms (a surname alone, "Dmitry Ivanovich", "S.Kariml") are then linked to the person
they stand for.
"""

from __future__ import annotations

import attrs
import regex

from .._draft import Draft
from .._model import Person, Span
from ._names import NameHit, NameLex, letters_before, name_lex, within_two_edits

__all__ = [
    "PersonRecord",
    "find_people",
    "match_person",
    "paragraph_spans",
    "strip_article",
    "title_before",
]

_SEGMENT_SPLIT = regex.compile(r",\s{1,5}+")
_NEXT_VERB_GAP = 40
_COMMA_AT_END = regex.compile(r",\s{1,3}+$")
_ARTICLE = regex.compile(r"^(?:the|a|an|The|A|An)\s{1,3}+")
_LEAD_GAP = regex.compile(r"^[\s,]{0,3}+")
_LOWER_WORD = regex.compile(r"[\p{Ll}]{2,15}+\s{1,3}+")
_ACCORDING_AT_END = regex.compile(r"(?i:according\s{1,3}+to)\s{1,3}+$")
_OBJECT_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:with|to|for|from|at|in|on|of|about|against|and|than)\s{1,3}+$"
)
_OBJECT_WORDS = frozenset(
    ("with", "to", "for", "from", "at", "in", "on", "of", "about", "against", "and", "than")
)
"""The words _OBJECT_BEFORE ends with."""
_ACCORDING_WORDS = frozenset(("to", "To", "tO", "TO"))
"""The words _ACCORDING_AT_END ends with."""


def _word_before(text: str, lo: int, hi: int) -> str:
    """The letters before the white space that ends ``text[lo:hi]``, or "".

    (Performance.) A pattern ending with a word, white space and ``$`` can only match
    ``text[lo:hi]`` when this is that word: the white space goes back to the word, and a
    word that starts after a non-letter is the whole letter run.
    """
    k = hi
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k == hi:
        return ""
    return letters_before(text, lo, k) or ""


@attrs.define
class PersonRecord:
    """A person while mentions are collected."""

    name: str
    """The canonical full name."""
    roles: list[str] = attrs.field(factory=list)
    mentions: list[Span] = attrs.field(factory=list)
    gender: str | None = None
    # (Performance.) First token, last token, last token case-folded, the number of
    # tokens of the name and the letters of the folded last token, computed once per
    # name: ``_key_of`` is the name they are of.
    _key_of: str | None = attrs.field(default=None, init=False, repr=False, eq=False)
    _key: tuple[str, str, str, int, frozenset[str]] = attrs.field(
        default=("", "", "", 0, frozenset()), init=False, repr=False, eq=False
    )

    def _name_key(self) -> tuple[str, str, str, int, frozenset[str]]:
        """First and last token, last token case-folded, number of tokens, its letters."""
        if self._key_of is not self.name:
            tokens = self.name.split()
            last = tokens[-1].casefold()
            self._key = (tokens[0], tokens[-1], last, len(tokens), frozenset(last))
            self._key_of = self.name
        return self._key

    @property
    def first(self) -> str:
        """The first token of the name."""
        return self._name_key()[0]

    @property
    def last(self) -> str:
        """The last token of the name."""
        return self._name_key()[1]

    def add_role(self, role: str | None) -> None:
        """Record ``role`` once."""
        if role and role not in self.roles:
            self.roles.append(role)


def paragraph_spans(draft: Draft) -> list[tuple[int, int]]:
    """The paragraphs' source spans, or the body region when there are none."""
    if draft.paragraphs:
        return [(p.start, p.end) for p in draft.paragraphs]
    if draft.body_end > draft.body_start and any(
        not ln.is_blank and not draft.is_excluded(*ln.strip_span()) for ln in draft.body_lines()
    ):
        return [(draft.body_start, draft.body_end)]
    return []  # no body, or every body line is boilerplate ("Read more: ...")


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def match_person(
    name: str, persons: list[PersonRecord], lex: NameLex, prefer_before: int | None = None
) -> PersonRecord | None:
    """The person ``name`` stands for: full name, surname, first name, initial + surname.

    Misspelt or clipped surnames match by prefix or an edit distance of at most two
    ("S.Kariml" -> "Sahil Karimli"). When several people fit, the one mentioned last
    before ``prefer_before`` wins.
    """
    if "'" in name or "’" in name:
        name = " ".join(_strip_possessive(t) for t in name.split())
    canonical = lex.canonical(name)  # white space collapsed
    for person in persons:
        if person.name == canonical:
            return person
    initials = ""
    # An initial is a capital and a dot: no regex for names without a dot.
    match = lex.initials_re.match(canonical) if "." in canonical else None
    if match is not None:
        initials = match.group().replace(".", "").replace(" ", "")
        canonical = canonical[match.end() :].strip()
    tokens = canonical.split()
    if not tokens:
        return None
    candidates: list[PersonRecord] = []
    if len(tokens) >= 2 and lex.is_patronymic(tokens[-1]):
        word = tokens[0]
        candidates = [p for p in persons if p._name_key()[0] == word]
    elif len(tokens) >= 2:
        word, last = tokens[0], tokens[-1]
        candidates = [p for p in persons if (key := p._name_key())[0] == word and key[1] == last]
        if not candidates:
            # "Al Tayer" of "Mattar Al Tayer", "Bin Salman" of "Mohammed bin Salman": the
            # last words of a longer name.
            tail = [t.casefold() for t in tokens]
            size = len(tail)
            candidates = [
                p
                for p in persons
                if len(words := p.name.split()) > size
                and [w.casefold() for w in words[-size:]] == tail
            ]
    else:
        word = tokens[0]
        # (Performance.) One pass finds the persons of that last name and, kept in case
        # there are none, those of that first name with more than one token.
        firsts: list[PersonRecord] = []
        for p in persons:
            key = p._name_key()
            if key[1] == word:
                candidates.append(p)
            elif not candidates and key[0] == word and key[3] > 1:
                firsts.append(p)
        if not candidates and not initials:
            candidates = firsts
        if not candidates:
            # "Kwok" of "Rosanna Kwok Wai-yee": the family name before a romanised
            # two-syllable given name
            candidates = _family_before_given(persons, lex, word, None)
        if not candidates and len(word) >= 4:
            candidates = _clipped_or_misspelt(word.casefold(), initials[:1], persons)
    if not candidates and len(tokens) == 2:
        candidates = _family_before_given(persons, lex, tokens[1], tokens[0])  # "Rosanna Kwok"
    if initials:
        candidates = [p for p in candidates if p.first[:1] == initials[:1]] or candidates
    if not candidates:
        return None
    if len(candidates) == 1 or prefer_before is None:
        return candidates[0]

    def last_before(p: PersonRecord) -> int:
        starts = [m.start for m in p.mentions if m.start < prefer_before]
        return max(starts) if starts else -1

    return max(candidates, key=last_before)


_PLACE_PREPOSITIONS = frozenset(("in", "at", "near", "outside", "across"))


def _after_place_preposition(text: str, lo: int, start: int) -> bool:
    """True for a single capitalised word right after "in", "at" ... ("in Brasília,")."""
    word_end = start
    while word_end > lo and text[word_end - 1] == " ":
        word_end -= 1
    word_start = word_end
    while word_start > lo and text[word_start - 1].isalpha():
        word_start -= 1
    return word_end < start and text[word_start:word_end] in _PLACE_PREPOSITIONS


def _family_before_given(
    persons: list[PersonRecord], lex: NameLex, family: str, first: str | None
) -> list[PersonRecord]:
    """The persons whose name ends in ``family`` and a romanised given name.

    "Chiu Hsin-yi", "Rosanna Kwok Wai-yee": the word before a hyphenated two-syllable
    given name is the family name; with ``first``, the name must also start with it.
    """
    found = []
    for person in persons:
        key = person._name_key()
        if key[3] < 2 or "-" not in key[1] or (first is not None and key[0] != first):
            continue
        words = person.name.split()
        if (
            words[-2] == family
            and (first is None or len(words) > 2)
            and lex.is_syllable_given(key[1])
        ):
            found.append(person)
    return found


def _clipped_or_misspelt(
    folded: str, initial: str, persons: list[PersonRecord]
) -> list[PersonRecord]:
    """The persons whose case-folded last name is ``folded`` clipped or misspelt.

    It starts with ``folded`` or, for five letters or more, is two edits away from it.
    With ``initial``, only persons whose first name starts with it count.
    """
    size = len(folded)
    fuzzy = size >= 5
    letters = frozenset(folded)
    found = []
    for person in persons:
        first, _, last, _, last_letters = person._name_key()
        if initial and first[:1] != initial:
            continue
        # Each letter of one name missing from the other costs at least one edit.
        if last.startswith(folded) or (
            fuzzy
            and -2 <= len(last) - size <= 2
            and len(letters - last_letters) <= 2
            and within_two_edits(folded, last)
        ):
            found.append(person)
    return found


_TITLE_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’&-]{0,40}+")
_CONNECTORS = ("to", "of", "for", "at")
_TOKEN_CHARS_BACK = regex.compile(r"(?r)[\p{L}\p{N}.'’&-]++")
"""The token characters that end the string (matched backwards from its end)."""


def title_before(text: str, lo: int, hi: int, lex: NameLex) -> tuple[str, int] | None:
    """A title written right before a name (ending at ``hi``), in any case, and its start.

    "political commentator Arzu Nagiyev", "FNSEA head Bernard Lacoste", "NASA launch
    director Karen Holt", "Uzbek Ambassador to Azerbaijan Bakhrom Ashrafkhanov": role
    words, capitalised words and acronyms, and lower-case words just before a role word,
    back to a comma, a quote mark or a function word. The phrase must hold a role noun.
    """
    window_lo = max(lo, hi - 120)
    if _no_title_end(text, window_lo, hi, lex):
        return None
    tokens: list[tuple[int, int]] | None = None
    cut = text.find(" ", hi - 80, hi) if hi - window_lo > 80 else -1
    if cut >= 0:
        # (Performance.) The tokens after a space are the window's last tokens; the
        # loop below reads at most the last nine.
        tail = [(m.start(), m.end()) for m in _TITLE_TOKEN.finditer(text, cut + 1, hi)]
        if len(tail) >= 9:
            tokens = tail
    if tokens is None:
        tokens = [(m.start(), m.end()) for m in _TITLE_TOKEN.finditer(text, window_lo, hi)]
    kept: int | None = None
    for index in range(len(tokens) - 1, max(-1, len(tokens) - 10), -1):
        a, b = tokens[index]
        following = tokens[index + 1][0] if index + 1 < len(tokens) else hi
        if text[b:following].strip():
            break  # punctuation between tokens: a comma, a quote mark
        word = text[a:b]
        folded = word.casefold()
        if folded in lex.role_words:
            kept = index
            continue
        if word[0].isupper() or word[0].isdigit():
            if folded in lex.function_words:
                break
            kept = index
            continue
        if folded in _CONNECTORS and kept is not None:
            kept = index
            continue
        nxt = text[slice(*tokens[index + 1])].casefold() if index + 1 < len(tokens) else ""
        if (
            nxt in lex.role_words
            and folded not in lex.function_words
            and folded not in lex.verb_lemma
            and not folded.endswith("ed")
        ):
            kept = index  # "launch" in "launch director", "union" in "union spokesman"
            continue
        break
    if kept is None:
        return None
    while kept < len(tokens) and text[slice(*tokens[kept])].casefold() in _CONNECTORS:
        kept += 1
    if kept >= len(tokens) or text[slice(*tokens[-1])].casefold() in _CONNECTORS:
        return None  # "leader of Greenford": the name is the complement, not the person
    start = tokens[kept][0]
    phrase = " ".join(text[start:hi].split())
    if phrase and lex.role_noun_of(phrase + " X"):
        return phrase, start
    return None


def _no_title_end(text: str, lo: int, hi: int, lex: NameLex) -> bool:
    """True when the last word before ``hi`` already ends title_before's search with nothing.

    (Performance.) That word is read without tokenising the whole window: white space
    goes back to its token characters, whose run starts after a character that is not
    one (or at ``lo``), so the tokens of that run are the window's last tokens. No title
    when something other than white space follows the last token, or when that token is
    a lower-case word that is not a role word or a capitalised function word.
    """
    k = hi
    while k > lo and text[k - 1].isspace():
        k -= 1
    # (Performance.) An ASCII word of letters and digits after a space (or at ``lo``) is
    # its whole chunk and, being at most 41 characters, its one token.
    space = text.rfind(" ", lo, k)
    word = text[space + 1 if space >= 0 else lo : k]
    if not (word.isascii() and word.isalnum() and len(word) <= 41):
        chunk = _TOKEN_CHARS_BACK.match(text, lo, k)
        if chunk is None:
            return True  # punctuation (or nothing) before the white space
        last = _TITLE_TOKEN.match(text, chunk.start(), k)  # mostly the whole chunk
        if last is None or last.end() != k:
            last = None
            for token in _TITLE_TOKEN.finditer(text, chunk.start(), k):
                last = token
        if last is None or last.end() != k:
            return True
        word = last.group()
    folded = word.casefold()
    if folded in _CONNECTORS:
        return True  # title_before ends with no title when the last token is a connector
    if folded in lex.role_words:
        return False
    if word[0].isupper() or word[0].isdigit():
        return folded in lex.function_words
    return not (
        "" in lex.role_words
        and folded not in lex.function_words
        and folded not in lex.verb_lemma
        and not folded.endswith("ed")
    )


def _role_before(text: str, hit: NameHit, lo: int, lex: NameLex) -> tuple[str | None, bool]:
    """A role written right before the name: in the run, as a title, or before a comma."""
    role_parts: list[str] = []
    start = hit.start
    if hit.title and next(lex.role_matches(hit.title), None) is not None:
        role_parts.append(hit.title)
    title = title_before(text, lo, hit.start, lex)
    if (
        title is not None
        and len(hit.name.split()) == 1
        and any(f" {c} " in f" {title[0]} " for c in _CONNECTORS)
    ):
        title = None  # "lecturer at Saint Petersburg": a place after a role
    if title is not None:
        role_parts.insert(0, title[0] if not hit.title else f"{title[0]} {hit.title}")
        if hit.title and len(role_parts) == 2:
            role_parts.pop()
        start = title[1]
    # A match is a comma, at most three white space characters and perhaps the final
    # newline before ``$``: it starts in the last five characters.
    k = start
    while k > lo and text[k - 1].isspace():
        k -= 1
    comma = (
        _COMMA_AT_END.search(text, max(lo, start - 8), start)
        if k < start and k > lo and text[k - 1] == ","
        else None
    )
    if comma is not None:
        head_lo = max(lo, start - 200)
        head = text[head_lo : comma.start()]
        cut = max(
            head.rfind(","),
            head.rfind(". "),
            head.rfind("\n\n"),
            head.rfind('" '),
            head.rfind("” "),
        )
        segment = " ".join((head[cut + 1 :] if cut >= 0 else head).split())
        opens = cut < 0 or head[cut] != "," or segment.split()[:1] in (["the"], ["The"])
        if (
            opens
            and segment
            and 0 < len(segment.split()) <= 14
            and lex.is_role_phrase(segment)
            and _starts_with_role(segment, lex)
        ):
            role_parts.insert(0, segment.removeprefix("The ").removeprefix("the "))
    role = ", ".join(role_parts) if role_parts else None
    strong = bool(role_parts) or hit.honorific is not None
    return role, strong


def _starts_with_role(segment: str, lex: NameLex) -> bool:
    words = segment.split()
    for word in words[:6]:
        folded = word.casefold().strip(",")
        if folded in {"the", "a", "an"}:
            continue
        base = _strip_possessive(folded)
        if folded in lex.role_words or base in lex.country_of or folded in lex.degrees:
            if folded in lex.role_words and lex.role_noun_of(word):
                return True
            continue
        return bool(lex.role_noun_of(word))
    return False


def apposition_after(text: str, end: int, hi: int, lex: NameLex) -> tuple[str | None, int]:
    """Role segments after a name (", Russian expert, senior lecturer at X,").

    Returns the role (or None) and the offset where the apposition chain ends.
    """
    if end >= hi or text[end] != ",":
        return None, end
    window = text[end : min(hi, end + 400)]
    parts: list[str] = []
    pos = 0
    last_end = end
    for _ in range(6):
        sep = _SEGMENT_SPLIT.match(window, pos)
        if sep is None:
            break
        seg_start = sep.end()
        nxt = _segment_end(window, seg_start, lex)
        seg_end = nxt.start() if nxt is not None else len(window)
        segment = window[seg_start:seg_end].strip()
        # (Performance.) A segment that is neither a role nor an aside ends the chain
        # whether or not it names people: names are looked for only in the others.
        role = lex.is_role_phrase(segment)
        if not role and not lex.is_aside(segment):
            break
        if any(
            lex.looks_like_person(h.name) or (h.title and lex.role_noun_of(h.title))
            for h in lex.name_hits(segment, 0, len(segment))
        ):
            break  # a list of people, not an apposition
        if role:
            parts.append(strip_article(segment))
        # a role, or an aside (skipped)
        last_end = end + seg_end
        pos = seg_end
        if nxt is None or window[seg_end] != ",":
            break
    return (", ".join(parts) if parts else None), last_end


_SEGMENT_END = regex.compile(r"[,;]|\.(?=\s{1,5}+[\p{Lu}\"“«]|\s*$)")
_TOKEN_BEFORE_DOT = regex.compile(r"\S{1,12}+$")


def _segment_end(window: str, start: int, lex: NameLex) -> regex.Match[str] | None:
    for match in _SEGMENT_END.finditer(window, start):
        if match.group() == ".":
            # (Performance.) A match is at most 12 characters long and ends at the dot.
            token = _TOKEN_BEFORE_DOT.search(window, max(start, match.end() - 13), match.end())
            if token is not None and token.group() in lex.abbreviations:
                continue
        return match
    return None


def strip_article(role: str) -> str:
    """A role without its leading article, white space collapsed ("an economist" -> ...)."""
    return _ARTICLE.sub("", " ".join(role.split()))


def _verb_follows(text: str, end: int, hi: int, lex: NameLex) -> bool:
    window = text[end : min(hi, end + _NEXT_VERB_GAP)]
    gap = _LEAD_GAP.match(window)
    if gap is not None and gap.end():
        window = window[gap.end() :]
    initials = lex.verb_initials
    for adverb in range(3):
        if window[:1] in initials and lex.verb_re.match(window) is not None:
            return True
        skip = _LOWER_WORD.match(window)
        if skip is None or adverb == 2:
            return False
        window = window[skip.end() :]
    return False


def _evidence_around(
    text: str, hit: NameHit, span: tuple[int, int], chain_end: int, lex: NameLex
) -> bool:
    """A speech verb after the name (not an object), or "according to" before it."""
    lo, hi = span
    # (Performance.) Both patterns end with a word and white space before the run.
    word_before = _word_before(text, max(lo, hit.start - 20), hit.start)
    as_object = (
        _OBJECT_BEFORE.search(text, max(lo, hit.start - 12), hit.start)
        if word_before in _OBJECT_WORDS
        else None
    )
    return (as_object is None and _verb_follows(text, chain_end, hi, lex)) or (
        word_before in _ACCORDING_WORDS
        and _ACCORDING_AT_END.search(text, max(lo, hit.start - 20), hit.start) is not None
    )


def find_people(draft: Draft) -> None:
    """Fill ``draft.people`` with the people the body names, their roles and mentions."""
    lex = name_lex(draft.lexicon)
    text = draft.text
    persons: list[PersonRecord] = []
    pending: list[tuple[NameHit, str | None, bool]] = []
    # Full names seen with no evidence that they are people ("Harry Kane scored"):
    # a later surname that is a speaker ("Kane said") confirms them.
    unconfirmed: dict[str, list[NameHit]] = {}
    for lo, hi in paragraph_spans(draft):
        for hit in lex.name_hits(text, lo, hi):
            role, strong = _role_before(text, hit, lo, lex)
            appos, chain_end = apposition_after(text, hit.core_end, hi, lex)
            tokens = hit.name.split()
            multi = len(tokens) >= 2 and not lex.is_patronymic(tokens[-1])
            # (Performance.) The evidence read after the name and before it is read only
            # when the cheaper reasons do not already decide.
            early = strong or appos is not None
            if multi and (
                early
                or lex.looks_like_person(hit.name)
                or _evidence_around(text, hit, (lo, hi), chain_end, lex)
            ):
                person = match_person(hit.name, persons, lex)
                if person is None or len(person.name.split()) < 2:
                    if person is None:
                        person = PersonRecord(lex.canonical(hit.name))
                        persons.append(person)
                    else:
                        person.name = lex.canonical(hit.name)
                person.mentions.append(
                    Span(
                        " ".join(text[hit.core_start : hit.core_end].split()),
                        hit.core_start,
                        hit.core_end,
                    )
                )
                person.add_role(role)
                person.add_role(appos)
                person.gender = person.gender or lex.gender_of(person.name, hit.honorific)
            else:
                if multi and not any(lex.is_not_name(t) for t in tokens):
                    unconfirmed.setdefault(_strip_possessive(tokens[-1]), []).append(hit)
                    if "-" in tokens[-1] and lex.is_syllable_given(_strip_possessive(tokens[-1])):
                        # "Kwok said" confirms "Rosanna Kwok Wai-yee"
                        unconfirmed.setdefault(tokens[-2], []).append(hit)
                single = len(tokens) == 1 and not lex.is_not_name(tokens[0])
                full_role = ", ".join(x for x in (role, appos) if x) or None
                create = (
                    single
                    and not _after_place_preposition(text, lo, hit.start)
                    and (early or _evidence_around(text, hit, (lo, hi), chain_end, lex))
                )
                pending.append((hit, full_role, create))
    for hit, role, create in pending:
        person = match_person(hit.name, persons, lex, prefer_before=hit.start)
        if person is None:
            if not create:
                continue
            surname = _strip_possessive(hit.name)
            earlier = [h for h in unconfirmed.get(surname, ()) if h.core_end <= hit.start]
            if earlier:
                full = earlier[-1]
                person = PersonRecord(lex.canonical(full.name))
                person.mentions.append(
                    Span(
                        " ".join(text[full.core_start : full.core_end].split()),
                        full.core_start,
                        full.core_end,
                    )
                )
            else:
                person = PersonRecord(surname)
            persons.append(person)
        person.add_role(role)
        person.mentions.append(
            Span(
                " ".join(text[hit.core_start : hit.core_end].split()), hit.core_start, hit.core_end
            )
        )
        person.gender = person.gender or lex.gender_of(person.name, hit.honorific)
    for person in persons:
        person.mentions.sort(key=lambda m: m.start)
    persons.sort(key=lambda p: p.mentions[0].start if p.mentions else 0)
    draft.people.extend(
        Person(name=p.name, roles=p.roles, mentions=p.mentions) for p in persons if p.mentions
    )
