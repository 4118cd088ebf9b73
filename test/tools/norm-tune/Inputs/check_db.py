"""Checks a norm-tune database against what normc did with it.

check_db.py DB SCHEDULE_DIR [--trials N] [--target-prefix P] [--machine-from-runner]

- every group of every <func>.schedule.json in SCHEDULE_DIR has exactly one
  record, for the report's target, with a positive time and default time,
  the function's name and N trials;
- normc, given the database, requested exactly the record's knobs for the
  group (source "tuning-db").
Prints one "ok: ..." line per group, or exits 1 with what is wrong.
"""
import glob, json, os, sys

args = sys.argv[1:]
db_path, sched_dir = args[0], args[1]
trials = int(args[args.index("--trials") + 1]) if "--trials" in args else None
db = json.load(open(db_path))
assert db["normc_tuning_db"] == 1, "not a version-1 database"
records = db["records"]
failures = []
for path in sorted(glob.glob(os.path.join(sched_dir, "*.schedule.json"))):
    report = json.load(open(path))
    for g in report["groups"]:
        mine = [r for r in records if r["group"] == g["name"] and r["target"] == report["target"]]
        if len(mine) != 1:
            failures.append(f"{g['name']}: {len(mine)} records for {report['target']}")
            continue
        r = mine[0]
        if not (r["time_ms"] > 0 and r.get("default_ms", 0) > 0):
            failures.append(f"{g['name']}: times {r['time_ms']} / {r.get('default_ms')}")
        if r.get("function") != report["function"]:
            failures.append(f"{g['name']}: function {r.get('function')}")
        if trials is not None and r.get("trials") != trials:
            failures.append(f"{g['name']}: {r.get('trials')} trials, expected {trials}")
        if g["source"] != "tuning-db":
            failures.append(f"{g['name']}: normc's source is {g['source']}")
        if g["requested"] != r["knobs"]:
            failures.append(f"{g['name']}: normc requested {g['requested']}, the record has {r['knobs']}")
        print(f"ok: {report['function']} {g['name']} {g['role']}")
if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
