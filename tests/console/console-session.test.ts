import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'drill-console-'));

/** Runs what `npm start` runs (node scripts/start.mjs) with a script on stdin, as a newcomer would pipe it. */
function runConsole(
  script: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(SLACK_|DISCORD_|DATABASE_URL|LOG_LEVEL|CI)/.test(k)),
  );
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...clean, DRILL_DATA_DIR: dataDir, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  child.stdin.end(script);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

describe('the console (npm start with no platform tokens)', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('shows a question, reveals, grades nailed, and the week board lists the user with 3 points', async () => {
    const { code, out } = await runConsole(
      [
        '/drill ask gil',
        'answer only one thread runs bytecode at a time',
        'reveal',
        'grade nailed',
        '/drill leaderboard week',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(out).toMatch(/Today's question \(\d{4}-\d{2}-\d{2}\): #\d+/);
    expect(out).toMatch(/Question: #1 What is the Global Interpreter Lock/);
    expect(out).toMatch(/Model answer — #1/);
    expect(out).toMatch(/Your answer:\nonly one thread runs bytecode at a time/);
    expect(out).toMatch(/Nailed it: \+3 points/);
    expect(out).toMatch(/🥇 {2}1\. \S+ +3 pts {2}← you/);
  });

  it('keeps the points across runs (data persists in DRILL_DATA_DIR)', async () => {
    const { code, out } = await runConsole('/drill leaderboard week\n/drill stats\n');
    expect(code).toBe(0);
    expect(out).toMatch(/🥇 {2}1\. \S+ +3 pts/);
    expect(out).toMatch(/Points: 3/);
  });

  it('answers unknown input with a one-line hint and never a stack trace', async () => {
    const { code, out, err } = await runConsole(
      'frobnicate\n/drill nonsense\ngrade brilliant\nreveal\nquit\n/drill today\n',
    );
    expect(code).toBe(0);
    expect(out).toMatch(/Unknown input "frobnicate"\. Try:/);
    expect(out).toMatch(/Unknown command "nonsense"/);
    expect(out).toMatch(/Grade with: grade nailed/);
    expect(`${out}${err}`).not.toMatch(/\n\s+at /);
  });

  it('refuses a broken configuration with one line naming the variable', async () => {
    const { code, err } = await runConsole('', { PORT: 'eighty' });
    expect(code).toBe(1);
    expect(err.trim()).toBe('Configuration error: PORT: must be a port number (0-65535)');
  });

  it('refuses a broken question bank, naming the file, and leaves a new data dir that opens next time', async () => {
    const freshData = mkdtempSync(join(tmpdir(), 'drill-console-fresh-'));
    const brokenContent = mkdtempSync(join(tmpdir(), 'drill-content-'));
    try {
      cpSync('content', brokenContent, { recursive: true });
      writeFileSync(join(brokenContent, 'python', '01-gil.md'), 'no front matter at all\n');
      const refused = await runConsole('', { CONTENT_DIR: brokenContent, DRILL_DATA_DIR: freshData });
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/question bank .* has problems/);
      expect(refused.err).toMatch(/01-gil\.md/);
      // The database was opening meanwhile: the next start must still open that data dir.
      const next = await runConsole('/drill ask gil\n', { DRILL_DATA_DIR: freshData });
      expect(next.code).toBe(0);
      expect(next.out).toMatch(/Global Interpreter Lock|GIL/);
    } finally {
      rmSync(freshData, { recursive: true, force: true });
      rmSync(brokenContent, { recursive: true, force: true });
    }
  });
});
