"""Translationese: does an article read as a (machine) translation, and from which language?

The verdict is measured: a small linear model over function-word, character-trigram and surface
statistics (``translationese_model``), trained by ``benchmarks/translationese_train.py`` on
public native English and machine translations into English, calibrated and thresholded on a
development split. The signals below are evidence a person can read: each looks for one general
trace that translation, above all machine translation from a Romance language, leaves in English
news copy, and returns the passage and why. No signal knows any particular article's words. They
raise the verdict only when several independent ones converge; a single clue never does.

Signals (English copy; other languages get the language-independent ones):

* ``pronoun-gender``: one named person referred to as both "he" and "she" (subject pronouns that
  open a sentence or clause are attributed to the person the previous sentence was about);
* ``near-homograph``: a capitalised word used as a modifier ("Pope visit") while a word one letter
  away ("pipe") is used nearby: the translator (or engine) picked the wrong reading;
* ``weekday-calque``: "this Tuesday" / "the past Monday" for a past event (Romance "este martes",
  "el pasado lunes"); English says "on Tuesday";
* ``perfect-with-date``: present perfect with a finished-time adverbial ("has signed ... on
  Tuesday", "has announced ... yesterday"), which English grammar rules out;
* ``false-friend``: Romance constructions rendered word for word ("assured that", "in the
  framework of", "celebrated a meeting");
* ``date-format``: a day-first numeric date in English copy (weak: British usage does this too);
* ``fused-dateline``: the first word of the body glued to the dateline ("NairobiKenyan"), a trace of
  copy lifted from a web page rather than written for this one (weak);
* ``untranslated``: a sentence in another language outside quotation marks;
* ``number-format``: a decimal comma or a thousands dot in English ("1,2 million", "8,5%",
  "450.000 euros"): continental number format carried over;
* ``date-calque``: Romance date and time constructions word for word ("the Thursday", "the 15 of
  March", "the day 15", "the 3.30 hours");
* ``inanimate-his``: "his" for a company, government or other institution (Romance "su" is
  genderless; the engine picked "his");
* ``function-words``: "of" and "the" far above their share in English prose (about 3% and 6% of
  words): Romance "de" and "el/la" carried over one for one (articles of 80 words or more);
* ``foreign-word``: lower-case words with Romance accents, or Romance honorifics ("Sra."), left in
  English copy: the engine did not know them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .articles import Article
from .detect import ArticleLanguage, guess_language, language_name
from .names import NATIONALITY_SUFFIXES, NOT_NAME_WORDS, WEEKDAY_PATTERN
from .segment import split_sentences

WEIGHTS = {
    "pronoun-gender": 0.55,
    "near-homograph": 0.45,
    "weekday-calque": 0.35,
    "perfect-with-date": 0.3,
    "false-friend": 0.3,
    "untranslated": 0.3,
    "date-format": 0.15,
    "number-format": 0.4,
    "date-calque": 0.4,
    "inanimate-his": 0.35,
    "foreign-word": 0.3,
    "function-words": 0.45,
    "fused-dateline": 0.1,
}
ROMANCE = ("es", "ca", "pt", "fr", "it", "gl")
# The old rule-only thresholds (one strong clue made "likely translated"); now used only where
# no model judges (short texts, with converging rules) and as the benchmark baseline.
LIKELY, TRANSLATED = 0.45, 0.8
# Rule evidence counts toward the verdict only when CONVERGING distinct signals of at least
# STRONG weight fire: the native false positives each came from a single signal.
STRONG, CONVERGING = 0.3, 2
# Origin candidates: every source language with at least this share of the leader's probability.
ORIGIN_SPREAD = 0.5


@dataclass
class Evidence:
    signal: str
    passage: str
    why: str
    block: int
    points_to: tuple[str, ...] = ()  # source languages this clue suggests

    def as_dict(self) -> dict:
        return {"signal": self.signal, "passage": self.passage, "why": self.why,
                "block": self.block, "points_to": list(self.points_to)}


@dataclass
class TranslationeseReport:
    score: float | None  # None when not judged
    verdict: str  # native | likely translated | translated | not judged
    evidence: list[Evidence] = field(default_factory=list)
    origin: str | None = None  # set when the model singles out one source language
    origin_candidates: list[str] = field(default_factory=list)
    model_probability: float | None = None  # the model's calibrated probability, alone
    rule_score: float = 0.0  # the rule signals alone (evidence, not the verdict)

    @property
    def origin_name(self) -> str:
        return " or ".join(language_name(c) for c in self.origin_candidates)

    def as_dict(self) -> dict:
        return {"score": None if self.score is None else round(self.score, 3), "verdict": self.verdict,
                "model_probability": None if self.model_probability is None else round(self.model_probability, 3),
                "rule_score": round(self.rule_score, 3), "origin": self.origin,
                "origin_candidates": list(self.origin_candidates),
                "evidence": [e.as_dict() for e in self.evidence]}


def assess(article: Article, language: ArticleLanguage) -> TranslationeseReport:
    """Judge whether ``article`` reads as a (machine) translation, with the evidence.

    The verdict comes from the measured model (``translationese_model``: a calibrated probability
    with thresholds chosen on a development set). The rule signals are evidence a person can
    read; they move the verdict only when several independent ones converge (CONVERGING), so one
    weak hit never flips it. Languages without a model, and texts too short for one, get
    "not judged" unless the rules converge."""
    from .translationese_model import MIN_WORDS, load_model, word_count

    lang = language.article.code
    foreign = {b.index for b in language.foreign_blocks}  # a quote in another language is no calque
    blocks = [(i, b) for i, b in enumerate(article.blocks) if b.translatable and i not in foreign]
    evidence: list[Evidence] = []
    evidence += _fused_dateline(article)
    evidence += _untranslated(language)
    if lang == "en":
        sentences = [(i, s.text) for i, b in blocks for s in split_sentences(b.text, "en")]
        evidence += _pronoun_gender(sentences)
        evidence += _near_homographs(blocks)
        evidence += _weekday_calques(sentences)
        evidence += _perfect_with_date(sentences)
        evidence += _false_friends(sentences)
        evidence += _date_format(article)
        evidence += _number_format(sentences)
        evidence += _date_calques(sentences)
        evidence += _inanimate_his(sentences)
        evidence += _foreign_words(sentences)
        evidence += _function_words(blocks)
    rules = rule_score(evidence)
    converging = len({e.signal for e in evidence if WEIGHTS[e.signal] >= STRONG}) >= CONVERGING
    model = load_model(lang)
    text = "\n\n".join(b.text for _, b in blocks)
    if model is None or word_count(text) < MIN_WORDS:
        if not converging:
            return TranslationeseReport(None, "not judged", evidence, None, [], None, rules)
        probability, likely, translated = None, LIKELY, TRANSLATED
        score = rules
    else:
        z = model.standardized(text)  # featurised once for the verdict and the origin
        probability = model.probability(text, z)
        likely, translated = model.likely, model.translated
        # Converging rule evidence can raise the model's probability, never lower it.
        score = max(probability, rules) if converging else probability
    # "translated" needs the high-precision threshold, or two independent lines of evidence: the
    # model above its threshold and converging slips a reader can check.
    if score >= translated or (converging and score >= likely and probability is not None):
        verdict = "translated"
    else:
        verdict = "likely translated" if score >= likely else "native"
    candidates: list[str] = []
    if verdict != "native":
        # Converging slips name the source family by linguistics; the model's origin classes are
        # tied to the engines it saw (Romance sources only through Apertium), so it speaks when
        # the slips do not.
        candidates = _origin(article, evidence) if converging else []
        if candidates and model is not None and probability is not None:
            # The slips name the family; the model orders its members (rule order breaks ties).
            by_model = dict(model.origins(text, z))
            candidates.sort(key=lambda c: -by_model.get(c, 0.0))
        candidates = candidates[:3]
        if not candidates and model is not None and probability is not None:
            ranked = model.origins(text, z)
            # Every language within ORIGIN_SPREAD of the leader's probability is named.
            candidates = [c for c, p in ranked if p >= ORIGIN_SPREAD * ranked[0][1]][:3]
    return TranslationeseReport(round(score, 6), verdict, evidence,
                                candidates[0] if len(candidates) == 1 else None, candidates,
                                None if probability is None else round(probability, 6), rules)


def rule_score(evidence: list[Evidence]) -> float:
    """The rule signals alone, combined as independent chances (the verdict before the model)."""
    return _combine(evidence)


def rule_verdict(evidence: list[Evidence]) -> str:
    """The old rule-only verdict, kept as the benchmark's baseline."""
    score = rule_score(evidence)
    return "translated" if score >= TRANSLATED else "likely translated" if score >= LIKELY else "native"


def _combine(evidence: list[Evidence]) -> float:
    # Repeats of one signal add less than independent signals: each signal counts up to twice.
    per_signal: dict[str, int] = {}
    keep = 1.0
    for ev in evidence:
        n = per_signal.get(ev.signal, 0)
        if n >= 2:
            continue
        per_signal[ev.signal] = n + 1
        keep *= 1.0 - WEIGHTS[ev.signal] * (1.0 if n == 0 else 0.5)
    return round(1.0 - keep, 6)


def _origin(article: Article, evidence: list[Evidence]) -> list[str]:
    """The source languages the rule evidence points to, most likely first."""
    votes: dict[str, float] = {}
    for ev in evidence:
        for code in ev.points_to:
            votes[code] = votes.get(code, 0.0) + WEIGHTS[ev.signal] / len(ev.points_to)
    # A byline's spelling is a hint at the newsroom's language (Xavier vs Javier).
    for b in article.blocks:
        if b.role == "byline":
            guess = guess_language(b.text)
            for code, p in guess.candidates:
                if code in ROMANCE:
                    votes[code] = votes.get(code, 0.0) + 0.3 * p
    if not votes:
        return []
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    best = ranked[0][1]
    if best < 0.1:
        return []
    # Clues that fit a family equally (Spanish, Catalan, Portuguese...) name all its close members.
    return [code for code, v in ranked if v >= ORIGIN_SPREAD * best]


# --------------------------------------------------------------------------- signals

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_NAME_WORD = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
_CAP_RUN = re.compile(rf"\b({_NAME_WORD}(?:\s+{_NAME_WORD})+)\b")
_PRONOUN = re.compile(r"\b(he|she|his|her|him|himself|herself)\b", re.I)
_CLAUSE_START = re.compile(r"(?:^|[,;:]\s+|\b(?:and|but|while|as)\s+)$", re.I)
_OBJECT_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$|(?:a|an|the|to|for|as|that|in|on|at|with|and|from|by|"
                           r"of|into|up|out|again|back|off|over|down)\b)", re.I)
_QUOTED = re.compile(r"[\"“«][^\"”»]*[\"”»]")


def _people(sentences: list[tuple[int, str]]) -> tuple[dict[str, str], dict[str, str]]:
    """People (surname -> full name) and role nouns naming them ("prime minister" -> surname).

    A person is the last two words of a capitalised run; capitalised words before them that are
    not adjectives of nationality become a role noun ("Prime Minister Jacinda Ardern")."""
    people: dict[str, str] = {}
    roles: dict[str, str] = {}
    for _, text in sentences:
        for m in _CAP_RUN.finditer(text):
            words = [w for w in m.group(1).split() if w not in NOT_NAME_WORDS]
            if len(words) < 2:
                continue
            surname = words[-1]
            people.setdefault(surname, " ".join(words[-2:]))
            title = [w for w in words[:-2] if not w.endswith(NATIONALITY_SUFFIXES)]
            if title:
                role = " ".join(title).lower()
                roles.setdefault(role, surname)
    return people, roles


def _mentions(text: str, people: dict[str, str], roles: dict[str, str]) -> list[tuple[int, str]]:
    found = []
    for surname in people:
        for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
            found.append((m.start(), surname))
    for role, surname in roles.items():
        for m in re.finditer(rf"\bthe {re.escape(role)}\b(?!\s+[A-Z])", text, re.I):
            found.append((m.start(), surname))
    return sorted(found)


def _pronoun_gender(sentences: list[tuple[int, str]]) -> list[Evidence]:
    people, roles = _people(sentences)
    if not people:
        return []
    genders: dict[str, dict[str, list[tuple[int, str]]]] = {}
    topic: str | None = None
    for block, raw in sentences:
        text = _QUOTED.sub(lambda q: " " * len(q.group(0)), raw)  # quoted speech has its own speaker
        mentions = _mentions(text, people, roles)
        opening = mentions[0][1] if mentions and len(text[: mentions[0][0]].split()) <= 3 else None
        for m in _PRONOUN.finditer(text):
            word = m.group(1).lower()
            if word == "him" or (word == "her" and _OBJECT_AFTER.match(text, m.end())):
                continue  # an object pronoun points away from the sentence's subject
            before = {s for pos, s in mentions if pos < m.start()}
            if not before and _CLAUSE_START.search(text[: m.start()]) and word in ("he", "she"):
                person = topic  # a subject pronoun opening the sentence continues the last topic
            elif opening and opening in before and (before <= {opening} or word in ("his", "her")):
                # The sentence is about the person it opens with, from the mention on: a possessive
                # before the name ("Her deputy, Grant Robertson, said he") is someone else's.
                person = opening
            else:
                continue
            if person:
                gender = "male" if word in _MALE else "female"
                genders.setdefault(person, {}).setdefault(gender, []).append((block, raw))
        if mentions:
            # Only a sentence about one person makes an unambiguous topic for the next one.
            topic = mentions[0][1] if len({p for _, p in mentions}) == 1 else None
    evidence = []
    for person, g in genders.items():
        if "male" in g and "female" in g:
            minority = "male" if len(g["male"]) <= len(g["female"]) else "female"
            block, text = g[minority][0]
            evidence.append(Evidence(
                "pronoun-gender", _clip(text),
                f"{people[person]} is “{'he' if minority == 'male' else 'she'}” here and "
                f"“{'she' if minority == 'male' else 'he'}” elsewhere: languages that drop subject "
                "pronouns (Spanish, Catalan, Italian, Portuguese) leave the engine to guess",
                block, ("es", "ca", "it", "pt")))
    return evidence


def _near_homographs(blocks) -> list[Evidence]:
    words_by_block = {i: re.findall(r"\b[a-z]{3,}\b", b.text) for i, b in blocks}
    evidence = []
    for i, b in blocks:
        for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z]{2,})(?= ([a-z]{3,}))", b.text):
            word, following = m.group(1), m.group(2)
            before = b.text[max(0, m.start() - 2): m.start()]
            if before.strip() in (".", ":"):
                continue
            nearby = {w for j in (i - 1, i, i + 1) for w in words_by_block.get(j, [])}
            for other in sorted(nearby):
                if other != word.lower() and len(other) == len(word) and _vowel_swap(other, word.lower()):
                    evidence.append(Evidence(
                        "near-homograph", _clip(b.text[max(0, m.start() - 40): m.end() + 30]),
                        f"“{word} {following}” reads as a name, but “{other}”, one letter away, is "
                        "used nearby: likely a wrong reading of an ambiguous source word", i))
                    break
    return evidence


_VOWELS = set("aeiou")


def _vowel_swap(a: str, b: str) -> bool:
    """One interior vowel swapped for another (pope/pipe): the shape of cross-language
    near-homographs, whose consonant skeleton is shared. A first or last letter changed
    (Rome/home, Apple/apply) is an unrelated word or an inflection, not a misreading (the
    issue's native false positives)."""
    diff = [k for k, (x, y) in enumerate(zip(a, b)) if x != y]
    return (len(diff) == 1 and 0 < diff[0] < len(a) - 1 and a[diff[0]] in _VOWELS
            and b[diff[0]] in _VOWELS)


_WEEKDAY = WEEKDAY_PATTERN
_WEEKDAY_CALQUE = re.compile(rf"\b(this|the past|last past)\s+{_WEEKDAY}\b", re.I)
_PERFECT = re.compile(r"\b(has|have)\s+(?:\w+ly\s+)?(\w+(?:ed|en|ght|wn|ne|un|id|ld))\b", re.I)
_FINISHED_TIME = re.compile(rf"\b(yesterday|ago|last (?:week|month|year|night)|(?:on|this|last) {_WEEKDAY}|"
                            r"in (?:19|20)\d\d)\b", re.I)


# "this Tuesday" is English for a coming day; only a finished event makes it a calque. A sentence
# with a future or plan marker is about what will happen; one without a past-tense verb is not
# clearly about the past (grammar: English tense marks the event's time, not the adverb).
_FUTURE = re.compile(r"\b(will|shall|going to|is due|are due|due to|scheduled|expected to|set to|plans? to|"
                     r"is to|are to|next|upcoming|ahead of)\b|'ll\b", re.I)
_PAST = re.compile(r"\b(\w{2,}ed|said|was|were|had|met|took|made|went|came|told|gave|held|signed|won|"
                   r"lost|left|began|spoke|saw|sent|paid|put|set|cut|hit|led)\b", re.I)


def _weekday_calques(sentences) -> list[Evidence]:
    out = []
    for block, text in sentences:
        if _FUTURE.search(text) or not _PAST.search(text):
            continue
        for m in _WEEKDAY_CALQUE.finditer(text):
            out.append(Evidence("weekday-calque", _clip(text),
                                f"“{m.group(0)}” for a past day is Romance usage (este martes, aquest "
                                "dimarts, ce mardi); English news says “on Tuesday”", block,
                                ("es", "ca", "fr", "pt", "it")))
    return out


def _perfect_with_date(sentences) -> list[Evidence]:
    out = []
    for block, text in sentences:
        perfect, when = _PERFECT.search(text), _FINISHED_TIME.search(text)
        if perfect and when and abs(perfect.start() - when.start()) < 90:
            out.append(Evidence("perfect-with-date", _clip(text),
                                f"present perfect “{perfect.group(0)}” with a finished time "
                                f"(“{when.group(0)}”): English uses the simple past here; Spanish and "
                                "Catalan news use the perfect", block, ("es", "ca")))
    return out


_FALSE_FRIENDS = [
    (re.compile(r"\b(assured|assures|assure) that\b", re.I), "“assure that” for “say/affirm that” (asegurar que)"),
    (re.compile(r"\bin the framework of\b", re.I), "“in the framework of” (en el marco de)"),
    (re.compile(r"\bcelebrated (a|an|the) (meeting|summit|session|election|vote)", re.I),
     "“celebrate a meeting” for “hold a meeting” (celebrar)"),
    (re.compile(r"\brealized (a|an|the) (study|visit|meeting|survey)", re.I),
     "“realize a study” for “carry out” (realizar)"),
    (re.compile(r"\bthe (?:past|passed) (?:week|month|year)\b", re.I), "“the past week” (la semana pasada)"),
    (re.compile(r"\bthe (?:Government|Executive) of\b"), "capitalised “the Executive”, a Romance style"),
]


def _false_friends(sentences) -> list[Evidence]:
    out = []
    for block, text in sentences:
        for pattern, why in _FALSE_FRIENDS:
            if pattern.search(text):
                out.append(Evidence("false-friend", _clip(text), why + " reads as a word-for-word rendering",
                                    block, ("es", "ca", "pt", "it")))
    return out


def _date_format(article: Article) -> list[Evidence]:
    out = []
    for i, b in enumerate(article.blocks):
        for m in re.finditer(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b", b.text):
            if int(m.group(1)) > 12 and int(m.group(2)) <= 12:
                out.append(Evidence("date-format", m.group(0),
                                    "day-first numeric date: usual in continental European copy, "
                                    "rare in US English", i, ROMANCE + ("de",)))
                return out
    return out


def _number_format(sentences) -> list[Evidence]:
    pattern = re.compile(r"\b\d+,\d{1,2}(?!\d)\s*(?:%|per ?cent|million|billion|thousand|euros?|dollars?)"
                         r"|\b\d{1,3}(?:\.\d{3})+(?![.,]?\d)\s*(?:euros?|dollars?|people|inhabitants|jobs|workers|voters|tonnes)")
    for block, text in sentences:
        m = pattern.search(text)
        if m:
            return [Evidence("number-format", _clip(text), f"“{m.group(0)}” uses a decimal comma or a thousands "
                             "dot, the continental format, in English copy", block, ROMANCE + ("de",))]
    return []


_INSTITUTION = (r"company|firm|government|council|city council|ministry|party|bank|club|team|museum|agency|"
                r"police|army|court|union|university|hospital|airline|group|board|commission|city|country")


_DATE_CALQUE = re.compile(
    rf"\b(?:the|of the) {_WEEKDAY}\b(?! (?:before|after|of|that|when|night|morning|evening))"
    r"|\bthe \d{1,2} of (?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|the)\b|\bthe day \d{1,2}\b|\bthe \d{1,2}[.:]\d{2} hours\b")
_INANIMATE_HIS = re.compile(
    rf"\b(?:the|a|this|its) ({_INSTITUTION})\b(?:(?![.;]|\b(?:he|him|man|who|minister|"
    rf"president|director|leader|boss|chief|mayor|spokesman)\b).){{0,60}}?\bhis\b", re.I)


def _per_sentence(sentences, pattern, signal: str, why, points_to: tuple[str, ...]) -> list[Evidence]:
    """One piece of evidence per sentence where ``pattern`` matches; ``why(match)`` explains it."""
    out = []
    for block, text in sentences:
        m = pattern.search(text)
        if m:
            out.append(Evidence(signal, _clip(text), why(m), block, points_to))
    return out


def _date_calques(sentences) -> list[Evidence]:
    return _per_sentence(sentences, _DATE_CALQUE, "date-calque",
                         lambda m: f"“{m.group(0)}” renders a Romance date or time construction "
                                   "(el jueves, el 15 de marzo) word for word", ROMANCE)


def _inanimate_his(sentences) -> list[Evidence]:
    return _per_sentence(sentences, _INANIMATE_HIS, "inanimate-his",
                         lambda m: f"“his” refers back to “{m.group(1)}”: English uses “its”; Romance "
                                   "“su” has no gender", ROMANCE)


def _foreign_words(sentences) -> list[Evidence]:
    accented = re.compile(r"(?<![\w-])(?=[a-z]*[áéíóúñçàèòïüõãâêô])[a-záéíóúñçàèòïüõãâêô]{4,}(?![\w-])")
    honorific = re.compile(r"\b(Sra|Srta|Sres|Dña|Mme|Mlle|Sig\.ra)\.")
    out = []
    for block, text in sentences:
        plain = _QUOTED.sub(" ", text)
        words = [w for w in accented.findall(plain) if w not in ("café", "cafés", "naïve", "façade", "fiancé", "fiancée", "résumé", "décor")]
        m = honorific.search(plain)
        if words or m:
            found = ", ".join(words[:3]) if words else m.group(0)
            out.append(Evidence("foreign-word", _clip(text), f"“{found}” is not English: a word the engine "
                                "did not know was left as it was", block, ROMANCE))
    return out


def _function_words(blocks) -> list[Evidence]:
    words = [w.lower() for _, b in blocks for w in re.findall(r"[A-Za-z']+", b.text)]
    if len(words) < 80:
        return []
    of, the = 100 * words.count("of") / len(words), 100 * words.count("the") / len(words)
    out = []
    if of >= 4.5 or the >= 11.5:
        first = blocks[0][0] if blocks else 0
        out.append(Evidence("function-words", f"“of” {of:.1f}% and “the” {the:.1f}% of {len(words)} words",
                            "English prose has about 3% “of” and 6% “the”; Romance “de” and “el/la” "
                            "carried over one for one push both up", first, ROMANCE))
        if of >= 6.0 and the >= 11.5:
            out.append(out[0])  # far outside: counts as a second, weaker clue (see _combine)
    return out


def _fused_dateline(article: Article) -> list[Evidence]:
    body = next(((i, b) for i, b in enumerate(article.blocks) if b.role == "body"), None)
    if body is None:
        return []
    i, b = body
    m = re.match(r"([A-Z][a-zà-ÿ]{2,})([A-ZÀ-Ý][\w'’]*)", b.text)
    if not m:
        return []
    return [Evidence("fused-dateline", m.group(0),
                     f"dateline “{m.group(1)}” glued to the first word “{m.group(2)}”: copy lifted "
                     "from a web page layout, not written for this one", i)]


def _untranslated(language: ArticleLanguage) -> list[Evidence]:
    out = []
    for b in language.blocks:
        if b.foreign and not re.match(r"^\s*[\"“«„']", b.text):
            out.append(Evidence("untranslated", _clip(b.text),
                                f"a passage in {language_name(b.guess.code)} outside quotation marks",
                                b.index, (b.guess.code,)))
    return out


def _clip(text: str, n: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
