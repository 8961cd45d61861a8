import { setFlagsFromString } from 'node:v8';

/**
 * V8's default for how much bytecode a function runs between two checks of whether it is hot
 * (V8 11.3, Node 20: 67,584), multiplied by OPTIMISE_LATER_FACTOR below.
 */
const V8_DEFAULT_INTERRUPT_BUDGET = 67_584;
/**
 * How much longer a function runs in the interpreter and the baseline compiler before TurboFan
 * optimises it. Measured on a one-shot `analyze` of the seed story (issue 15): TurboFan was 17% of
 * the process's instructions (on a background thread, but CPU all the same), mostly for functions
 * that ran a few hundred times and were done before their optimised code paid off. With four
 * times the budget the process took about 10% less CPU (x2 about half that, x8 and x16 no more).
 * A function that stays hot is still optimised, only a few ticks later: the extra cost is a fixed
 * amount of interpreted bytecode per function, which a long run (a big story, the server) does not
 * notice.
 */
const OPTIMISE_LATER_FACTOR = 4;

/**
 * Tunes V8 for a command that is about to run. Called by the command line before the command's
 * work starts (not for `--help`), before any of the pipeline's expressions is compiled.
 *
 * Regular expressions are compiled once, to machine code: V8 runs a regular expression's first
 * match in its bytecode interpreter and compiles it to machine code on the second ("tier-up"), so
 * every expression run more than once is compiled twice. The language layer's lexicon-built
 * expressions are large (case-insensitive alternations of hundreds of phrases with Unicode classes,
 * up to 580 KB of bytecode), and for a one-shot `analyze` of the seed story compiling them was 38% of
 * the instructions of the whole process, half of it spent on the bytecode and its peephole pass that
 * the second run throws away. Without tier-up each expression is compiled once. Matching is the
 * same either way (one engine, two back ends).
 *
 * Functions are optimised later (OPTIMISE_LATER_FACTOR). Neither flag changes what the code computes.
 *
 * Not set for `--help`: a changed flag makes V8 refuse Node's cached compilations of its own
 * built-in modules, so those loaded afterwards are parsed again (about 50 M instructions for
 * `--help`, which compiles no expression worth it).
 */
export function tuneForCommand(): void {
  setFlagsFromString('--no-regexp-tier-up');
  setFlagsFromString(`--interrupt-budget=${V8_DEFAULT_INTERRUPT_BUDGET * OPTIMISE_LATER_FACTOR}`);
}
