#!/usr/bin/env python3
"""Cold runs of the CLI: N fresh JVMs of `java -jar cli/target/mquickjs-sandbox-cli.jar -e 1+2`.

Reports the median and the maximum wall time, and splits each run into the time to its
output and the time from its output to its exit (what a process held open after finishing
would show). A run still going after --slow seconds is inspected while it is stuck, without delaying
it: its threads sampled from /proc every 250 ms until it is gone (name, state, CPU time,
run-queue wait, kernel wait channel and stack) and one jstack while the JVM still answers,
written to --report-dir.
--load K runs K busy loops meanwhile, to see the runs under CPU contention.
Exit status 1 if a run printed the wrong thing or exited non-zero; slowness is reported.
"""
import argparse
import os
import signal
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return None


def threads_of(pid):
    """Each thread of pid: name, state, CPU time, run-queue wait (schedstat), wchan, kernel stack."""
    rows = []
    task_dir = f"/proc/{pid}/task"
    try:
        tids = sorted(os.listdir(task_dir), key=int)
    except OSError:
        return ["    (process gone)"]
    for tid in tids:
        base = f"{task_dir}/{tid}"
        name, stat, sched = read(f"{base}/comm"), read(f"{base}/stat"), read(f"{base}/schedstat")
        if name is None or stat is None:
            continue
        state = stat[stat.rindex(")") + 2:].split()[0]
        on_cpu, waiting = (int(x) / 1e9 for x in sched.split()[:2]) if sched else (0, 0)
        wchan = read(f"{base}/wchan") or "?"
        stack = (read(f"{base}/stack") or "").strip().replace("\n", " < ")
        rows.append(f"    {tid:>8} {state} on-cpu {on_cpu:7.3f} s  run-queue wait {waiting:7.3f} s  {name.strip():<16}"
                    f" wchan {wchan}  {stack[:300]}")
    return rows


class Inspector(threading.Thread):
    """Samples a slow run's threads from /proc until it is gone; one jstack while the JVM still runs."""

    def __init__(self, pid, run, started, report_dir):
        super().__init__(daemon=True)
        self.pid, self.run_number, self.started, self.report_dir = pid, run, started, report_dir
        self.done = threading.Event()
        self.path = os.path.join(report_dir, f"slow-run-{run}.txt")

    def run(self):
        os.makedirs(self.report_dir, exist_ok=True)
        with open(self.path, "w") as out:
            out.write(f"run {self.run_number}, pid {self.pid}, load {loadavg()}\n")
            jstack = None
            while not self.done.is_set():
                rows = threads_of(self.pid)
                out.write(f"\nat {time.monotonic() - self.started:.2f} s, load {loadavg()}:\n" + "\n".join(rows) + "\n")
                out.flush()
                if jstack is None and any("VM Thread" in r for r in rows):
                    jstack = subprocess.Popen(["jstack", "-l", str(self.pid)], stdout=subprocess.PIPE,
                                              stderr=subprocess.STDOUT, text=True)
                self.done.wait(0.25)
            if jstack is not None:
                try:
                    dump, _ = jstack.communicate(timeout=15)
                except subprocess.TimeoutExpired:
                    jstack.kill()
                    dump = "(jstack did not finish)"
                out.write("\njstack (taken while the JVM's own threads were still there):\n" + dump)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", nargs="?", type=int, default=500)
    parser.add_argument("--jar", default=os.path.join(ROOT, "cli", "target", "mquickjs-sandbox-cli.jar"))
    parser.add_argument("--code", default="1+2")
    parser.add_argument("--expect", default="3")
    parser.add_argument("--slow", type=float, default=5.0, help="inspect a run still going after this many seconds")
    parser.add_argument("--load", type=int, default=0, help="busy loops to run meanwhile")
    parser.add_argument("--report-dir", default=os.path.join(ROOT, "target", "cli-cold"))
    parser.add_argument("--every", type=int, default=25, help="progress every N runs")
    args = parser.parse_args()
    if not os.path.exists(args.jar):
        sys.exit(f"{args.jar} is missing: mvn -B -ntp -q package -DskipTests")

    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.load)]
    command = ["java", "-jar", args.jar, "-e", args.code]
    print(f"cli-cold: {args.runs} runs of {' '.join(command)}; load {loadavg()} at start;"
          f" {args.load} busy loops; {os.cpu_count()} CPUs", flush=True)
    totals, to_output, after_output, failures, slow_reports = [], [], [], [], []
    started = time.monotonic()
    try:
        for run in range(1, args.runs + 1):
            t0 = time.monotonic()
            p = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            inspector = Inspector(p.pid, run, t0, args.report_dir)
            timer = threading.Timer(args.slow, inspector.start)
            timer.start()
            line = p.stdout.readline()
            t1 = time.monotonic()
            p.wait()
            t2 = time.monotonic()
            timer.cancel()
            if inspector.is_alive():
                inspector.done.set()
                inspector.join()
                slow_reports.append(f"run {run}: {t2 - t0:.2f} s, {t2 - t1:.2f} s of it after the output: {inspector.path}")
            rest, err = p.communicate()
            if line.strip() != args.expect or p.returncode != 0:
                failures.append(f"run {run}: exit {p.returncode}, out {line.strip()!r}{rest.strip()!r}, err {err.strip()!r}")
            totals.append(t2 - t0)
            to_output.append(t1 - t0)
            after_output.append(t2 - t1)
            if run % args.every == 0 or run == args.runs:
                print(f"  {run:4d}/{args.runs}  median {statistics.median(totals):.3f} s  max {max(totals):.3f} s"
                      f"  this {t2 - t0:.3f} s  load {loadavg()}", flush=True)
    finally:
        for s in spinners:
            s.send_signal(signal.SIGTERM)
            s.wait()

    print(f"\ncli-cold: {len(totals)} runs in {time.monotonic() - started:.0f} s, load {loadavg()} at the end")
    print(f"  wall time      median {statistics.median(totals):.3f} s  p90 {percentile(totals, 90):.3f} s"
          f"  p99 {percentile(totals, 99):.3f} s  max {max(totals):.3f} s (run {totals.index(max(totals)) + 1})")
    print(f"  to output      median {statistics.median(to_output):.3f} s  max {max(to_output):.3f} s")
    print(f"  output to exit median {statistics.median(after_output):.3f} s  max {max(after_output):.3f} s")
    print(f"  runs over {args.slow:g} s: {sum(1 for t in totals if t >= args.slow)}")
    for r in slow_reports:
        print(f"    {r}")
    print(f"  failed runs: {len(failures)}")
    for f in failures[:20]:
        print(f"    {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
