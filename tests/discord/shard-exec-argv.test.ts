import { describe, expect, it } from 'vitest';
import { childExecArgv } from '../../src/adapters/discord/sharding.js';

describe('the Node flags a shard process starts with', () => {
  it("are this process's own for a JavaScript entry (npm start's build)", () => {
    expect(childExecArgv('/app/cache/src/main.js', ['--max-old-space-size=512'])).toEqual([
      '--max-old-space-size=512',
    ]);
  });

  it("add tsx's loader for a TypeScript entry started without it on the command line", () => {
    expect(childExecArgv('/app/src/main.ts', [])).toEqual(['--import', 'tsx']);
  });

  it('keep the loader as given when it is already there', () => {
    expect(childExecArgv('/app/src/main.ts', ['--import', 'tsx'])).toEqual(['--import', 'tsx']);
    const cli = [
      '--require',
      '/x/node_modules/tsx/dist/preflight.cjs',
      '--import',
      'file:///x/node_modules/tsx/dist/loader.mjs',
    ];
    expect(childExecArgv('/app/src/main.ts', cli)).toEqual(cli);
  });
});
