import { analyticsService } from '@leerzone/analytics-service';
import { governanceService } from '@leerzone/governance-service';
import type { ServiceDefinition } from '@leerzone/service-kit';

/** Every Leerzone service, as standalone hosts them in one process (one store, one relay per service). */
export const STANDALONE_SERVICES: readonly ServiceDefinition[] = [governanceService, analyticsService];
