import type { Logger } from '../../logger.js';
import type { DrillEngine } from '../../runtime/engine.js';

/** What every interaction handler needs; passed in, never a module-level singleton. */
export interface HandlerDeps {
  engine: DrillEngine;
  logger: Logger;
}
