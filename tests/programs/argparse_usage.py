# argparse: positionals, options, types, choices, defaults, subcommands, help text
import argparse
p = argparse.ArgumentParser(prog="tool", description="A tool.")
p.add_argument("src")
p.add_argument("-n", "--count", type=int, default=1, help="how many")
p.add_argument("--mode", choices=["fast", "slow"], default="fast")
p.add_argument("-v", "--verbose", action="store_true")
p.add_argument("rest", nargs="*")
print(p.parse_args(["in.txt", "x", "y", "-n", "3", "--mode", "slow", "-v"]))
print(p.format_help())
sub = argparse.ArgumentParser(prog="git")
sp = sub.add_subparsers(dest="cmd")
c = sp.add_parser("commit")
c.add_argument("-m")
print(sub.parse_args(["commit", "-m", "msg"]))
try:
    p.parse_args(["in.txt", "--mode", "odd"])
except SystemExit as e:
    print("exit", e.code)
