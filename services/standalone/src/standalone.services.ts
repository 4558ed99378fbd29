import { analyticsService } from '@leerzone/analytics-service';
import { assessmentService } from '@leerzone/assessment-service';
import { failureLearningService } from '@leerzone/failure-learning-service';
import { governanceService } from '@leerzone/governance-service';
import { okrService } from '@leerzone/okr-service';
import type { ServiceDefinition } from '@leerzone/service-kit';

/** Every Leerzone service, as standalone hosts them in one process (one store, one relay per service). */
export const STANDALONE_SERVICES: readonly ServiceDefinition[] = [governanceService, okrService, assessmentService, failureLearningService, analyticsService];
