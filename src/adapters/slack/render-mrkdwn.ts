/**
 * Slack reads & < > as markup in every text. Everything we show is escaped first, typed or stored,
 * so no text becomes a live mention or link. Question Markdown is turned into mrkdwn by
 * render-markdown.ts; this is for everything else (names, what people wrote, titles).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
