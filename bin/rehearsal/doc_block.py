"""Prints the fenced block that follows the marker `<!-- rehearsal: NAME -->` in a Markdown file.

Usage: doc_block.py FILE NAME
"""
import re
import sys

path, name = sys.argv[1:3]
text = open(path, encoding="utf-8").read()
marker = text.find(f"<!-- rehearsal: {name} -->")
block = re.search(r"```[a-z]*\n(.*?)```", text[marker:], re.S) if marker >= 0 else None
if not block:
    sys.exit(f"{path}: no fenced block after `<!-- rehearsal: {name} -->`")
print(block.group(1), end="")
