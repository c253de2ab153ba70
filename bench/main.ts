/**
 * `npm run bench`: runs every registered benchmark in this process and prints one line
 * per figure (see report.ts). `npm run bench -- NAME...` runs only those benchmarks.
 */
import { formatResult, type Benchmark } from './report';
import { benchmarks } from './registry';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected: Benchmark[] = only.length ? benchmarks.filter((b) => only.includes(b.name)) : benchmarks;
if (selected.length === 0) {
  console.error(`no benchmark named ${only.join(', ')}; have: ${benchmarks.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
for (const b of selected) {
  console.log(`# ${b.name}`);
  const results = await b.run();
  for (const r of results) console.log(formatResult(r));
}
