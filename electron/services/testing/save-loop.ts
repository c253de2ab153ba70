/**
 * Child process for the kill test: saves content A and B alternately to one file with
 * the app's atomic writer, forever, until killed. Prints "saved" after the first save.
 * Usage: node save-loop.mjs TARGET A_FILE B_FILE
 */
import { readFileSync } from 'node:fs';
import { writeTranscriptFile } from '../transcript-file';

const [target, aFile, bFile] = process.argv.slice(2) as [string, string, string];
const contents = [readFileSync(aFile, 'utf8'), readFileSync(bFile, 'utf8')];
let n = 0;
for (;;) {
  await writeTranscriptFile(target, contents[n % 2]!, 'utf-8');
  if (n++ === 0) process.stdout.write('saved\n');
}
