"""Runs a command in a pseudo-terminal, as a person at a terminal would, answering its y/n prompts with "y".

The CDK CLI asks before security-sensitive changes (`cdk deploy`) and before deleting stacks (`cdk destroy`), and
refuses to run without a terminal. Usage: tty_run.py LOGFILE -- COMMAND...  The output goes to stdout and, without
terminal escape sequences, to LOGFILE; the exit code is the command's.
"""
import os
import pty
import re
import sys

ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")
PROMPT = re.compile(rb"\(y/n\)\??\s*$")


def main() -> int:
    log_path, command = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
    pending = b""
    answers = 0
    with open(log_path, "ab") as log:
        def read(fd: int) -> bytes:
            nonlocal pending, answers
            data = os.read(fd, 65536)
            clean = ESCAPES.sub(b"", data)
            log.write(clean)
            log.flush()
            pending = (pending + clean)[-200:]
            if PROMPT.search(pending):
                os.write(fd, b"y\n")
                answers += 1
                pending = b""
            return data

        status = pty.spawn(command, read)
    sys.stderr.write(f"[answered {answers} prompt(s) with y]\n")
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
