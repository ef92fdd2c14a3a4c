/**
 * The checks every adapter passes, for every use case of the table: the
 * answer reaches only whom the declaration says, admins-only and channel-only
 * refusals, the confirmation flow, and a double click counting once.
 */
import { describe, expect, it } from 'vitest';
import { audienceOf, type UseCase, usesCommand } from '../../src/core/use-case.js';
import type { View } from '../../src/core/views.js';
import { ADMINS_ONLY, CHANNEL_ONLY } from '../../src/runtime/engine.js';
import { USE_CASES } from '../../src/use-cases/table.js';
import type { TestDatabase } from '../helpers/test-database.js';
import { CONTRACT_CASES, contractCaseOf } from './cases.js';
import type { ContractDriver, Outcome, SeenBy, Who } from './contract-driver.js';
import { type DatabaseSnapshot, snapshotDatabase } from './database-snapshot.js';

export interface ContractSetup {
  /** The platform file's database, emptied before each test. */
  db: () => TestDatabase;
  driver: () => ContractDriver;
}

const isError = (view: View) => view.kind === 'notice' && view.tone === 'error';
const refusal = (text: string): View => ({ kind: 'notice', tone: 'error', text });

/** The engine's answer to a call that must have reached it. */
function engineAnswer(outcome: Outcome): View {
  expect(outcome.view, 'the call reached the engine').not.toBeNull();
  return outcome.view!;
}

export function describeContract({ db, driver }: ContractSetup): void {
  /** Who the platform should show an answer for `audience` to. */
  const seenByFor = (audience: 'caller' | 'channel'): SeenBy =>
    driver().shows === 'one-terminal' ? 'terminal' : audience;

  /** The database once every accepted call has finished its work. */
  const snapshot = async (): Promise<DatabaseSnapshot> => {
    await driver().engine.drain(10_000);
    return snapshotDatabase(db().connection.db);
  };

  async function prepare(useCase: UseCase, who: Who): Promise<void> {
    for (const step of contractCaseOf(useCase.name).prepare ?? []) {
      const view = await driver().engine.run(driver().preparer(who), step.useCase, step.input, {
        confirmed: true,
      });
      if (isError(view)) throw new Error(`prepare step ${step.useCase} failed: ${JSON.stringify(view)}`);
    }
  }

  /** One call; a use case that asks first is confirmed, so the outcome is its answer. */
  async function answer(useCase: UseCase, who: Who): Promise<Outcome> {
    const first = await (await driver().ready(useCase, contractCaseOf(useCase.name).input, who))();
    if (!useCase.confirm) return first;
    expect(engineAnswer(first).kind).toBe('confirm');
    return (await driver().readyConfirm(useCase, who))();
  }

  /** The database after one call, two in a row or two at once (for one that asks first: of its confirm button). */
  async function databaseAfter(useCase: UseCase, who: Who, clicks: 'once' | 'in a row' | 'at once') {
    await db().truncate();
    await prepare(useCase, who);
    let send = await driver().ready(useCase, contractCaseOf(useCase.name).input, who);
    if (useCase.confirm) {
      await send();
      send = await driver().readyConfirm(useCase, who);
    }
    if (clicks === 'once') await send();
    else if (clicks === 'in a row') {
      await send();
      await send();
    } else await Promise.all([send(), send()]);
    return snapshot();
  }

  it('has a case for every use case in the table, and none for a use case that is gone', () => {
    expect(Object.keys(CONTRACT_CASES).sort()).toEqual(USE_CASES.map((u) => u.name).sort());
  });

  describe.each(USE_CASES.map((u) => [u.name, u] as const))('%s', (_name, useCase) => {
    const caller: Who = { admin: useCase.who === 'admins', dm: false };
    const audience = useCase.answerTo === 'channel' ? 'the channel' : 'the caller alone';

    it(`answers ${audience}${useCase.confirm ? ' once confirmed' : ', without asking first'}`, async () => {
      await prepare(useCase, caller);
      const outcome = await answer(useCase, caller);
      const view = engineAnswer(outcome);
      expect(view).not.toHaveProperty('tone', 'error');
      expect(view.kind).not.toBe('confirm');
      expect(audienceOf(useCase, view)).toBe(useCase.answerTo);
      expect(outcome.seenBy).toBe(seenByFor(useCase.answerTo));
    });

    if (useCase.who === 'admins') {
      it('refuses a member who is not an admin, to them alone, and changes nothing', async () => {
        const member: Who = { admin: false, dm: false };
        await prepare(useCase, member);
        const send = await driver().ready(useCase, contractCaseOf(useCase.name).input, member);
        const before = await snapshot();
        const outcome = await send();
        expect(outcome.view).toEqual(refusal(ADMINS_ONLY));
        expect(outcome.seenBy).toBe(seenByFor('caller'));
        expect(await snapshot()).toEqual(before);
      });
    }

    if (useCase.where === 'channel') {
      it('refuses a direct message, to the caller alone, and changes nothing', async () => {
        const inDm: Who = { ...caller, dm: true };
        await prepare(useCase, inDm);
        const send = await driver().ready(useCase, contractCaseOf(useCase.name).input, inDm);
        const before = await snapshot();
        const outcome = await send();
        expect(outcome.view).toEqual(refusal(CHANNEL_ONLY));
        expect(outcome.seenBy).toBe(seenByFor('caller'));
        expect(await snapshot()).toEqual(before);
      });
    } else if (usesCommand(useCase)) {
      it(`works in a direct message, answering ${audience}`, async () => {
        const inDm: Who = { ...caller, dm: true };
        await prepare(useCase, inDm);
        const outcome = await answer(useCase, inDm);
        const view = engineAnswer(outcome);
        expect(view).not.toHaveProperty('tone', 'error');
        expect(outcome.seenBy).toBe(seenByFor(audienceOf(useCase, view)));
      });
    }

    if (useCase.confirm) {
      const { prompt, button } = useCase.confirm;
      it('asks first, the caller alone, changing nothing; its confirm button runs it', async () => {
        await prepare(useCase, caller);
        const send = await driver().ready(useCase, contractCaseOf(useCase.name).input, caller);
        const before = await snapshot();
        const asked = await send();
        expect(asked.view).toEqual({ kind: 'confirm', useCase: useCase.name, prompt, button });
        expect(asked.seenBy).toBe(seenByFor('caller'));
        expect(await snapshot()).toEqual(before);

        const confirmed = await (await driver().readyConfirm(useCase, caller))();
        const view = engineAnswer(confirmed);
        expect(view).not.toHaveProperty('tone', 'error');
        expect(view.kind).not.toBe('confirm');
        expect(confirmed.seenBy).toBe(seenByFor(audienceOf(useCase, view)));
        expect(await snapshot()).not.toEqual(before);
      });
    }

    it(`counts a double click${useCase.confirm ? ' on its confirm button' : ''} once, in a row and at once`, async () => {
      const once = await databaseAfter(useCase, caller, 'once');
      expect(await databaseAfter(useCase, caller, 'in a row')).toEqual(once);
      expect(await databaseAfter(useCase, caller, 'at once')).toEqual(once);
    });
  });
}
