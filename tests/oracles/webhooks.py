"""Oracle: the Python SDK's WebhookHandler (PyPI liveblocks==3.23.0) judges the same corpus.

usage: python webhooks.py in.json out.json  (same formats as webhooks.mjs)
"""
import base64
import json
import sys
from importlib.metadata import version

import liveblocks.webhooks as wh

assert version("liveblocks") == "3.23.0", version("liveblocks")

CATEGORIES = [
    ("Invalid webhook-id header", "missing:webhook-id"),
    ("Invalid webhook-timestamp header", "missing:webhook-timestamp"),
    ("Invalid webhook-signature header", "missing:webhook-signature"),
    ("Invalid timestamp", "invalid_timestamp"),
    ("Timestamp too old", "too_old"),
    ("Timestamp in the future", "too_new"),
    ("Invalid signature", "invalid_signature"),
    ("Unknown event type", "unknown"),
    ("Unknown notification kind", "unknown"),
]


def main():
    data = json.load(open(sys.argv[1]))
    handler = wh.WebhookHandler(data["secret"])
    out = []
    for case in data["cases"]:
        headers = {}
        for name, b64 in case["headers"]:
            key = name.lower()
            value = base64.b64decode(b64).decode("latin-1")
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        raw_body = base64.b64decode(case["body"]).decode("utf-8", errors="replace")
        now = case["now"]
        wh.time.time = lambda: now
        try:
            event = handler.verify_request(headers=headers, raw_body=raw_body)
            out.append({"verdict": "ok", "event": event})
        except json.JSONDecodeError as e:
            out.append({"verdict": "invalid_body", "message": str(e)})
        except (TypeError, KeyError, AttributeError) as e:
            out.append({"verdict": "invalid_event", "message": repr(e)})
        except ValueError as e:
            msg = str(e)
            cat = next((c for p, c in CATEGORIES if msg.startswith(p)), "other: " + msg)
            out.append({"verdict": cat, "message": msg})
    json.dump(out, open(sys.argv[2], "w"))


main()
