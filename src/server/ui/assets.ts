import { createHash } from 'node:crypto';
import { UI_SCRIPT } from './client.js';
import { UI_STYLES } from './styles.js';

/** The UI's static files, kept in memory; their ETag is a hash of the content, so a new build invalidates them. */
export interface Asset {
  path: string;
  type: string;
  body: string;
  etag: string;
}

const asset = (path: string, type: string, body: string): Asset => ({ path, type, body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` });

export const ASSETS = {
  css: asset('/ui/assets/ui.css', 'text/css; charset=utf-8', UI_STYLES),
  js: asset('/ui/assets/ui.js', 'text/javascript; charset=utf-8', UI_SCRIPT),
} as const;
