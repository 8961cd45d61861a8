import { extractHtml, type HtmlResult } from './html.js';

// The worker side of the extraction pool (src/extract/pool.ts): one page per task. Any exception is
// this page's reason, so the worker itself never dies of a bad page.

export interface ExtractTask {
  html: string;
  pageUrl: string | null;
}

export default function extractTask(task: ExtractTask): HtmlResult {
  try {
    return extractHtml(task.html, task.pageUrl);
  } catch (e) {
    return { ok: false, reason: `cannot extract the HTML (${e instanceof RangeError ? 'structure too deep' : (e as Error).message})` };
  }
}
