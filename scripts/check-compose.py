"""Checks the resolved compose file (stdin, `docker-compose config` output) for what deploy/README.md promises:
MySQL and Temporal reachable only on the internal network, published ports on loopback only, the UI in a profile."""
import sys

import yaml

MAY_PUBLISH = {"api", "temporal-ui-proxy", "prometheus", "grafana"}
INTERNAL_ONLY = {"mysql", "temporal", "temporal-schema", "temporal-namespace", "temporal-ui", "migrate", "worker"}


def problems(config):
    found = []
    services = config.get("services", {})
    networks = config.get("networks", {})
    if not (networks.get("backend") or {}).get("internal"):
        found.append("the backend network is not internal")
    for name in INTERNAL_ONLY & services.keys():
        svc = services[name]
        if svc.get("ports"):
            found.append(f"{name} publishes ports {svc['ports']}")
        if set(svc.get("networks") or {}) - {"backend"}:
            found.append(f"{name} is on networks other than backend: {sorted(svc['networks'])}")
    for name, svc in services.items():
        if name not in MAY_PUBLISH and name not in INTERNAL_ONLY:
            found.append(f"{name}: a service this check does not know; add it to MAY_PUBLISH or INTERNAL_ONLY")
        for port in svc.get("ports") or []:
            ip = port.get("host_ip") if isinstance(port, dict) else str(port).rsplit(":", 2)[0]
            if ip not in ("127.0.0.1", "::1"):
                found.append(f"{name} publishes {port} beyond loopback by default")
    for name in ("temporal-ui", "temporal-ui-proxy"):
        if name in services and "ui" not in (services[name].get("profiles") or []):
            found.append(f"{name} is not confined to the ui profile")
    for name in ("migrate", "worker", "api"):
        env = (services.get(name) or {}).get("environment") or {}
        if name != "migrate" and "DB_MIGRATE_PASSWORD" in env:
            found.append(f"{name} holds the migrator's password")
        if env.get("DB_USER") == "root":
            found.append(f"{name} connects to MySQL as root")
    return found


if __name__ == "__main__":
    found = problems(yaml.safe_load(sys.stdin))
    for p in found:
        print(f"  - {p}", file=sys.stderr)
    sys.exit(1 if found else 0)
