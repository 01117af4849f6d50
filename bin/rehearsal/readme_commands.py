"""Prints README's deploy commands, one per line, as a user would type them for ACCOUNT and REGION.

They are the lines of the fenced block after the `<!-- deploy-commands` marker, without their comments, with the
placeholders ACCOUNT and REGION replaced. Fails unless there is exactly one bootstrap, deploy and destroy command.
Usage: readme_commands.py README.md ACCOUNT REGION
"""
import re
import sys

path, account, region = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
marker = text.find("<!-- deploy-commands")
if marker < 0:
    sys.exit(f"{path}: no `<!-- deploy-commands` marker before the deploy commands")
block = re.search(r"```[a-z]*\n(.*?)```", text[marker:], re.S)
if not block:
    sys.exit(f"{path}: no fenced block after the deploy-commands marker")
commands = []
for line in block.group(1).splitlines():
    line = re.sub(r"\s+#.*$", "", line).strip()
    if line and not line.startswith("#"):
        commands.append(line.replace("ACCOUNT", account).replace("REGION", region))
for verb in ("bootstrap", "deploy", "destroy"):
    found = [c for c in commands if re.search(rf"\bcdk {verb}\b", c)]
    if len(found) != 1:
        sys.exit(f"{path}: expected one `cdk {verb}` command in the deploy-commands block, found {len(found)}")
print("\n".join(commands))
