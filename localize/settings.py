"""Settings: one frozen value passed down from the CLI (or a library caller) to every stage."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_data_dir() -> Path:
    """Where models live: $LOCALIZE_DATA_DIR, else the platform's user data folder."""
    env = os.environ.get("LOCALIZE_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("localize", appauthor=False))


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=default_data_dir)
    locales: Path = Path("locales")
    engine: str = "auto"  # auto | argos | apertium
    beam: int = 4
    # On small machines CTranslate2 is fastest with one intra-op thread per translator and one
    # translator replica per core (measured: BENCHMARKS.md); bigger machines get 2 intra threads.
    intra_threads: int = 0  # 0: chosen from the machine
    inter_threads: int = 0
    # Sentences per CTranslate2 batch; 0: 24 // beam (6 at beam 4). On CPU small batches decode
    # faster and keep the beam's cache small (measured: BENCHMARKS.md, "Neural").
    batch_sentences: int = 0
    max_output_tokens: int = 0  # 0: three times the longest input, at least 16
    protect_names: bool = True
    fuzzy_threshold: float = 75.0
    jobs: int = 1  # worker processes for reading/detection, parallel Apertium calls
    batch_articles: int = 64  # articles planned, translated and written together
    reviewer: str = ""
    tm_files: tuple[str, ...] = ()  # TMX translation memories asked for matches (localize.exchange.tm)

    def threads(self) -> tuple[int, int]:
        cores = _cpu_count()
        intra = self.intra_threads or (1 if cores <= 4 else 2)
        inter = self.inter_threads or max(1, cores // intra)
        return intra, inter

    def sentences_per_batch(self) -> int:
        return self.batch_sentences or max(4, 24 // max(1, self.beam))

    @property
    def argos_packages_dir(self) -> Path:
        return self.data_dir / "argos" / "packages"
