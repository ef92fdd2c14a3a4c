/**
 * `npm start`: runs src/main.ts as JavaScript. The TypeScript loader (tsx)
 * cost half a second of every start on a 2-core machine, on a path where the
 * bot answers nothing yet; esbuild turns src/ into JavaScript in about 0.2 s,
 * once, and again only when a file under src/ or drizzle/ changes.
 *
 * The build goes to node_modules/.cache/interview-drill/<fingerprint>/ with
 * the layout of the repository (src/…, drizzle/), so paths the code resolves
 * from its own file (the migrations, the PGlite worker) hold there too. Two
 * starts at once build side by side and the first to finish is kept; a
 * running bot never sees its files replaced. Where the cache cannot be
 * written (a read-only install), the bot runs through tsx as before.
 *
 * `node scripts/start.mjs --build` only builds (the Docker image does it at
 * build time, as root).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules', '.cache', 'interview-drill');
/** Older builds kept besides the current one (another process may still be running one). */
const KEEP_OLD_BUILDS = 2;

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/** Names, sizes and modification times of every input, and the tool versions: a change to any is a new build. */
function fingerprintOf(inputs, esbuildVersion) {
  const hash = createHash('sha256').update(`${process.version} esbuild ${esbuildVersion}\n`);
  for (const file of inputs) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(root, file)} ${size} ${mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function build(esbuild, inputs, out) {
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const src = join(root, 'src');
  const sources = inputs.filter((f) => f.startsWith(src));
  await esbuild.build({
    entryPoints: sources.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
    outdir: join(tmp, 'src'),
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  // Plain JavaScript the code loads by path (the PGlite worker), and the migrations.
  for (const file of sources.filter((f) => f.endsWith('.js'))) {
    const target = join(tmp, relative(root, file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
  cpSync(join(root, 'drizzle'), join(tmp, 'drizzle'), { recursive: true });
  try {
    renameSync(tmp, out);
  } catch (error) {
    // Another start finished the same build first: use theirs.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(out, 'src', 'main.js'))) throw error;
  }
}

function pruneOldBuilds(current) {
  const builds = readdirSync(cacheDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== current && !e.name.includes('.tmp-'))
    .map((e) => ({ path: join(cacheDir, e.name), at: statSync(join(cacheDir, e.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of builds.slice(KEEP_OLD_BUILDS)) rmSync(old.path, { recursive: true, force: true });
}

/** The built main.js, building it first if src/ changed; null when the cache cannot be written. */
async function builtMain() {
  // esbuild's version from its package.json: loading esbuild itself is only needed to build.
  const esbuildPackage = createRequire(import.meta.url).resolve('esbuild/package.json');
  const esbuildVersion = JSON.parse(readFileSync(esbuildPackage, 'utf8')).version;
  const inputs = [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'drizzle'))];
  const fingerprint = fingerprintOf(inputs, esbuildVersion);
  const out = join(cacheDir, fingerprint);
  const main = join(out, 'src', 'main.js');
  if (existsSync(main)) return main;
  try {
    mkdirSync(cacheDir, { recursive: true });
    await build(await import('esbuild'), inputs, out);
    pruneOldBuilds(fingerprint);
    return main;
  } catch (error) {
    if (error?.code === 'EACCES' || error?.code === 'EROFS' || error?.code === 'EPERM') return null;
    throw error;
  }
}

const main = await builtMain();
if (process.argv.includes('--build')) {
  if (!main) throw new Error(`cannot write ${cacheDir}`);
} else if (main) {
  await import(pathToFileURL(main).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'main.ts')).href);
}
