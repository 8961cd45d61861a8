import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder until this command's issue lands: fails loudly rather than pretending to work.
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('(not yet implemented)')
    .argument('<inputs...>')
    .action(() => {
      throw new UserError('analyze is not implemented yet');
    });
}
