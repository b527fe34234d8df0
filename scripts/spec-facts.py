#!/usr/bin/env python3
"""Extracts a facts-only table from the Liveblocks OpenAPI spec.

Usage: scripts/spec-facts.py [SPEC] [OUT]
  SPEC defaults to spec/v2.facts.openapi.json (the project's prose-free copy of the official
  spec, written by scripts/spec-strip.py; the official spec itself gives the same output),
  OUT to liveblocks-core/tests/all/spec_coverage/facts.json.

Only facts are kept (ids, methods, paths, parameter names and types, content types, status
codes, property names, types and required flags, enum values, patterns, examples of scalar
values); no prose. The output is sorted and pretty-printed so that re-running the script on
a newer spec and looking at `git diff` shows exactly what changed.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "spec", "v2.facts.openapi.json")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "liveblocks-core", "tests", "all", "spec_coverage", "facts.json")

KEEP_SCALARS = ("type", "format", "const", "enum", "pattern", "minimum", "maximum",
                "minLength", "maxLength", "minItems", "maxItems", "default", "uniqueItems")


def shape(node):
    """A schema reduced to its facts, `$ref`s kept as {"ref": Name}."""
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return {"ref": node["$ref"].rsplit("/", 1)[1]}
    out = {k: node[k] for k in KEEP_SCALARS if k in node}
    if "example" in node and not isinstance(node["example"], (dict, list)):
        out["example"] = node["example"]
    if "items" in node:
        out["items"] = shape(node["items"])
    if "properties" in node:
        required = set(node.get("required", []))
        out["properties"] = {
            name: dict(shape(prop), required=name in required)
            for name, prop in node["properties"].items()
        }
    if "required" in node:
        out["required"] = sorted(node["required"])
    if "additionalProperties" in node:
        ap = node["additionalProperties"]
        out["additionalProperties"] = ap if isinstance(ap, bool) else shape(ap)
    for key in ("oneOf", "anyOf", "allOf"):
        if key in node:
            out[key] = [shape(s) for s in node[key]]
    if "discriminator" in node:
        out["discriminator"] = node["discriminator"].get("propertyName")
    return out


def type_name(node):
    """A short type label for the flat property table."""
    if "ref" in node:
        return node["ref"]
    if "const" in node:
        return "const " + json.dumps(node["const"])
    for key in ("oneOf", "anyOf"):
        if key in node:
            return " | ".join(type_name(s) for s in node[key])
    t = node.get("type", "any")
    if isinstance(t, list):
        t = " | ".join(t)
    if t == "array" and "items" in node:
        return "array<" + type_name(node["items"]) + ">"
    if "format" in node:
        return f"{t}({node['format']})"
    if "enum" in node:
        return "enum " + json.dumps(node["enum"])
    return t


def flat_properties(schema, schemas):
    """Property name -> (type, required), following allOf."""
    props = {}
    for part in schema.get("allOf", []):
        target = schemas[part["ref"]] if "ref" in part else part
        props.update(flat_properties(target, schemas))
    for name, prop in schema.get("properties", {}).items():
        props[name] = {"type": type_name(prop), "required": prop["required"]}
    return props


def main():
    spec = json.load(open(SPEC))
    schemas = {name: shape(s) for name, s in spec["components"]["schemas"].items()}
    operations = []
    for path, item in spec["paths"].items():
        shared_params = item.get("parameters", [])
        for method, op in item.items():
            if method == "parameters":
                continue
            params = shared_params + op.get("parameters", [])
            success = sorted(code for code in op["responses"] if code.startswith("2"))
            code = success[0]
            response_types = sorted(op["responses"][code].get("content", {}).keys())
            operations.append({
                "id": op["operationId"],
                "method": method.upper(),
                "path": path,
                "deprecated": op.get("deprecated", False),
                "tag": (op.get("tags") or [""])[0],
                "pathParams": [
                    {"name": p["name"], "type": type_name(shape(p.get("schema", {}))), "required": True}
                    for p in params if p["in"] == "path"
                ],
                "queryParams": [
                    {
                        "name": p["name"],
                        "type": type_name(shape(p.get("schema", {}))),
                        "required": bool(p.get("required", False)),
                        "default": p.get("schema", {}).get("default"),
                    }
                    for p in params if p["in"] == "query"
                ],
                "requestContentType": next(iter(op.get("requestBody", {}).get("content", {})), None),
                "successStatus": int(code),
                "responseContentType": response_types[0] if response_types else None,
            })
    operations.sort(key=lambda o: o["id"])
    facts = {
        "operations": operations,
        "schemas": {
            name: {"properties": flat_properties(s, schemas), "shape": s}
            for name, s in sorted(schemas.items())
        },
    }
    with open(OUT, "w") as f:
        json.dump(facts, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(f"{len(operations)} operations, {len(schemas)} schemas -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
