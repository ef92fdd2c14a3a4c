const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes of an uploaded text file as the parsers read it: UTF-8 (its byte-order mark dropped),
 * LF line ends. Null when the bytes are not UTF-8 text (a NUL means a binary file).
 */
export function decodeUploadText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return null;
  }
  if (text.includes('\u0000')) return null;
  return text.replace(/\r\n?/g, '\n');
}
