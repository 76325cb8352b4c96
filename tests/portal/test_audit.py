"""The dependency audit of `make test`: a known vulnerability fails it, an unreachable
registry only warns."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("audit", ROOT / ".ci" / "audit.py")
audit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit)


def test_make_test_runs_the_audit():
    makefile = (ROOT / "Makefile").read_text()
    assert "test: $(STAMP) test-system-packages audit" in makefile
    assert "$(BIN)/python .ci/audit.py" in makefile


def test_a_vulnerable_python_package_is_named_with_its_fix():
    report = {
        "dependencies": [
            {
                "name": "django",
                "version": "5.2.0",
                "vulns": [{"id": "PYSEC-2025-1", "fix_versions": ["5.2.1"], "description": "…"}],
            },
            {"name": "celery", "version": "5.5.0", "vulns": []},
        ],
        "fixes": [],
    }
    vulnerable, warnings = audit.python_findings(json.dumps(report), "")
    assert vulnerable == ["django 5.2.0: PYSEC-2025-1 (fixed in 5.2.1)"]
    assert warnings == []


def test_packages_the_registry_cannot_answer_for_are_a_warning():
    report = {
        "dependencies": [
            {"name": "amqp", "skip_reason": "Dependency not found on PyPI: amqp (5.4.2)"},
            {"name": "celery", "version": "5.5.0", "vulns": []},
        ]
    }
    vulnerable, warnings = audit.python_findings(json.dumps(report), "")
    assert vulnerable == []
    assert warnings == [
        "pip-audit could not look up 1 of 2 pinned packages (the registry did not answer "
        "for their versions), e.g. amqp"
    ]


def test_an_unreachable_registry_is_a_warning():
    vulnerable, warnings = audit.python_findings("", "ConnectionError: no route to pypi.org\n")
    assert vulnerable == []
    assert warnings == [
        "pip-audit could not ask the vulnerability database: ConnectionError: no route to pypi.org"
    ]
    vulnerable, warnings = audit.npm_findings(
        json.dumps({"message": "request to https://registry.npmjs.org failed", "error": {}})
    )
    assert vulnerable == []
    assert warnings == [
        "npm audit could not ask the registry: request to https://registry.npmjs.org failed"
    ]


def test_a_vulnerable_npm_package_is_named():
    report = {
        "auditReportVersion": 2,
        "vulnerabilities": {"leaflet": {"severity": "moderate", "range": "<1.9.5"}},
        "metadata": {"vulnerabilities": {"total": 1}},
    }
    assert audit.npm_findings(json.dumps(report)) == (["leaflet: moderate (<1.9.5)"], [])
    clean = {"auditReportVersion": 2, "vulnerabilities": {}, "metadata": {}}
    assert audit.npm_findings(json.dumps(clean)) == ([], [])
