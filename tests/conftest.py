"""Shared fixtures: a real store built once from the bundled seed by the real extractor."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import private_copy

import seeds
from store import Store
from store.ingest import ingest_paths

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def seed_template(tmp_path_factory) -> Path:
    """A store holding the seed article, ingested once per test run."""
    path = tmp_path_factory.mktemp("template") / "seed.db"
    with Store(path) as store:
        results = ingest_paths(store, seeds.paths())
    assert results and all(getattr(r, "new", False) for r in results)
    return path


@pytest.fixture
def seed_db(seed_template, tmp_path) -> Path:
    """A private copy of the seed store for one test (tests may write to it)."""
    return private_copy(seed_template, tmp_path)


@pytest.fixture
def seed_text() -> str:
    return seeds.paths()[0].read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def no_user_keymap(tmp_path_factory, monkeypatch):
    """The tests press the app's own keys: a keymap file of whoever runs them is not read."""
    monkeypatch.setenv("TRACKER_KEYMAP", str(tmp_path_factory.getbasetemp() / "no-keymap.toml"))
