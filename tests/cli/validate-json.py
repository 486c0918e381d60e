#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates `kms-doctor-cli COMMAND --json` of every fixture matching GLOB
against docs/CONTRACT.schema.json, and the example in docs/CONTRACT.md (TAP).

Usage: validate-json.py TOP COMMAND CONTRACT GLOB [ARG…]
       validate-json.py TOP parse capture-json 'tests/fixtures/captures/*.txt'
The ARGs come before each fixture (`diff --json A` FIXTURE)."""
import glob
import json
import os
import subprocess
import sys

import jsonschema

top, command, contract, pattern = sys.argv[1:5]
# options as they are, files from the top of the tree
before = [a if a.startswith("--") else os.path.join(top, a) for a in sys.argv[5:]]
cli = os.environ["KD_CLI"]
schema = json.load(open(os.path.join(top, "docs", contract + ".schema.json"), encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
files = sorted(f for f in glob.glob(os.path.join(top, pattern))
               if not f.endswith(".expected.json") and not f.endswith("README.md"))
print(f"1..{len(files) + 1}")
failed = 0
for i, path in enumerate(files, 1):
    name = os.path.basename(path)
    flags = ["--format", "json", "-o", "-"] if command == "report" else ["--json"]
    run = subprocess.run([cli, command, *flags, *before, path], capture_output=True)
    try:
        doc = json.loads(run.stdout)
        errors = sorted(validator.iter_errors(doc), key=str)
    except json.JSONDecodeError as e:
        errors = [f"not JSON: {e}"]
    if run.returncode not in (0, 1):
        errors.append(f"exit status {run.returncode}: {run.stderr.decode(errors='replace')}")
    if errors:
        failed += 1
        print(f"not ok {i} {name}")
        for e in errors[:5]:
            print(f"# {str(e)[:300]}")
    else:
        print(f"ok {i} {name}")
# The documentation's example is valid too.
doc_example = open(os.path.join(top, "docs", contract + ".md"), encoding="utf-8").read()
example = json.loads(doc_example.split("```json", 1)[1].split("```", 1)[0])
errors = list(validator.iter_errors(example))
print(("ok" if not errors else "not ok") + f" {len(files) + 1} the example in docs/{contract}.md")
for e in errors[:5]:
    print(f"# {str(e)[:300]}")
sys.exit(1 if failed or errors else 0)
