"""The measured part of the translationese verdict: a small linear model over style features.

Features are the ones the translationese literature finds robust across sources and topics
(Baroni & Bernardini 2006; Volansky, Ordan & Wintner 2015; Rabinovich & Wintner 2015):
function-word frequencies, character trigram frequencies, function-word/word-class n-grams (a
part-of-speech proxy that needs no tagger: content words are reduced to a class by shape and
suffix, function words kept), and a few surface statistics
(sentence and word length, type/token ratio, punctuation rates). They are computed the same way
at training time (benchmarks/translationese_train.py) and here. The weights live in
``localize/data/translationese-en.json`` (plain JSON, numpy only at run time): a binary
logistic model (native vs machine-translated), calibrated on a development set (Platt), and a
multiclass model over the same features for the source language of a translation.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MODEL_FILE = "translationese-en.json"
# Below this many words the rates are too noisy for the model (it was trained and thresholded
# on chunks of ~250 words; benchmarks/translationese_bench.py --words 100 measures short copy).
MIN_WORDS = 100

# English function words (closed classes: determiners, pronouns, prepositions, conjunctions,
# auxiliaries, common adverbs), after the lists used by Koppel & Ordan (2011) and Volansky et al.
FUNCTION_WORDS = tuple("""
a about above after again against all almost also although always am among an and another any
anyone are around as at be because been before being below between both but by can could did do
does doing down during each either enough even ever every few for from further had has have
having he her here hers herself him himself his how however i if in into is it its itself just
least less many may me might more most much must my myself neither no nor not now of off often
on once one only or other others our ours ourselves out over own per perhaps quite rather same
several shall she should since so some still such than that the their theirs them themselves
then there these they this those though through thus to too toward towards under until up upon
us very was we were what whatever when where whether which while who whom whose why will with
within without would yet you your yours
""".split())

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?:\s|$)")
PUNCTUATION = (",", ";", ":", "(", "\"", "“", "'", "-", "?", "!", "%")


def surface_stats(text: str, words: list[str]) -> dict[str, float]:
    n = max(len(words), 1)
    sentences = max(len(_SENTENCE_END.findall(text)), 1)
    first = [w.lower() for w in words[:200]]
    stats = {
        "stat:words-per-sentence": n / sentences / 25.0,
        "stat:word-length": sum(len(w) for w in words) / n / 5.0,
        "stat:type-token": len(set(first)) / max(len(first), 1),
        "stat:capitalised": sum(w[:1].isupper() for w in words) / n,
        "stat:digits": len(re.findall(r"\d+", text)) / n,
    }
    for p in PUNCTUATION:
        stats[f"punct:{p}"] = text.count(p) / n
    return stats


def char_trigrams(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in _WORD.findall(text.lower()):
        padded = f" {w} "
        for i in range(len(padded) - 2):
            g = padded[i:i + 3]
            counts[g] = counts.get(g, 0) + 1
    return counts


_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[.,;:!?()\"“”'-]")
_FUNCTION_SET = frozenset(FUNCTION_WORDS)
# English derivational and inflectional suffixes that mark a word class (verb -ing/-ed, adverb
# -ly, noun -tion, plural or 3rd person -s): a tagger-free stand-in for part of speech.
_CLASS_SUFFIXES = ("ing", "ed", "ly", "tion", "s")


def _word_class(token: str) -> str:
    lower = token.lower()
    if lower in _FUNCTION_SET:
        return lower
    if token[0].isdigit():
        return "#N"
    if not token[0].isalpha():
        return token
    if token[0].isupper():
        return "#C"
    for suffix in _CLASS_SUFFIXES:
        if lower.endswith(suffix):
            return "#" + suffix
    return "#W"


def class_ngrams(text: str) -> tuple[dict[str, int], int]:
    """Bigrams and trigrams over the word-class sequence, and the sequence's length."""
    seq = [_word_class(t) for t in _TOKEN.findall(text)]
    counts: dict[str, int] = {}
    for n in (2, 3):
        for i in range(len(seq) - n + 1):
            g = " ".join(seq[i:i + n])
            counts[g] = counts.get(g, 0) + 1
    return counts, max(len(seq), 1)


def features(text: str, trigram_vocabulary, class_vocabulary=()) -> dict[str, float]:
    """Named feature values (rates) for one text."""
    words = _WORD.findall(text)
    n = max(len(words), 1)
    lower = [w.lower() for w in words]
    counts: dict[str, int] = {}
    for w in lower:
        counts[w] = counts.get(w, 0) + 1
    out = {f"fw:{w}": counts.get(w, 0) / n for w in FUNCTION_WORDS}
    grams = char_trigrams(text)
    total = max(sum(grams.values()), 1)
    out.update({f"c3:{g}": grams.get(g, 0) / total for g in trigram_vocabulary})
    classes, length = class_ngrams(text)
    out.update({f"sq:{g}": classes.get(g, 0) / length for g in class_vocabulary})
    out.update(surface_stats(text, words))
    return out


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class Model:
    names: tuple[str, ...]
    trigrams: tuple[str, ...]
    class_ngrams: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    platt: tuple[float, float]  # calibration: p = sigmoid(a * z + b), fitted on the dev split
    likely: float  # thresholds on the calibrated probability, chosen on the dev split
    translated: float
    origin_classes: tuple[str, ...]
    origin_weights: tuple[tuple[float, ...], ...]
    origin_bias: tuple[float, ...]
    provenance: dict

    def standardized(self, text: str) -> list[float]:
        """The text's features, standardised: what ``probability`` and ``origins`` read. Compute it
        once and pass it to both when both are wanted (featurising is the costly part)."""
        f = features(text, self.trigrams, self.class_ngrams)
        return [(f[name] - m) / s for name, m, s in zip(self.names, self.mean, self.scale)]

    def probability(self, text: str, z: list[float] | None = None) -> float:
        """Calibrated probability that ``text`` is machine-translated English."""
        z = self.standardized(text) if z is None else z
        logit = sum(w * x for w, x in zip(self.weights, z)) + self.bias
        a, b = self.platt
        return _sigmoid(a * logit + b)

    def origins(self, text: str, z: list[float] | None = None) -> list[tuple[str, float]]:
        """Source-language probabilities for a translation, most likely first."""
        z = self.standardized(text) if z is None else z
        scores = [sum(w * x for w, x in zip(row, z)) + b for row, b in zip(self.origin_weights, self.origin_bias)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return sorted(((c, e / total) for c, e in zip(self.origin_classes, exp)), key=lambda kv: -kv[1])


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def model_from_dict(doc: dict) -> Model:
    return Model(
        names=tuple(doc["names"]), trigrams=tuple(doc["trigrams"]),
        class_ngrams=tuple(doc["class_ngrams"]), mean=tuple(doc["mean"]),
        scale=tuple(doc["scale"]), weights=tuple(doc["weights"]), bias=doc["bias"],
        platt=tuple(doc["platt"]), likely=doc["thresholds"]["likely"],
        translated=doc["thresholds"]["translated"], origin_classes=tuple(doc["origin"]["classes"]),
        origin_weights=tuple(tuple(r) for r in doc["origin"]["weights"]),
        origin_bias=tuple(doc["origin"]["bias"]), provenance=doc.get("provenance", {}))


@lru_cache(maxsize=4)
def load_model(language: str = "en") -> Model | None:
    """The shipped model for ``language``, or None when there is none (the verdict is then
    "not judged")."""
    name = MODEL_FILE.replace("-en.", f"-{language}.")
    try:
        data = resources.files("localize").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return model_from_dict(json.loads(data))
