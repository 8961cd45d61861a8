import type { Command } from 'commander';
import { UserError } from '../errors.js';

// Placeholder until this command's issue lands: fails loudly rather than pretending to work.
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('(not yet implemented)')
    .argument('<inputs...>')
    .action(() => {
      throw new UserError('extract is not implemented yet');
    });
}
