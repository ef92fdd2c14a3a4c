import { z } from 'zod';
import type { Pack } from '../core/types.js';
import { issueText, parseLocatedYaml } from './yaml-lines.js';

/**
 * SPDX ids this check knows. A small embedded list, not the whole SPDX registry: a real SPDX id
 * missing here is added here, in the same change as the pack that needs it.
 */
export const KNOWN_LICENSES: readonly string[] = [
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC-BY-NC-4.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-ND-4.0',
  'CC-BY-NC-ND-4.0',
  'CC-BY-3.0',
  'CC-BY-SA-3.0',
  'CC0-1.0',
  'MIT',
  'MIT-0',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'ISC',
  'MPL-2.0',
  'GPL-2.0-only',
  'GPL-2.0-or-later',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
  'GFDL-1.3-only',
  'GFDL-1.3-or-later',
  'Unlicense',
  'Zlib',
  'PSF-2.0',
];

/** The ones an unknown licence's message names. */
const COMMON_LICENSES = [
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC0-1.0',
  'MIT',
  'Apache-2.0',
  'BSD-3-Clause',
  'MPL-2.0',
];

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
/** semver.org's own pattern. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

const isHttpUrl = (s: string) => {
  try {
    const url = new URL(s);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
};

/** The shape of pack.yml; the licence list and the attribution rule are checked after it. */
export const packSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).max(500),
  version: z.string().regex(SEMVER),
  license: z.string().trim().min(1),
  source: z
    .string()
    .trim()
    .refine((s) => s === 'original' || isHttpUrl(s), 'source must be an http(s) URL or "original"'),
  attribution: z.string().trim().min(1).max(300).optional(),
  topics: z
    .array(z.string().regex(SLUG, 'topics are lowercase slugs (a-z, 0-9, -)'))
    .min(1, 'topics lists at least one topic slug'),
  /** The pack's id: required in an upload, which has no folder name to go by (see parsePackFile). */
  id: z.string().max(64).regex(SLUG, 'id must be a lowercase slug (a-z, 0-9, -)').optional(),
});

export const PACK_KEYS = Object.keys(packSchema.shape).join(', ');

/**
 * pack.yml's text checked. `folder` is the pack folder's name, which is the pack's id (an `id:` in
 * pack.yml must repeat it); null for an uploaded pack, whose pack.yml must name its id.
 * Problems are one line each, with a line where one fits.
 */
export function parsePackFile(
  text: string,
  folder: string | null,
): { pack: Pack | null; problems: string[] } {
  const found: { line: number | null; message: string }[] = [];
  const at = (line: number | null, message: string) => found.push({ line, message });
  const problems = () => [
    ...new Set(
      found
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
        .map((p) => (p.line === null ? p.message : `line ${p.line}: ${p.message}`)),
    ),
  ];
  const yaml = parseLocatedYaml(text.replace(/\r\n?/g, '\n'), 1);
  if (yaml.error) return { pack: null, problems: [yaml.error] };
  const data = yaml.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { pack: null, problems: [`pack.yml must be a YAML mapping with ${PACK_KEYS}`] };
  }
  const parsed = packSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          at(yaml.lineOf([key], true), `unknown key "${key}" (keys: ${PACK_KEYS})`);
        continue;
      }
      const key = issue.path[0];
      if (key !== undefined && !(String(key) in data)) at(null, `missing "${String(key)}"`);
      else if (key === 'version') at(yaml.lineOf(['version']), 'version must be semver, such as 1.0.0');
      else at(yaml.lineOf(issue.path), issueText(issue, data));
    }
  }
  // The rules the schema cannot say, on whatever is there, so one run reports everything.
  const raw = data as Record<string, unknown>;
  const license = typeof raw.license === 'string' ? raw.license.trim() : '';
  if (license && !KNOWN_LICENSES.includes(license)) {
    const near = KNOWN_LICENSES.find((l) => l.toLowerCase() === license.toLowerCase());
    at(
      yaml.lineOf(['license']),
      near
        ? `license "${license}": SPDX ids are written "${near}"`
        : `license "${license}" is not in this check's short list of SPDX ids ` +
            `(${COMMON_LICENSES.join(', ')}, …); a real SPDX id missing from it can be added`,
    );
  }
  const attribution = typeof raw.attribution === 'string' ? raw.attribution.trim() : '';
  if (license.startsWith('CC-BY') && !attribution) {
    at(yaml.lineOf(['license']), `license ${license} asks for attribution: add an "attribution:" line`);
  }
  if (Array.isArray(raw.topics)) {
    const seen = new Set<unknown>();
    raw.topics.forEach((topic, i) => {
      if (seen.has(topic)) at(yaml.lineOf(['topics', i]), `topic "${String(topic)}" is listed twice`);
      seen.add(topic);
    });
  }
  const declared = typeof raw.id === 'string' ? raw.id : undefined;
  if (folder === null && !('id' in raw))
    at(null, 'missing "id" (an uploaded pack names its id: a lowercase slug)');
  if (folder !== null && declared !== undefined && declared !== folder) {
    at(
      yaml.lineOf(['id']),
      `id "${declared}" differs from the folder name "${folder}", which is this pack's id`,
    );
  }
  if (!parsed.success || found.length > 0) return { pack: null, problems: problems() };
  const { attribution: credit, id: named, ...meta } = parsed.data;
  // An upload without `id:` was reported above, so `named` is there when `folder` is null.
  const id = folder ?? named!;
  return { pack: { id, ...meta, ...(credit ? { attribution: credit } : {}) }, problems: [] };
}
