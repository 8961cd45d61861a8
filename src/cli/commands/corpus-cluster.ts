import { Option, type Command } from 'commander';
import { addInputOptions, loadArticles, readOptionsFrom, type InputFlags } from '../load-inputs.js';
import { safeLine } from './corpus-shared.js';

interface ClusterFlags extends InputFlags {
  format: 'json' | 'text';
}

/** `crosscheck cluster INPUT...`: the store's clustering over a batch, without a store. */
export function registerCluster(program: Command): void {
  const cmd = program
    .command('cluster')
    .description('group articles into stories (the same clustering as ingest, without a store)')
    .argument('<inputs...>', 'files, directories, feeds, JSONL, URLs or - for stdin')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text']).default('text'));
  addInputOptions(cmd).action(async (inputs: string[], flags: ClusterFlags) => {
    const articles = await loadArticles(inputs, readOptionsFrom(flags));
    const { clusterArticles } = await import('../../cluster/index.js');
    // In the order ingest would store them (inputs as given, directories sorted), so each story gets
    // the id `ingest` gives it.
    const { stories, merges, splits } = clusterArticles(articles, { order: 'input' });
    if (flags.format === 'json') {
      process.stdout.write(JSON.stringify({ stories, merges, splits }, null, 2) + '\n');
      return;
    }
    const lines: string[] = [];
    for (const s of stories) {
      lines.push(`${s.id}  ${safeLine(s.title)}  (${s.articles.length} ${s.articles.length === 1 ? 'article' : 'articles'})`);
      for (const a of s.articles) lines.push(`  ${safeLine(a)}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
  });
}
