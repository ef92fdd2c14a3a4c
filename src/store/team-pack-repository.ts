import { and, asc, isNull, sql } from 'drizzle-orm';
import type { TeamPackRecord, TeamPackStore, TeamPackVersion } from '../core/ports.js';
import type { TeamRef } from '../core/team-banks.js';
import type { Database } from './database.js';
import { teamIs } from './keys.js';
import { teamPacks } from './schema.js';

function toRecord(row: typeof teamPacks.$inferSelect): TeamPackRecord {
  return {
    packId: row.packId,
    version: row.version,
    name: row.name,
    files: row.files,
    importedBy: row.importedBy,
    importedAt: row.importedAt,
    retiredAt: row.retiredAt,
  };
}

export class TeamPackRepository implements TeamPackStore {
  constructor(private readonly db: Database) {}

  async versions(team: TeamRef): Promise<TeamPackVersion[]> {
    return this.db
      .select({ packId: teamPacks.packId, version: teamPacks.version })
      .from(teamPacks)
      .where(and(teamIs(teamPacks, team), isNull(teamPacks.retiredAt)))
      .orderBy(asc(teamPacks.packId));
  }

  async live(team: TeamRef): Promise<TeamPackRecord[]> {
    const rows = await this.db
      .select()
      .from(teamPacks)
      .where(and(teamIs(teamPacks, team), isNull(teamPacks.retiredAt)))
      .orderBy(asc(teamPacks.packId));
    return rows.map(toRecord);
  }

  async get(team: TeamRef, packId: string): Promise<TeamPackRecord | undefined> {
    const [row] = await this.db
      .select()
      .from(teamPacks)
      .where(and(teamIs(teamPacks, team), sql`${teamPacks.packId} = ${packId}`))
      .limit(1);
    return row ? toRecord(row) : undefined;
  }

  async save(
    team: TeamRef,
    pack: { packId: string; name: string; files: Readonly<Record<string, string>>; importedBy: string },
    now: Date,
  ): Promise<TeamPackRecord> {
    const files = pack.files as Record<string, string>;
    // A new version only when something changed: the same files on a live pack are a repeat, not an import.
    await this.db
      .insert(teamPacks)
      .values({
        platform: team.platform,
        teamId: team.teamId,
        packId: pack.packId,
        version: 1,
        name: pack.name,
        files,
        importedBy: pack.importedBy,
        importedAt: now,
      })
      .onConflictDoUpdate({
        target: [teamPacks.platform, teamPacks.teamId, teamPacks.packId],
        set: {
          version: sql`${teamPacks.version} + 1`,
          name: pack.name,
          files,
          importedBy: pack.importedBy,
          importedAt: now,
          retiredAt: null,
        },
        setWhere: sql`${teamPacks.files} is distinct from excluded.files or ${teamPacks.retiredAt} is not null`,
      });
    const saved = await this.get(team, pack.packId);
    if (!saved) throw new Error(`team pack ${pack.packId} was not saved`);
    return saved;
  }

  async retire(team: TeamRef, packId: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(teamPacks)
      .set({ retiredAt: now })
      .where(and(teamIs(teamPacks, team), sql`${teamPacks.packId} = ${packId}`, isNull(teamPacks.retiredAt)))
      .returning({ packId: teamPacks.packId });
    return rows.length > 0;
  }
}
