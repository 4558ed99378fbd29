import { runService } from '@leerzone/service-kit';
import { failureLearningService } from './failure-learning.module';

runService(failureLearningService);
