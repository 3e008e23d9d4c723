#!/usr/bin/env python3
"""Validates a SARIF log against the SARIF 2.1.0 JSON schema (draft-04).

Usage: validate_sarif.py SCHEMA SARIF
Exit status: 0 valid; 1 invalid (each error printed with its path); 3 jsonschema is not installed;
2 usage error or unreadable files.
"""
import json
import sys


def main(argv):
    if len(argv) != 3:
        print("usage: validate_sarif.py SCHEMA SARIF", file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("the Python module jsonschema is missing: pip install jsonschema", file=sys.stderr)
        return 3
    try:
        with open(argv[1], encoding="utf-8") as handle:
            schema = json.load(handle)
        with open(argv[2], encoding="utf-8") as handle:
            log = json.load(handle)
    except (OSError, ValueError) as error:
        print(f"cannot read the input: {error}", file=sys.stderr)
        return 2
    validator_class = jsonschema.Draft4Validator
    validator_class.check_schema(schema)
    format_checker = getattr(validator_class, "FORMAT_CHECKER", None) or jsonschema.draft4_format_checker
    validator = validator_class(schema, format_checker=format_checker)
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.absolute_path))
    for error in errors:
        path = "/".join(str(part) for part in error.absolute_path) or "(root)"
        print(f"{path}: {error.message}", file=sys.stderr)
    if errors:
        print(f"{len(errors)} schema error(s)", file=sys.stderr)
        return 1
    print("valid SARIF 2.1.0")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
