/**
 * A team's pack as sent in chat (issue 14): a .zip of a pack folder or one .md file holding the
 * whole pack (docs/pack-file-format.md), read and checked. All or nothing: either the pack, its
 * questions and its normalised folder, or every problem with its file and line.
 */
import { checkPackFiles } from './check-pack-files.js';
import { readPackMarkdown } from './read-pack-markdown.js';
import { readPackZip } from './read-pack-zip.js';
import { PACK_UPLOAD_LIMITS, shownSize } from './upload-limits.js';
import type { PackSourceResult, PackUploadContext, PackUploadResult } from './upload-types.js';

const refused = (file: string, message: string): PackUploadResult => ({
  ok: false,
  problems: [{ file, message }],
});

/** The problems a reply lists, and a last line saying the rest were not listed (or not checked). */
function listed(result: PackUploadResult, file: string): PackUploadResult {
  const limit = PACK_UPLOAD_LIMITS.problems;
  if (result.ok || result.problems.length <= limit) return result;
  const more = { file, message: `stopped after ${limit} problems: fix these and send the pack again` };
  return { ok: false, problems: [...result.problems.slice(0, limit), more] };
}

export function readPackUpload(
  fileName: string,
  bytes: Uint8Array,
  context: PackUploadContext,
): PackUploadResult {
  // Chat gives a bare name; anything before a slash is not the upload's to say.
  const name = fileName.split(/[\\/]/).pop() || 'upload';
  if (bytes.length > PACK_UPLOAD_LIMITS.uploadBytes) {
    return refused(
      name,
      `the file is ${shownSize(bytes.length)}; a pack upload may be at most ${shownSize(PACK_UPLOAD_LIMITS.uploadBytes)}`,
    );
  }
  if (bytes.length === 0) return refused(name, 'the file is empty');
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  let source: PackSourceResult;
  if (extension === 'zip') source = readPackZip(name, bytes);
  else if (extension === 'md') source = readPackMarkdown(name, bytes);
  else {
    return refused(
      name,
      'a pack comes as a .zip of its folder (pack.yml and the question files) or as one .md file ' +
        '(see docs/pack-file-format.md)',
    );
  }
  return listed(source.ok ? checkPackFiles(source.source, name, context) : source, name);
}
