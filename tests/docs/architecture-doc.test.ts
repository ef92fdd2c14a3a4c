import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandTableMarkdown, withCommandTable } from '../../src/use-cases/command-reference.js';
import { USE_CASES } from '../../src/use-cases/table.js';

const doc = readFileSync('docs/architecture.md', 'utf8');

describe('docs/architecture.md', () => {
  it('holds the command table exactly as the use-case table declares it (npm run docs:commands)', () => {
    expect(withCommandTable(doc, USE_CASES)).toBe(doc);
  });

  it('lists every use case with its who, where and audience', () => {
    const table = commandTableMarkdown(USE_CASES);
    for (const u of USE_CASES) {
      const row = table.split('\n').find((line) => line.includes(u.description));
      expect(row, u.name).toContain(`| ${u.who} | ${u.where} | ${u.answerTo} |`);
    }
  });

  it('is linked from the README', () => {
    expect(readFileSync('README.md', 'utf8')).toContain('docs/architecture.md');
  });
});
