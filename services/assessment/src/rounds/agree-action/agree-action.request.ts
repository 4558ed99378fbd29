import { z } from 'zod';
import { MAX_ACTION_TITLE_LENGTH } from '@leerzone/assessment-domain';
import { NameText } from '@leerzone/service-kit';
import { EntityId, IsoDate } from '../../shared/assessment-fields';
import { FocusItemBody } from '../choose-focus-items/choose-focus-items.request';

export const AgreeActionRequest = z.strictObject({
  actionId: EntityId.optional(),
  title: NameText(MAX_ACTION_TITLE_LENGTH),
  /** A current member or coach of the team. */
  ownerId: EntityId,
  dueOn: IsoDate,
  focusItem: FocusItemBody.nullable().optional(),
});
