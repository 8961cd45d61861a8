/**
 * HTML escaping for untrusted article text and metadata. Everything that came from an input passes
 * through `html()` (element content) or `attr()` (attribute values, always double-quoted), which also
 * neutralise control and bidirectional-override characters so text cannot visually reorder the page.
 */
import { neutralise } from '../text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five HTML-significant characters; safe in element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Untrusted text for element content: controls and bidi overrides neutralised, then escaped. */
export function html(text: string): string {
  return escapeHtml(neutralise(text));
}

/** Untrusted text for a double-quoted attribute value: one line, neutralised, escaped. */
export function attr(text: string): string {
  return escapeHtml(neutralise(text).replace(/\s+/g, ' '));
}
