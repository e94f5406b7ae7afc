"""Benchmarks for tracker at scale: `python -m bench --help`."""
