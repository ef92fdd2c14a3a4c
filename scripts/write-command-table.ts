/** npm run docs:commands: rewrites the command table in docs/architecture.md from the use-case table. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withCommandTable } from '../src/use-cases/command-reference.js';
import { USE_CASES } from '../src/use-cases/table.js';

const path = new URL('../docs/architecture.md', import.meta.url);
writeFileSync(path, withCommandTable(readFileSync(path, 'utf8'), USE_CASES));
console.log('docs/architecture.md: command table written');
