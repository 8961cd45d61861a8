import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder until this command's issue lands: fails loudly rather than pretending to work.
export function registerQuotes(program: Command): void {
  program
    .command('quotes')
    .description('(not yet implemented)')
    .argument('<inputs...>')
    .action(() => {
      throw new UserError('quotes is not implemented yet');
    });
}
