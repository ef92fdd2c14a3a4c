/** An error the user caused; adapters show its message privately, never a stack trace. */
export class DrillError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DrillError';
  }
}
