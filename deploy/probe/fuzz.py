#!/usr/bin/env python3
"""An outside tester's fuzzer for a running local stack (Python 3, standard library only).

    RECT_STATE_DIR=$PWD/.local/stack RECT_PORT_BASE=8800 RECT_KEYCLOAK=off deploy/local/stack up
    RECT_STATE_DIR=$PWD/.local/stack deploy/probe/fuzz.py --port-base 8800 [--out findings.json] [--roles coordinator,officer]

It reads each service's OpenAPI document (/q/openapi?format=json) and sends every operation a
valid-ish request built from the schema, then wrong types, missing required fields, huge numbers,
very long strings, control characters and lone surrogates, unknown enum values, invalid UUIDs and
dates (in path, query and body), empty/null/array bodies and wrong content types, with a token of
each staff role (minted by deploy/local/token) and without one. It records every 5xx, every 4xx
without an application/problem+json body, every 2xx for input that is plainly invalid, and a
refusal of a body field that does not name the field; every answer is held to the document (a
status the operation does not list, a media type its status does not list, a JSON body its schema
does not allow), and every path is sent a method it does not document (405 with an Allow header
naming those it does). Then it looks through the services' logs
(RECT_STATE_DIR/logs) for stack traces and for the fake personal data it submitted, and through
the staff and report reads of tasks- and reporting-service for the same (the fake personal data goes
only into feedback-service's bodies). Prints a summary and one line per distinct finding; exits 1
when something was found. A run sends about 15,000 requests (about 5 minutes) and writes into the
stack it is pointed at (it creates, changes and closes things): only a stack of your own.
"""
import argparse
import http.client
import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVICES = {"tasks-service": 1, "feedback-service": 2, "reporting-service": 3}
ROLES = {
    "officer": ("officer", "probe-officer", "党政办公室"),
    "coordinator": ("coordinator", "probe-coordinator", ""),
    "feedback-handler": ("feedback-handler", "probe-handler", ""),
    "supervisor": ("supervisor", "probe-supervisor", ""),
    "integration": ("integration", "probe-integration", ""),
    "admin": ("admin", "probe-admin", ""),
    "personal-data": ("feedback-handler,personal-data", "probe-pd", ""),
    "dashboard-viewer": ("dashboard-viewer", "probe-screen", ""),
    "anonymous": None,
}
# Distinctive fake personal data: none of it may appear in a log, an event-fed read or a report.
PII = {"name": "Qzxprobe Vantrell", "phone": "13700995511", "email": "qzx.probe.pii@example.org",
       "address": "77 Fuzzprobe Lane 9F", "first_name": "Qzxprobe", "last_name": "Vantrell"}
PII_MARKERS = ["Qzxprobe", "Vantrell", "13700995511", "qzx.probe.pii", "Fuzzprobe Lane"]
TIMEOUT_SECONDS = 15
ZERO_ID = "00000000-0000-4000-8000-000000000000"


def mint(role_spec):
    roles, name, unit = role_spec
    args = [str(ROOT / "deploy/local/token"), roles, name] + ([unit] if unit else [])
    return subprocess.check_output(args, text=True).strip()


class Client:
    def __init__(self, port):
        self.port = port
        self.conn = None

    def send(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT_SECONDS)
                self.conn.request(method, path, body=body, headers=headers or {})
                r = self.conn.getresponse()
                data = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return r.status, {k.lower(): v for k, v in r.getheaders()}, data
            except (http.client.HTTPException, OSError) as e:
                if self.conn:
                    self.conn.close()
                self.conn = None
                if isinstance(e, TimeoutError):
                    # No answer in time is a failure of its own; sending it again would only pile work on.
                    return 0, {}, f"no answer within {TIMEOUT_SECONDS} s".encode()
                if attempt == 2:
                    return 0, {}, str(e).encode()


class Schemas:
    def __init__(self, doc):
        self.components = doc.get("components", {}).get("schemas", {})

    def violation(self, s, v, where="$", depth=0):
        """The first place where {@code v} breaks schema {@code s} (the JSON Schema keywords the
        services' documents use), or None."""
        if not isinstance(s, dict) or depth > 40:
            return None
        if "$ref" in s:
            return self.violation(self.components.get(s["$ref"].split("/")[-1], {}), v, where, depth + 1)
        for part in s.get("allOf", []):
            error = self.violation(part, v, where, depth + 1)
            if error:
                return error
        for key in ("oneOf", "anyOf"):
            if key in s:
                errors = [self.violation(part, v, where, depth + 1) for part in s[key]]
                matching = errors.count(None)
                if matching == 0 or (key == "oneOf" and matching > 1):
                    return f"{where}: {matching} of the {key} alternatives match ({next(filter(None, errors), '')})"
        types = s.get("type")
        types = types if isinstance(types, list) else [types] if types else []
        if v is None:
            if types and "null" not in types and not s.get("nullable"):
                return f"{where}: null, the schema says {'/'.join(types)}"
            return None
        kinds = {"object": dict, "array": list, "string": str, "boolean": bool}
        def is_type(t):
            if t == "integer":
                return isinstance(v, int) and not isinstance(v, bool)
            if t == "number":
                return isinstance(v, (int, float)) and not isinstance(v, bool)
            return t == "null" and v is None or t in kinds and isinstance(v, kinds[t])
        if types and not any(is_type(t) for t in types):
            return f"{where}: {type(v).__name__} {json.dumps(v, ensure_ascii=False)[:60]}, the schema says {'/'.join(types)}"
        if "enum" in s and v not in s["enum"]:
            return f"{where}: {v!r} is not one of {s['enum'][:8]}"
        if "const" in s and v != s["const"]:
            return f"{where}: {v!r} is not {s['const']!r}"
        if isinstance(v, str):
            fmt = s.get("format")
            if fmt in FORMATS and not FORMATS[fmt].fullmatch(v):
                return f"{where}: {v[:60]!r} is not a {fmt}"
            if "maxLength" in s and len(v) > s["maxLength"] or "minLength" in s and len(v) < s["minLength"]:
                return f"{where}: length {len(v)} outside {s.get('minLength', 0)}..{s.get('maxLength', '')}"
            if "pattern" in s and not re.search(s["pattern"], v):
                return f"{where}: {v[:60]!r} does not match {s['pattern']}"
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            if "minimum" in s and v < s["minimum"] or "maximum" in s and v > s["maximum"]:
                return f"{where}: {v} outside {s.get('minimum', '')}..{s.get('maximum', '')}"
        if isinstance(v, list):
            if "maxItems" in s and len(v) > s["maxItems"] or "minItems" in s and len(v) < s["minItems"]:
                return f"{where}: {len(v)} items outside {s.get('minItems', 0)}..{s.get('maxItems', '')}"
            for i, item in enumerate(v):
                error = self.violation(s.get("items", {}), item, f"{where}[{i}]", depth + 1)
                if error:
                    return error
        if isinstance(v, dict):
            for name in s.get("required", []):
                if name not in v:
                    return f"{where}: required member {name} missing"
            properties = s.get("properties", {})
            extra = s.get("additionalProperties", True)
            for name, member in v.items():
                if name in properties:
                    error = self.violation(properties[name], member, f"{where}.{name}", depth + 1)
                elif extra is False:
                    error = f"{where}: member {name} is not in the schema"
                else:
                    error = self.violation(extra, member, f"{where}.{name}", depth + 1) if isinstance(extra, dict) else None
                if error:
                    return error
        return None

    def resolve(self, s, depth=0):
        while isinstance(s, dict) and "$ref" in s and depth < 20:
            s = self.components.get(s["$ref"].split("/")[-1], {})
            depth += 1
        if isinstance(s, dict) and "allOf" in s:
            merged = {"type": "object", "properties": {}, "required": []}
            for part in s["allOf"]:
                p = self.resolve(part, depth + 1)
                merged["properties"].update(p.get("properties", {}))
                merged["required"] += p.get("required", [])
                for k in ("type", "format", "enum"):
                    if k in p and k != "type":
                        merged[k] = p[k]
                if p.get("type") and p.get("type") != "object":
                    merged["type"] = p["type"]
            return merged
        if isinstance(s, dict) and ("oneOf" in s or "anyOf" in s):
            return self.resolve((s.get("oneOf") or s.get("anyOf"))[0], depth + 1)
        return s or {}

    @staticmethod
    def kind(s):
        t = s.get("type")
        if isinstance(t, list):
            t = next((x for x in t if x != "null"), "string")
        if t is None and "properties" in s:
            t = "object"
        return t or "string"


class Fuzzer:
    def __init__(self, port_base, roles, ids):
        self.port_base = port_base
        self.roles = roles
        self.tokens = {r: (mint(ROLES[r]) if ROLES[r] else None) for r in roles}
        self.findings = []
        self.sent = 0
        self.ids = ids  # path prefix -> known ids
        self.service = None

    # ------------------------------------------------------------ values from a schema
    def sample(self, sch, s, name="", depth=0):
        s = sch.resolve(s)
        if "example" in s and depth > 0 and not isinstance(s["example"], (dict, list)):
            return s["example"]
        examples = s.get("examples")
        if isinstance(examples, list) and examples and depth > 0 and not isinstance(examples[0], (dict, list)):
            return examples[0]  # OpenAPI 3.1's JSON Schema form
        if "enum" in s and s["enum"]:
            return s["enum"][0]
        k = sch.kind(s)
        fmt = s.get("format", "")
        if k == "object":
            props = s.get("properties", {})
            if depth > 4:
                return {}
            return {p: self.sample(sch, v, p, depth + 1) for p, v in props.items()}
        if k == "array":
            return [self.sample(sch, s.get("items", {}), name, depth + 1)] if depth < 5 else []
        if k == "integer":
            return max(1, int(s.get("minimum", 1)))
        if k == "number":
            return 1.5
        if k == "boolean":
            return True
        if fmt == "uuid" or name.lower().endswith("id"):
            return self.known_id(name)
        if fmt == "date":
            return "2026-03-01"
        if fmt == "date-time":
            return "2026-03-01T08:00:00Z"
        if fmt == "local-time":
            return "08:30:00"
        if self.service == "feedback-service" and name in PII:
            return PII[name]
        if fmt == "email" or name == "email":
            return "probe@example.org"
        return "probe 测试 " + name

    def known_id(self, name):
        key = name.lower().removesuffix("id")
        for collection, ids in self.ids.items():
            if key and collection.lower().replace("-", "").startswith(key) and ids:
                return ids[0]
        return ZERO_ID

    def bad_values(self, sch, s, name):
        """(label, value, plainly_invalid) for one field."""
        s = sch.resolve(s)
        k, fmt = sch.kind(s), s.get("format", "")
        out = [("null", None, False)]
        wrong = {"string": 12345, "integer": "abc", "number": "abc", "boolean": "yes",
                 "object": "x", "array": "x"}
        out.append(("wrong type", wrong.get(k, 1), True))
        if k == "array":
            out.append(("array of wrong type", [{"x": 1}, 7], True))
        if "enum" in s:
            out.append(("unknown enum", "NOT_A_VALUE_PROBE", True))
        if k in ("integer", "number"):
            out += [("1e308", 1e308, k == "integer"), ("-1", -1, False), ("2^63", 2 ** 63, True),
                    ("-2^63-1", -(2 ** 63) - 1, True), ("1.5", 1.5, k == "integer"),
                    ("2^31-1", 2 ** 31 - 1, False)]
        if k == "string":
            if fmt == "uuid" or name.lower().endswith("id"):
                out += [("invalid uuid", "not-a-uuid", fmt == "uuid"),
                        ("uuid with g", "00000000-0000-4000-8000-00000000000g", fmt == "uuid")]
            if fmt == "date":
                out += [("2026-02-30", "2026-02-30", True), ("0000-01-01", "0000-01-01", True),
                        ("+99999-01-01", "+99999-01-01", True), ("date time", "2026-03-01T10:00", True),
                        ("+999999999-12-31", "+999999999-12-31", True), ("-999999999-01-01", "-999999999-01-01", True)]
            if fmt == "date-time":
                out += [("bad date-time", "2026-02-30T25:61:00Z", True), ("year 0", "0000-01-01T00:00:00Z", True),
                        ("year +999999999", "+999999999-12-31T00:00:00Z", True)]
            out += [("long string", "长" * 20_000, False), ("control chars", "a\u0001\u0007\u001b\u007fb", True),
                    ("lone surrogate", "\ud800x", True), ("NUL", "a\u0000b", True), ("empty", "", False),
                    ("whitespace only", "   ", False)]
        return out

    # ------------------------------------------------------------ recording
    def record(self, kind, svc, role, method, path, label, status, headers, data, body=None):
        self.findings.append({"kind": kind, "service": svc, "role": role, "method": method, "path": path,
                              "mutation": label, "status": status,
                              "content_type": headers.get("content-type", ""),
                              "response": data[:300].decode("utf-8", "replace"),
                              "request_body": (body[:300].decode("utf-8", "replace") if isinstance(body, bytes) else body)})

    def judge(self, svc, role, method, path, label, invalid, status, headers, data, body=None, field=None,
              problems=True):
        self.sent += 1
        ct = headers.get("content-type", "")
        if status == 0 or status >= 500:
            self.record("5xx" if status else "no answer", svc, role, method, path, label, status, headers, data, body)
        elif 400 <= status < 500:
            if status == 404 and label.startswith("query "):
                # A bad filter is the caller's mistake in that parameter, not a missing resource.
                self.record("404-for-bad-query", svc, role, method, path, label, status, headers, data, body)
            elif problems and not ct.startswith("application/problem+json"):
                self.record("4xx-not-problem", svc, role, method, path, label, status, headers, data, body)
            elif (problems and field and status in (400, 422) and field.split(".")[-1] not in data.decode("utf-8", "replace")):
                self.record("4xx-field-not-named", svc, role, method, path, label, status, headers, data, body)
        elif invalid and 200 <= status < 300:
            self.record("2xx-invalid", svc, role, method, path, label, status, headers, data, body)

    def conform(self, svc, role, method, path, label, status, headers, data, responses, sch):
        """What the document promises about an answer, as an OpenAPI-driven tester checks it: the
        status is one the operation documents, the media type one that status documents, and a
        JSON body valid against that status's schema."""
        if status == 0:
            return
        documented = responses.get(str(status)) or responses.get(f"{status // 100}XX") or responses.get("default")
        if documented is None:
            self.record("undocumented-status", svc, role, method, path, label, status, headers, data)
            return
        content = documented.get("content") or {}
        media = headers.get("content-type", "").split(";")[0].strip().lower()
        if not data or not content or not media:
            return
        declared = next((m for m in content if media_matches(m, media)), None)
        if declared is None:
            self.record("undocumented-media-type", svc, role, method, path, label, status, headers, data)
            return
        schema = content[declared].get("schema")
        if schema is None or not (media.endswith("json") or media.endswith("+json")):
            return
        try:
            value = json.loads(data)
        except ValueError:
            self.record("body-not-json", svc, role, method, path, label, status, headers, data)
            return
        error = sch.violation(schema, value)
        if error:
            self.record("body-not-schema", svc, role, method, path, label + " | " + error, status, headers, data)

    # ------------------------------------------------------------ one operation
    def operation(self, svc, client, sch, method, template, op):
        params = op.get("parameters", [])
        path_params = [p for p in params if p.get("in") == "path"]
        query_params = [p for p in params if p.get("in") == "query"]
        header_params = [p for p in params if p.get("in") == "header"]
        content = (op.get("requestBody") or {}).get("content", {})
        media = next(iter(content), None)
        body_schema = sch.resolve(content[media].get("schema", {})) if media else None
        open311 = template.startswith("/open311/")
        form = media == "application/x-www-form-urlencoded"

        def path_with(values=None):
            p = template
            for pp in path_params:
                v = (values or {}).get(pp["name"])
                if v is None:
                    v = self.path_id(template, pp)
                p = p.replace("{" + pp["name"] + "}", quote(str(v)))
            return p

        def query_of(extra):
            q = {}
            for qp in query_params:
                if qp.get("required"):
                    q[qp["name"]] = self.sample(sch, qp.get("schema", {}), qp["name"])
            if open311 and any(qp["name"] == "api_key" for qp in query_params) and self.tokens.get(role):
                q["api_key"] = self.tokens[role]  # GeoReport's way of sending the token
            q.update(extra)
            return "&".join(quote(k) + "=" + quote(str(v)) for k, v in q.items() if v is not None)

        def send(role, label, invalid, path, query="", body=None, ctype=None, field=None, extra_headers=None):
            h = {"Accept": "application/json, application/problem+json"}
            if self.tokens.get(role):
                h["Authorization"] = "Bearer " + self.tokens[role]
            if ctype:
                h["Content-Type"] = ctype
            if method in ("PUT", "PATCH") or any(x["name"] == "If-Match" for x in header_params):
                h["If-Match"] = self.etag(client, path, role)
            h.update(extra_headers or {})
            url = path + ("?" + query if query else "")
            status, headers, data = client.send(method, url, body, h)
            self.judge(svc, role, method, url, label, invalid, status, headers, data, body, field, problems=not open311)
            self.conform(svc, role, method, url, label, status, headers, data, op.get("responses", {}), sch)
            return status, headers, data

        def encode(obj):
            if form:
                return "&".join(quote(k) + "=" + quote(v if isinstance(v, str) else json.dumps(v))
                                for k, v in obj.items() if v is not None).encode()
            # A lone surrogate goes as the JSON escape \ud800, as a browser's JSON.stringify sends it.
            return json.dumps(obj, ensure_ascii=False).encode("utf-8", "backslashreplace")

        base_path = path_with()
        valid_body = self.sample(sch, body_schema) if body_schema else None
        if form and isinstance(valid_body, dict):
            valid_body = {k: v for k, v in valid_body.items()}
        for role in self.roles:
            ctype = media if media else None
            # valid-ish
            status, _, _ = send(role, "valid-ish", False, base_path, query_of({}),
                                encode(valid_body) if valid_body is not None else None, ctype)
            if status in (401, 403):
                # Refused for who is asking: the role check comes before the input is read.
                continue
            # path parameters
            for pp in path_params:
                for label, v in (("invalid uuid", "not-a-uuid"), ("date 2026-02-30", "2026-02-30"),
                                 ("huge number", "9223372036854775808"), ("control chars", "a\x01b"),
                                 ("long", "x" * 5000)):
                    send(role, "path " + pp["name"] + ": " + label, True, path_with({pp["name"]: v}), query_of({}),
                         encode(valid_body) if valid_body is not None else None, ctype)
            # query parameters
            for qp in query_params:
                for label, v, invalid in self.bad_values(sch, implied_format(sch, qp), qp["name"]):
                    if v is None or label in ("lone surrogate",):
                        continue
                    if isinstance(v, str) and len(v) > 20000:
                        v = v[:3000]
                    sv = json.dumps(v) if not isinstance(v, str) else v
                    send(role, "query " + qp["name"] + ": " + label, False, base_path,
                         query_of({qp["name"]: sv}), encode(valid_body) if valid_body is not None else None, ctype)
            if body_schema is None:
                continue
            # whole bodies
            # A body without a Content-Type is read by the operation's own type (JAX-RS), so that one
            # may succeed; every other shape here is plainly wrong.
            for label, raw, ct in (("empty body", b"", ctype), ("null body", b"null", "application/json"),
                                   ("array body", b"[]", "application/json"), ("string body", b'"x"', "application/json"),
                                   ("number body", b"1e308", "application/json"),
                                   ("text/plain", encode(valid_body) if valid_body is not None else b"x", "text/plain"),
                                   ("no content type", encode(valid_body) if valid_body is not None else b"x", None),
                                   ("form instead of json" if not form else "json instead of form",
                                    b"a=1" if not form else b'{"a":1}',
                                    "application/x-www-form-urlencoded" if not form else "application/json")):
                send(role, label, label != "no content type", base_path, query_of({}), raw, ct)
            if sch.kind(body_schema) != "object" or not isinstance(valid_body, dict):
                continue
            required = set(body_schema.get("required", []))
            for prop, ps in body_schema.get("properties", {}).items():
                if prop in required:
                    b = dict(valid_body)
                    b.pop(prop, None)
                    send(role, "missing required " + prop, True, base_path, query_of({}), encode(b), ctype, field=prop)
                for label, v, invalid in self.bad_values(sch, ps, prop):
                    if form and label in ("wrong type", "null"):
                        continue
                    b = dict(valid_body)
                    b[prop] = v
                    if label == "null" and prop in required:
                        invalid = True
                    send(role, prop + ": " + label, invalid, base_path, query_of({}), encode(b), ctype,
                         field=prop if invalid else None)
            # state rules: If-Match on writes to one resource
            if method in ("PUT", "PATCH") and path_params:
                h = {"Accept": "application/json"}
                if self.tokens.get(role):
                    h["Authorization"] = "Bearer " + self.tokens[role]
                h["Content-Type"] = ctype or "application/json"
                status, headers, data = client.send(method, base_path, encode(valid_body), h)
                self.sent += 1
                if 200 <= status < 300:
                    self.record("2xx-without-If-Match", svc, role, method, base_path, "no If-Match", status, headers, data)
                h["If-Match"] = '"99999"'
                status, headers, data = client.send(method, base_path, encode(valid_body), h)
                self.sent += 1
                if 200 <= status < 300:
                    self.record("2xx-stale-If-Match", svc, role, method, base_path, "If-Match 99999", status, headers, data)
                elif status >= 500:
                    self.record("5xx", svc, role, method, base_path, "If-Match 99999", status, headers, data)

    def etag(self, client, path, role):
        h = {"Authorization": "Bearer " + self.tokens[role]} if self.tokens.get(role) else {}
        status, headers, _ = client.send("GET", path, None, h)
        return headers.get("etag", '"0"')

    def path_id(self, template, pp):
        enum = pp.get("schema", {}).get("enum")
        if enum:
            return enum[0]
        parts = template.split("/")
        i = next(n for n, part in enumerate(parts) if "{" + pp["name"] + "}" in part)
        known = self.ids.get(parts[i - 1]) if i > 0 else None
        return known[0] if known else ZERO_ID


FORMATS = {
    "uuid": re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "date-time": re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", re.IGNORECASE),
}


def media_matches(declared, actual):
    """A documented media type (possibly a wildcard such as */* or text/*) covers the answer's."""
    declared = declared.split(";")[0].strip().lower()
    if declared in ("*/*", actual):
        return True
    return declared.endswith("/*") and actual.startswith(declared[:-1])


DATE_NAMES = re.compile(r"^(asOf|from|to|week|day|date|since|until)$|(On|Date|By|Day)$")


def implied_format(sch, parameter):
    """Resources take dates and ids as text (to answer 400 rather than JAX-RS's 404), so their
    OpenAPI type is a bare string: the name says what the text must be."""
    schema = dict(sch.resolve(parameter.get("schema", {})))
    if Schemas.kind(schema) == "string" and "format" not in schema and "enum" not in schema:
        if parameter["name"].endswith("_date"):  # Open311's start_date/end_date: ISO 8601 date-times
            schema["format"] = "date-time"
        elif DATE_NAMES.search(parameter["name"]):
            schema["format"] = "date"
        elif parameter["name"].endswith("Id"):
            schema["format"] = "uuid"
    return schema


def quote(s):
    from urllib.parse import quote as q
    # A lone surrogate goes as the bytes a careless client would send (invalid UTF-8).
    return q(s.encode("utf-8", "surrogatepass"), safe="")


def discover(port_base, token, docs):
    """Real ids for path parameters, by the collection named before the parameter (/areas/{id} and
    /inspections/{id}/areas share 'areas'): the first items of every list, filled in three rounds."""
    ids = {}
    for _ in range(3):
        for svc, off in SERVICES.items():
            c = Client(port_base + off)
            for path, ops in docs[svc]["paths"].items():
                if "get" not in ops or path.endswith("}"):
                    continue
                concrete = fill(path, ids)
                if concrete is None:
                    continue
                status, _, data = c.send("GET", concrete + "?size=5", None, {"Authorization": "Bearer " + token})
                if status != 200:
                    continue
                try:
                    body = json.loads(data)
                except ValueError:
                    continue
                items = body.get("items", body) if isinstance(body, dict) else body
                if isinstance(items, list):
                    found = [str(i["id"]) for i in items if isinstance(i, dict) and i.get("id")]
                    if found:
                        ids.setdefault(path.rstrip("/").split("/")[-1], found)
    return ids


def fill(template, ids, fallback=None):
    """The template with a known id for each parameter (by the collection before it), or None."""
    parts = template.split("/")
    for i, part in enumerate(parts):
        if part.startswith("{"):
            known = ids.get(parts[i - 1]) if i > 0 else None
            if not known:
                if fallback is None:
                    return None
                parts[i] = fallback
            else:
                parts[i] = known[0]
    return "/".join(parts)


def unsupported_methods(fz, port_base, docs, services, token):
    """A method a path does not document is 405 with an Allow header naming the ones it does (RFC 9110)."""
    for svc in services:
        client = Client(port_base + SERVICES[svc])
        for template, item in docs[svc]["paths"].items():
            documented = {m.upper() for m in item if m in ("get", "post", "put", "patch", "delete")}
            missing = [m for m in ("DELETE", "PATCH", "PUT", "POST") if m not in documented]
            if not missing:
                continue
            # Each parameter filled in place, so a suffix such as {list}.csv stays.
            path = re.sub(r"\{[^}]+\}", ZERO_ID, fill(template, fz.ids) or template)
            status, headers, data = client.send(missing[0], path, b"{}", {"Authorization": "Bearer " + token,
                                                                          "Content-Type": "application/json"})
            fz.sent += 1
            allow = {m.strip() for m in headers.get("allow", "").split(",") if m.strip()}
            if status != 405:
                fz.record("unsupported-method-not-405", svc, "admin", missing[0], path, "undocumented method", status, headers, data)
            elif not documented <= allow or missing[0] in allow:
                fz.record("405-allow-wrong", svc, "admin", missing[0], path, "Allow: " + headers.get("allow", "(none)"),
                          status, headers, data)


def scan_logs(state):
    """The services log JSON lines: an ERROR or a line carrying an exception is a finding, and so is
    any line holding the fake personal data."""
    out = {"stack traces": [], "personal data": []}
    for name in SERVICES:
        f = Path(state) / "logs" / (name + ".log")
        if not f.exists():
            continue
        for line in f.read_text("utf-8", "replace").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                entry = {"message": line, "level": "ERROR" if "\tat " in line else ""}
            if entry.get("level") == "ERROR" or "exception" in entry or "stackTrace" in entry:
                out["stack traces"].append(f"{name}: {entry.get('level')} {entry.get('loggerName', '')}: "
                                           f"{str(entry.get('message'))[:200]}")
            for marker in PII_MARKERS:
                if marker in line:
                    out["personal data"].append(f"{name}: {marker}: {line[:300]}")
    return out


def scan_reads(port_base, token, docs):
    """Every parameterless read of tasks- and reporting-service must be free of the fake personal data."""
    leaks = []
    for svc in ("tasks-service", "reporting-service"):
        c = Client(port_base + SERVICES[svc])
        for path, ops in docs[svc]["paths"].items():
            if "get" in ops and "{" not in path:
                status, _, data = c.send("GET", path, None, {"Authorization": "Bearer " + token})
                text = data.decode("utf-8", "replace")
                for m in PII_MARKERS:
                    if m in text:
                        leaks.append(f"{svc} GET {path}: {m}")
    c = Client(port_base + SERVICES["feedback-service"])
    status, _, data = c.send("GET", "/feedback?size=200", None, {"Authorization": "Bearer " + mint(ROLES["coordinator"])})
    text = data.decode("utf-8", "replace")
    for m in PII_MARKERS:
        if m in text:
            leaks.append(f"feedback-service GET /feedback (list, coordinator without personal-data): {m} unmasked")
    return leaks


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port-base", type=int, default=int(os.environ.get("RECT_PORT_BASE", 8180)))
    ap.add_argument("--roles", default=",".join(ROLES))
    ap.add_argument("--services", default=",".join(SERVICES))
    ap.add_argument("--only", default="", help="a regular expression the operation ('POST /path') must match")
    ap.add_argument("--out", default="")
    args = ap.parse_args()
    state = os.environ.get("RECT_STATE_DIR", str(ROOT / ".local"))
    roles = args.roles.split(",")
    docs = {}
    for svc, off in SERVICES.items():
        status, _, data = Client(args.port_base + off).send("GET", "/q/openapi?format=json")
        if status != 200:
            sys.exit(f"fuzz: no OpenAPI document from {svc} on {args.port_base + off} ({status})")
        docs[svc] = json.loads(data)
    admin = mint(("coordinator,admin,personal-data", "probe-discovery", ""))
    ids = discover(args.port_base, admin, docs)
    print("known ids: " + ", ".join(f"{k}={len(v)}" for k, v in ids.items()), file=sys.stderr)
    fz = Fuzzer(args.port_base, roles, ids)
    ops = 0
    for svc in args.services.split(","):
        sch = Schemas(docs[svc])
        client = Client(args.port_base + SERVICES[svc])
        for template, item in docs[svc]["paths"].items():
            for method, op in item.items():
                if method not in ("get", "post", "put", "patch", "delete"):
                    continue
                if args.only and not re.search(args.only, method.upper() + " " + template):
                    continue
                ops += 1
                # The shared parameters of a path item go with each of its operations.
                op = dict(op)
                op["parameters"] = item.get("parameters", []) + op.get("parameters", [])
                fz.service = svc
                fz.operation(svc, client, sch, method.upper(), template, op)
                print(f"  {svc} {method.upper()} {template}: {fz.sent} sent, {len(fz.findings)} findings", file=sys.stderr)
    unsupported_methods(fz, args.port_base, docs, args.services.split(","), admin)
    logs = scan_logs(state)
    leaks = scan_reads(args.port_base, admin, docs)
    counts = {}
    for f in fz.findings:
        counts[f["kind"]] = counts.get(f["kind"], 0) + 1
    counts["log stack traces"] = len(logs["stack traces"])
    counts["log personal data"] = len(logs["personal data"])
    counts["personal data in reads"] = len(leaks)
    summary = {"operations": ops, "requests": fz.sent, "counts": counts}
    distinct = {}
    for f in fz.findings:
        key = (f["kind"], f["method"], re.sub(r"\?.*", "", f["path"]), f["mutation"], f["status"])
        distinct.setdefault(key, f)
    if args.out:
        Path(args.out).write_text(json.dumps({"summary": summary, "findings": fz.findings, "logs": logs,
                                              "leaks": leaks}, ensure_ascii=False, indent=1))
    print(json.dumps(summary, ensure_ascii=False))
    for (kind, method, path, mutation, status), f in sorted(distinct.items(), key=lambda kv: kv[0][:3]):
        print(f"{kind:22} {status} {method} {path[:90]} [{mutation}] ({f['role']}) {f['response'][:160]!r}")
    for line in logs["stack traces"][:40] + logs["personal data"][:40] + leaks:
        print("log/read: " + line)
    sys.exit(1 if any(counts.values()) else 0)


if __name__ == "__main__":
    main()
