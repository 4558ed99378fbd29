import { invalidArgument } from './projection-store.errors';
import type { WriteOperation } from './projection-store.port';
import { assertDocument, assertFilter, assertUpdate, upsertId } from './validation';

const KINDS = ['insertOne', 'updateOne', 'updateMany', 'replaceOne', 'deleteOne', 'deleteMany'] as const;

/** Checks a whole bulk write before anything runs, so bad input changes nothing. */
export function assertWriteOperations(operations: readonly WriteOperation[]): void {
  if (!Array.isArray(operations) || operations.length === 0) throw invalidArgument('operations', 'A bulk write needs at least one operation.');
  operations.forEach((operation, i) => {
    const at = `operations[${i}]`;
    const kinds = typeof operation === 'object' && operation !== null ? Object.keys(operation) : [];
    if (kinds.length !== 1 || !KINDS.includes(kinds[0] as (typeof KINDS)[number])) {
      throw invalidArgument(at, `Each operation is exactly one of ${KINDS.join(', ')}.`);
    }
    if ('insertOne' in operation) assertDocument(operation.insertOne?.document, `${at}.insertOne.document`);
    else if ('updateOne' in operation) {
      assertFilter(operation.updateOne?.filter, `${at}.updateOne.filter`);
      assertUpdate(operation.updateOne.update, `${at}.updateOne.update`);
      if (operation.updateOne.upsert) upsertId(operation.updateOne.filter, `${at}.updateOne.filter`);
    } else if ('updateMany' in operation) {
      assertFilter(operation.updateMany?.filter, `${at}.updateMany.filter`);
      assertUpdate(operation.updateMany.update, `${at}.updateMany.update`);
    } else if ('replaceOne' in operation) {
      assertFilter(operation.replaceOne?.filter, `${at}.replaceOne.filter`);
      assertDocument(operation.replaceOne.replacement, `${at}.replaceOne.replacement`);
    } else if ('deleteOne' in operation) assertFilter(operation.deleteOne?.filter, `${at}.deleteOne.filter`);
    else assertFilter(operation.deleteMany?.filter, `${at}.deleteMany.filter`);
  });
}
