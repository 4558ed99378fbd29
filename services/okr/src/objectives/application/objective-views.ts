import { Injectable } from '@nestjs/common';
import { ProblemException, type Principal } from '@leerzone/nest-platform';
import type { StoredEvent } from '@leerzone/kernel';
import type { ObjectiveEvent, ObjectiveState } from '@leerzone/okr-domain';
import { OkrAccess } from '../../shared/okr-access';
import { PersonalText } from '../../shared/personal-text';
import { objectiveNotFound } from './objective-commands';
import { ObjectiveStreams } from './objective-streams';

export type ObjectiveStoredEvent = StoredEvent<ObjectiveEvent['type'], ObjectiveEvent['data']>;

/**
 * An objective read from its stream for a detailed view, with who may read the free text in
 * it: the owner's members and coaches, transformation leads and admins. Others (analysts)
 * see that a comment exists, not what it says.
 */
@Injectable()
export class ObjectiveViews {
  constructor(
    private readonly streams: ObjectiveStreams,
    private readonly access: OkrAccess,
    readonly text: PersonalText,
  ) {}

  async read(principal: Principal, objectiveId: string): Promise<{ state: ObjectiveState; version: number; events: readonly ObjectiveStoredEvent[]; mayReadText: boolean }> {
    const { state, version, events } = await this.streams.load(principal.tenantId, objectiveId);
    if (!state.exists) throw ProblemException.fromRejection(objectiveNotFound(objectiveId));
    const mayReadText = this.access.isLead(principal) || (await this.access.relationTo(principal, state.owner!)) !== 'none';
    return { state, version, events, mayReadText };
  }

  /** Blocker descriptions by id, opened for readers who may see them. */
  async blockerTexts(events: readonly ObjectiveStoredEvent[], mayRead: boolean) {
    const texts = new Map<string, Awaited<ReturnType<PersonalText['open']>>>();
    for (const e of events) {
      if (e.type !== 'KeyResultCheckedIn') continue;
      const data = e.data as Extract<ObjectiveEvent, { type: 'KeyResultCheckedIn' }>['data'];
      for (const b of data.blockers) texts.set(b.blockerId, await this.text.open(b.description, mayRead));
    }
    return texts;
  }
}
