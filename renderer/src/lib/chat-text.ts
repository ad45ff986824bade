/**
 * A line of Markdown as plain words, for a one-line preview: links keep their text, and emphasis,
 * code, heading and quote marks go. Underscores inside words (snake_case) stay.
 */
export function plainPreview(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|`|~~)/g, '')
    .replace(/(^|\s)_(\S)/g, '$1$2')
    .replace(/(\S)_(\s|$)/g, '$1$2')
    .replace(/(^|\n)\s*(#{1,6}|>|[-+] )\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
