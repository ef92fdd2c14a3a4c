import type { Store } from '../core/ports.js';
import { AttemptRepository } from './attempt-repository.js';
import { ChannelRepository } from './channel-repository.js';
import { DailyPostRepository } from './daily-post-repository.js';
import type { Database } from './database.js';
import { ReviewRepository } from './review-repository.js';
import { ScoreRepository } from './score-repository.js';
import { TeamPackRepository } from './team-pack-repository.js';
import { UserRepository } from './user-repository.js';

/** The core's store port on a drizzle database; a transaction gets the same repositories on its connection. */
export function createStore(db: Database): Store {
  return {
    channels: new ChannelRepository(db),
    dailyPosts: new DailyPostRepository(db),
    attempts: new AttemptRepository(db),
    scores: new ScoreRepository(db),
    users: new UserRepository(db),
    reviews: new ReviewRepository(db),
    teamPacks: new TeamPackRepository(db),
    transaction: (fn) => db.transaction((tx) => fn(createStore(tx as unknown as Database))),
  };
}
