import { describe, expect, it } from 'vitest';
import { alignedTable, fitColumns, PHONE_COLUMNS } from '../../src/adapters/text/table-layout.js';
import { wrapWords } from '../../src/adapters/text/wrap-words.js';

const header = ['Aspect', 'Normal class', 'Metaclass'];
const rows = [
  ['Creates', 'Instances', 'Classes'],
  ['Typical hooks', '__init__, __repr__, regular methods', '__new__, __init__, __call__, __prepare__'],
];

describe('wrapping words', () => {
  it('breaks between words and cuts only a word wider than the line', () => {
    expect(wrapWords('a metaclass creates classes', 12)).toEqual(['a metaclass', 'creates', 'classes']);
    expect(wrapWords('__pycache__/next', 6)).toEqual(['__pyca', 'che__/', 'next']);
    expect(wrapWords('', 10)).toEqual(['']);
  });
});

describe('fitting table columns to a width', () => {
  it('keeps natural widths when they fit', () => {
    expect(fitColumns([header, rows[0]!], 80)).toEqual([7, 12, 9]);
  });

  it('narrows the widest columns first and keeps words whole while it can', () => {
    const widths = fitColumns([header, ...rows], 36);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(36);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual('Metaclass'.length);
  });
});

describe('an aligned monospace table', () => {
  it('lines up the columns under a rule when everything fits', () => {
    expect(alignedTable(header, [rows[0]!], [null, null, null], 80)).toEqual([
      'Aspect   Normal class  Metaclass',
      '───────  ────────────  ─────────',
      'Creates  Instances     Classes',
    ]);
  });

  it('fits a phone: no line wider than 40 columns, long cells wrapped, rows a blank line apart', () => {
    const lines = alignedTable(header, rows, [null, null, null], PHONE_COLUMNS);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(PHONE_COLUMNS);
    expect(lines[2]).toMatch(/^Creates\s+Instances\s+Classes$/);
    expect(lines[3]).toBe('');
    // Every word of every cell is there, in order down each column.
    const words = lines.join(' ').split(/\s+/);
    for (const word of ['__init__,', '__repr__,', 'regular', 'methods', '__prepare__'])
      expect(words).toContain(word);
  });

  it('aligns right and centre as the table asks', () => {
    const lines = alignedTable(
      ['n', 'name', 'mid'],
      [
        ['1', 'a', 'x'],
        ['100', 'abc', 'xyz'],
      ],
      ['right', 'left', 'center'],
      80,
    );
    expect(lines[2]).toBe('  1  a      x');
    expect(lines[3]).toBe('100  abc   xyz');
  });
});
