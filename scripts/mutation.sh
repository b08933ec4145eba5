#!/usr/bin/env bash
# Mutation testing of the core, each module against its own tests (issue 17 point 13). Not part of CI's run:
# it takes from minutes (dates) to an hour or more (storage, packages) per module.
#
#   scripts/mutation.sh                 # every module of the table below
#   scripts/mutation.sh dates schema    # some of them
#   MUTANTS='briefing.translation.packages.x__check*' scripts/mutation.sh packages   # some functions of one
#   SELECT='tests/test_package_checks.py' MUTANTS='…' scripts/mutation.sh packages  # those against some tests
#
# Needs mutmut 3 in the virtualenv (a tool, not a dependency of the project):
#   .venv/bin/pip install "mutmut>=3.8,<4"
# Each module runs in a throw-away copy of the working tree, so the checkout is never touched; the score is
# killed / (killed + survived + no tests), as mutmut's export-cicd-stats counts them (timeouts and hung mutants
# are left out of both). Survivors are listed
# with `mutmut results` in the printed folder (kept with KEEP=1). Tests marked `slow` (real processes killed at
# each step of a save or a package swap, ~10-30 s each) are left out: every surviving mutant would pay for them,
# and what they check is checked step by step by the fast tests too (CI runs them all).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
MUTMUT="${MUTMUT:-$(dirname "$PYTHON")/mutmut}"

declare -A MODULE TESTS ARGS
MODULE[dates]=briefing/language/dates.py;           TESTS[dates]="tests/test_dates.py"
MODULE[schema]=briefing/schema.py;                  TESTS[schema]="tests/test_schema.py"
# The Hypothesis cross-check against jsonschema (200 damaged files per format version, 2-3 minutes at load 7) would
# be paid by every surviving mutant; it compares problem paths only, and the worded tests beside it check codes,
# parameters and the compiled yes/no check. CI runs it.
ARGS[schema]="--deselect=tests/test_schema.py::test_checker_agrees_with_reference_on_damaged_files"
# How mutmut starts each mutant's worker (its process_isolation): "fork" from the process that ran the tests for
# its statistics, or "forkserver", from a clean process. Packages needs the clean one: a worker forked after the
# statistics run had loaded CTranslate2 models blocks in its first translation (a thread pool copied by fork), so
# every mutant reaching the smoke test hung until the watcher stopped it (45 s each, never measured).
declare -A ISOLATION
ISOLATION[packages]=forkserver
MODULE[markup]=briefing/translation/markup.py;      TESTS[markup]="tests/test_markup.py"
MODULE[model]=briefing/model.py;                    TESTS[model]="tests/test_model.py tests/test_model_index.py"
MODULE[segmentation]=briefing/language/segmentation.py; TESTS[segmentation]="tests/test_segmentation.py"
MODULE[storage]=briefing/storage.py;                TESTS[storage]="tests/test_storage.py"
MODULE[files]=briefing/files.py;                    TESTS[files]="tests/test_files.py tests/test_storage.py"
MODULE[packages]=briefing/translation/packages.py;  TESTS[packages]="tests/test_package_checks.py tests/test_packages.py tests/test_hostile_packages.py"
ORDER=(dates schema markup model segmentation storage files packages)

names=("$@")
[ ${#names[@]} -eq 0 ] && names=("${ORDER[@]}")
printf '| module | killed | survived | no tests | timeout | hung | score |\n|---|---:|---:|---:|---:|---:|---:|\n'
for name in "${names[@]}"; do
    [ -n "${MODULE[$name]:-}" ] || { echo "unknown module: $name (one of: ${ORDER[*]})" >&2; exit 2; }
    work="$(mktemp -d "${TMPDIR:-/tmp}/mutation-$name-XXXXXX")"
    # The working tree as it is (committed or not), without the virtualenv and caches.
    tar -C "$ROOT" --exclude=./.venv --exclude=./mutants --exclude='*/__pycache__' --exclude=./.git -cf - . \
        | tar -C "$work" -xf -
    test_args=""
    for t in ${SELECT:-${TESTS[$name]}}; do test_args+="    $t"$'\n'; done
    extra_args=""
    for a in ${ARGS[$name]:-}; do extra_args+="    $a"$'\n'; done
    cat >> "$work/setup.cfg" <<CONFIG

[mutmut]
source_paths = briefing
process_isolation = ${ISOLATION[$name]:-fork}
only_mutate = ${MODULE[$name]}
also_copy =
    tests
    examples
    templates
    locales
    ui
    main.py
pytest_add_cli_args =
    -p
    no:cacheprovider
    -m
    not slow
${extra_args}pytest_add_cli_args_test_selection =
$test_args
CONFIG
    # A mutant that blocks (opening a pipe without O_NONBLOCK, a lock after fork) uses no CPU, so mutmut's CPU-time
    # limit never ends it: a watcher kills a mutant's processes after STALL seconds without CPU progress (mutmut
    # then counts it under "segfault"; the table's "hung" column).
    # MUTANTS: only the mutants whose names match these patterns (e.g. one module's functions), when a whole
    # module would take too long.
    # shellcheck disable=SC2086
    (cd "$work" && exec "$MUTMUT" run ${MUTANTS:-} >"$work/mutmut.log" 2>&1) &
    runner=$!
    "$PYTHON" - "$runner" "${STALL:-45}" >"$work/hung.log" 2>&1 <<'WATCH' &
import os, signal, sys, time

runner, stall = int(sys.argv[1]), int(sys.argv[2])


def tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(child) for child in children.read().split()]
        except OSError:
            pass
    return found


def cpu(pid: int) -> int:
    total = 0
    for member in tree(pid):
        try:
            fields = open(f"/proc/{member}/stat").read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            pass
    return total


seen: dict[int, tuple[int, float]] = {}
while os.path.exists(f"/proc/{runner}"):
    now = time.time()
    for mutant in tree(runner)[1:]:
        try:
            name = open(f"/proc/{mutant}/cmdline").read().strip("\0 ")
        except OSError:
            continue
        if not name.startswith("mutmut: "):
            continue
        ticks = cpu(mutant)
        if mutant not in seen or seen[mutant][0] != ticks:
            seen[mutant] = (ticks, now)
        elif now - seen[mutant][1] > stall:
            for member in reversed(tree(mutant)):
                try:
                    os.kill(member, signal.SIGKILL)
                except OSError:
                    pass
            print(time.strftime("%H:%M:%S"), "hung, stopped:", name.removeprefix("mutmut: "), flush=True)
            del seen[mutant]
    time.sleep(10)
WATCH
    wait "$runner" || true
    (cd "$work" && "$MUTMUT" export-cicd-stats >/dev/null 2>&1 || true)
    "$PYTHON" - "$name" "$work/mutants/mutmut-cicd-stats.json" <<'REPORT'
import json, sys
name, path = sys.argv[1], sys.argv[2]
try:
    stats = json.load(open(path))
except OSError:
    print(f"| {name} | – | – | – | – | – | mutmut failed (see its log) |")
    raise SystemExit
killed, survived = stats.get("killed", 0), stats.get("survived", 0)
untested, timeout, hung = stats.get("no_tests", 0), stats.get("timeout", 0), stats.get("segfault", 0)
counted = killed + survived + untested
score = f"{100 * killed / counted:.0f} %" if counted else "–"
print(f"| {name} | {killed} | {survived} | {untested} | {timeout} | {hung} | {score} |")
REPORT
    if [ "${KEEP:-0}" = 1 ]; then echo "  (kept: $work)" >&2; else rm -rf "$work"; fi
done
