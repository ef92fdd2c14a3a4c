/** Team packs as files (issue 14): what the pack commands import from this folder. */
export { exportPack } from './export-pack.js';
export { readPackUpload } from './read-pack-upload.js';
export { PACK_UPLOAD_LIMITS } from './upload-limits.js';
export type { PackFiles, PackUploadContext, PackUploadResult, UploadProblem } from './upload-types.js';
