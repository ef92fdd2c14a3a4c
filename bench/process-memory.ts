import { readFileSync } from 'node:fs';

/** Resident set size of a process in MB, from /proc/<pid>/status (VmRSS). */
export function residentMegabytes(pid: number | 'self' = 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}
