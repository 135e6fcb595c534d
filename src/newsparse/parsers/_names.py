"""Names, roles and the other words that stand for a speaker, read next to a cue.

The packaged data (``person_names``, ``honorifics``, ``roles``, ``demonyms``,
``pronouns``, ``speech_verbs`` and the agency list) is compiled once per lexicon into a
:class:`NameLex`, each pattern when it is first used. Every pattern here is applied to
short windows (a few hundred characters next to a cue) or is a plain left-to-right token
pattern with possessive, bounded repetitions, so the work stays linear in the article
length.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
import regex

from .._lexicon import Lexicon
from ._trie import add_word, emit_tree

__all__ = ["Entity", "NameHit", "NameLex", "letters_before", "name_lex", "within_two_edits"]

_NON_SPACE = regex.compile(r"\S++")
_POSSESSIVE_ENDS = frozenset(("'s", "’s"))
_PLURAL_POSSESSIVE_ENDS = frozenset(("s'", "s’"))
_LETTERS_DOTS = regex.compile(r"[\p{L}.]{2,30}+")
_POSSESSOR = regex.compile(r"(?<![\p{L}])[\p{L}]{2,30}+(?=['’]s)")
_LETTERS_BACK = regex.compile(r"(?r)\p{L}++")
"""The letters that end the string (matched backwards from its end)."""


def _unaccented(word: str) -> str:
    """``word`` without its diacritics ("José" -> "Jose"); ASCII words as they are."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def letters_before(text: str, lo: int, k: int) -> str | None:
    """The letters that end ``text[lo:k]`` (``_LETTERS_BACK.match(text, lo, k)``), or None.

    (Performance.) An ASCII word after a space (or at ``lo``) is read with str methods.
    """
    space = text.rfind(" ", lo, k)
    word = text[space + 1 if space >= 0 else lo : k]
    if word.isascii() and word.isalpha():
        return word
    letters = _LETTERS_BACK.match(text, lo, k)
    return None if letters is None else letters.group()


_ASCII_LETTERS = regex.compile(r"[A-Za-z]++")
_ASCII_CHARS = "".join(map(chr, range(128)))
_LETTER_RUNS = str.maketrans(
    {c: c if c.isalpha() else " " for c in _ASCII_CHARS}
    | dict.fromkeys("\u00a0\u2009\u202f\u2018\u2019\u201c\u201d\u00ab\u00bb\u2013\u2014\u2026", " ")
)
"""ASCII letters kept; other ASCII characters and common non-letters made spaces."""
_ASCII_LETTER_RUNS = bytes(i if chr(i).isalpha() else 32 for i in range(128)) + b" " * 128
"""_LETTER_RUNS for ASCII text encoded as bytes."""


def _matches_ascii(char: str) -> bool:
    """True when ``char`` matches some ASCII character ignoring case (as regex does)."""
    return regex.compile(f"(?i:{regex.escape(char)})").search(_ASCII_CHARS) is not None


_KEY_WORDS = regex.compile(r"[\p{L}\p{N}]{2,40}+")
_AFFILIATION = regex.compile(
    r"(?<![\p{L}])(?:at|of|for|with)\s{1,3}+(?:the\s{1,3}+)?(\p{Lu}[^,;]{1,120}+)"
)
_ROLE_FOLLOW = regex.compile(
    r"\s{0,3}+(?:$|[,;:()]|\.(?:\s|$)|(?:of|at|for|in|with|to|from|on|and|&|who|since|"
    r"under|told|said|says)(?![\p{L}])|\p{Lu})"
)

_CAP = (
    r"\p{Lu}[\p{Ll}\p{M}]{1,30}+(?:\p{Lu}[\p{Ll}\p{M}]{1,30}+)?"
    r"(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]{1,30}+){0,2}+"
)
_INITIAL = r"\p{Lu}\.(?:\s?+\p{Lu}\.){0,2}+\s?+"
_WS = r"[ \t\r\n\u00a0]{1,3}+"
# A romanised syllable: up to three consonants, one to three vowels, an optional final
# (n, ng, k, h, m, p, t, r): "Hsin", "yi", "keung", "wah".
_SYLLABLE_GIVEN = regex.compile(
    r"(\p{Lu}[bcdfghjklmnpqrstvwxyz]{0,2}+[aeiouy]{0,3}+(?:ng|[nkhmptr])?)"
    r"-[bcdfghjklmnpqrstvwxyz]{0,3}+[aeiouy]{1,3}+(?:ng|[nkhmptr])?"
)


def _alternation(words: Iterable[str], flags: str = "") -> str:
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    tree = _tree_alternation(parts, flags)
    if tree is not None:
        return tree
    body = "|".join(regex.escape(p).replace(r"\ ", r"\s{1,3}") for p in parts)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


_SPACE_KEY = " "


def _no_caseless_twins(node: dict[str, Any]) -> bool:
    """True when no two branches of any node match the same character ignoring case."""
    keys = [k for k in node if k]
    for i, a in enumerate(keys):
        others = keys[i + 1 :]
        if a.isascii():
            # (Performance.) Two ASCII keys match the same text ignoring case exactly
            # when their lower-case forms are equal: no pattern to compile for them.
            low = a.lower()
            if any(b.isascii() and b.lower() == low for b in others):
                return False
            others = [b for b in others if not b.isascii()]
        if others:
            pattern = regex.compile(f"(?i:{regex.escape(a)})")
            if any(pattern.fullmatch(b) for b in others):
                return False
    return all(_no_caseless_twins(sub) for sub in node.values())


def _tree_alternation(parts: list[str], flags: str) -> str | None:
    r"""The alternation of ``parts`` as a prefix tree, or None where that is not exact.

    (Performance.) A flat alternation of hundreds of words (speech-verb forms) is tried
    word by word at every position of every sentence; in the tree a position that starts
    no word fails after a character or two. The tree tries longer continuations before
    ending a word, so among the words that can match at one position the longest is
    tried first, as in the flat list sorted by length; the regex backtracks through the
    same candidates in the same order. That holds when words that match at one position
    are prefixes of one another: the words have only single inner spaces (each becomes
    ``\s{1,3}``, which must then take all the white space before the next letter), and
    with ``flags="i"`` case variants share a path (keyed case-folded) and no two branches
    of a node match the same character. Otherwise None, and the flat list is used. The
    words must not be embedded in a case-insensitive scope without ``flags="i"``.
    """
    if not parts:
        return None
    caseless = "i" in flags
    root: dict[str, dict[str, Any]] = {}
    for word in parts:
        if word != word.strip(" ") or "  " in word or any(c.isspace() for c in word if c != " "):
            return None
        # case variants share a path
        add_word(
            root, (ch.casefold() if caseless and len(ch.casefold()) == 1 else ch for ch in word)
        )
    if caseless and not _no_caseless_twins(root):
        return None
    body = emit_tree(root, lambda ch: r"\s{1,3}" if ch == _SPACE_KEY else regex.escape(ch))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@attrs.define
class NameHit:
    """A run of capitalised words and the person name found in it."""

    start: int
    """Offset of the run (including leading titles)."""
    end: int
    """Offset one past the run."""
    core_start: int
    """Offset of the name proper."""
    core_end: int
    """Offset one past the name proper."""
    name: str
    """The name proper, white space collapsed."""
    title: str
    """Titles and roles inside the run before the name ("Russian President")."""
    honorific: str | None = None
    """An honorific before the name, if any."""


@attrs.define
class Entity:
    """Words that stand for a speaker, with what they say about it."""

    kind: str
    """``name``, ``pronoun``, ``description``, ``organisation``, ``document``, ``group``."""
    start: int
    end: int
    text: str
    name: str
    """The name (person names) or the normalised phrase."""
    role: str | None = None
    """A role read next to the mention (apposition, title before the name)."""
    gender: str | None = None
    """``male``/``female`` when a pronoun or honorific says it."""
    role_noun: str | None = None
    """The role noun of a description ("analyst")."""
    country: str | None = None
    """The country a description names ("the Russian President" -> "Russia")."""
    bare: bool = False
    """A document named by its noun only ("the statement"), with no issuer."""


class NameLex:
    """Compiled views of the data files that name-related code reads."""

    def __init__(self, lexicon: Lexicon) -> None:
        names = lexicon.get("person_names")
        honor = lexicon.get("honorifics")
        roles = lexicon.get("roles")
        demonyms = lexicon.get("demonyms")
        pronouns = lexicon.get("pronouns")
        speech = lexicon.get("speech_verbs")
        self._head_patterns: dict[str, regex.Pattern[str]] = {}
        self.honorifics = frozenset(honor["honorifics"])
        self.female_honorifics = frozenset(honor.get("female", ()))
        self.dot_required = frozenset(honor.get("dot_required", ()))
        self.male_honorifics = frozenset(honor.get("male", ()))
        self.abbreviations = frozenset(honor.get("abbreviations", ()))
        countries: Mapping[str, list[str]] = demonyms["countries"]
        self.country_of: dict[str, str] = {}
        country_forms: list[str] = []
        for country, forms in countries.items():
            self.country_of[country.casefold()] = country
            country_forms.append(country)
            for form in forms:
                self.country_of[form.casefold()] = country
                country_forms.append(form)
        role_nouns = [r.casefold() for r in roles["person_roles"]]
        plurals: Mapping[str, str] = roles.get("plurals", {})
        self.role_nouns = frozenset(role_nouns)
        self.plural_roles = frozenset(
            [plurals.get(r, r + "s") for r in role_nouns] + list(roles.get("group_nouns", ()))
        )
        self.modifiers = frozenset(m.casefold() for m in roles.get("modifiers", ()))
        self.degrees = frozenset(d.casefold() for d in roles.get("degrees", ()))
        self._degree_prefixes = tuple(self.degrees)
        self.heads_of_state = frozenset(r.casefold() for r in roles.get("heads_of_state", ()))
        self.role_group: dict[str, str] = {}
        for group, members in roles.get("groups", {}).items():
            for member in members:
                self.role_group.setdefault(member.casefold(), group)
        self.org_nouns = frozenset(o.casefold() for o in roles.get("organisation_nouns", ()))
        self.doc_nouns = frozenset(d.casefold() for d in roles.get("document_nouns", ()))
        self.group_nouns = frozenset(g.casefold() for g in roles.get("group_nouns", ()))
        self.generic_referents = frozenset(g.casefold() for g in roles.get("generic_referents", ()))
        agencies: list[str] = []
        try:
            for agency in lexicon.get("agencies").get("agencies", ()):
                agencies.append(agency["name"])
                agencies.extend(agency.get("aliases", ()))
        except Exception:  # the agency list is optional here
            agencies = []
        self.agencies = frozenset(a for a in agencies if a)
        role_words = {w for r in role_nouns for w in r.split()}
        not_names = set(names.get("not_name_words", ()))
        self.not_name = frozenset(not_names)
        plural_words = {w for r in self.plural_roles for w in r.casefold().split()}
        self.role_words = frozenset(role_words | self.modifiers | plural_words)
        self.particles = frozenset(names.get("particles", ()))
        self.joined_articles = frozenset(names.get("joined_articles", ()))
        self.function_words = frozenset(w.casefold() for w in names.get("function_words", ()))
        self.patronymic = tuple(names.get("patronymic_suffixes", ()))
        self.surname_suffixes = tuple(names.get("surname_suffixes", ()))
        self.female_suffixes = tuple(names.get("female_suffixes", ()))
        given = names.get("given_names", ())
        # Looked up with and without diacritics: "José" and "Renée" are "Jose" and "Renee".
        self.given_names = frozenset(given) | frozenset(map(_unaccented, given))
        self.ambiguous_given = frozenset(names.get("ambiguous_given_names", ()))
        self.hyphen_prefixes = frozenset(
            w.casefold() for w in names.get("hyphen_compound_openers", ())
        )
        self.hyphen_closers = frozenset(
            w.casefold() for w in names.get("hyphen_compound_closers", ())
        )
        self.pronouns: dict[str, str] = {
            k.casefold(): v for k, v in pronouns.get("subject", {}).items()
        }
        self.possessives = frozenset(p.casefold() for p in pronouns.get("possessive", ()))
        self.object_pronouns: dict[str, str] = {
            k.casefold(): v for k, v in pronouns.get("object", {}).items()
        }
        # Speech verbs.
        self.verb_lemma: dict[str, str] = {}
        for lemma, forms in speech["verbs"].items():
            for form in forms:
                self.verb_lemma[" ".join(form.casefold().split())] = lemma
        self.without_that = frozenset(speech.get("without_that", ()))
        self.subject_stopwords = frozenset(
            str(w).casefold() for w in speech.get("subject_stopwords", ())
        )
        self.addressee_verbs = frozenset(speech.get("addressee_verbs", ()))
        self.question_verbs = frozenset(speech.get("question_verbs", ()))
        self.lead_verbs = frozenset(v.casefold() for v in speech.get("interview_lead_verbs", ()))
        # (Performance.) The first characters of the speech-verb forms: ``verb_re``
        # matches only where one of them is.
        self.verb_initials = frozenset(v[0] for v in self.verb_lemma if v)
        # (Performance.) is_not_name's word sets, merged by the form they are looked up in.
        self._not_name_exact = self.not_name | self.agencies
        self._not_name_folded = frozenset(self.country_of) | self.role_words
        # A word in this set is not a name (it has no possessive ending to strip).
        self._not_name_plain = frozenset(
            w
            for w in self._not_name_exact
            if w[-2:] not in _POSSESSIVE_ENDS and w[-2:] not in _PLURAL_POSSESSIVE_ENDS
        )
        # (Performance.) The letters that end each honorific ("Prince" of "Crown Prince"):
        # honorific_end_re can only match after one of them. None when an honorific does
        # not end with a letter, and the regex is always tried.
        finals = [_LETTERS_BACK.match(h) for h in self.honorifics]
        self._honorific_finals: frozenset[str] | None = (
            frozenset(m.group() for m in finals if m is not None)
            if all(m is not None for m in finals)
            else None
        )
        # (Performance.) The patterns below are compiled on first use (most articles need
        # only a few of them): these are the data they are built from.
        self._speech = speech
        self._country_forms = country_forms
        self._role_nouns = role_nouns

    # -- patterns (compiled on first use) ---------------------------------------------
    @functools.cached_property
    def demonym_alt(self) -> str:
        """The alternation of the country names and their adjectives."""
        return _alternation(self._country_forms)

    @functools.cached_property
    def _role_alt(self) -> str:
        return _alternation(self._role_nouns, "i")

    @functools.cached_property
    def _modifier_alt(self) -> str:
        return _alternation(self.modifiers, "i")

    @functools.cached_property
    def object_pronoun_re(self) -> regex.Pattern[str]:
        """An object pronoun ("him", "them")."""
        return regex.compile(
            r"(?<![\p{L}])(?i:"
            + "|".join(sorted(self.object_pronouns, key=len, reverse=True) or ["\x00"])
            + r")(?![\p{L}])"
        )

    @functools.cached_property
    def acronym_re(self) -> regex.Pattern[str]:
        """An acronym, perhaps after "the"."""
        return regex.compile(
            r"(?<![\p{L}\p{N}])(?:(?i:the)\s{1,3}+)?\p{Lu}[\p{Lu}\p{N}&]{1,9}+(?![\p{L}\p{N}])"
        )

    @functools.cached_property
    def time_adjunct_re(self) -> regex.Pattern[str]:
        """A time adjunct after white space ("on Monday")."""
        return regex.compile(
            r"\s{1,3}+" + _alternation(self._speech.get("time_adjuncts", ())) + r"(?![\p{L}])"
        )

    @functools.cached_property
    def participle_re(self) -> regex.Pattern[str]:
        """A comma, a participle and "that" (", adding that")."""
        return regex.compile(
            r",\s{0,3}+"
            + _alternation(self._speech.get("participles", ()))
            + r"\s{1,3}+that(?![\p{L}])"
        )

    @functools.cached_property
    def modal_end_re(self) -> regex.Pattern[str]:
        """A modal verb (perhaps with "not") ending the string."""
        return regex.compile(
            r"(?<![\p{L}])(?i:"
            + "|".join(
                regex.escape(m)
                for m in sorted(self._speech.get("modals", ()), key=len, reverse=True) or ["\x00"]
            )
            + r")(?:\s{1,3}+not)?\s{1,3}+$"
        )

    @functools.cached_property
    def lead_verb_re(self) -> regex.Pattern[str]:
        """An interview lead verb."""
        return regex.compile(r"(?<![\p{L}])" + _alternation(self.lead_verbs) + r"(?![\p{L}])")

    @functools.cached_property
    def verb_re(self) -> regex.Pattern[str]:
        """A speech-verb form."""
        return regex.compile(r"(?<![\p{L}\-])" + _alternation(self.verb_lemma) + r"(?![\p{L}\-])")

    @functools.cached_property
    def addressee_re(self) -> regex.Pattern[str]:
        """The addressee after a verb ("told reporters", "told Reuters")."""
        return regex.compile(
            _WS.replace("{1,3}", "{0,3}")
            + r"(?:(?:the\s{1,3}+)?"
            + _alternation(self.agencies or ("\x00",))  # "told RFE/RL", "told Caliber.Az"
            + r"(?![\p{L}])|"
            + _alternation(self._speech.get("addressees", ()))
            + r"(?![\p{L}])|(?:a|an|the)\s{1,3}+(?:[\p{L}-]{2,20}+\s{1,3}+){0,2}+"
            + _alternation(self._speech.get("addressee_heads", ()))
            + r"(?![\p{L}])|(?:the\s{1,3}+)?\p{Lu}{2,8}+(?![\p{L}])(?:"
            + _WS
            + r"(?:"
            + _CAP
            + r"|\p{Lu}{2,12}+(?![\p{L}]))"  # "told PREMIUM TIMES that"
            + r"){0,2}+|(?:(?:the|The)\s{1,3}+)?"
            + _CAP
            + r"(?:"
            + _WS
            + r"(?:(?:of|for|and)"  # "told Times of Malta"
            + _WS
            + r")?"
            + _CAP
            + r"){0,5}+)"
        )

    @functools.cached_property
    def adverbs_end_re(self) -> regex.Pattern[str]:
        """One to three adverbs ending the string."""
        adverbs = _alternation(self._speech.get("adverbs", ()))
        return regex.compile(
            r"(?<![\p{L}])" + adverbs + r"(?:\s{1,3}+" + adverbs + r"){0,2}+\s{0,3}+$"
        )

    @functools.cached_property
    def expression_re(self) -> regex.Pattern[str]:
        """The pattern of "expressed (his) hope that" and the like."""
        return regex.compile(
            r"(?<![\p{L}])"
            + _alternation(self._speech.get("expression_verbs", ()))
            + r"\s{1,3}+(?:(?:his|her|their|its|the|a)\s{1,3}+)?"
            + r"(?:(?:firm|strong|deep|great|full|serious)\s{1,3}+)?"
            + _alternation(self._speech.get("expression_nouns", ()))
            + r"\s{1,3}+that(?![\p{L}])"
        )

    @functools.cached_property
    def backward_re(self) -> regex.Pattern[str]:
        """The pattern of "this was stated by": a speaker after the quote."""
        return regex.compile(
            r"(?<![\p{L}])(?i:this|these|that|those|such|the|it)(?:\s{1,3}+"
            + _alternation(self._speech.get("backward_nouns", ()), "i")
            + r")?\s{1,3}+(?i:was|were|has\s{1,3}been|have\s{1,3}been|had\s{1,3}been)\s{1,3}+"
            + _alternation(self._speech.get("backward_participles", ()))
            + r"\s{1,3}+by\s{1,3}+"
        )

    @functools.cached_property
    def title_cues_re(self) -> regex.Pattern[str]:
        """A cue that a title follows, ending the string."""
        return regex.compile(
            r"(?<![\p{L}])"
            + _alternation(self._speech.get("title_cues", ()), "i")
            + r"[\s,:]{0,3}+$"
        )

    @functools.cached_property
    def name_run_re(self) -> regex.Pattern[str]:
        """A run of capitalised words, initials, particles and nicknames."""
        return regex.compile(
            r"(?<![\p{L}\p{N}.])(?:"
            + _INITIAL
            + r")?"
            + _CAP
            + r"(?:(?:"
            + _WS
            + r"(?:"
            + _alternation(self.particles)
            + _WS
            + r"){0,2}+)(?:[\"“‘']\p{Lu}[\p{L}.'’-]{0,20}+[\"”’']"
            + _WS
            + r")?(?:"
            + _INITIAL
            + r")?"
            + _CAP
            + r"){0,6}+(?![\p{L}])"
        )

    def _runs(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """The spans of ``name_run_re`` in ``text[lo:hi]``, with lower-case openings.

        A run is extended back over particles ("..., von der Leyen") and a joined article
        ("al-Sudani"), and joined to the run before when only those stand between
        ("Mohammed Shia al-Sudani"): cheap string tests per run instead of a longer
        pattern tried at every word.
        """
        previous: tuple[int, int] | None = None
        for match in self.name_run_re.finditer(text, lo, hi):
            start, end = match.span()
            opening = start
            before = text[start - 1] if start > lo else ""
            if before in (" ", "-"):
                opening = self._opening(text, lo, start, before)
            if opening != start and previous is not None:
                gap = text[previous[1] : opening]
                if gap and len(gap) <= 3 and not gap.strip():
                    previous = (previous[0], end)  # "Mohammed Shia" + "al-Sudani"
                    continue
            if previous is not None:
                yield previous
            previous = (opening, end)
        if previous is not None:
            yield previous

    @functools.cached_property
    def initials_re(self) -> regex.Pattern[str]:
        """One to three initials."""
        return regex.compile(_INITIAL)

    @functools.cached_property
    def honorific_end_re(self) -> regex.Pattern[str]:
        """An honorific (group 1) ending the string before white space."""
        return regex.compile(r"(?<![\p{L}])(" + _alternation(self.honorifics) + r")\.?\s{1,3}+$")

    @functools.cached_property
    def description_re(self) -> regex.Pattern[str]:
        """A description: "the Russian political analyst", "President of X"."""
        return regex.compile(
            r"(?<![\p{L}])(?=\p{L})(?:(?i:the|a|an|this|that|our|its|their|one|another)\s{1,3}+)?(?:(?:"
            + self._modifier_alt
            + r"|"
            + self.demonym_alt
            + r"(?:['’]s)?|"
            + _CAP
            + r")\s{1,3}+){0,4}"
            + self._role_alt
            + r"(?:\s{1,3}+(?:of|for|at|in|from|with)\s{1,3}+(?:(?:the|a)\s{1,3}+(?:"
            + self.demonym_alt
            + r"\s{1,3}+)?(?!(?:said|says|told)(?![\p{L}]))[\p{Ll}-]{3,20}+"
            # "a diplomat from a northern member state"
            + r"(?:\s{1,3}+(?!(?:said|says|told|added|noted|warned)(?![\p{L}]))"
            + r"[\p{Ll}-]{3,20}+){0,2}+"
            + r"|(?:the\s{1,3}+)?(?:"
            + self.demonym_alt
            + r"|"
            + _CAP
            + r")(?:\s{1,3}+(?:"
            + _CAP
            + r"|of|the|and|for)){0,5}+))?"
        )

    @functools.cached_property
    def role_in_text_re(self) -> regex.Pattern[str]:
        """A role noun or degree as a word."""
        return regex.compile(
            r"(?<![\p{L}])(?:"
            + self._role_alt
            + r"|"
            + _alternation(self.degrees, "i")
            + r")(?![\p{L}])"
        )

    @functools.cached_property
    def group_re(self) -> regex.Pattern[str]:
        """A group of people: "analysts", "sources familiar with the talks"."""
        return regex.compile(
            r"(?<![\p{L}])(?=\p{L})(?:(?i:the|some|several|many|other|two|three|local|senior)\s{1,3}+){0,2}+(?:(?:"
            + self._modifier_alt
            + r"|"
            + self.demonym_alt
            + r")\s{1,3}+){0,2}+"
            + _alternation(self.plural_roles, "i")
            + r"(?:\s{1,3}+(?:familiar\s{1,3}+with|close\s{1,3}+to|with\s{1,3}+knowledge\s{1,3}+of|"
            r"briefed\s{1,3}+on|involved\s{1,3}+in)\s{1,3}+(?:the\s{1,3}+)?[\p{L}-]{2,30}+"
            r"(?:\s{1,3}+[\p{L}-]{2,30}+){0,2}?(?=\s{0,3}+(?:[,.;]|said|told|say|$)))?"
            + r"(?:\s{1,3}+(?:(?:of|for|at|in|from)\s{1,3}+(?:the\s{1,3}+)?(?:"
            + _CAP
            + r"|\p{Lu}[\p{Lu}&]{1,9}+(?![\p{L}]))(?:\s{1,3}+(?:(?:of|for|and)\s{1,3}+)?"
            + _CAP
            + r"){0,5}+"
            # "doctors at the hospital", "residents of the village" (before a verb, a comma
            # or the end: "bankers at the regional conference" of "according to ..." is
            # left to the bare group)
            + r"|(?:of|at|in|from)\s{1,3}+the\s{1,3}+(?!(?:said|says|told)(?![\p{L}]))"
            + r"\p{Ll}[\p{Ll}-]{2,20}+(?=\s{0,3}+(?:[,;:)]|$|\p{Ll}{1,20}+(?:ed|s)(?![\p{L}])))))?"
        )

    @functools.cached_property
    def document_re(self) -> regex.Pattern[str]:
        """A document and its issuer: "a statement issued by X"."""
        return regex.compile(
            r"(?<![\p{L}])(?=\p{L})(?:(?i:the|a|an|its|his|her|their)\s{1,3}+)?(?:[\p{L}’'-]{1,30}+\s{1,3}+){0,3}?"
            + _alternation(self.doc_nouns, "i")
            + r"(?:\s{1,3}+(?:(?:posted|published|issued|released|provided|made|circulated|"
            r"distributed|compiled|presented|announced|cited|received|signed)\s{1,3}+"
            r"(?:on|by|at|in|from|to)|from|by|of)\s{1,3}+(?P<issuer>(?:[\p{L}\p{N}’'().-]{1,40}+\s{1,3}+){0,9}+"
            r"[\p{L}\p{N}’'().-]{1,40}+))?"
        )

    @functools.cached_property
    def organisation_re(self) -> regex.Pattern[str]:
        """A capitalised name ending in an organisation noun, with complements."""
        return regex.compile(
            r"(?<![\p{L}])(?=\p{L})(?:(?:(?i:the)\s{1,3}+|(?:"
            + self.demonym_alt
            # "the mayor's office", "the country's largest union"
            + r")['’]s\s{1,3}+)(?:[\p{Ll}-]{3,20}+(?:['’]s)?\s{1,3}+){0,3}+)?(?:(?:"
            + _CAP
            + r"|\p{Lu}\.(?:\p{Lu}\.){1,3}+|of|for|and|the|on)\s{1,3}+){0,6}"
            + _alternation(self.org_nouns, "i")
            + r"(?![\p{L}])(?:\s{1,3}+(?:of|for|on)\s{1,3}+(?:the\s{1,3}+)?"
            + _CAP
            + r"(?:\s{1,3}+(?:and\s{1,3}+)?"
            + _CAP
            + r"){0,4}+){0,2}+(?:\s{0,2}+\(\p{Lu}[\p{Lu}\p{N}&-]{1,10}+\))?"
        )

    @functools.cached_property
    def agency_re(self) -> regex.Pattern[str] | None:
        """A news agency or its alias, or None when the list is empty."""
        return (
            regex.compile(r"(?<![\p{L}])" + _alternation(self.agencies) + r"(?![\p{L}])")
            if self.agencies
            else None
        )

    @functools.cached_property
    def pronoun_re(self) -> regex.Pattern[str]:
        """A subject pronoun at the start of a word."""
        return regex.compile(
            r"(?<![\p{L}])(?i:" + "|".join(sorted(self.pronouns, key=len, reverse=True)) + r")"
        )

    def head_pattern(self, head: str) -> regex.Pattern[str]:
        """A capitalised name ending in ``head`` ("Foreign Ministry", "Ministry of X")."""
        pattern = self._head_patterns.get(head)
        if pattern is None:
            pattern = regex.compile(
                r"(?<![\p{L}])(?:\p{Lu}[\p{L}’'-]{1,30}+\s{1,3}+){1,5}+"
                + regex.escape(head.capitalize())
                + r"(?![\p{L}])(?:\s{1,3}+of\s{1,3}+(?:the\s{1,3}+)?\p{Lu}[\p{L}-]{1,30}+"
                r"(?:\s{1,3}+\p{Lu}[\p{L}-]{1,30}+){0,3}+)?"
                r"|(?<![\p{L}])"
                + regex.escape(head.capitalize())
                + r"\s{1,3}+of\s{1,3}+(?:the\s{1,3}+)?\p{Lu}[\p{L}-]{1,30}+"
                r"(?:\s{1,3}+\p{Lu}[\p{L}-]{1,30}+){0,3}+"
            )
            self._head_patterns[head] = pattern
        return pattern

    # -- tokens -------------------------------------------------------------------
    def is_not_name(self, token: str) -> bool:
        """True when ``token`` can never be part of a person's name."""
        base = token
        tail = token[-2:]
        if tail in _POSSESSIVE_ENDS:
            base = token[:-2]  # "'s", "’s"
        elif tail in _PLURAL_POSSESSIVE_ENDS:
            base = token[:-1]  # "s'", "s’"
        if "-" in base:
            parts = base.split("-")
            if parts[0] in self.joined_articles and len(parts) > 1:
                parts = parts[1:]  # "al-Sudani"
            if self.is_syllable_given(base):
                return False  # "Hsin-yi", "Chi-keung", "Hyun-jung"
            if any(not part or part[0].islower() or self.is_not_name(part) for part in parts):
                return True
        return (
            base in self._not_name_exact
            or base.casefold() in self._not_name_folded
            or base.rstrip(".") in self.honorifics
            or (base.isupper() and len(base) > 1)
        )

    def is_syllable_given(self, token: str) -> bool:
        """True for a romanised two-syllable given name ("Hsin-yi", "Chi-keung").

        Chinese and Korean given names are written as two short syllables joined by a
        hyphen, the second in lower case; English compounds ("Anti-war", "Mid-year")
        open with a word of ``hyphen_compound_openers``.
        """
        match = _SYLLABLE_GIVEN.fullmatch(token)
        return (
            match is not None
            and match.group(1).casefold() not in self.hyphen_prefixes
            and token[match.end(1) + 1 :] not in self.hyphen_closers
        )

    def is_patronymic(self, token: str) -> bool:
        """True for a patronymic middle name (Heydarovich, Ivanovna)."""
        low = token.casefold()
        return len(low) > 5 and low.endswith(self.patronymic)

    def gender_of(self, name: str, honorific: str | None = None) -> str | None:
        """``female``/``male`` when the honorific or the surname says it."""
        if honorific:
            h = honorific.rstrip(".")
            if h in self.female_honorifics:
                return "female"
            if h in self.male_honorifics:
                return "male"
        last = name.rsplit(maxsplit=1)[-1].casefold() if name.split() else ""
        if len(last) > 4 and last.endswith(self.female_suffixes):
            return "female"
        return None

    def looks_like_person(self, name: str) -> bool:
        """A weak test for a two-or-more-word name with no other evidence."""
        tokens = name.split()
        if len(tokens) < 2 or any(self.is_not_name(t) for t in tokens):
            return False
        last = tokens[-1].casefold()
        return _unaccented(tokens[0]) in self.given_names or (
            len(last) > 4 and last.endswith(self.surname_suffixes)
        )

    # -- name runs ----------------------------------------------------------------
    def name_hits(self, text: str, lo: int, hi: int) -> list[NameHit]:
        """Capitalised runs in ``text[lo:hi]`` holding a possible person name."""
        hits: list[NameHit] = []
        append = hits.append
        reject = self._plain_single_rejects
        any_end = self._honorific_finals is None
        for start, end in self._run_list(text, lo, hi):
            chunk = text[start:end]
            if chunk in reject:
                continue  # (Performance.) Most runs are one word ("The", "Moscow").
            words = chunk.split()
            if len(words) == 1:
                hit = self._single_word_hit(text, start, end, words[0])
                if hit is None:
                    continue
                found: tuple[NameHit, ...] | list[NameHit] = (hit,)
            else:
                found = self._split_run(text, start, end, words)
            for hit in found:
                h_start = hit.start
                # (Performance.) _after_honorific_end is False unless white space ends
                # the window (when the honorifics' last letters are known).
                if (
                    hit.honorific is None
                    and h_start == hit.core_start
                    and h_start > lo
                    and (any_end or text[h_start - 1].isspace())
                ):
                    window_lo = max(lo, h_start - 16)
                    if self._after_honorific_end(text, window_lo, h_start):
                        before = self.honorific_end_re.search(text, window_lo, hit.start)
                        if before is not None:
                            hit.honorific = before.group(1)
                            hit.start = before.start()
                            hit.title = before.group(1)
                append(hit)
        return hits

    def _opening(self, text: str, lo: int, start: int, before: str) -> int:
        """Where a run at ``start`` opens, counting what stands before it.

        Particles before a space ("von der Leyen"), a joined article before a hyphen
        ("al-Sudani").
        """
        k = max(lo, text.rfind(" ", lo, start - 1) + 1)
        if before == " ":
            if text[k : start - 1] in self.particles:
                j = max(lo, text.rfind(" ", lo, k - 1) + 1)
                if k - 1 > lo and text[j : k - 1] in self.particles:
                    return j  # "von der"
                return k
        elif text[k : start - 1] in self.joined_articles:
            return k
        return start

    def _run_list(self, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """``list(self._runs(text, lo, hi))``, found faster (performance).

        The word before a run is read only when its last letter or two (before the
        run's start, past one space or hyphen) could end a particle or joined article.
        """
        particle_ends, joined_ends = self._opening_ends
        if particle_ends is None or joined_ends is None:
            return list(self._runs(text, lo, hi))
        runs: list[tuple[int, int]] = []
        append = runs.append
        previous_end = -1
        for match in self.name_run_re.finditer(text, lo, hi):
            start, end = match.span()
            opening = start
            if start - 2 >= lo:
                before = text[start - 1]
                if (
                    before == " "
                    and (
                        text[start - 2] in particle_ends
                        or text[start - 3 : start - 1] in particle_ends
                    )
                ) or (
                    before == "-"
                    and (
                        text[start - 2] in joined_ends or text[start - 3 : start - 1] in joined_ends
                    )
                ):
                    opening = self._opening(text, lo, start, before)
            if opening != start and runs:
                gap = text[previous_end:opening]
                if gap and len(gap) <= 3 and not gap.strip():
                    runs[-1] = (runs[-1][0], end)  # "Mohammed Shia" + "al-Sudani"
                    previous_end = end
                    continue
            append((opening, end))
            previous_end = end
        return runs

    @functools.cached_property
    def _opening_ends(self) -> tuple[frozenset[str] | None, frozenset[str] | None]:
        """How the particles and the joined articles end (performance).

        The one-letter words themselves and the last two letters of the others: a word
        that is one of them ends with one of these. None for a list that holds an empty
        word (any word before a run could be it).
        """

        def ends(words: frozenset[str]) -> frozenset[str] | None:
            return None if "" in words else frozenset(w[-2:] for w in words)

        return ends(self.particles), ends(self.joined_articles)

    @functools.cached_property
    def _plain_single_rejects(self) -> frozenset[str]:
        """The words of ``_single_rejects`` that are one word for str.split (performance).

        A run equal to one of them is that one word, and is dropped.
        """
        return frozenset(w for w in self._single_rejects if w.split() == [w])

    @functools.cached_property
    def _capital_forms(self) -> frozenset[str]:
        """Lexicon words as a run can hold them: capitalised (performance).

        The not-name words, agencies, countries and their adjectives, role words and
        honorifics, as written, capitalised, title-cased and upper-cased, that start
        with an upper-case letter (every word of a run that is not a particle does).
        """
        forms = set(self.not_name) | self.agencies
        for word in [*self.country_of, *self.role_words, *self.honorifics]:
            forms.update((word, word.capitalize(), word.title(), word.upper()))
        return frozenset(word for word in forms if word[:1].isupper())

    @functools.cached_property
    def _single_rejects(self) -> frozenset[str]:
        """Words that ``_single_word_hit`` rejects whatever follows them (performance).

        A one-word run that is one of them holds no name, and is dropped with one set
        lookup.
        """
        return frozenset(
            word
            for word in self._capital_forms
            if self._single_word_hit(word + " ", 0, len(word), word) is None
            and self._single_word_hit(word + ".", 0, len(word), word) is None
        )

    def _after_honorific_end(self, text: str, lo: int, hi: int) -> bool:
        """False when ``honorific_end_re`` cannot match ``text[lo:hi]`` (performance).

        A match ends with white space, before which come an optional dot and the letters
        that end an honorific: no match unless the letters before that white space are
        the end of one.
        """
        finals = self._honorific_finals
        if finals is None:
            return True
        k = hi
        while k > lo and text[k - 1].isspace():
            k -= 1
        if k in (hi, lo):
            return False
        if text[k - 1] == ".":
            k -= 1
        word = letters_before(text, lo, k)
        return word is not None and word in finals

    def _single_word_hit(self, text: str, start: int, end: int, word: str) -> NameHit | None:
        """``_split_run`` of a run of one word: its hit, or None."""
        if word[0] in "\"“‘'" or word in self.particles:
            return None
        if word[1:2] == ".":
            initials = self.initials_re.match(word)
            if initials is not None and initials.end() == len(word):
                return self._one_word_hit(start, end, word)
        if word in self.dot_required and text[end : end + 1] != ".":
            return self._one_word_hit(start, end, word)
        if word in self._not_name_plain:
            return None
        if "-" in word or word[-2:] in _POSSESSIVE_ENDS or word[-2:] in _PLURAL_POSSESSIVE_ENDS:
            if self.is_not_name(word):
                return None
        elif (
            word.casefold() in self._not_name_folded
            or word.rstrip(".") in self.honorifics
            or (word.isupper() and len(word) > 1)
        ):
            return None  # is_not_name of a word with no hyphen and no possessive ending
        return self._one_word_hit(start, end, word)

    @staticmethod
    def _one_word_hit(start: int, end: int, word: str) -> NameHit:
        if end - start > 3 and word.endswith(("'s", "’s")):
            return NameHit(start, end - 2, start, end - 2, word[:-2], "", None)
        return NameHit(start, end, start, end, word, "", None)

    def _split_run(
        self, text: str, start: int, end: int, words: list[str] | None = None
    ) -> list[NameHit]:
        # The run starts and ends with a letter and holds no white space that str.split
        # and \S disagree on: its words are run.split(), found left to right.
        if words is None:
            words = text[start:end].split()
        count = len(words)
        if count == 1:
            spans = [(start, end)]
        else:
            spans = []
            pos = start
            find = text.find
            for word in words:
                pos = find(word, pos)
                spans.append((pos, pos + len(word)))
                pos += len(word)
        hits: list[NameHit] = []
        title_start: int | None = None
        honorific: str | None = None
        core: list[int] = []  # indices of the name's words
        particles = self.particles
        is_not_name = self.is_not_name

        known = self._plain_not_names
        exact, folded, honorifics = self._not_name_exact, self._not_name_folded, self.honorifics
        for index, word in enumerate(words):
            # (Performance.) A word of the table is a not-name that none of the checks
            # before is_not_name takes: its flags are read at once.
            flags = known.get(word)
            if flags is None:
                if word[0] in "\"“‘'":
                    continue  # a nickname between first name and surname
                if word in particles:
                    if core or index == 0:
                        core.append(index)  # "von der Leyen" opening the run
                    continue
                if word[1:2] == ".":
                    # An initial is a capital and a dot: no regex for words without that dot.
                    initials = self.initials_re.match(word)
                    if initials is not None and initials.end() == len(word):
                        core.append(index)
                        continue
                if word in self.dot_required:
                    b = spans[index][1]
                    if text[b : b + 1] != ".":
                        core.append(index)  # "Gen Nakatani": a first name, not "General"
                        continue
                if not core and word in self.ambiguous_given and index + 1 < count:
                    following = words[index + 1]
                    if following in particles or not is_not_name(following):
                        core.append(index)  # "Jan de Vries", "May Chen"
                        continue
                if (
                    # (Performance.) is_not_name of a word of letters only (no possessive
                    # ending, hyphen or dot to strip).
                    word in exact
                    or word.casefold() in folded
                    or word in honorifics
                    or (word.isupper() and len(word) > 1)
                    if word.isalpha()
                    else is_not_name(word)
                ):
                    flags = self._not_name_flags(word)
            if flags is not None:
                if core:
                    self._flush(
                        text,
                        words,
                        spans,
                        core,
                        title_start=title_start,
                        honorific=honorific,
                        hits=hits,
                    )
                    core = []
                    title_start = None
                    honorific = None
                titled, function, bare = flags
                if not titled and (title_start is None or function):
                    title_start = None
                    honorific = None
                elif title_start is None:
                    title_start = spans[index][0]
                if bare is not None:
                    honorific = bare
                continue
            if index + 1 < count and word.endswith(("'s", "’s")):
                # "Al Jazeera's Hiba Morgan", "CNN's Jake Tapper": the possessor is an
                # affiliation written as a title, not part of the person's name.
                if title_start is None:
                    title_start = spans[core[0]][0] if core else spans[index][0]
                core = []
                continue
            core.append(index)
        if core:
            self._flush(
                text, words, spans, core, title_start=title_start, honorific=honorific, hits=hits
            )
        return hits

    @functools.cached_property
    def _plain_not_names(self) -> dict[str, tuple[bool, bool, str | None]]:
        """Words that ``_split_run`` only ever reads as not-names (performance).

        Each maps to what that branch reads of it: titled, a function word, and the
        honorific it is (or None). Words that an earlier check of the loop can take
        (nicknames, particles, initials, honorifics that need a dot, ambiguous first
        names) are left out.
        """
        table: dict[str, tuple[bool, bool, str | None]] = {}
        for word in self._capital_forms:
            if (
                word[0] in "\"“‘'"
                or word in self.particles
                or word[1:2] == "."
                or word in self.dot_required
                or word in self.ambiguous_given
                or not self.is_not_name(word)
            ):
                continue
            table[word] = self._not_name_flags(word)
        return table

    def _not_name_flags(self, word: str) -> tuple[bool, bool, str | None]:
        """What ``_split_run`` reads of a not-name word.

        Whether it is titled, whether it is a function word, and the honorific it is (or
        None).
        """
        folded = word.casefold()
        bare = word.rstrip(".")
        titled = (
            folded in self.role_words
            or bare in self.honorifics
            or folded.removesuffix("'s").removesuffix("’s") in self.country_of
        )
        return titled, folded in self.function_words, bare if bare in self.honorifics else None

    def _flush(
        self,
        text: str,
        words: list[str],
        spans: list[tuple[int, int]],
        core: list[int],
        *,
        title_start: int | None,
        honorific: str | None,
        hits: list[NameHit],
    ) -> None:
        """Append the hit of the name words ``core`` (indices into ``words``) to ``hits``."""
        particles = self.particles
        while core and words[core[-1]] in particles:
            core.pop()
        if len(core) >= 3:
            given = self.given_names
            first = words[core[0]]
            # "Tuesday Antonio Rovira": a capitalised word that is no given name (an
            # accented one, "René Antonio Rovira", is a foreign given name, not English).
            if (
                words[core[1]] in given
                and first.isascii()
                and first not in given
                # "Ong Wei Ming", "Tan Hui Ling": a short family name before two short
                # given syllables is part of the name
                and not (
                    len(core) == 3
                    and max(len(first), *(len(w) for w in words[core[1] : core[2] + 1])) <= 4
                )
            ):
                core = core[1:]
        if not core:
            return
        cs = spans[core[0]][0]
        names = [words[i] for i in core]
        last_a, ce = spans[core[-1]]
        last = names[-1]
        if ce - last_a > 3 and last.endswith(("'s", "’s")):
            ce -= 2
            names[-1] = last[:-2]
        title = "" if title_start is None else " ".join(text[title_start:cs].split())
        hits.append(
            NameHit(
                title_start if title_start is not None else cs,
                ce,
                cs,
                ce,
                " ".join(names),
                title,
                honorific,
            )
        )

    def canonical(self, name: str) -> str:
        """The name without a patronymic middle name and without initials' spacing."""
        tokens = name.split()
        if len(tokens) == 3 and self.is_patronymic(tokens[1]):
            return f"{tokens[0]} {tokens[2]}"
        return " ".join(tokens)

    # -- roles ----------------------------------------------------------------------
    def is_role_phrase(self, phrase: str) -> bool:
        """True for an apposition that gives a role ("senior lecturer at X", "Ph.D.")."""
        words = phrase.split()
        if not words or len(words) > 18:
            return False
        # (Performance.) The tests below all must pass; the role nouns, mostly absent,
        # are read first. A first role noun after the third word's start: a clause, not
        # a role ("met the company's director"), unless a degree starts the phrase.
        degree = phrase.casefold().startswith(self._degree_prefixes)
        prefixes = self._role_prefixes
        if not degree and prefixes is not None and phrase.isascii():
            # (Performance.) role_matches's first match starts at a letter run that
            # starts a role noun: none in the first three words, no role phrase.
            head = " ".join(words[:3]).encode().translate(_ASCII_LETTER_RUNS).lower().decode()
            if prefixes.isdisjoint(head.split()):
                return False
        matches = self.role_matches(phrase)
        first = None
        if not degree:
            first = next(matches, None)
            if first is None or len(phrase[: first.start()].split()) > 2:
                return False
        if self.is_aside(phrase) or any(
            w.casefold().strip(".,") in self.verb_lemma for w in words if w.islower()
        ):
            return False
        if first is None:
            return True  # a degree
        # A role noun must head its phrase.
        if _ROLE_FOLLOW.match(phrase, first.end()) is not None:
            return True
        return any(_ROLE_FOLLOW.match(phrase, match.end()) is not None for match in matches)

    def role_noun_of(self, phrase: str) -> str | None:
        """The last role noun of ``phrase`` that heads its phrase (case-folded), if any.

        "official" in "the official website" is an adjective, not a role: a role noun
        must end the phrase or be followed by a preposition, a comma or a name.
        """
        found = None
        for match in self.role_matches(phrase):
            if _ROLE_FOLLOW.match(phrase, match.end()) is None:
                continue
            found = " ".join(match.group().casefold().split())
        return found

    def role_matches(self, phrase: str) -> Iterator[regex.Match[str]]:
        """The matches of ``role_in_text_re.finditer(phrase)``, found faster.

        (Performance.) The big case-insensitive alternation is slow to search. In ASCII
        text a match starts a letter run (the look-behind), and that run, lower-cased, is
        the alternative's leading letters (a non-letter or the look-ahead ends them): the
        pattern is only tried, anchored, where such a run starts, after the last match.
        """
        prefixes = self._role_prefixes
        # The letter runs, lower-cased, between spaces: a run starting at offset i of
        # the phrase is found at i in ``runs`` (which starts with a space). Text with
        # other characters than ASCII and common punctuation is searched.
        if phrase.isascii():
            # (Performance.) bytes.translate with a table is several times faster.
            runs = " " + phrase.encode().translate(_ASCII_LETTER_RUNS).lower().decode() + " "
        else:
            runs = " " + phrase.lower().translate(_LETTER_RUNS) + " "
        if prefixes is None or not runs.isascii():
            yield from self.role_in_text_re.finditer(phrase)
            return
        wanted = prefixes.intersection(runs.split())
        if not wanted:
            return
        starts = []
        for word in wanted:
            key = f" {word} "
            at = runs.find(key)
            while at >= 0:
                starts.append(at)
                at = runs.find(key, at + len(word) + 1)
        starts.sort()
        match_at = self.role_in_text_re.match
        done = 0
        for start in starts:
            if start < done:
                continue
            found = match_at(phrase, start)
            if found is not None:
                yield found
                done = found.end()

    @functools.cached_property
    def _role_prefixes(self) -> frozenset[str] | None:
        """The leading letters of ``role_in_text_re``'s alternatives, lower-cased.

        Alternatives that cannot match ASCII text (a letter with no ASCII case variant,
        as in "attaché") are left out. None when role_matches's shortcut would not be
        exact: an alternative starts with a non-letter, or is not ASCII but could match
        ASCII text.
        """
        prefixes = set()
        for word in [*self._role_nouns, *self.degrees]:
            if not word:
                continue  # _alternation drops it
            if not word.isascii():
                if all(c.isascii() or _matches_ascii(c) for c in word):
                    return None
                continue
            lead = _ASCII_LETTERS.match(word)
            if lead is None:
                return None
            prefixes.add(lead.group().lower())
        return frozenset(prefixes)

    @staticmethod
    def is_aside(phrase: str) -> bool:
        """True for an aside between a name and its verb ("speaking with X")."""
        words = phrase.split()
        if not words or len(words) > 12:
            return False
        first = words[0].casefold()
        return (first.endswith("ing") and len(first) > 4) or first in {
            "who",
            "in",
            "at",
            "during",
            "on",
            "when",
            "while",
            "according",
            "which",
            "whose",
            "where",
            "of",
            "along",
            "together",
        }

    def country_in(self, phrase: str) -> str | None:
        """The country named in ``phrase`` by name, adjective or possessive, if any."""
        for token in _LETTERS_DOTS.findall(phrase):
            base = token.removesuffix("s") if token.endswith("'s") else token
            country = self.country_of.get(base.casefold())
            if country:
                return country
        for token in _POSSESSOR.findall(phrase):
            country = self.country_of.get(token.casefold())
            if country:
                return country
        return None


def name_lex(lexicon: Lexicon) -> NameLex:
    """The compiled :class:`NameLex` of ``lexicon`` (built once per lexicon)."""
    return lexicon.compiled("newsparse.names", NameLex)


def affiliation(role: str | None) -> str | None:
    """The organisation a role names after ``at``/``of``/``for`` ("lecturer at X")."""
    if not role:
        return None
    for segment in role.split(","):
        for match in _AFFILIATION.finditer(segment):
            phrase = match.group(1).strip().rstrip(".")
            if phrase:
                return " ".join(phrase.split())
    return None


def words_key(name: str) -> frozenset[str]:
    """Content words of a name, folded, for alias matching."""
    stop = {"the", "of", "a", "an", "and", "for", "on", "in", "'s", "’s"}
    words = _KEY_WORDS.findall(name.casefold())
    return frozenset(w for w in words if w not in stop)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance of two short strings, capped at ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            current.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _within_one_edit(a: str, b: str) -> bool:
    """True when the Levenshtein distance of ``a`` and ``b`` is at most one."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    n = min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    if i == n:
        return True  # one is the other plus one letter at the end
    return a[i + 1 :] == b[i + 1 :] or a[i + 1 :] == b[i:] or a[i:] == b[i + 1 :]


def within_two_edits(a: str, b: str) -> bool:
    """``edit_distance(a, b, 2) <= 2``, without the table (performance).

    Equal prefixes and suffixes do not change the distance; at the first differing
    letter the best alignment substitutes, deletes or inserts it, which leaves one edit
    for the rest.
    """
    if abs(len(a) - len(b)) > 2:
        return False
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    if i == n:
        return True  # the longer one has at most two more letters at the end
    return (
        _within_one_edit(a[i + 1 :], b[i + 1 :])
        or _within_one_edit(a[i + 1 :], b[i:])
        or _within_one_edit(a[i:], b[i + 1 :])
    )
