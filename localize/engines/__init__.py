"""Engines: one small interface, one module per engine, registered by name and imported lazily.

An engine lists the language pairs it can do and translates a batch of segments for one pair.
The heavy modules (ctranslate2, sentencepiece, argostranslate) load only inside an engine's methods.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Protocol

from ..errors import NoEngineForPair


@dataclass(frozen=True)
class Pair:
    source: str  # ISO 639-1
    target: str
    engine: str
    detail: str = ""  # Apertium mode, Argos package name...
    version: str = ""
    path: str = ""
    size: int = 0


@dataclass
class EngineOutput:
    """One translated segment and what the engine noticed on the way."""

    text: str
    unknown_words: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Route:
    """How a pair is translated: one engine, one or two hops (a pivot through English)."""

    engine: str
    hops: tuple[Pair, ...]

    @property
    def pivot(self) -> str | None:
        return self.hops[0].target if len(self.hops) > 1 else None

    def provenance(self) -> str:
        """A signature, sacrebleu style: engine, pair/model and version, pivot."""
        parts = [self.engine]
        for hop in self.hops:
            parts.append(f"{hop.source}-{hop.target}={hop.detail}@{hop.version or '?'}")
        if self.pivot:
            parts.append(f"pivot={self.pivot}")
        return " ".join(parts)


class Engine(Protocol):
    name: str

    def pairs(self) -> list[Pair]: ...

    def translate(self, segments: list[str], pair: Pair, terms: tuple = ()) -> list[EngineOutput]:
        """Translate inline-HTML fragments; ``terms`` are glossary Terms to enforce."""
        ...


_REGISTRY = {"argos": "localize.engines.argos:ArgosEngine",
             "apertium": "localize.engines.apertium:ApertiumEngine"}
_INSTANCES: dict[tuple, Engine] = {}
ENGINE_NAMES = tuple(_REGISTRY)


def get_engine(name: str, settings) -> Engine:
    """The engine called ``name``, created once per process and settings."""
    key = (name, settings)
    if key not in _INSTANCES:
        module, cls = _REGISTRY[name].split(":")
        _INSTANCES[key] = getattr(importlib.import_module(module), cls)(settings)
    return _INSTANCES[key]


def installed_pairs(settings, engines: tuple[str, ...] = ENGINE_NAMES) -> list[Pair]:
    out: list[Pair] = []
    for name in engines:
        out.extend(get_engine(name, settings).pairs())
    return out


def find_route(source: str, target: str, settings, preference: str = "auto") -> Route:
    """Pick the engine and hops for a pair: Argos (direct, else pivot), else Apertium (likewise)."""
    if source == target:
        from ..errors import BadInput

        raise BadInput(f"source and target language are both {source}", None,
                       "choose another --to, or give --from if detection was wrong")
    order = ("argos", "apertium") if preference == "auto" else (preference,)
    for name in order:
        pairs = get_engine(name, settings).pairs()
        direct = [p for p in pairs if p.source == source and p.target == target]
        if direct:
            return Route(name, (direct[0],))
        # No direct pair: pivot, through English when possible, else through any language.
        pivots = sorted({p.target for p in pairs if p.source == source} &
                        {p.source for p in pairs if p.target == target}, key=lambda c: (c != "en", c))
        if pivots:
            first = next(p for p in pairs if p.source == source and p.target == pivots[0])
            second = next(p for p in pairs if p.source == pivots[0] and p.target == target)
            return Route(name, (first, second))
    from .debian import install_hint

    available = sorted({f"{p.source}-{p.target} ({p.engine})" for n in order
                        for p in get_engine(n, settings).pairs()})
    listing = ", ".join(available) if available else "none"
    raise NoEngineForPair(
        f"no installed engine translates {source} to {target}" +
        ("" if preference == "auto" else f" with --engine {preference}"),
        None,
        f"installed pairs: {listing}; {install_hint(source, target)}")


def translate_route(route: Route, segments: list[str], settings, terms: tuple = ()) -> list[EngineOutput]:
    """Translate segments along a route, hop by hop; unknown words from every hop are kept.

    Glossary terms: "do not translate" terms are protected on every hop; terms with a required
    translation are enforced on the last hop (through a pivot the source term is gone by then, so
    only `localize check` can hold them)."""
    engine = get_engine(route.engine, settings)
    outputs = [EngineOutput(s) for s in segments]
    for n, hop in enumerate(route.hops):
        last = n == len(route.hops) - 1
        hop_terms = tuple(terms) if last and n == 0 else tuple(t for t in terms if t.keep)
        # An engine that marks unknown words in its output ("*Oyapock") is told which hop is not
        # the last: the marks would block the hop's own post-editing (an article before a vowel
        # left unelided) and mislead the next hop, so it translates that hop as it would be run
        # on its own end to end (see ApertiumEngine.translate).
        more = {"intermediate": True} if not last and getattr(engine, "marks_unknown_words", False) else {}
        step = engine.translate([o.text for o in outputs], hop, hop_terms, **more)
        outputs = [EngineOutput(new.text, old.unknown_words + new.unknown_words)
                   for old, new in zip(outputs, step)]
    return outputs
