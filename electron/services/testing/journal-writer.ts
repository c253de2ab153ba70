/**
 * Child process for the recovery test: types a line every `stepMs` into a document and
 * records it in the journal, printing `edit N T` (T = ms since epoch) after each, until
 * killed. Usage: node journal-writer.mjs DIR DOC_PATH STEP_MS
 */
import { RecoveryJournal, journalKey } from '../recovery-journal';

const [dir, path, step] = process.argv.slice(2) as [string, string, string];
const journal = new RecoveryJournal(dir);
const meta = { path, name: 'episode.vtt' };
const key = journalKey(meta);
let text = 'WEBVTT\n';
let n = 0;
setInterval(() => {
  n++;
  text += `\n00:00:${String(n % 60).padStart(2, '0')}.000 --> 00:00:59.000\nedit ${n}\n`;
  journal.record(key, meta, text);
  process.stdout.write(`edit ${n} ${Date.now()}\n`);
}, Number(step));
