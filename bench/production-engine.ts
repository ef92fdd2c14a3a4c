/**
 * The engine as src/main.ts builds it for the chat adapters: the real content
 * bank, the wall clock, the production ClickThrottle (5 clicks a second per
 * user), the work lane sized to the database and the default 2.5 s
 * deadline, on the run's database. Unexpected errors (and "took longer
 * than" deadlines) are collected for the report.
 */

import type { Store } from '../src/core/ports.js';
import { ClickThrottle } from '../src/runtime/click-throttle.js';
import { DrillEngine } from '../src/runtime/engine.js';
import { TeamBankCache } from '../src/runtime/team-bank-cache.js';
import { WorkLane } from '../src/runtime/work-lane.js';
import { contentBank, seededRandom } from '../tests/helpers/engine-fixture.js';

export function productionEngine(store: Store, parallelism: number, errors: string[]): DrillEngine {
  return new DrillEngine(
    {
      store,
      banks: new TeamBankCache({ bundled: contentBank(), packs: store.teamPacks }),
      clock: () => new Date(),
      random: seededRandom(6),
      defaultTimeZone: 'UTC',
    },
    {
      throttle: new ClickThrottle(),
      lane: WorkLane.forDatabase(parallelism),
      onError: (error) => void errors.push(error instanceof Error ? error.message : String(error)),
    },
  );
}
