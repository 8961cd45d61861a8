// `npm run bench`: every speed figure. Speed is measured here, never asserted in tests.
import { runSuites } from './suites.js';

await runSuites('bench', process.argv.slice(2));
