#!/usr/bin/env python3
"""Regenerate the expected output of tests/programs/*.py from CPython 3.11.

Each program runs under the CPython running this script, the same way the
Rust runner (crates/pyrs/tests/programs.rs) runs pyrs:

  * cwd is tests/programs and the program is named relatively (NAME.py), so
    tracebacks read `File "NAME.py", line N`;
  * extra arguments come from a `# args: a b c` comment in the first five
    lines (split on whitespace);
  * stdin is empty; the environment has every PYTHON* variable removed, then
    PYTHONHASHSEED=0, PYTHONUTF8=1 and PYTHONDONTWRITEBYTECODE=1 set.

CPython 3.11 makes the script's path absolute (`__file__`, tracebacks), and
that path depends on where the repository is checked out, so every occurrence
of the absolute tests/programs directory in stdout and stderr is written as
the placeholder {PROGRAMS}; the runner does the same to pyrs's output.

Next to NAME.py it writes NAME.stdout, NAME.stderr and NAME.exitcode, each only
when it is not empty / not 0 (a missing file means "empty" or "0"), and deletes
the ones that no longer apply.

    python3 tests/regen_expected.py            # all programs
    python3 tests/regen_expected.py a.py b     # just these
    python3 tests/regen_expected.py --check    # verify, write nothing
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
TIMEOUT = 30
PLACEHOLDER = b"{PROGRAMS}"
EXPECTED_VERSION = (3, 11, 7)


def test_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONUTF8"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def program_args(path):
    with open(path, encoding="utf-8") as f:
        for _, line in zip(range(5), f):
            line = line.strip()
            if line.startswith("# args:"):
                return line[len("# args:"):].split()
    return []


def run(name):
    path = os.path.join(PROGRAMS, name)
    proc = subprocess.run(
        [sys.executable, name] + program_args(path),
        cwd=PROGRAMS,
        env=test_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
    )
    # getcwd() in the child gives the resolved directory, as does realpath.
    real_dir = os.path.realpath(PROGRAMS).encode()
    return {
        "stdout": proc.stdout.replace(real_dir, PLACEHOLDER),
        "stderr": proc.stderr.replace(real_dir, PLACEHOLDER),
        "exitcode": b"" if proc.returncode == 0 else b"%d\n" % proc.returncode,
    }


def expected_files(name):
    base = os.path.join(PROGRAMS, name[: -len(".py")])
    return {kind: base + "." + kind for kind in ("stdout", "stderr", "exitcode")}


def read_or_empty(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return b""


def main(argv):
    check = "--check" in argv
    names = [a for a in argv if a != "--check"]
    if sys.version_info[:3] != EXPECTED_VERSION:
        want = ".".join(map(str, EXPECTED_VERSION))
        print(f"regen_expected.py: needs CPython {want}, this is {sys.version}", file=sys.stderr)
        return 2
    if names:
        names = [n if n.endswith(".py") else n + ".py" for n in names]
        names = [os.path.basename(n) for n in names]
    else:
        names = sorted(n for n in os.listdir(PROGRAMS) if n.endswith(".py"))
    stale = 0
    for name in names:
        if not os.path.exists(os.path.join(PROGRAMS, name)):
            print(f"no such program: {name}", file=sys.stderr)
            return 2
        outputs = run(name)
        for kind, path in expected_files(name).items():
            data = outputs[kind]
            if check:
                if read_or_empty(path) != data:
                    print(f"stale: {os.path.relpath(path, HERE)}")
                    stale += 1
            elif data:
                with open(path, "wb") as f:
                    f.write(data)
            elif os.path.exists(path):
                os.remove(path)
    if check:
        print(f"{len(names)} programs checked, {stale} expected files stale")
        return 1 if stale else 0
    print(f"wrote expected output for {len(names)} programs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
