import { describe, expect, it } from '@jest/globals';
import type { InstrumentDefinition } from '../instrument.model';
import { ABI_TRUSTWORTHINESS_ID, ABI_TRUSTWORTHINESS_V1 } from './abi-trustworthiness.instrument';
import { LEERZONE_STANDARDS_ID, LEERZONE_STANDARDS_V1 } from './leerzone-standards.instrument';
import { findPublishedInstrument, isPublishedInstrumentId, latestPublishedVersion, PUBLISHED_INSTRUMENTS } from './published-instruments';
import { PSYCHOLOGICAL_SAFETY_ID, PSYCHOLOGICAL_SAFETY_V1 } from './psychological-safety.instrument';

/** [itemId, dimensionId, reverse, text]: a frozen version's items, in the order they are asked. */
const rows = (d: InstrumentDefinition) => d.items.map((i) => [i.itemId, i.dimensionId, i.reverse, i.text]);
const team = 'The members of my team';

// Version 1 of each instrument is frozen: a new wording is a new version, never an edit (instrument.model).
describe('psychological safety v1 — Edmondson (1999), as DOMAIN.md gives it', () => {
  it('seven items in the published order, 1, 3 and 5 reverse-scored, one dimension', () => {
    expect(PSYCHOLOGICAL_SAFETY_V1).toMatchObject({ instrumentId: 'psychological-safety', version: 1, referent: 'this team', total: 'mean-of-items' });
    expect(PSYCHOLOGICAL_SAFETY_V1.dimensions.map((d) => d.dimensionId)).toEqual(['psychological-safety']);
    expect(rows(PSYCHOLOGICAL_SAFETY_V1)).toEqual([
      ['ps-1', 'psychological-safety', true, 'If you make a mistake on this team, it is often held against you.'],
      ['ps-2', 'psychological-safety', false, 'Members of this team are able to bring up problems and tough issues.'],
      ['ps-3', 'psychological-safety', true, 'People on this team sometimes reject others for being different.'],
      ['ps-4', 'psychological-safety', false, 'It is safe to take a risk on this team.'],
      ['ps-5', 'psychological-safety', true, 'It is difficult to ask other members of this team for help.'],
      ['ps-6', 'psychological-safety', false, 'No one on this team would deliberately act in a way that undermines my efforts.'],
      ['ps-7', 'psychological-safety', false, 'Working with members of this team, my unique skills and talents are valued and utilized.'],
    ]);
  });

  it('a 7-point scale from very inaccurate to very accurate, cited and not adapted', () => {
    expect(PSYCHOLOGICAL_SAFETY_V1.scale).toEqual({ points: 7, lowAnchor: 'Very inaccurate', highAnchor: 'Very accurate' });
    expect(PSYCHOLOGICAL_SAFETY_V1.source).toEqual({ kind: 'published', citation: expect.stringContaining('Administrative Science Quarterly, 44(2), 350–383'), adaptation: null });
  });
});

describe('ABI trustworthiness v1 — Mayer & Davis (1999), about the members of my team', () => {
  it('17 items in the published order: ability 1–6, benevolence 7–11, integrity 12–17, only item 15 reverse-scored', () => {
    expect(ABI_TRUSTWORTHINESS_V1).toMatchObject({ instrumentId: 'abi-trustworthiness', version: 1, referent: 'the members of my team', total: 'mean-of-dimensions' });
    expect(ABI_TRUSTWORTHINESS_V1.dimensions.map((d) => d.dimensionId)).toEqual(['ability', 'benevolence', 'integrity']);
    expect(rows(ABI_TRUSTWORTHINESS_V1)).toEqual([
      ['abi-1', 'ability', false, `${team} are very capable of performing their job.`],
      ['abi-2', 'ability', false, `${team} are known to be successful at the things they try to do.`],
      ['abi-3', 'ability', false, `${team} have much knowledge about the work that needs done.`],
      ['abi-4', 'ability', false, 'I feel very confident about their skills.'],
      ['abi-5', 'ability', false, `${team} have specialized capabilities that can increase our performance.`],
      ['abi-6', 'ability', false, `${team} are well qualified.`],
      ['abi-7', 'benevolence', false, `${team} are very concerned about my welfare.`],
      ['abi-8', 'benevolence', false, 'My needs and desires are very important to them.'],
      ['abi-9', 'benevolence', false, `${team} would not knowingly do anything to hurt me.`],
      ['abi-10', 'benevolence', false, `${team} really look out for what is important to me.`],
      ['abi-11', 'benevolence', false, `${team} will go out of their way to help me.`],
      ['abi-12', 'integrity', false, `${team} have a strong sense of justice.`],
      ['abi-13', 'integrity', false, 'I never have to wonder whether they will stick to their word.'],
      ['abi-14', 'integrity', false, `${team} try hard to be fair in dealings with others.`],
      ['abi-15', 'integrity', true, 'Their actions and behaviours are not very consistent.'],
      ['abi-16', 'integrity', false, 'I like their values.'],
      ['abi-17', 'integrity', false, 'Sound principles seem to guide their behaviour.'],
    ]);
  });

  it('a 5-point agreement scale, cited, and saying how it was adapted', () => {
    expect(ABI_TRUSTWORTHINESS_V1.scale).toEqual({ points: 5, lowAnchor: 'Strongly disagree', highAnchor: 'Strongly agree' });
    expect(ABI_TRUSTWORTHINESS_V1.source).toMatchObject({ kind: 'published', citation: expect.stringContaining('Mayer, R. C., & Davis, J. H. (1999)') });
    const { adaptation } = ABI_TRUSTWORTHINESS_V1.source as { adaptation: string | null };
    expect(adaptation).toContain('"top management"');
    expect(adaptation).toContain('"the members of my team"');
  });
});

describe('Leerzone standards v1 — Leerzone’s own, marked as not validated', () => {
  it('six items, three per dimension (height, clarity), the third of each reverse-scored', () => {
    expect(LEERZONE_STANDARDS_V1).toMatchObject({ instrumentId: 'leerzone-standards', version: 1, referent: 'this team', total: 'mean-of-dimensions' });
    expect(LEERZONE_STANDARDS_V1.dimensions.map((d) => d.dimensionId)).toEqual(['height', 'clarity']);
    expect(rows(LEERZONE_STANDARDS_V1)).toEqual([
      ['std-1', 'height', false, 'This team holds itself to high standards of work.'],
      ['std-2', 'height', false, 'Members of this team expect excellent work from each other.'],
      ['std-3', 'height', true, 'On this team, mediocre results are accepted without discussion.'],
      ['std-4', 'clarity', false, 'Everyone on this team knows what good work looks like here.'],
      ['std-5', 'clarity', false, "This team's goals and quality standards are clearly defined."],
      ['std-6', 'clarity', true, 'It is often unclear what this team expects of its members.'],
    ]);
  });

  it('the safety scale’s 7 points and anchors, and a note that it is not a validated measurement', () => {
    expect(LEERZONE_STANDARDS_V1.scale).toEqual(PSYCHOLOGICAL_SAFETY_V1.scale);
    expect(LEERZONE_STANDARDS_V1.source).toEqual({ kind: 'leerzone', note: expect.stringContaining('not validated by published research') });
  });
});

describe('the built-in instruments together', () => {
  it('are these three, in this order', () => {
    expect(PUBLISHED_INSTRUMENTS).toEqual([PSYCHOLOGICAL_SAFETY_V1, ABI_TRUSTWORTHINESS_V1, LEERZONE_STANDARDS_V1]);
    expect([PSYCHOLOGICAL_SAFETY_ID, ABI_TRUSTWORTHINESS_ID, LEERZONE_STANDARDS_ID]).toEqual(['psychological-safety', 'abi-trustworthiness', 'leerzone-standards']);
  });

  it('each have a title and titled dimensions, so a respondent and a report can name them', () => {
    for (const definition of PUBLISHED_INSTRUMENTS) {
      expect(definition.title.trim()).not.toBe('');
      for (const dimension of definition.dimensions) expect(dimension.title.trim()).not.toBe('');
    }
    expect(PSYCHOLOGICAL_SAFETY_V1.title).toMatch(/psychological safety/i);
    expect(ABI_TRUSTWORTHINESS_V1.title).toMatch(/ability, benevolence, integrity/i);
    expect(LEERZONE_STANDARDS_V1.title).toMatch(/standards/i);
    expect(ABI_TRUSTWORTHINESS_V1.dimensions.map((d) => d.title)).toEqual(['Ability', 'Benevolence', 'Integrity']);
  });

  it('are told apart from tenant ids', () => {
    for (const id of ['psychological-safety', 'abi-trustworthiness', 'leerzone-standards']) expect(isPublishedInstrumentId(id)).toBe(true);
    for (const id of ['team-energy', 'psychological', 'psychological-safety-2', '']) expect(isPublishedInstrumentId(id)).toBe(false);
  });

  it('are found by id and version, and only by both', () => {
    expect(findPublishedInstrument({ instrumentId: 'psychological-safety', version: 1 })).toBe(PSYCHOLOGICAL_SAFETY_V1);
    expect(findPublishedInstrument({ instrumentId: 'abi-trustworthiness', version: 1 })).toBe(ABI_TRUSTWORTHINESS_V1);
    expect(findPublishedInstrument({ instrumentId: 'leerzone-standards', version: 1 })).toBe(LEERZONE_STANDARDS_V1);
    expect(findPublishedInstrument({ instrumentId: 'abi-trustworthiness', version: 2 })).toBeNull();
    expect(findPublishedInstrument({ instrumentId: 'abi-trustworthiness', version: 0 })).toBeNull();
    expect(findPublishedInstrument({ instrumentId: 'team-energy', version: 1 })).toBeNull();
  });

  it('have a latest version each, and none for an id that is not built in', () => {
    expect(latestPublishedVersion('psychological-safety')).toBe(PSYCHOLOGICAL_SAFETY_V1);
    expect(latestPublishedVersion('abi-trustworthiness')).toBe(ABI_TRUSTWORTHINESS_V1);
    expect(latestPublishedVersion('leerzone-standards')).toBe(LEERZONE_STANDARDS_V1);
    expect(latestPublishedVersion('team-energy')).toBeNull();
  });
});
