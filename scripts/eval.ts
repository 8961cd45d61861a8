// `npm run eval`: every quality figure, measured on real data written by others (../shared/eval).
import { runSuites } from './suites.js';

await runSuites('eval', process.argv.slice(2));
