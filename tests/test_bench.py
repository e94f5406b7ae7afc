"""A smoke test of the benchmark code on a 500-record store (the benchmark itself is not run
by pytest: `python -m bench`)."""

from __future__ import annotations

import json
from pathlib import Path

from bench import __main__ as bench_main
from bench import build, measure, synth
from store import Store


def test_bench_builds_a_small_store_and_measures_search(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(build, "CACHE", tmp_path)
    meta = build.build(500, log=lambda _line: None)
    assert meta["records"] >= 500
    with Store(meta["path"]) as store:
        assert all(store.records.count(kind) for kind in ("event", "actor", "figure"))
        stored = sum(store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("events", "figures"))
        assert stored == meta["events"] + meta["figures"]
        # every provenance offset slices its document exactly
        for start, end, sentence, text in store.conn.execute(
            "SELECT e.start, e.\"end\", e.sentence, d.text FROM events e "
            "JOIN documents d ON d.id = e.document_id"
        ):
            assert text[start:end] in sentence
    queries = synth.queries(100)
    assert len({q["query"] for q in queries}) == 100
    result = measure.search(build.cached_path(500), queries[:20], timed_baseline=5,
                            log=lambda _line: None)
    assert result["engine"]["p95_ms"] > 0 and 0 <= result["overlap_top10"] <= 1
    peer = result["tantivy"]  # the embedded engine, on the same records and queries
    assert peer["p95_ms"] > 0 and 0 <= peer["overlap_top10"] <= 1 and peer["index_mb"] > 0
    # both timed again with their files' pages dropped from the page cache
    assert result["engine_cold"]["p95_ms"] > 0 and peer["cold"]["p95_ms"] > 0
    assert result["engine_cold"]["open_and_first_query_ms"] > 0 and peer["cold"]["open_s"] > 0

    from bench import search_on

    # a store is asked the queries of the templates it was built from, named in its file
    assert synth.store_templates_key(build.cached_path(500)) == synth._data_key()
    assert synth.store_queries(build.cached_path(500), 20) == queries[:20]

    capsys.readouterr()
    assert search_on.main([str(build.cached_path(500)), "--queries", "100",
                           "--timed-baseline", "2"]) == 0  # the same measure, on a store given
    given = json.loads(capsys.readouterr().out)
    assert given["queries"] == 100 and given["tantivy"]["p95_ms"] > 0
    from bench import search_tail

    assert search_tail.main([str(build.cached_path(500)), "--queries", "30", "--passes", "2",
                             "--slowest", "3"]) == 0  # the per-query medians and the tail
    tail = json.loads(capsys.readouterr().out)
    assert tail["queries"] == 30 and tail["passes"] == 2 and len(tail["slowest"]) == 3
    assert tail["p50_ms"] <= tail["p95_ms"] and tail["slowest"][0]["ms"] >= tail["p50_ms"]
    table = bench_main.table({"sizes": [{**meta, "search": result}]})
    assert "500" in table or f"{meta['records']:,}" in table
    json.dumps(result)


def test_an_interrupted_build_resumes_where_it_stopped(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setattr(build, "CACHE", tmp_path)
    small = build.build(300, log=lambda _line: None)
    # As if a build of 600 had been stopped at 300: its half-built store is there, no meta.
    shutil.copy(small["path"], build.cached_path(600).with_suffix(".building"))
    Path(small["path"]).unlink()
    lines: list[str] = []
    meta = build.build(600, log=lines.append)
    assert any("resuming" in line for line in lines)
    assert meta["records"] >= 600 and meta["documents"] > small["documents"]
    assert build._counts(Path(meta["path"])) == {
        k: meta[k] for k in ("documents", "events", "figures", "actors", "records")}


def test_tiny_ingest_measures_the_crisis_step():
    result = measure.tiny_ingest(60, window=20, log=lambda _line: None)
    assert result["documents"] == 60 and len(result["docs_per_s_by_window"]) == 3
    assert result["crisis_ms_per_doc"] > 0 and result["crisis_vs_rest"] > 0
    assert 1 <= result["crises"] <= 60
    assert "one-sentence JSONL lines" in bench_main.table({"sizes": [], "tiny_ingest": result})


def test_a_store_of_many_stories_forms_many_crises(tmp_path, monkeypatch):
    """``--stories``: each story's documents draw on one article, a cast and a place of its
    own, so the crisis grouping finds several crises (one story: one crisis)."""
    monkeypatch.setattr(build, "CACHE", tmp_path)
    meta = build.build(2000, log=lambda _line: None, stories=5)
    assert meta["stories"] == 5 and Path(meta["path"]) == build.cached_path(2000, 5)
    assert meta["crises"] >= 3, meta
    one = build.build(2000, log=lambda _line: None)
    assert one["crises"] < meta["crises"]
    gen = synth.Generator(stories=5)
    assert gen.document(7)[0].startswith(gen.story(2).place)  # document 7 tells story 2
    view = measure.claims_view(Path(meta["path"]))
    assert view["crises"] == meta["crises"]
    assert view["largest"]["claims"] > 0 and view["largest"]["grouped_s"] > 0
    assert "kept_s" in view["largest"]  # read back equal to the grouping (bench asserts)


def test_evict_keeps_a_files_bytes_and_passes_over_missing_files(tmp_path):
    """(That the pages go is seen in the bench itself: a 1.4 GB store read in 0.2 s before,
    3.2 s after.)"""
    from bench.cache_state import evict, store_files

    path = tmp_path / "x.db"
    path.write_bytes(b"x" * 1_000_000)
    evict([*store_files(path), tmp_path / "missing"])  # no WAL, no shm: nothing to do
    assert path.read_bytes() == b"x" * 1_000_000
