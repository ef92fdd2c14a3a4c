import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';

const CACHE_MS = 5 * 60 * 1000;

/**
 * Who may change a channel's schedule: workspace admins and owners (asked
 * of users.info, remembered a few minutes) and the configured user ids.
 */
export class WorkspaceAdmins {
  private readonly cache = new Map<string, { isAdmin: boolean; until: number }>();

  constructor(
    private readonly adminUserIds: readonly string[],
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async isAdmin(client: webApi.WebClient, teamId: string, userId: string): Promise<boolean> {
    if (this.adminUserIds.includes(userId)) return true;
    const key = `${teamId}:${userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > this.now()) return cached.isAdmin;
    try {
      const { user } = await client.users.info({ user: userId });
      const isAdmin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
      this.cache.set(key, { isAdmin, until: this.now() + CACHE_MS });
      if (this.cache.size > 5000) this.prune();
      return isAdmin;
    } catch (error) {
      // Not cached: the next try asks again. Meanwhile the engine refuses politely.
      this.logger.warn({ err: error, teamId, userId }, 'slack users.info failed; treating user as non-admin');
      return false;
    }
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.cache) if (entry.until <= now) this.cache.delete(key);
  }
}
