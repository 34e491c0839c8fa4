/** An expected CLI failure: printed as `kadr: <message>` with exit code 2 (usage) or 1 (runtime). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
