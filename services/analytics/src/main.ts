import { runService } from '@leerzone/service-kit';
import { analyticsService } from './analytics.module';

runService(analyticsService);
