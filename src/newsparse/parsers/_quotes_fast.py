"""(Performance.) Cheap equivalents of the quotation parser's costliest small questions.

Each helper here gives exactly the answer of the plain regular-expression code it stands
for; it only gets there with less work:

* :func:`clean` collapses white space with ``str.split`` (the ``regex`` substitution
  costs ten times more on a quotation);
* :func:`count_words` counts words only up to the threshold the caller compares with;
* :class:`TextIndex` finds the few positions in a window where a speech verb can start,
  so that looking for verbs in a sentence tries the verb pattern there instead of at
  every character, and tells when a noun pattern (organisation, role, document...)
  cannot end a window, so that its dozen anchored attempts are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from .._lexicon import Lexicon
from ._names import _alternation, name_lex

__all__ = [
    "ACRONYM_MAX",
    "NOUN_KINDS",
    "QuoteLex",
    "TextIndex",
    "clean",
    "count_words",
    "quote_lex",
]

_SPACE = regex.compile(r"\s++")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]{0,40}+")
# White space to str.split but not to the regex ``\s``: the only difference between the
# two (checked over all code points); text holding one takes the regex path.
_SPLIT_ONLY_SPACE = ("\x1c", "\x1d", "\x1e", "\x1f")
# Bytes: ASCII letters kept, everything else a space (see VerbIndex).
_LETTERS_ONLY = bytes(b if (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A) else 0x20 for b in range(256))


def clean(text: str) -> str:
    """``text`` with every run of white space made one space, and stripped."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # the ASCII space is the only printable white space: nothing to do
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return _SPACE.sub(" ", text).strip()
    return " ".join(text.split())


def count_words(text: str, cap: int, lo: int = 0, hi: int | None = None) -> int:
    """The number of words in ``text[lo:hi]``, or ``cap`` when there are at least that many."""
    n = 0
    if n >= cap:
        return n
    for _ in _WORD.finditer(text, lo, len(text) if hi is None else hi):
        n += 1
        if n >= cap:
            break
    return n


# Characters that a case-insensitive pattern lets stand for an ASCII letter (İ for i, ſ for
# s, the Kelvin sign for k): text holding one gets no noun prefilter.
_CASE_TWINS = ("\u0130", "\u017f", "\u212a")
# Bytes: ASCII letters kept (lower-cased), everything else a space (see TextIndex).
_LOWER_LETTERS = bytes(
    b + 0x20 if 0x41 <= b <= 0x5A else b if 0x61 <= b <= 0x7A else 0x20 for b in range(256)
)
_MATCH_STOP_CANDIDATES = ',;:!?"“”«»'
ACRONYM_MAX = 16
"""The longest match of ``lex.acronym_re``: "the", three spaces and ten letters."""

NOUN_KINDS = ("document", "description", "group", "organisation", "agency")


def _first_run(word: str) -> bytes | None:
    """The first run of ASCII letters of ``word``, lower-cased (None: there is none)."""
    run = bytearray()
    for ch in word:
        if ch.isascii() and ch.isalpha():
            run.append(ord(ch.lower()))
        elif run:
            break
        elif not ch.isascii() and ch.casefold().isascii() and ch.casefold().isalpha():
            return None  # a twin of an ASCII letter (never in real data)
    return bytes(run) if run else None


def _needles(words: Iterable[str]) -> frozenset[bytes] | None:
    """The first ASCII-letter runs of ``words`` (None when a word has none, or no words)."""
    found = set()
    for word in words:
        if not word:
            continue
        if any(ch in word for ch in _CASE_TWINS):
            return None
        run = _first_run(word)
        if run is None:
            return None
        found.add(run)
    return frozenset(found) if found else None


def _last_runs(words: Iterable[str]) -> frozenset[bytes] | None:
    """The last ASCII-letter runs of ``words``, lower-cased.

    None when a word ends with another character, or there are no words.
    """
    found = set()
    for word in words:
        if not word:
            continue
        end = len(word)
        while end > 0 and word[end - 1].isascii() and word[end - 1].isalpha():
            end -= 1
        if end == len(word):
            return None
        found.add(word[end:].lower().encode("ascii"))
    return frozenset(found) if found else None


class QuoteLex:
    """What the fast paths need from one lexicon (built once per lexicon)."""

    def __init__(self, lexicon: Lexicon) -> None:
        lex = name_lex(lexicon)
        self.verbs: frozenset[bytes] | None = None
        firsts = {form.split(" ")[0] for form in lex.verb_lemma if form}
        if firsts and all(w.isascii() and w.isalpha() and w.islower() for w in firsts):
            self.verbs = frozenset(w.encode("ascii") for w in firsts)
        self.nouns: dict[str, frozenset[bytes] | None] = {
            "document": _needles(lex.doc_nouns),
            "description": _needles(lex.role_nouns),
            "group": _needles(lex.plural_roles),
            "organisation": _needles(lex.org_nouns),
            "agency": _needles(lex.agencies),
        }
        every: set[bytes] = set(self.verbs or ())
        for words in self.nouns.values():
            every |= words or set()
        self.words = frozenset(every)
        pronouns = list(lex.pronouns)
        self.pronouns: frozenset[str] | None = None
        if pronouns and all(p.isascii() and p.isalpha() and p.islower() for p in pronouns):
            self.pronouns = frozenset(pronouns)
        self.pronoun_max = max((len(p) for p in pronouns), default=0)
        heads = lexicon.get("org_heads")
        self.referent_kinds: dict[str, str] = {
            k.casefold(): v for k, v in heads.get("descriptor_nouns", {}).items()
        }
        """The kind of organisation a referent noun stands for ("lender" -> company)."""
        self.head_kinds: dict[str, str] = {
            k.casefold(): v for k, v in heads.get("heads", {}).items()
        }
        """The kind of an organisation named with a head noun ("Commission" -> government)."""
        self.opening_trade_nouns = frozenset(
            str(w).casefold() for w in lexicon.get("speech_verbs").get("opening_trade_nouns", ())
        )
        """Trade nouns that open a clause before a company's name ("Miner Vale said")."""
        self.short_clause_blockers = frozenset(
            str(w).casefold() for w in lexicon.get("speech_verbs").get("short_clause_blockers", ())
        )
        """Words that keep two words from being a reported clause ("Not yet, he said")."""
        self.aside_participles = frozenset(
            str(w).casefold() for w in lexicon.get("speech_verbs").get("aside_participles", ())
        )
        """Participles opening an aside before the verb ("The mayor, asked about X, said")."""
        self.bare_report_verbs = frozenset(
            str(w).casefold() for w in lexicon.get("speech_verbs").get("bare_report_verbs", ())
        )
        """Verbs whose bare sentence attributes the one before ("X reported.")."""
        self.never_nouns = frozenset(
            str(w).casefold() for w in lexicon.get("speech_verbs").get("never_nouns", ())
        )
        """Speech verbs whose bare form is no noun ("the matter say")."""
        speech = lexicon.get("speech_verbs")
        self.aside_re = _word_pattern(
            speech.get("adverbs", ()), r"\s{0,3}+,\s{0,3}+", r"\s{0,3}+,", flags="i"
        )
        """An adverb between commas after a verb: "warned, however, that"."""
        self.focus_re = _word_pattern(
            speech.get("focus_adverbs", ()),
            r"\s{1,3}+",
            r"(?=\s{1,3}+that(?![\p{L}]))",
            flags="i",
        )
        """A focus adverb right before "that": "saying only that"."""
        self.naming_re = _word_pattern(
            speech.get("naming_verbs", ()),
            r"(?<![\p{L}])",
            r"(?:\s{1,3}+[^\s\"“”«»,;:.!?]{1,25}+){1,8}?(?:\s{1,3}+as)?\s{0,3}+$",
        )
        """A naming frame before an opening mark: 'called the plan "..."'."""
        self.adverb_ends = _last_runs(lexicon.get("speech_verbs").get("adverbs", ()))
        self.title_cue_ends = _last_runs(lexicon.get("speech_verbs").get("title_cues", ()))
        # What may stand between the start of a document, description, group or
        # organisation match and its noun: letters, marks, white space, ' ’ . - and the
        # other characters of demonyms, modifiers and the nouns themselves.
        extra: set[str] = set()
        for country, forms in lexicon.get("demonyms")["countries"].items():
            for form in (country, *forms):
                extra |= set(form)
        for phrases in (lex.modifiers, lex.doc_nouns, lex.role_nouns, lex.plural_roles):
            for phrase in phrases:
                extra |= set(phrase)
        for phrase in lex.org_nouns:
            extra |= set(phrase)
        others = sorted(c for c in extra if not (c.isascii() and c.isalpha()))
        # Marks that no document, description, group, organisation or agency match holds
        # (their patterns consume none; a data word may): a match ending at a window end
        # starts after the last of them.
        held = set(extra)
        for name in lex.agencies:
            held |= set(name)
        # ``agency_re`` matches a name with its spaces as runs of white space.
        self.agency_names = frozenset(clean(name) for name in lex.agencies)
        stops = [c for c in _MATCH_STOP_CANDIDATES if c not in held]
        self.match_stops: regex.Pattern[str] | None = (
            regex.compile("(?r)[" + "".join(regex.escape(c) for c in stops) + "]")
            if stops
            else None
        )
        self.prefix_stop = regex.compile(
            r"(?r)[^\p{L}\p{M}\s'’.\-" + "".join(regex.escape(c) for c in others) + "]"
        )


def _word_pattern(
    words: Iterable[object], before: str, after: str, *, flags: str = ""
) -> regex.Pattern[str] | None:
    """``before`` + the words as the name lexicon's alternation + ``after``; None if none."""
    alternatives = [str(w) for w in words if w]
    if not alternatives:
        return None
    return regex.compile(before + _alternation(alternatives, flags) + after)


def quote_lex(lexicon: Lexicon) -> QuoteLex:
    """The compiled :class:`QuoteLex` of ``lexicon``."""
    return lexicon.compiled("newsparse.quotes.fast", QuoteLex)


class TextIndex:
    r"""Where the speech-verb pattern and the noun patterns can match in one article.

    The view: the article with ASCII letters lower-cased and every other character made a
    space (one byte per character, so offsets hold). A window's view, cut at the window
    end as a pattern's look-ahead is, splits into tokens; only tokens that are the first
    word of a speech-verb form, or the first ASCII-letter run of a document, role, group,
    organisation or agency noun, matter here.

    ``lex.verb_re`` is ``(?<![\p{L}-])FORMS(?![\p{L}-])`` where every form is lower case
    and starts with a word of ASCII letters followed by a space or by the end of the
    form: a match at ``p`` has a non-letter before ``p`` and the whole first word of a
    form at ``p``, followed by a non-letter or the window end, so a verb token starts at
    ``p``. :meth:`verbs` tries the pattern at those positions only, in the order and with
    the non-overlapping rule of ``finditer``.

    The noun patterns (``document_re`` ... ``organisation_re``, ``agency_re``) each
    require one of their nouns inside any match, starting after a non-letter; it ends
    before a non-letter or at the window end when the match must end at the window end
    (``fullmatch``), and always for ``organisation_re`` and ``agency_re``, whose nouns are
    followed by ``(?![\p{L}])``: such a match can only start at or before the last noun
    token of the window (:meth:`noun_bound`). (A role noun alone may end inside a word:
    ``description_re.match`` finds "banker" in "bankers".) Text holding a character
    that matches an ASCII letter only case-insensitively gets no noun filtering.
    """

    def __init__(self, text: str, qlex: QuoteLex) -> None:
        self.text = text
        self.qlex = qlex
        self.nouns_ok = not any(c in text for c in _CASE_TWINS)
        # view[i + 1] stands for text[i]
        self.view = b" " + text.encode("latin-1", "replace").translate(_LOWER_LETTERS)

    def _window(self, lo: int, hi: int) -> bytes:
        """The view of ``text[lo:hi]`` with the character before it and a space after it."""
        return self.view[lo : hi + 1] + b" "

    def verbs(self, verb_re: regex.Pattern[str], lo: int, hi: int) -> Iterator[regex.Match[str]]:
        """Exactly ``verb_re.finditer(text, lo, hi)`` (``verb_re`` is ``lex.verb_re``)."""
        words = self.qlex.verbs
        if words is None:
            yield from verb_re.finditer(self.text, lo, hi)
            return
        if lo >= hi:
            return
        window = self._window(lo, hi)
        present = words.intersection(window.split())
        if not present:
            return
        starts = []
        for word in present:
            needle = b" " + word + b" "
            at = window.find(needle)
            while at >= 0:
                starts.append(lo + at)  # window[at + 1] stands for text[lo + at]
                at = window.find(needle, at + 1)
        starts.sort()
        match, text = verb_re.match, self.text
        end = lo
        for pos in starts:
            if pos < end:
                continue
            found = match(text, pos, hi)
            if found is not None:
                end = found.end()
                yield found

    def noun_tokens(self, lo: int, hi: int) -> tuple[bytes, frozenset[bytes]] | None:
        """The window view and its tokens, for :meth:`noun_bound` (None: no filtering)."""
        if not self.nouns_ok or lo >= hi:
            return None
        window = self._window(lo, hi)
        return window, frozenset(window.split())

    def stop_before(self, lo: int, hi: int) -> int:
        """The last character in ``lo:hi`` that no noun pattern's prefix holds (``lo - 1``).

        A document, description, group or organisation match that starts at or before it
        has its noun there or before it.
        """
        found = self.qlex.prefix_stop.search(self.text, lo, hi)
        return lo - 1 if found is None else found.start()

    def noun_positions(
        self, kind: str, lo: int, hi: int, tokens: tuple[bytes, frozenset[bytes]] | None
    ) -> list[int] | None:
        """Where the ``kind`` nouns start in ``lo:hi`` (None: no knowledge).

        As :meth:`noun_bound`, for a match that must end at ``hi``.
        """
        words = self.qlex.nouns[kind]
        if tokens is None or words is None:
            return None
        window, present = tokens
        found = []
        for word in words.intersection(present):
            needle = b" " + word + b" "
            at = window.find(needle)
            while at >= 0:
                found.append(lo + at)
                at = window.find(needle, at + 1)
        found.sort()
        return found

    def noun_bound(
        self, kind: str, lo: int, hi: int, tokens: tuple[bytes, frozenset[bytes]] | None
    ) -> int:
        """The last offset where a ``kind`` noun pattern match ending at ``hi`` can start.

        Matches that start at ``lo`` or later are meant: -1 when there can be none, ``hi``
        when nothing is known. ``tokens`` is :meth:`noun_tokens` of ``lo:hi``.
        """
        words = self.qlex.nouns[kind]
        if tokens is None or words is None:
            return hi
        window, present = tokens
        last = -1
        for word in words.intersection(present):
            at = window.rfind(b" " + word + b" ")
            last = max(last, lo + at)
        return last

    def has(self, word: bytes, lo: int, hi: int) -> bool:
        """False when ``text[lo:hi]`` does not hold ``word`` (lower-case ASCII letters)."""
        return self.view.find(word, lo + 1, hi + 1) >= 0

    def has_folded(self, word: bytes, lo: int, hi: int) -> bool:
        """False when ``text[lo:hi]`` does not hold ``word`` in any case (ASCII letters)."""
        return not self.nouns_ok or self.view.find(word, lo + 1, hi + 1) >= 0

    def adverb_possible(self, hi: int) -> bool:
        """False when no adverb (``lex.adverbs_end_re``, case-sensitive) ends at ``hi``.

        An adverb ending at ``hi`` ends with its last ASCII-letter run, which is then the
        view's token ending there.
        """
        ends = self.qlex.adverb_ends
        if ends is None:
            return True
        view = self.view
        return view[view.rfind(b" ", 0, hi + 1) + 1 : hi + 1] in ends

    def title_cue_possible(self, hi: int) -> bool:
        r"""False when no title cue (``lex.title_cues_re``, ``CUE[\s,:]{0,3}+$``) ends at ``hi``.

        The cue ends with a letter, then at most four characters (three and a final line
        break) of white space, commas and colons reach ``hi``.
        """
        ends = self.qlex.title_cue_ends
        if ends is None or not self.nouns_ok:
            return True
        text, end = self.text, hi
        while end > 0 and (text[end - 1].isspace() or text[end - 1] in ",:"):
            end -= 1
        if hi - end > 4:
            return False
        view = self.view
        return view[view.rfind(b" ", 0, end + 1) + 1 : end + 1] in ends

    def pronoun_possible(self, lo: int, hi: int) -> bool:
        """False when no subject pronoun can end at ``hi`` (a match starts at ``lo`` or later).

        A match (``lex.pronoun_re``: no letter before it) is the whole run of letters that
        ends at ``hi``; the pronouns being ASCII words, that run is the view's last token.
        """
        qlex = self.qlex
        if qlex.pronouns is None or not self.nouns_ok:
            return True
        view = self.view
        start = view.rfind(b" ", 0, hi + 1) + 1  # view[start] stands for text[start - 1]
        if start - 1 < lo:
            return False  # the run begins before lo: a match at lo or later has a letter before
        return view[start : hi + 1].decode("ascii") in qlex.pronouns

    def acronym_possible(self, hi: int) -> bool:
        """False when no acronym (``lex.acronym_re``) can end at ``hi``."""
        if hi <= 0:
            return False
        last = self.text[hi - 1]
        return not last.isascii() or last.isupper() or last.isdigit() or last == "&"
