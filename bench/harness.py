"""The benchmark's plumbing: the scenario registry, timing and percentiles."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Result:
    scenario: str
    unit: str
    runs: int
    median: float
    p95: float
    floor: float
    ratio: float
    note: str


@dataclass
class Scenario:
    name: str
    run: Callable[["Workspace"], tuple[list[float], list[float], str]]


@dataclass
class Workspace:
    """What scenarios share: a scale and a scratch folder with a demo database."""

    scale: int
    folder: Path


SCENARIOS: list[Scenario] = []


def scenario(name: str):
    def register(function):
        SCENARIOS.append(Scenario(name, function))
        return function

    return register


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
