#!/usr/bin/env python3
"""Named SQL statements (issue 13; the habit of userver's samples): a repository's statements live in
a .sql file beside its .cpp, each after a line `-- name: kName`. Run by CMake at configure time, this
turns one such file into a header with one constant a statement:

    -- name: kSelect                  inline constexpr const char* kSelect = R"sql(SELECT ...)sql";
    SELECT ...               →
in namespace antq::sql::<folders>::<stem> (modules/units/units_repository.sql → antq::sql::units::
units_repository), so two files never share a namespace. Whole-line `--` comments stay in the .sql
file; the statement keeps its line breaks (whitespace to SQL).

Usage: sql_header.py SRC_ROOT FILE.sql OUT.hpp
"""
import os
import re
import sys

NAME = re.compile(r"^--\s*name:\s*(k[A-Za-z0-9_]*)\s*$")


def parse(path):
    statements, name, body = [], None, []
    for number, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        m = NAME.match(line.strip())
        if m:
            if name:
                statements.append((name, body))
            name, body = m.group(1), []
            if any(n == name for n, _ in statements):
                sys.exit(f"{path}:{number}: the statement {name} is named twice")
        elif line.lstrip().startswith("--"):
            continue
        elif name:
            body.append(line.rstrip())
        elif line.strip():
            sys.exit(f"{path}:{number}: SQL before the first `-- name:` line")
    if name:
        statements.append((name, body))
    out = []
    for n, lines in statements:
        text = "\n".join(lines).strip()
        if not text:
            sys.exit(f"{path}: the statement {n} is empty")
        if ")sql\"" in text:
            sys.exit(f"{path}: the statement {n} contains )sql\"")
        out.append((n, text))
    return out


def main():
    root, src, dst = sys.argv[1:4]
    rel = os.path.relpath(src, root)
    parts = os.path.splitext(rel)[0].split(os.sep)
    if parts[0] == "modules":
        parts = parts[1:]
    namespace = "::".join(["antq", "sql"] + parts)
    lines = [
        "#pragma once",
        f"// Generated from server/src/{rel} by server/cmake/sql_header.py at configure time: edit the .sql file.",
        f"namespace {namespace} {{",
        "",
    ]
    for name, text in parse(src):
        lines.append(f'inline constexpr const char* {name} = R"sql({text})sql";')
    lines += ["", f"}}  // namespace {namespace}", ""]
    content = "\n".join(lines)
    # Written only when it changes, so a configure run does not recompile what includes it.
    if not os.path.exists(dst) or open(dst, encoding="utf-8").read() != content:
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        open(dst, "w", encoding="utf-8").write(content)


main()
