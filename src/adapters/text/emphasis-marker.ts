/**
 * Text between emphasis markers (`**`, `*`, `_`, `~`): chat apps do not read `** bold**` as bold,
 * so spaces just inside the markers move outside them. Empty text gets no markers.
 */
export function betweenMarkers(marker: string, inner: string): string {
  const body = inner.trim();
  if (!body) return inner;
  const lead = inner.slice(0, inner.length - inner.trimStart().length);
  const trail = inner.slice(inner.trimEnd().length);
  return `${lead}${marker}${body}${marker}${trail}`;
}
