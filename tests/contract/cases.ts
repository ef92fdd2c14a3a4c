/**
 * The contract suite's one table: for every use case of src/use-cases/table.ts,
 * a representative input and what must be true before it runs. The suite runs
 * each case through every adapter; a use case without a case here fails it.
 */

/** A call run through the engine before the case, as the caller but as an admin in the channel. */
export interface PrepareStep {
  readonly useCase: string;
  readonly input: Readonly<Record<string, string>>;
}

export interface ContractCase {
  /** Option values, one word each, so every platform can carry them as typed. */
  readonly input: Readonly<Record<string, string>>;
  readonly prepare?: readonly PrepareStep[];
}

const SCHEDULE = { time: '09:00', timezone: 'UTC', days: 'daily', pack: 'python' } as const;

export const CONTRACT_CASES: Readonly<Record<string, ContractCase>> = {
  ask: { input: { query: 'gil', pack: 'python' } },
  today: { input: {} },
  topics: { input: {} },
  packs: { input: {} },
  leaderboard: { input: { period: 'week', scope: 'channel' } },
  stats: { input: {} },
  review: { input: {} },
  'schedule set': { input: SCHEDULE },
  // A schedule to show, and one to turn off (without it, off refuses).
  'schedule show': { input: {}, prepare: [{ useCase: 'schedule set', input: SCHEDULE }] },
  'schedule off': { input: {}, prepare: [{ useCase: 'schedule set', input: SCHEDULE }] },
  privacy: { input: { mode: 'hidden' } },
  // Something about the caller to delete, so running it shows in the database.
  'forget-me': { input: {}, prepare: [{ useCase: 'privacy', input: { mode: 'hidden' } }] },
  help: { input: {} },
  reveal: { input: { question: 'gil' } },
  write: { input: { question: 'gil', text: 'my-answer' } },
  // Grading needs a reveal first.
  grade: {
    input: { question: 'gil', grade: 'nailed' },
    prepare: [{ useCase: 'reveal', input: { question: 'gil' } }],
  },
};

/** The case of a use case; a use case added to the table without one fails here, by name. */
export function contractCaseOf(useCaseName: string): ContractCase {
  const found = CONTRACT_CASES[useCaseName];
  if (!found)
    throw new Error(`No contract case for the use case "${useCaseName}": add one to tests/contract/cases.ts`);
  return found;
}
