#!/usr/bin/env python3
"""Compare pyrs with CPython on the programs in bench/programs/.

Builds nothing: build pyrs first (`cargo build --release`). Each program runs
N times under each implementation (wall-clock time of the whole process, the
best of N is kept); the outputs must be identical. Prints a table of CPython
seconds, pyrs seconds and the ratio pyrs/CPython, then the geometric mean of
the ratios. A program that fails on pyrs (non-zero exit, different output,
timeout) is shown as failed and left out of the mean.

    python3 bench/run.py                       # target/release/pyrs, 3 runs
    python3 bench/run.py --pyrs target/debug/pyrs -n 5 fib dict
    python3 bench/run.py --cpython /usr/bin/python3.11

Positional arguments select programs whose names contain them.
"""

import argparse
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, "programs")


def real_cpython():
    # `python3` may be a pyenv shim (a shell script): timing it would add the
    # shim's own start-up, so ask it for the interpreter it really runs.
    out = subprocess.run(
        ["python3", "-c", "import sys; print(sys.executable)"],
        capture_output=True, text=True, check=True,
    )
    return out.stdout.strip()


# Start-up commands: (label, arguments). The .pyc cache is allowed here.
STARTUP = [
    ("startup -c pass", ["-c", "pass"]),
    ("startup import json", ["-c", "import json"]),
]


def bench_env(write_bytecode=False):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    if not write_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def time_one(binary, program, timeout):
    """(seconds, stdout, error message or None) for one run. `program` is a
    file in bench/programs or a list of arguments (start-up commands)."""
    argv = [binary] + (program if isinstance(program, list) else [program])
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            argv, cwd=PROGRAMS, env=bench_env(isinstance(program, list)),
            stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, b"", f"timed out after {timeout} s"
    except OSError as e:
        return None, b"", f"cannot run: {e}"
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        last = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        return None, proc.stdout, f"exit {proc.returncode}: {' '.join(last)}"
    return elapsed, proc.stdout, None


def best_of(binary, program, runs, timeout):
    best = None
    output = b""
    for _ in range(runs):
        seconds, output, error = time_one(binary, program, timeout)
        if error:
            return None, output, error
        best = seconds if best is None else min(best, seconds)
    return best, output, None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pyrs", default=os.path.join(ROOT, "target", "release", "pyrs"))
    parser.add_argument("--cpython", default=None, help="default: python3's real executable")
    parser.add_argument("-n", "--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("select", nargs="*", help="substrings of program names")
    args = parser.parse_args()

    cpython = args.cpython or real_cpython()
    if not os.path.exists(args.pyrs):
        print(f"run.py: no pyrs binary at {args.pyrs} (cargo build --release?)", file=sys.stderr)
        return 2
    names = sorted(n for n in os.listdir(PROGRAMS) if n.endswith(".py"))
    if args.select:
        names = [n for n in names if any(s in n for s in args.select)]

    print(f"cpython: {cpython}")
    print(f"pyrs:    {os.path.abspath(args.pyrs)}")
    print(f"best of {args.runs} runs\n")
    header = f"{'program':<22} {'cpython s':>10} {'pyrs s':>10} {'pyrs/cpython':>13}"
    print(header)
    print("-" * len(header))
    ratios = []
    failed = 0
    for name in names:
        label = name[:-3]
        c_time, c_out, c_err = best_of(cpython, name, args.runs, args.timeout)
        if c_err:
            print(f"{label:<22} {'error':>10}   CPython failed: {c_err}")
            failed += 1
            continue
        p_time, p_out, p_err = best_of(args.pyrs, name, args.runs, args.timeout)
        if p_err is None and p_out != c_out:
            p_err = "output differs from CPython's"
        if p_err:
            print(f"{label:<22} {c_time:>10.3f} {'failed':>10}   {p_err}")
            failed += 1
            continue
        ratio = p_time / c_time
        ratios.append(ratio)
        print(f"{label:<22} {c_time:>10.3f} {p_time:>10.3f} {ratio:>13.2f}")
    if not args.select:
        for label, argv in STARTUP:
            runs = max(args.runs, 10)
            best_of(cpython, argv, 1, args.timeout)  # warm-up: writes caches
            best_of(args.pyrs, argv, 1, args.timeout)
            c_time, _, c_err = best_of(cpython, argv, runs, args.timeout)
            p_time, _, p_err = best_of(args.pyrs, argv, runs, args.timeout)
            if c_err or p_err:
                print(f"{label:<22} {'failed':>10}   {c_err or p_err}")
                continue
            print(f"{label:<22} {c_time:>10.3f} {p_time:>10.3f} {p_time / c_time:>13.2f}  (not in the mean)")
    print("-" * len(header))
    if ratios:
        geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric mean of {len(ratios)} ratios: {geomean:.2f}"
              + (f"  ({failed} failed, not counted)" if failed else ""))
    else:
        print(f"no program ran on pyrs ({failed} failed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
