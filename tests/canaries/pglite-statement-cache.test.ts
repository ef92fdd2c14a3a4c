import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';

/**
 * Canary for src/store/drivers/pglite-statements.js: PGlite's own `query`
 * parses, describes and plans its SQL on every call (an unnamed statement, in
 * six calls into the database), where a server driver keeps one named
 * statement per text. No upstream issue found. The day this fails, PGlite
 * reuses statements itself: remove pglite-statements.js.
 *
 * The code under watch is `query` of PGlite's base class, which holds the
 * protocol logic; the database below it is replaced by a recorder of the
 * messages sent, since booting a real PGlite (WebAssembly, initdb) takes
 * seconds of CPU and would tell nothing more.
 */
type Message = { type: string; statement: string; text: string };
type Recorder = { sent: Message[]; query: PGlite['query'] };

const BasePGlite = Object.getPrototypeOf(PGlite) as new () => { query: PGlite['query'] };
const decoder = new TextDecoder();

/** The hooks PGlite's base class calls on the database, each doing nothing but recording what is sent. */
class RecordingPGlite extends BasePGlite implements Recorder {
  sent: Message[] = [];
  async execProtocolStream(message: Uint8Array): Promise<unknown[]> {
    const type = String.fromCharCode(message[0]!);
    // A Parse message is type, length, then the statement's name and its text, each NUL-terminated.
    const [statement = '', text = ''] = type === 'P' ? decoder.decode(message.subarray(5)).split('\0') : [];
    this.sent.push({ type, statement, text });
    return [];
  }
  async _checkReady() {}
  async _runExclusiveQuery<T>(fn: () => Promise<T>) {
    return fn();
  }
  async _runExclusiveTransaction<T>(fn: () => Promise<T>) {
    return fn();
  }
  async _handleBlob() {}
  async _cleanupBlob() {}
  async _getWrittenBlob() {
    return undefined;
  }
  async syncToFs() {}
}

describe("canary: PGlite's query() prepares its SQL afresh on every call", () => {
  it('still sends Parse, into the unnamed statement, for a text it ran just before', async () => {
    const pg = new RecordingPGlite();
    const sql = 'select $1::int as n';
    await pg.query(sql, [1]);
    pg.sent = [];
    await pg.query(sql, [2]);
    const fixed =
      "upstream fixed PGlite's statement reuse: remove src/store/drivers/pglite-statements.js " +
      '(and its use in pglite-worker.js)';
    // Parse, Describe (statement), Bind, Describe (portal), Execute, Sync.
    expect(
      pg.sent.map((m) => m.type),
      fixed,
    ).toEqual(['P', 'D', 'B', 'D', 'E', 'S']);
    expect(pg.sent[0], fixed).toEqual({ type: 'P', statement: '', text: sql });
  });
});
