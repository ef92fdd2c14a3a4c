import type { DrillEngine } from '../../core/engine.js';
import type { Logger } from '../../logger.js';

/** What every interaction handler needs; passed in, never a module-level singleton. */
export interface HandlerDeps {
  engine: DrillEngine;
  logger: Logger;
}
