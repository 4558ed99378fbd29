/** One try of an attack: what was sent, and whether it got through (the answer it got, for the failure message). */
export interface Attempt {
  readonly label: string;
  readonly gotThrough: boolean;
  readonly answer: string;
}

/** One row of the table: a class of attack and every attempt made at it. */
export interface Attack<Target> {
  readonly attackClass: string;
  run(target: Target): Promise<readonly Attempt[]>;
}

export interface AttackRow {
  readonly attackClass: string;
  readonly attempts: number;
  readonly gotThrough: number;
}

/** The suite's tally: attack class, attempts, got through — printed at the end, in docs/security.md's format. */
export class AttackTable {
  private readonly rows: AttackRow[] = [];

  add(attackClass: string, attempts: readonly Attempt[]): void {
    this.rows.push({ attackClass, attempts: attempts.length, gotThrough: attempts.filter((a) => a.gotThrough).length });
  }

  get all(): readonly AttackRow[] {
    return this.rows;
  }

  markdown(): string {
    const width = Math.max('attack class'.length, ...this.rows.map((r) => r.attackClass.length));
    const line = (a: string, b: string, c: string) => `| ${a.padEnd(width)} | ${b.padStart(8)} | ${c.padStart(11)} |`;
    return [
      line('attack class', 'attempts', 'got through'),
      `|${'-'.repeat(width + 2)}|${'-'.repeat(9)}:|${'-'.repeat(12)}:|`,
      ...this.rows.map((r) => line(r.attackClass, String(r.attempts), String(r.gotThrough))),
      line('**total**', String(this.rows.reduce((n, r) => n + r.attempts, 0)), String(this.rows.reduce((n, r) => n + r.gotThrough, 0))),
    ].join('\n');
  }
}

/** An answer, short, for a failure message. */
export const answerOf = (status: number, body: string): string => `${status} ${body.slice(0, 300)}`;
