"""Times commands in alternating rounds (A, B, C, A, B, C, ...) so that a noisy machine weighs on each alike.

Usage: alternate.py RUNS OUT.json NAME=COMMAND...   (each COMMAND runs through bash; one warm-up round first)
Writes {"results": [{"command", "median", "min", "max", "user", "system", "times"}]} (seconds; user and system are
the mean CPU of a run, from the children's rusage).
"""
import json
import resource
import statistics
import subprocess
import sys
import time

runs, out = int(sys.argv[1]), sys.argv[2]
commands = [arg.split("=", 1) for arg in sys.argv[3:]]


def run(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(["bash", "-c", command], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime


for _, command in commands:  # warm-up round: file caches, Maven's local repository, the JIT of nothing
    run(command)
samples = {name: [] for name, _ in commands}
for i in range(runs):
    for name, command in commands:
        samples[name].append(run(command))
        print(f"round {i + 1}: {name}: {samples[name][-1][0]:.2f} s", file=sys.stderr)
results = []
for name, command in commands:
    walls = [s[0] for s in samples[name]]
    results.append({"command": name, "median": statistics.median(walls), "min": min(walls), "max": max(walls),
                    "user": statistics.mean(s[1] for s in samples[name]),
                    "system": statistics.mean(s[2] for s in samples[name]), "times": walls})
json.dump({"results": results}, open(out, "w"), indent=1)
