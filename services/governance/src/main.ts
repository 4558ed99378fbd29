import { runService } from '@leerzone/service-kit';
import { governanceService } from './governance.module';

runService(governanceService);
