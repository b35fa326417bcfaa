/**
 * CPU time (user + system, seconds) from /proc, to see who used the two
 * cores during a run: the app server (every process under the one the bench
 * started: with `--workers N` the tsx launcher, the cluster primary and its
 * N app processes), PostgreSQL and the load generator itself. The server's
 * resident memory is summed over the same processes.
 */
import fs from "node:fs";
import os from "node:os";

const TICK = 100; // USER_HZ on Linux

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  cpu: number;
}

function processes(): Proc[] {
  const list: Proc[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      // utime + stime, plus cutime + cstime: the CPU of children that have ended (an app process that died and was replaced).
      list.push({ pid: Number(entry), ppid: Number(fields[1]), comm, cpu: (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICK });
    } catch {
      // the process ended while we looked
    }
  }
  return list;
}

export interface CpuSnapshot {
  server: number;
  postgres: number;
  benchProcess: number;
  /** Whole machine, busy seconds across all cores (from /proc/stat). */
  machineBusy: number;
  at: number;
}

function machineBusy(): number {
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return (cpu.reduce((s, x) => s + x, 0) - idle) / TICK;
}

/** `rootPid` and every process descended from it. */
function treeOf(all: readonly Proc[], rootPid: number): Set<number> {
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (!tree.has(p.pid) && tree.has(p.ppid)) (tree.add(p.pid), (grew = true));
  }
  return tree;
}

/**
 * Resident memory (VmRSS, KiB) of the server: the process the bench started
 * and all its descendants, summed. Pages the processes share (Node's own
 * code) count once per process, so with several processes this is an upper bound.
 */
export function serverRssKiB(serverPid: number): { kib: number; processes: number } {
  const tree = treeOf(processes(), serverPid);
  let kib = 0;
  for (const pid of tree) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return { kib, processes: tree.size };
}

export function cpuSnapshot(serverPid: number): CpuSnapshot {
  const all = processes();
  const tree = treeOf(all, serverPid);
  const usage = process.cpuUsage();
  return {
    server: all.filter((p) => tree.has(p.pid)).reduce((s, p) => s + p.cpu, 0),
    postgres: all.filter((p) => p.comm === "postgres").reduce((s, p) => s + p.cpu, 0),
    benchProcess: (usage.user + usage.system) / 1e6,
    machineBusy: machineBusy(),
    at: performance.now(),
  };
}

/** Cores' worth of CPU each party used between two snapshots (1.0 = one core busy all the time). */
export function coresUsed(before: CpuSnapshot, after: CpuSnapshot) {
  const seconds = (after.at - before.at) / 1000;
  const per = (k: "server" | "postgres" | "benchProcess" | "machineBusy") => Math.round(((after[k] - before[k]) / seconds) * 100) / 100;
  const machine = per("machineBusy");
  const known = per("server") + per("postgres") + per("benchProcess");
  return { server: per("server"), postgres: per("postgres"), loadGenerator: per("benchProcess"), machine, other: Math.max(0, Math.round((machine - known) * 100) / 100), cores: os.cpus().length };
}
