import { setFlagsFromString } from 'node:v8';

/**
 * Compile each regular expression once, to machine code. Called by the command line before a
 * command runs (not for `--help`), before any of the pipeline's expressions is compiled.
 *
 * V8 runs a regular expression's first match in its bytecode interpreter and compiles it to machine
 * code on the second ("tier-up"), so every expression run more than once is compiled twice. The
 * language layer's lexicon-built expressions are large (case-insensitive alternations of hundreds of
 * phrases with Unicode classes, up to 580 KB of bytecode), and for a one-shot `analyze` of the seed
 * story compiling them was 38% of the instructions of the whole process, half of it spent on the
 * bytecode and its peephole pass that the second run throws away. Without tier-up each expression is
 * compiled once. Matching is the same either way (one engine, two back ends). Not set for `--help`:
 * a changed flag makes V8 refuse Node's cached compilations of its own built-in modules, so those
 * loaded afterwards are parsed again (about 50 M instructions for `--help`, which compiles no
 * expression worth it).
 */
export function compileRegexesOnce(): void {
  setFlagsFromString('--no-regexp-tier-up');
}
