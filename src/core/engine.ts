import { displayName, isValidActor } from './actor-input.js';
import { leaderboard } from './boards.js';
import { ClickThrottle } from './click-throttle.js';
import { ADMIN_COMMANDS, CHANNEL_COMMANDS, type DrillAction, type DrillCommand, HELP } from './command.js';
import type { EngineDeps } from './engine-deps.js';
import { DrillError } from './errors.js';
import { Practice } from './practice.js';
import { forgetMe, setPrivacy } from './privacy.js';
import { setSchedule, showSchedule, turnOffSchedule } from './schedules.js';
import { statsFor } from './stats.js';
import type { Actor } from './types.js';
import type { View } from './views.js';
import { LaneFullError, WorkLane } from './work-lane.js';

export interface EngineOptions {
  /** Called with unexpected errors (a database outage, a bug) before the user sees a polite message. */
  onError?: (error: unknown, context: { actor: Actor; what: string }) => void;
  throttle?: ClickThrottle;
  /**
   * Longest a call's work may take, from when it leaves the lane, before the
   * user is told to try again: a database outage should give a clear answer,
   * not a hang. (The adapters ack before the work, so the platforms' 3 s
   * window is never at stake.) Writes are idempotent, so a retry is safe.
   */
  deadlineMs?: number;
  /** Where database work waits its turn; by default 8 at once. main.ts sizes it to the database. */
  lane?: WorkLane;
}

export const SLOW_DOWN = 'Slow down a little: that was a lot of clicks in one second.';
// Honest about the outcome: the work may still finish (its writes are idempotent, so trying again is safe).
export const TOO_SLOW =
  'The bot is slow to answer right now, so your click may or may not have counted. Try again in a moment.';
export const BUSY =
  'The bot is very busy right now and did not get to your click; nothing was saved. Try again in a minute.';
export const SOMETHING_WENT_WRONG =
  'Something went wrong on our side and nothing was saved. Please try again in a moment.';

/** The one entry point adapters call: a command or an action in, a plain view out. */
export class DrillEngine {
  private readonly practice: Practice;
  private readonly throttle: ClickThrottle;
  private readonly lane: WorkLane;

  constructor(
    readonly deps: EngineDeps,
    private readonly options: EngineOptions = {},
  ) {
    this.practice = new Practice(deps);
    this.throttle = options.throttle ?? new ClickThrottle();
    this.lane = options.lane ?? new WorkLane({ concurrency: 8 });
  }

  get bank() {
    return this.deps.bank;
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

  async command(actor: Actor, command: DrillCommand): Promise<View> {
    return this.guard(actor, command.name, async () => {
      if (CHANNEL_COMMANDS.has(command.name) && !actor.inChannel) {
        throw new DrillError('That command works in a server or workspace channel, not in a direct message.');
      }
      if (ADMIN_COMMANDS.has(command.name) && !actor.isAdmin) {
        throw new DrillError(
          'Only admins can change the schedule (Manage Server on Discord, workspace admins on Slack).',
        );
      }
      if (command.name !== 'forget-me')
        await this.deps.store.users.touch(actor, actor.userName, this.deps.clock());
      return this.run(actor, command);
    });
  }

  async action(actor: Actor, action: DrillAction): Promise<View> {
    return this.guard(actor, action.name, async () => {
      switch (action.name) {
        case 'reveal':
          return this.touchAfter(actor, await this.practice.reveal(actor, action.questionId));
        case 'write':
          return this.touchAfter(actor, await this.practice.write(actor, action.questionId, action.text));
        case 'grade':
          return this.practice.grade(actor, action.questionId, action.grade);
        case 'forget-confirm':
          return forgetMe(this.deps, actor, true);
      }
    });
  }

  /** Keeps the name boards show, once the action has proved valid. */
  private async touchAfter(actor: Actor, view: View): Promise<View> {
    await this.deps.store.users.touch(actor, displayName(actor), this.deps.clock());
    return view;
  }

  /** Autocomplete for a question query: best matches first, or the first questions when empty. */
  suggestQuestions(query: string, limit = 25): { id: string; label: string }[] {
    const matches = query.trim()
      ? this.deps.bank.lookup(query, {}, limit)
      : this.deps.bank.all().slice(0, limit);
    return matches.map((q) => ({ id: q.id, label: `#${q.number} ${q.title}` }));
  }

  private async run(actor: Actor, command: DrillCommand): Promise<View> {
    switch (command.name) {
      case 'ask':
        return this.practice.ask(command);
      case 'today':
        return this.practice.today(actor);
      case 'review':
        return this.practice.review(actor);
      case 'topics':
        return { kind: 'topics', packs: this.deps.bank.summary() };
      case 'leaderboard':
        return leaderboard(this.deps, actor, command.period, command.scope);
      case 'stats':
        return statsFor(this.deps, actor, command.userId);
      case 'schedule-set':
        return setSchedule(this.deps, actor, command);
      case 'schedule-show':
        return showSchedule(this.deps, actor);
      case 'schedule-off':
        return turnOffSchedule(this.deps, actor);
      case 'privacy':
        return setPrivacy(this.deps, actor, command.mode);
      case 'forget-me':
        return forgetMe(this.deps, actor, command.confirm);
      case 'help':
        return { kind: 'help', commands: [...HELP] };
    }
  }

  private async guard(actor: Actor, what: string, fn: () => Promise<View>): Promise<View> {
    const key = `${actor.platform}:${actor.teamId}:${actor.userId}`;
    if (!this.throttle.allow(key, this.deps.clock().getTime())) {
      return { kind: 'notice', tone: 'error', text: SLOW_DOWN };
    }
    if (!isValidActor(actor)) {
      return {
        kind: 'notice',
        tone: 'error',
        text: 'This request did not say who sent it or where; nothing was done.',
      };
    }
    const deadlineMs = this.options.deadlineMs ?? 2500;
    let timer: NodeJS.Timeout | undefined;
    let markStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    // The lane keeps the place until the work settles, even past the deadline: a slow database is not given more.
    const work = this.lane.run(() => {
      markStarted();
      return fn();
    });
    const late = started.then(
      () =>
        new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), deadlineMs);
        }),
    );
    try {
      const result = await Promise.race([work, late]);
      if (result !== 'late') return result;
      // The work may still finish; its writes are idempotent. Its error, if any, is logged, not thrown.
      work.catch((error) => this.options.onError?.(error, { actor, what }));
      this.options.onError?.(new Error(`${what} took longer than ${deadlineMs} ms`), { actor, what });
      return { kind: 'notice', tone: 'error', text: TOO_SLOW };
    } catch (error) {
      if (error instanceof DrillError) return { kind: 'notice', tone: 'error', text: error.message };
      if (error instanceof LaneFullError) return { kind: 'notice', tone: 'error', text: BUSY };
      this.options.onError?.(error, { actor, what });
      return { kind: 'notice', tone: 'error', text: SOMETHING_WENT_WRONG };
    } finally {
      clearTimeout(timer);
    }
  }
}
