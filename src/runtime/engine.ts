import type { EngineDeps } from '../core/engine-deps.js';
import { DrillError } from '../core/errors.js';
import type { QuestionBank } from '../core/question-bank.js';
import type { TeamRef } from '../core/team-banks.js';
import type { Actor } from '../core/types.js';
import type { UseCase } from '../core/use-case.js';
import type { View } from '../core/views.js';
import { displayName, isValidActor } from '../rules/actor-input.js';
import { USE_CASES } from '../use-cases/table.js';
import { ClickThrottle } from './click-throttle.js';
import { withDeadline } from './deadline.js';
import { needsTeamBank, validateInput } from './input-validation.js';
import { LaneFullError, WorkLane } from './work-lane.js';

export interface EngineOptions {
  /** Called with unexpected errors (a database outage, a bug) before the user sees a polite message. */
  onError?: (error: unknown, context: { actor: Actor; what: string }) => void;
  throttle?: ClickThrottle;
  /**
   * Longest a call's work may take, from when it leaves the lane, before the
   * user is told to try again. (The adapters ack before the work, so the
   * platforms' 3 s window is never at stake.) Writes are idempotent, so a retry is safe.
   */
  deadlineMs?: number;
  /** Where database work waits its turn; by default 8 at once. main.ts sizes it to the database. */
  lane?: WorkLane;
  /** The use cases it dispatches over; the bundled table by default. */
  useCases?: readonly UseCase[];
}

export interface RunOptions {
  /** The confirmation of a use case that asks first (its confirm button was clicked). */
  confirmed?: boolean;
}

export const SLOW_DOWN = 'Slow down a little: that was a lot of clicks in one second.';
// Honest about the outcome: the work may still finish (its writes are idempotent, so trying again is safe).
export const TOO_SLOW =
  'The bot is slow to answer right now, so your click may or may not have counted. Try again in a moment.';
export const BUSY =
  'The bot is very busy right now and did not get to your click; nothing was saved. Try again in a minute.';
export const SOMETHING_WENT_WRONG =
  'Something went wrong on our side and nothing was saved. Please try again in a moment.';
export const CHANNEL_ONLY = 'That command works in a server or workspace channel, not in a direct message.';
export const ADMINS_ONLY = 'Only admins can do that (Manage Server on Discord, workspace admins on Slack).';

const error = (text: string): View => ({ kind: 'notice', tone: 'error', text });

/**
 * The one entry point adapters call: a use case's name and raw option values
 * in, a plain view out. It knows no command: throttle, input, permission,
 * place, confirmation, lane and deadline are the same for every use case.
 */
export class DrillEngine {
  private readonly throttle: ClickThrottle;
  private readonly lane: WorkLane;
  private readonly byName: ReadonlyMap<string, UseCase>;
  readonly useCases: readonly UseCase[];

  constructor(
    readonly deps: EngineDeps,
    private readonly options: EngineOptions = {},
  ) {
    this.throttle = options.throttle ?? new ClickThrottle();
    this.lane = options.lane ?? new WorkLane({ concurrency: 8 });
    this.useCases = options.useCases ?? USE_CASES;
    this.byName = new Map(this.useCases.map((u) => [u.name, u]));
  }

  /** The bank of the team the caller is in: the bundled packs plus its own. */
  bankOf(team: TeamRef): Promise<QuestionBank> {
    return this.deps.banks.forTeam(team);
  }

  useCase(name: string): UseCase | undefined {
    return this.byName.get(name);
  }

  /**
   * Waits, at most `timeoutMs`, for every call already accepted to finish its
   * work: on shutdown, a click that was acknowledged still reaches the
   * database before it closes. True when they all finished.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([this.lane.settled().then(() => true as const), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  async run(
    actor: Actor,
    name: string,
    raw: Readonly<Record<string, unknown>> = {},
    options: RunOptions = {},
  ): Promise<View> {
    const key = `${actor.platform}:${actor.teamId}:${actor.userId}`;
    if (!this.throttle.allow(key, this.deps.clock().getTime())) return error(SLOW_DOWN);
    if (!isValidActor(actor))
      return error('This request did not say who sent it or where; nothing was done.');
    const useCase = this.byName.get(name);
    if (!useCase) return error(`Unknown command "${String(name).slice(0, 40)}". Try /drill help.`);
    try {
      if (useCase.where === 'channel' && !actor.inChannel) throw new DrillError(CHANNEL_ONLY);
      if (useCase.who === 'admins' && !actor.isAdmin) throw new DrillError(ADMINS_ONLY);
      // Only a use case with a choice read from the bank waits for the team's (usually cached) bank here.
      const bank = needsTeamBank(useCase) ? await this.deps.banks.forTeam(actor) : this.deps.banks.bundled;
      const input = validateInput(useCase, raw, bank);
      if (useCase.confirm && !options.confirmed) {
        return { kind: 'confirm', useCase: useCase.name, ...useCase.confirm };
      }
      const result = await withDeadline(
        (work) => this.lane.run(work),
        async () => {
          const view = await useCase.run(this.deps, actor, input);
          if (useCase.recordsName !== false)
            await this.deps.store.users.touch(actor, displayName(actor), this.deps.clock());
          return view;
        },
        this.options.deadlineMs ?? 2500,
        (late) => this.options.onError?.(late, { actor, what: name }),
      );
      if (result !== 'late') return result;
      this.options.onError?.(new Error(`${name} took longer than ${this.options.deadlineMs ?? 2500} ms`), {
        actor,
        what: name,
      });
      return error(TOO_SLOW);
    } catch (caught) {
      if (caught instanceof DrillError) return error(caught.message);
      if (caught instanceof LaneFullError) return error(BUSY);
      this.options.onError?.(caught, { actor, what: name });
      return error(SOMETHING_WENT_WRONG);
    }
  }

  /** Autocomplete for a question query in the team's bank: best matches first, or the first questions when empty. */
  async suggestQuestions(team: TeamRef, query: string, limit = 25): Promise<{ id: string; label: string }[]> {
    const bank = await this.deps.banks.forTeam(team);
    const matches = query.trim() ? bank.lookup(query, {}, limit) : bank.all().slice(0, limit);
    return matches.map((q) => ({ id: q.id, label: `#${q.number} ${q.title}` }));
  }

  /**
   * Values of a choice option that come from the team's bank (topics, packs), for autocomplete. For a
   * comma list, the last item is completed and the ones before it are kept (`python,s` → `python,sql`).
   */
  async suggestChoices(
    team: TeamRef,
    source: 'topics' | 'packs',
    typed: string,
    limit = 25,
    list = false,
  ): Promise<string[]> {
    const bank = await this.deps.banks.forTeam(team);
    const all = source === 'topics' ? bank.topics() : bank.packIds();
    const cut = list ? typed.lastIndexOf(',') + 1 : 0;
    const before = typed.slice(0, cut).replace(/\s+/g, '');
    const word = typed.slice(cut).trim().toLowerCase();
    const chosen = new Set(before.split(','));
    return all
      .filter((v) => v.includes(word) && !chosen.has(v))
      .slice(0, limit)
      .map((v) => `${before}${v}`);
  }
}
