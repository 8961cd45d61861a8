// Peak RSS of reading inputs alone (no store): node --import tsx scripts/bench/_read-rss.ts <inputs...>
// Prints one JSON line: articles and problems read, peak RSS in MB.
import { streamInputs } from '../../src/ingest/index.js';

let articles = 0;
let problems = 0;
for await (const item of streamInputs(process.argv.slice(2))) {
  if ('article' in item) articles++;
  else problems++;
}
console.log(JSON.stringify({ articles, problems, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
