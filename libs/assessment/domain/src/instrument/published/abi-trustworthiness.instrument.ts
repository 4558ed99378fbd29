import type { InstrumentDefinition, InstrumentItem } from '../instrument.model';

export const ABI_TRUSTWORTHINESS_ID = 'abi-trustworthiness';

const item = (n: number, dimensionId: string, text: string, reverse = false): InstrumentItem => ({ itemId: `abi-${n}`, dimensionId, text, reverse });

/**
 * Mayer & Davis's trustworthiness scale (ability 6, benevolence 5, integrity 6 items; item
 * 15 reverse-scored) on a 5-point agreement scale. Their referent was "top management";
 * Leerzone asks about "the members of my team", because the article's point is that team
 * members trust each other on all three factors. Sub-scores per factor; the total is the
 * mean of the three, so ability, benevolence and integrity weigh the same.
 */
export const ABI_TRUSTWORTHINESS_V1: InstrumentDefinition = {
  instrumentId: ABI_TRUSTWORTHINESS_ID,
  version: 1,
  title: 'Trustworthiness of the members of my team (ability, benevolence, integrity)',
  source: {
    kind: 'published',
    citation:
      'Mayer, R. C., & Davis, J. H. (1999). The effect of the performance appraisal system on trust for management: A field quasi-experiment. Journal of Applied Psychology, 84(1), 123–136. Model: Mayer, R. C., Davis, J. H., & Schoorman, F. D. (1995). An integrative model of organizational trust. Academy of Management Review, 20(3), 709–734.',
    adaptation: 'Referent changed from "top management" to "the members of my team"; item order and scale as published.',
  },
  referent: 'the members of my team',
  scale: { points: 5, lowAnchor: 'Strongly disagree', highAnchor: 'Strongly agree' },
  dimensions: [
    { dimensionId: 'ability', title: 'Ability' },
    { dimensionId: 'benevolence', title: 'Benevolence' },
    { dimensionId: 'integrity', title: 'Integrity' },
  ],
  items: [
    item(1, 'ability', 'The members of my team are very capable of performing their job.'),
    item(2, 'ability', 'The members of my team are known to be successful at the things they try to do.'),
    item(3, 'ability', 'The members of my team have much knowledge about the work that needs done.'),
    item(4, 'ability', 'I feel very confident about their skills.'),
    item(5, 'ability', 'The members of my team have specialized capabilities that can increase our performance.'),
    item(6, 'ability', 'The members of my team are well qualified.'),
    item(7, 'benevolence', 'The members of my team are very concerned about my welfare.'),
    item(8, 'benevolence', 'My needs and desires are very important to them.'),
    item(9, 'benevolence', 'The members of my team would not knowingly do anything to hurt me.'),
    item(10, 'benevolence', 'The members of my team really look out for what is important to me.'),
    item(11, 'benevolence', 'The members of my team will go out of their way to help me.'),
    item(12, 'integrity', 'The members of my team have a strong sense of justice.'),
    item(13, 'integrity', 'I never have to wonder whether they will stick to their word.'),
    item(14, 'integrity', 'The members of my team try hard to be fair in dealings with others.'),
    item(15, 'integrity', 'Their actions and behaviours are not very consistent.', true),
    item(16, 'integrity', 'I like their values.'),
    item(17, 'integrity', 'Sound principles seem to guide their behaviour.'),
  ],
  total: 'mean-of-dimensions',
};
