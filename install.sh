#!/usr/bin/env sh
# Set up tracker in ./.venv from this repository's own files, with every package pinned by hash.
#   ./install.sh          the app
#   ./install.sh --test   the app and what the tests need
set -eu
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
lock=requirements.lock
[ "${1:-}" = "--test" ] && lock=requirements-test.lock
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bootstrap.lock
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
