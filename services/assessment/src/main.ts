import { runService } from '@leerzone/service-kit';
import { assessmentService } from './assessment.module';

runService(assessmentService);
