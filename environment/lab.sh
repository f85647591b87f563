#!/usr/bin/env bash
# JupyterLab as the kit opens it (environment/kit lab; environment/checks/lab_check.py starts it the same way):
# rooted at the checkout, so that notebooks/, reports/ and scratch/ can all be opened (and trusted) from Lab; the
# file browser opens on notebooks/. Settings (no news, no update check) come from the venv's
# share/jupyter/lab/settings/overrides.json, written by the bootstrap. Extra arguments go to `jupyter lab`.
set -euo pipefail
HOME_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=()
[ "$(id -u)" -eq 0 ] && root=(--allow-root)   # Jupyter refuses root without it (containers, CI boxes)
export HOPSCAPE_HOME="$HOME_DIR"
exec "$HOME_DIR/.venv/bin/jupyter" lab "${root[@]}" --ServerApp.root_dir="$HOME_DIR" \
  --LabApp.default_url=/lab/tree/notebooks "$@"
