"""Policy checks on rendered Kubernetes manifests (stdin, a YAML stream) that schema validation does not make:
non-root pods, resources and probes, secrets only by reference, the migration job as a pre-install/upgrade hook."""
import re
import sys

import yaml

SECRET_NAME = re.compile(r"SECRET|PASSWORD|TOKEN|API_KEY|PII_KEYS")


def problems(docs):
    found = []
    kinds = {}
    for doc in docs:
        if not doc:
            continue
        kind, name = doc["kind"], doc["metadata"]["name"]
        kinds.setdefault(kind, []).append(doc)
        if kind == "Secret":
            found.append(f"Secret/{name}: the chart must not create Secrets; they are referenced by name")
        if kind not in ("Deployment", "Job", "CronJob"):
            continue
        template = doc["spec"]["jobTemplate"]["spec"]["template"] if kind == "CronJob" else doc["spec"]["template"]
        pod = template["spec"]
        where = f"{kind}/{name}"
        if not (pod.get("securityContext") or {}).get("runAsNonRoot"):
            found.append(f"{where}: pod securityContext.runAsNonRoot is not true")
        if pod.get("automountServiceAccountToken") is not False:
            found.append(f"{where}: mounts a service account token it does not need")
        for c in pod["containers"]:
            sc = c.get("securityContext") or {}
            if sc.get("allowPrivilegeEscalation") is not False or not sc.get("readOnlyRootFilesystem"):
                found.append(f"{where}/{c['name']}: allows privilege escalation or a writable root filesystem")
            if not (c.get("resources") or {}).get("requests"):
                found.append(f"{where}/{c['name']}: no resource requests")
            if kind == "Deployment" and not (c.get("livenessProbe") and c.get("readinessProbe")):
                found.append(f"{where}/{c['name']}: needs both a liveness and a readiness probe")
            for env in c.get("env") or []:
                if SECRET_NAME.search(env["name"]) and "value" in env:
                    found.append(f"{where}/{c['name']}: {env['name']} is a literal value, not a Secret reference")
        if kind == "Job":
            hooks = (doc["metadata"].get("annotations") or {}).get("helm.sh/hook", "")
            if set(hooks.split(",")) != {"pre-install", "pre-upgrade"}:
                found.append(f"{where}: must be a pre-install,pre-upgrade hook (is: {hooks or 'none'})")
    for kind in ("Deployment", "Job", "PodDisruptionBudget"):
        if kind not in kinds:
            found.append(f"no {kind} rendered")
    return found


if __name__ == "__main__":
    found = problems(list(yaml.safe_load_all(sys.stdin)))
    for p in found:
        print(f"  - {p}", file=sys.stderr)
    sys.exit(1 if found else 0)
