import { StoreError } from '../../../common/errors.ts';

/**
 * The print view's snapshot is the HTML export: styles inline, charts as data: images, no script.
 * This is the last check before it is written: anything that would run or fetch is refused.
 */
export function assertSelfContained(html: string): string {
  // Text the user wrote is escaped (no raw "<" in it), so tags and styles are all that is checked.
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  const styles = (html.match(/<style[^>]*>[\s\S]*?<\/style>/gi) ?? []).join('\n');
  const problems: [boolean, string][] = [
    [/<script\b/i.test(html), 'a script'],
    [tags.some((tag) => /\son[a-z]+\s*=/i.test(tag)), 'an event handler attribute'],
    [
      tags.some((tag) => /\s(?:src|href|action|srcset)\s*=\s*["']?\s*(?:https?:|\/\/|file:|javascript:)/i.test(tag)),
      'a link to outside content',
    ],
    [/url\(\s*["']?\s*(?:https?:|\/\/|file:)/i.test(styles), 'an outside URL in its styles'],
    [tags.some((tag) => /^<link\b/i.test(tag)), 'an external stylesheet'],
  ];
  for (const [found, what] of problems) {
    if (found) throw new StoreError('save-failed', `The HTML export would contain ${what}, so it was not written.`);
  }
  return html;
}
