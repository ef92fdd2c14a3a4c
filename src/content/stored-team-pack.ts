/**
 * A team pack as stored (its folder's files) read back into its pack and questions, by the same
 * reader an upload goes through: what was accepted on import reads the same way when the bank is built.
 */
import type { TeamPackRecord } from '../core/ports.js';
import type { Pack, Question } from '../core/types.js';
import { exportPack, readPackUpload, type UploadProblem } from './pack-upload/index.js';

const NOTHING_RESERVED = { reservedIds: new Set<string>(), reservedNumbers: new Set<number>() };

export type StoredPackResult =
  | { ok: true; pack: Pack; questions: Question[] }
  | { ok: false; problems: UploadProblem[] };

export function readStoredPack(record: Pick<TeamPackRecord, 'packId' | 'name' | 'files'>): StoredPackResult {
  // exportPack reads only the id of the pack; the rest comes back from pack.yml.
  const named: Pack = {
    id: record.packId,
    name: record.name,
    description: '',
    version: '',
    license: '',
    source: '',
    topics: [],
  };
  const file = exportPack(record.files, named);
  const read = readPackUpload(file.fileName, file.bytes, NOTHING_RESERVED);
  return read.ok ? { ok: true, pack: read.pack, questions: read.questions } : read;
}
