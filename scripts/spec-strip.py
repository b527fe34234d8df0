#!/usr/bin/env python3
"""Writes the project's copy of the Liveblocks OpenAPI spec: its facts, without its prose.

Usage: scripts/spec-strip.py SOURCE [OUT]
  SOURCE  the official spec (docs/references/v2.openapi.json of the liveblocks/liveblocks
          repository), e.g. a newer one to follow;
  OUT     defaults to spec/v2.facts.openapi.json.

Kept: every path, operation (operationId, method, tags, deprecation, parameters, request
bodies, responses, security), every schema with its constraints, and every example value,
so Prism can serve it and scripts/spec-facts.py can read it. Removed: the `description` and
`summary` prose of the spec's objects (operations, parameters, schemas, responses, examples,
tags, info); a response's `description`, which OpenAPI requires, is kept as "". Property
names and example values are data, never touched, even when one is called `description` or
`summary`.

The output is pretty-printed with sorted keys, so `git diff` after regenerating from a newer
spec shows exactly which facts changed. Then run scripts/spec-facts.py and the spec check.
"""
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROSE = ("description", "summary")
# Keys whose values are data (examples, enum members, defaults...), kept as they are.
DATA = ("example", "value", "enum", "const", "default", "x-internal")
# Keys whose values are maps from a name chosen by the spec's authors to an object
# (a property name, a status code, a media type, an example name...): the names are kept and
# each object is stripped.
NAMED_MAPS = ("properties", "paths", "responses", "content", "schemas", "examples",
              "securitySchemes", "headers", "parameters", "requestBodies", "patternProperties")


def strip(node, removed):
    """A copy of `node` (an OpenAPI object) without prose."""
    if isinstance(node, list):
        return [strip(item, removed) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in PROSE and isinstance(value, str):
            removed[0] += 1
            continue
        if key in DATA:
            out[key] = value
        elif key == "responses" and isinstance(value, dict):
            # A Response Object must have a description: it stays, emptied. (Without it,
            # Prism ignores the response and answers with another, e.g. a 401 example.)
            out[key] = {}
            for name, item in value.items():
                stripped = strip(item, removed)
                if isinstance(item, dict) and "description" in item:
                    stripped["description"] = ""
                out[key][name] = stripped
        elif key in NAMED_MAPS and isinstance(value, dict):
            out[key] = {name: strip(item, removed) for name, item in value.items()}
        elif key == "discriminator":
            out[key] = value  # propertyName and mapping: data
        else:
            out[key] = strip(value, removed)
    return out


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    source = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "spec", "v2.facts.openapi.json")
    raw = open(source, "rb").read()
    spec = json.loads(raw)
    removed = [0]
    facts = strip(spec, removed)
    facts["info"] = dict(facts.get("info", {}),
                         **{"x-stripped-from-sha256": hashlib.sha256(raw).hexdigest()})
    with open(out, "w") as f:
        json.dump(facts, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    operations = sum(1 for item in facts["paths"].values() for m in item if m != "parameters")
    print(f"{operations} operations, {len(facts['components']['schemas'])} schemas, "
          f"{removed[0]} prose strings removed -> {os.path.relpath(out, os.getcwd())}")


if __name__ == "__main__":
    main()
