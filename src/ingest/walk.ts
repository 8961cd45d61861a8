import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { extensionOf, kindFromName } from './input-kind.js';

// Expands a directory into the files crosscheck reads, recursively and in sorted order (so runs are
// deterministic), saying what was passed over and why.

/** Project documents that sit beside articles in a folder (a story's README) and are not articles. */
// eslint-disable-next-line security/detect-unsafe-regex -- applied to a short value (a flag, a name, a date string, an address), never to article text (a file name)
const NOT_ARTICLES = /^(?:readme|license|licence|changelog|contributing|notice|copying)(?:\.[\w.]+)?$/i;

export interface WalkResult {
  files: string[];
  skipped: { origin: string; reason: string }[];
}

export async function walkDirectory(dir: string): Promise<WalkResult> {
  const out: WalkResult = { files: [], skipped: [] };
  // Real paths of the directories entered, so a symbolic link back up the tree is not followed forever.
  const entered = new Set<string>();
  const visit = async (path: string): Promise<void> => {
    const real = await realpath(path).catch(() => path);
    if (entered.has(real)) {
      out.skipped.push({ origin: path, reason: 'directory already read (a symbolic link loop)' });
      return;
    }
    entered.add(real);
    let names: string[];
    try {
      names = (await readdir(path)).sort();
    } catch (e) {
      out.skipped.push({ origin: path, reason: `cannot read directory (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    for (const name of names) {
      const child = join(path, name);
      let isDir: boolean;
      try {
        isDir = (await stat(child)).isDirectory();
      } catch (e) {
        out.skipped.push({ origin: child, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
        continue;
      }
      if (name.startsWith('.')) {
        out.skipped.push({ origin: child, reason: isDir ? 'hidden directory' : 'hidden file' });
        continue;
      }
      if (isDir) await visit(child);
      else if (NOT_ARTICLES.test(name)) out.skipped.push({ origin: child, reason: 'a README or licence file, not an article' });
      else if (kindFromName(name) === null) out.skipped.push({ origin: child, reason: `unsupported file type ${extensionOf(name)}` });
      else out.files.push(child);
    }
  };
  await visit(dir);
  return out;
}
