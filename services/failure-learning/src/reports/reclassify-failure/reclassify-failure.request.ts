import { MAX_REASON_LENGTH } from '@leerzone/failure-learning-domain';
import { ReasonText } from '@leerzone/service-kit';
import { ClassifyFailureRequest } from '../classify-failure/classify-failure.request';

/** The new classification and why (or X-Reason). */
export const ReclassifyFailureRequest = ClassifyFailureRequest.extend({ reason: ReasonText(MAX_REASON_LENGTH).optional() });
