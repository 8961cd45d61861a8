import { Option, type Command } from 'commander';
import type { ReportFormat } from '../../report/index.js';
import { UserError } from '../errors.js';
import { addDbOption, openExisting, parsePositiveInt, safeLine } from './corpus-shared.js';

/** `crosscheck stories` and `crosscheck story ID`: reading the store. */
export function registerStories(program: Command): void {
  const list = program
    .command('stories')
    .description('list the stored stories, most recently updated first')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--limit <n>', 'at most this many stories', parsePositiveInt, 50)
    .option('--offset <n>', 'skip this many stories first', (v) => (v === '0' ? 0 : parsePositiveInt(v)), 0);
  addDbOption(list).action(async (flags: { db: string; format: 'text' | 'json'; limit: number; offset: number }) => {
    const store = await openExisting(flags.db);
    try {
      const stories = await store.listStories({ limit: flags.limit, offset: flags.offset });
      const total = await store.countStories();
      if (flags.format === 'json') {
        process.stdout.write(JSON.stringify({ total, stories }, null, 2) + '\n');
        return;
      }
      const lines = stories.map(
        (s) => `${s.id}  ${String(s.articleCount).padStart(4)} art.  ${s.updatedAt.slice(0, 16).replace('T', ' ')}  ${safeLine(s.title)}${s.outlets.length ? `  [${safeLine(s.outlets.join(', '))}]` : ''}`,
      );
      lines.push(`(${stories.length} of ${total} stories)`);
      process.stdout.write(lines.join('\n') + '\n');
    } finally {
      await store.close();
    }
  });

  const one = program
    .command('story')
    .description("a stored story's dossier, as analyze prints it")
    .argument('<id>', 'story id (as listed by crosscheck stories)')
    .addOption(new Option('--format <format>', 'output format').choices(['terminal', 'json', 'md', 'html']).default('terminal'));
  addDbOption(one).action(async (id: string, flags: { db: string; format: ReportFormat }) => {
    const [{ buildDossier }, { renderDossier }, { analyzeEach }, { fillStoredYears }] = await Promise.all([
      import('../../compare/dossier.js'),
      import('../../report/index.js'),
      import('../../nlp/analyze-each.js'),
      import('../../extract/stated-date.js'),
    ]);
    const store = await openExisting(flags.db);
    try {
      const live = (await store.story(id)) ? id : await store.resolveStory(id);
      if (!live) throw new UserError(`${id}: no such story`, 1);
      if (live !== id) process.stderr.write(`crosscheck: ${id}: merged into ${live}\n`);
      const records = await store.storyArticles(live);
      const { articles, analyze, problems } = analyzeEach(fillStoredYears(records));
      for (const p of problems) process.stderr.write(`crosscheck: ${p.origin}: ${p.reason}\n`);
      const dossier = buildDossier(articles, { analyze });
      process.stdout.write(renderDossier(dossier, flags.format, { color: flags.format === 'terminal' && !!process.stdout.isTTY, width: process.stdout.columns || 80 }));
    } finally {
      await store.close();
    }
  });
}
