import { Injectable } from '@nestjs/common';

/** Something the service needs before it can answer correctly. */
export interface ReadinessCheck {
  readonly name: string;
  /** `ready: false` turns /health/ready into 503; details are shown as-is. */
  check(): Promise<{ ready: boolean; details?: Record<string, unknown> }>;
}

/** Modules register their checks here when they start (event store, projections, Kafka). */
@Injectable()
export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  all(): readonly ReadinessCheck[] {
    return this.checks;
  }
}
