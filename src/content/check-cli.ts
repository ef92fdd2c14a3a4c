/** npm run content:check [dir]: a content root or one pack folder; one line per problem, exit 1 when there is any. */
import { readContent } from './load-packs.js';

const dir = process.argv[2] ?? './content';
const { packs, questions, problems } = readContent(dir);
for (const p of problems) console.error(`${p.file}: ${p.message}`);
if (problems.length > 0) {
  console.error(`content:check: ${problems.length} problem(s) in ${dir}`);
  process.exit(1);
}
console.log(`content:check: ${questions.length} questions in ${packs.length} pack(s) under ${dir}: ok`);
