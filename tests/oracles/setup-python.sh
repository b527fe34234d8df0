#!/usr/bin/env bash
# Creates the venv with the Python SDK used as a second webhook oracle.
# usage: tests/oracles/setup-python.sh <venv dir>   (default: target/oracle-venv)
set -euo pipefail
venv="${1:-target/oracle-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import liveblocks' 2>/dev/null; then
  "$venv/bin/pip" install -q liveblocks==3.23.0
fi
