"""Prints the command blocks README.md and docs/*.md mark as runnable offline, one block per record.

A block is the fenced code block right after a line `<!-- offline-commands: ... -->`; each record is
`FILE:LINE` (where the block starts), a newline, the block's text, and a NUL byte. Fails when a marker is not
followed by a fenced block, or when no marker is found at all.
Usage: doc_commands.py FILE...
"""
import re
import sys

MARKER = re.compile(r"^<!-- offline-commands\b.*-->\s*$")
found = 0
for path in sys.argv[1:]:
    lines = open(path, encoding="utf-8").read().splitlines()
    for i, line in enumerate(lines):
        if not MARKER.match(line):
            continue
        if i + 1 >= len(lines) or not lines[i + 1].startswith("```"):
            sys.exit(f"{path}:{i + 1}: an offline-commands marker must be followed directly by a fenced block")
        end = next((j for j in range(i + 2, len(lines)) if lines[j].startswith("```")), None)
        if end is None:
            sys.exit(f"{path}:{i + 2}: unterminated fenced block")
        sys.stdout.write(f"{path}:{i + 2}\n" + "\n".join(lines[i + 2:end]) + "\n\0")
        found += 1
if not found:
    sys.exit("no offline-commands blocks found")
