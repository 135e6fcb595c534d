"""The organisations scanner's lazy tokens equal the one-pass tokens, and the tokens it
skips as unable to act (``LazyTokens.acting``) are ones where no check finds anything."""

from __future__ import annotations

import random

import attrs

from newsparse._lexicon import Lexicon
from newsparse.parsers import _orgs_data as data
from newsparse.parsers import _orgs_scan as scan

from . import goldcheck

_PIECES = [*"aZé\u0301 \t\n\x1c.-'’&/+,:;()1ə\"“”?!", "St", "U.S", "Energy.The", "a" * 85]
_PIECES += ["Report.az", "Ministry", "FC", "at", "SOCAR", "Inc", "Baku-based", "Jones", "s"]
_PIECES += ["2.5", "Co", "the", "The", "'s", "’s", "Corp", "...", "Mr", "中", "an", "A"]
# words of the lexicon, so that checks act: heads, known names, legal forms, descriptors
_PIECES += ["Central", "Election", "Commission", "(CEC)", "CEC", "ministry", "firm", "data"]
_PIECES += ["Trend", "trend", "Guardian", "Azerbaijan", "Airlines", "Railways", "Bank"]
_PIECES += ["Respublika", "AS", "as", "plc", "Ltd", "GmbH", "OJSC", "Gazprom", "group"]
_PIECES += ["economist", "chief", "head", "FNSEA", "Kremlin", "of", "for", "and", "Foreign"]
_PIECES += ["Affairs", "University", "National", "Reuters", "News", "Agency", "said", "company"]
_PIECES += ["Johnson", "&", "24.KG", "council", "Russia", "Apple", "consultancy", "analytics"]
# phrases the checks act on (apposition, workplace, descriptors, lower-case names, refs)
_PIECES += ["Norvik Analytics, a consultancy, said", "chief economist at Sovcombank", "the"]
_PIECES += ["Russia-Azerbaijan interparliamentary friendship group", "data firm Kpler"]
_PIECES += ["FNSEA head Bernard Lacoste", "the ruling Georgian Dream party", "Apple Inc."]
_PIECES += ["Vortexa, a London-based analytics firm,", "the Commission", "Bank Respublika"]
_PIECES += ["Bosch GmbH & Co. KG", "OJSC Gazprom", "Neftchi PFK", "FC Bayern München"]


def _text(rnd: random.Random, size: int) -> str:
    return "".join(rnd.choice(_PIECES) + rnd.choice(["", " ", " ", " ", "  "]) for _ in range(size))


def test_one_pass_and_lazy_tokens_equal_the_raw_token_path() -> None:
    org = data.org_data(Lexicon.default())
    rnd = random.Random(5)
    for _ in range(5_000):
        text = _text(rnd, rnd.randint(0, 20))
        start, stop, skips = goldcheck.random_region(rnd, text)
        raw = scan._raw_tokenize(data.raw_tokens(text, start, stop), skips, scan.WordCache(org))
        assert scan.all_tokens(text, start, stop, skips, scan.WordCache(org)) == raw, text
        found = scan.region_tokens(text, start, stop, skips, scan.WordCache(org))
        if isinstance(found, scan.LazyTokens):
            points = sorted(rnd.sample(range(found.n), min(found.n, 3)))
            part = found.around(points, 2, 3)
            for i, tok in enumerate(part):
                assert tok is scan._UNBUILT or tok == raw[i], text
            assert found.all() == raw, text


def _cands(cands: list[scan.Candidate]) -> list[tuple[object, ...]]:
    return [attrs.astuple(c) for c in cands]


def test_tokens_left_out_as_unable_to_act_find_nothing() -> None:
    org = data.org_data(Lexicon.default())
    rnd = random.Random(9)
    acted = 0
    for _ in range(5_000):
        text = _text(rnd, rnd.randint(1, 30))
        found = scan.region_tokens(text, 0, len(text), [], scan.WordCache(org))
        if not isinstance(found, scan.LazyTokens) or not found.n:
            continue
        toks = found.all()
        people = frozenset({("heydar", "aliyev")})
        every = scan.scan_region(org, toks, False, people)
        # the trigger marks leave out only tokens where no check finds anything either
        everywhere = scan.scan_region(org, toks, False, people, range(len(toks)))
        assert _cands(everywhere) == _cands(every), text
        acting = found.acting(org)
        acted += len(acting)
        assert _cands(scan.scan_region(org, toks, False, people, acting)) == _cands(every), text
    assert acted > 1_000


def test_capitalised_words_take_the_general_path_values() -> None:
    org = data.org_data(Lexicon.default())
    words = {w[:1].upper() + w[1:] for w in org.known} | {w.title() for w in org.heads}
    words |= {"The", "A", "As", "Ag", "Plc", "Inc", "Trend", "At", "I", "Co", "Said", "Mr"}
    words = {w for w in words if w.isascii() and w.isalpha()}
    words |= {"AB", "McDonald", "Baku-based", "Trend's", "x"}
    fast, general = scan.WordCache(org), scan.WordCache(org)
    fast.learn(set(words))
    general.learn_any(words)
    assert fast == general


def test_matches_found_for_all_regions_at_once_give_the_same_tokens() -> None:
    org = data.org_data(Lexicon.default())
    rnd = random.Random(13)
    for _ in range(2_000):
        text = _text(rnd, rnd.randint(0, 40))
        cuts = sorted(rnd.randint(0, len(text)) for _ in range(4))
        spans = [(cuts[0], cuts[1]), (cuts[1], cuts[2]), (cuts[2], cuts[3])]
        words = scan.WordCache(org)
        for (start, stop), pairs in zip(spans, scan.region_pairs(text, spans, words), strict=True):
            want = scan.tokenize(text, start, stop, [], scan.WordCache(org))
            assert scan.all_tokens(text, start, stop, [], words, pairs=pairs, checked=True) == want
            found = scan.region_tokens(text, start, stop, [], words, pairs=pairs, checked=True)
            toks = found.all() if isinstance(found, scan.LazyTokens) else found
            assert toks == want, text
