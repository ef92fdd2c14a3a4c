import type { Logger } from '../../logger.js';
import type { DrillEngine } from '../../runtime/engine.js';
import type { WorkspaceAdmins } from './workspace-admins.js';

/** What every Slack listener needs; passed in, never global. */
export interface ListenerDeps {
  engine: DrillEngine;
  logger: Logger;
  admins: WorkspaceAdmins;
}
