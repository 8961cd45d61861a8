import { setFlagsFromString } from 'node:v8';

// Imported first by the command line (main.ts), before any module that compiles a regular expression.
//
// V8 runs a regular expression's first match in its bytecode interpreter and compiles it to machine
// code on the second ("tier-up"), so every expression run more than once is compiled twice. The
// language layer's lexicon-built expressions are large (case-insensitive alternations of hundreds of
// phrases with Unicode classes, up to 580 KB of bytecode), and for a one-shot `analyze` of the seed
// story compiling them was 38% of the instructions of the whole process, half of it spent on the
// bytecode and its peephole pass that the second run throws away. Without tier-up each expression is
// compiled once, to machine code. Matching is the same either way (one engine, two back ends).
setFlagsFromString('--no-regexp-tier-up');
