import { runService } from '@leerzone/service-kit';
import { okrService } from './okr.module';

runService(okrService);
