"""README's commands are the ones CI runs, and the demo login it names exists."""

from __future__ import annotations

import re
from pathlib import Path

from koperasi.demo import office as demo

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", README, flags=re.S)


def test_ci_installs_as_the_readme_says_and_runs_its_test_command():
    first, _demo, tests = _shell_blocks()
    assert "pip install -e ." in first and "pip install -e ." in CI
    assert tests.startswith('pip install -e ".[test]" && pytest')
    assert tests in CI


def test_readme_names_the_demo_login():
    assert f"**`{demo.DEMO_ADMIN}`**" in README and f"**`{demo.DEMO_PASSWORD}`**" in README


def test_ci_runs_the_service_tests_with_the_clock_more_than_a_year_ahead():
    """A test or service that reads the real date breaks in CI the day it is written, not next month."""
    runs = re.findall(r'^(?:nice -n \d+ )?faketime -f "\+(\d+)d" pytest (.*)$', CI, flags=re.M)
    assert any(int(days) > 365 and "tests/services" in arguments.split() for days, arguments in runs), runs
