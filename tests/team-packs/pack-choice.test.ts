/** `/drill packs` and `pack=` on ask and schedule set, per team (issue 14): engine and PGlite, no mocks. */
import { describe, expect, it } from 'vitest';
import type { View } from '../../src/core/views.js';
import { actor, makeEngine } from '../helpers/engine-fixture.js';
import { useTestDatabase } from '../helpers/test-database.js';
import { EXAMPLE_PACK_ID, storeExamplePack } from './team-pack-fixture.js';

const TEAM_A = actor({ platform: 'discord', teamId: 'G-A', channelId: 'C-A' });
const TEAM_B = actor({ platform: 'discord', teamId: 'G-B', channelId: 'C-B' });

const packIdsOf = (view: View) => (view.kind === 'packs' ? view.packs.map((p) => p.id) : []);
const questionOf = (view: View) => (view.kind === 'question' ? view.question : null);
const errorOf = (view: View) => (view.kind === 'notice' && view.tone === 'error' ? view.text : null);

describe('packs a channel chooses', () => {
  const db = useTestDatabase('pglite');

  it('lists the bundled packs and the team’s own, with count, topics, licence and origin; another team sees only the bundled', async () => {
    const { engine, deps } = makeEngine(db().store);
    await storeExamplePack(db().store, TEAM_A);
    const a = await engine.run(TEAM_A, 'packs');
    expect(a.kind).toBe('packs');
    if (a.kind !== 'packs') return;
    const own = a.packs.find((p) => p.id === EXAMPLE_PACK_ID);
    expect(own).toEqual({
      id: EXAMPLE_PACK_ID,
      name: 'Git basics',
      total: 3,
      topics: expect.arrayContaining(['internals', 'branching']),
      license: 'CC-BY-4.0',
      origin: 'team',
    });
    const bundledIds = deps.banks.bundled.packIds();
    expect(a.packs.filter((p) => p.origin === 'bundled').map((p) => p.id)).toEqual(bundledIds);
    expect(packIdsOf(await engine.run(TEAM_B, 'packs'))).toEqual(bundledIds);
  });

  it('ask pack= limits a random pick and a lookup to those packs', async () => {
    const { engine } = makeEngine(db().store);
    await storeExamplePack(db().store, TEAM_A);
    for (let i = 0; i < 5; i++) {
      expect(questionOf(await engine.run(TEAM_A, 'ask', { pack: EXAMPLE_PACK_ID }))?.pack).toBe(
        EXAMPLE_PACK_ID,
      );
    }
    expect(questionOf(await engine.run(TEAM_A, 'ask', { query: 'rebase', pack: EXAMPLE_PACK_ID }))?.id).toBe(
      'git-merge-vs-rebase',
    );
    expect(errorOf(await engine.run(TEAM_A, 'ask', { query: 'gil', pack: EXAMPLE_PACK_ID }))).toMatch(
      /No question matches/,
    );
    const both = await engine.run(TEAM_A, 'ask', { query: 'gil', pack: `${EXAMPLE_PACK_ID}, python` });
    expect(questionOf(both)?.pack).toBe('python');
  });

  it('another team can neither choose the pack nor reach its questions by id', async () => {
    const { engine } = makeEngine(db().store);
    await storeExamplePack(db().store, TEAM_A);
    expect(errorOf(await engine.run(TEAM_B, 'ask', { pack: EXAMPLE_PACK_ID }))).toMatch(
      /Unknown pack "git-basics"/,
    );
    // A word search may find a bundled question, never the other team's.
    const lookup = await engine.run(TEAM_B, 'ask', { query: 'git-commit-snapshot' });
    expect(questionOf(lookup)?.pack ?? null).not.toBe(EXAMPLE_PACK_ID);
    expect(errorOf(await engine.run(TEAM_B, 'reveal', { question: 'git-commit-snapshot' }))).toMatch(
      /no question "git-commit-snapshot"/,
    );
    expect(
      errorOf(
        await engine.run(TEAM_B, 'schedule set', {
          time: '09:00',
          timezone: 'UTC',
          pack: EXAMPLE_PACK_ID,
        }),
      ),
    ).toMatch(/Unknown pack/);
  });

  it('schedule set pack= restricts the daily question, and schedule show says which packs', async () => {
    const { engine } = makeEngine(db().store);
    await storeExamplePack(db().store, TEAM_A);
    const set = await engine.run(TEAM_A, 'schedule set', {
      time: '09:00',
      timezone: 'UTC',
      pack: EXAMPLE_PACK_ID,
    });
    expect(set.kind === 'schedule' && set.schedule?.packs).toEqual([EXAMPLE_PACK_ID]);
    const shown = await engine.run(TEAM_A, 'schedule show');
    expect(shown.kind === 'schedule' && shown.schedule?.packs).toEqual([EXAMPLE_PACK_ID]);
    expect(questionOf(await engine.run(TEAM_A, 'today'))?.pack).toBe(EXAMPLE_PACK_ID);
  });

  it('without pack= the schedule draws from every pack the team can use', async () => {
    const { engine } = makeEngine(db().store);
    const set = await engine.run(TEAM_A, 'schedule set', { time: '09:00', timezone: 'UTC' });
    expect(set.kind === 'schedule' && set.schedule?.packs).toBeNull();
  });

  it('refuses a pack= list with an unknown id, naming it, and changes nothing', async () => {
    const { engine } = makeEngine(db().store);
    const view = await engine.run(TEAM_A, 'schedule set', {
      time: '09:00',
      timezone: 'UTC',
      pack: 'python,nope',
    });
    expect(errorOf(view)).toMatch(/Unknown pack "nope"\. Use: .*python/);
    const shown = await engine.run(TEAM_A, 'schedule show');
    expect(shown.kind === 'schedule' && shown.schedule).toBeNull();
  });
});
