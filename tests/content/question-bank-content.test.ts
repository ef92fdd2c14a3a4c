import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/content/load-packs.js';

const PACK_DIR = 'content/python';

describe('the Python question bank', () => {
  const { packs, questions, problems } = readContent('content');

  it('loads with no problems: 40 questions in the python pack', () => {
    expect(problems).toEqual([]);
    expect(packs.map((p) => p.id)).toEqual(['python']);
    expect(questions).toHaveLength(40);
  });

  it("keeps the seed's order: numbers 1 to 40, one file each, named NN-<id>.md", () => {
    const files = readdirSync(PACK_DIR)
      .filter((f) => f.endsWith('.md'))
      .sort();
    expect(files).toHaveLength(40);
    questions.forEach((q, i) => {
      expect(q.number).toBe(i + 1);
      expect(files[i]).toBe(`${String(q.number).padStart(2, '0')}-${q.id}.md`);
    });
  });

  it('gives every question an answer, 3 to 7 key points and a known topic and difficulty', () => {
    for (const q of questions) {
      expect(q.answer.length, q.id).toBeGreaterThan(200);
      expect(q.keyPoints.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.keyPoints.length, q.id).toBeLessThanOrEqual(7);
    }
  });

  it('answers monkey patching (the seed left it empty) and shows the closure example it refers to', () => {
    const monkey = questions.find((q) => q.number === 5)!;
    expect(monkey.answer).toMatch(/runtime/i);
    expect(monkey.example).toMatch(/```python/);
    const closures = questions.find((q) => q.number === 8)!;
    expect(`${closures.answer}\n${closures.example}`).toMatch(/def outer/);
    expect(`${closures.answer}\n${closures.example}`).toMatch(/def inner/);
  });

  it('has only valid Python in every ```python block (parsed by python3 ast)', () => {
    const blocks: { file: string; code: string }[] = [];
    for (const file of readdirSync(PACK_DIR).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(PACK_DIR, file), 'utf8');
      for (const m of text.matchAll(/```python\n([\s\S]*?)```/g)) blocks.push({ file, code: m[1]! });
    }
    expect(blocks.length).toBeGreaterThanOrEqual(40);
    const checker = [
      'import ast, json, sys',
      'bad = []',
      'for b in json.load(sys.stdin):',
      '    try:',
      '        ast.parse(b["code"])',
      '    except SyntaxError as e:',
      '        bad.append(f\'{b["file"]}: line {e.lineno}: {e.msg}\')',
      'print(json.dumps(bad))',
    ].join('\n');
    const out = execFileSync('python3', ['-c', checker], { input: JSON.stringify(blocks), encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([]);
  });
});
