/**
 * Each team's bank (bundled packs + its live team packs), built on demand and kept in memory.
 *
 * Cost on the click path: a cached bank is used as is for `ttlMs` after it was last checked. After
 * that, one indexed read of the team's live (pack id, version) pairs says whether it is still right;
 * it is rebuilt only when they differ. A team with no packs shares the bundled bank and pays that
 * one small read at most once per `ttlMs`. An import or removal on this replica invalidates the
 * team's entry at once; another replica sees it within `ttlMs`.
 */
import { readStoredPack } from '../content/stored-team-pack.js';
import type { TeamPackStore, TeamPackVersion } from '../core/ports.js';
import type { QuestionBank } from '../core/question-bank.js';
import type { TeamBanks, TeamRef } from '../core/team-banks.js';
import type { Pack, Question } from '../core/types.js';

/** Reads a stored pack's files into its pack and questions (src/content/stored-team-pack.ts). */
export type StoredPackReader = (record: {
  packId: string;
  name: string;
  files: Readonly<Record<string, string>>;
}) => { ok: true; pack: Pack; questions: Question[] } | { ok: false; problems: { message: string }[] };

export interface TeamBankCacheOptions {
  bundled: QuestionBank;
  packs: TeamPackStore;
  /** readStoredPack by default. */
  readPack?: StoredPackReader;
  /** How long a team's bank is used without checking its pack versions. */
  ttlMs?: number;
  /** Teams kept in memory; the least recently built are dropped first. */
  maxTeams?: number;
  now?: () => number;
  /** A stored pack that no longer reads (content rules changed since): left out of the bank, reported here. */
  onUnreadablePack?: (team: TeamRef, packId: string, problems: { message: string }[]) => void;
}

interface Entry {
  bank: QuestionBank;
  /** The versions it was built from, as one string. */
  signature: string;
  checkedAt: number;
}

const signatureOf = (versions: readonly TeamPackVersion[]) =>
  versions.map((v) => `${v.packId}@${v.version}`).join(',');

const teamKey = (team: TeamRef) => `${team.platform}\u0000${team.teamId}`;

export class TeamBankCache implements TeamBanks {
  readonly bundled: QuestionBank;
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, Promise<QuestionBank>>();
  private readonly ttlMs: number;
  private readonly maxTeams: number;
  private readonly now: () => number;

  constructor(private readonly options: TeamBankCacheOptions) {
    this.bundled = options.bundled;
    this.ttlMs = options.ttlMs ?? 5_000;
    this.maxTeams = options.maxTeams ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  forTeam(team: TeamRef): Promise<QuestionBank> {
    const key = teamKey(team);
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.checkedAt < this.ttlMs) return Promise.resolve(entry.bank);
    // Callers arriving while a check runs share it.
    let pending = this.building.get(key);
    if (!pending) {
      pending = this.refresh(team, key, entry).finally(() => this.building.delete(key));
      this.building.set(key, pending);
    }
    return pending;
  }

  invalidate(team: TeamRef): void {
    this.entries.delete(teamKey(team));
  }

  private async refresh(team: TeamRef, key: string, entry: Entry | undefined): Promise<QuestionBank> {
    const store = this.options.packs;
    const signature = signatureOf(await store.versions(team));
    if (entry && entry.signature === signature) {
      entry.checkedAt = this.now();
      return entry.bank;
    }
    const built = signature === '' ? { bank: this.bundled, signature } : await this.build(team, store);
    this.remember(key, { ...built, checkedAt: this.now() });
    return built.bank;
  }

  /** The bank and the versions it was built from (a pack imported meanwhile shows at the next check). */
  private async build(
    team: TeamRef,
    store: TeamPackStore,
  ): Promise<{ bank: QuestionBank; signature: string }> {
    const packs: Pack[] = [];
    const questions: Question[] = [];
    const records = await store.live(team);
    for (const record of records) {
      const read = (this.options.readPack ?? readStoredPack)(record);
      if (read.ok) {
        packs.push(read.pack);
        questions.push(...read.questions);
      } else this.options.onUnreadablePack?.(team, record.packId, read.problems);
    }
    return { bank: this.bundled.withTeamPacks(packs, questions), signature: signatureOf(records) };
  }

  private remember(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxTeams) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
