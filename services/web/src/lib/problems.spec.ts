import { translate } from './i18n';
import { describeProblem, normaliseField, type Problem } from './problems';

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);
const nl = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('nl', key, params);

describe('problem details in words a person understands', () => {
  const outside: Problem = {
    status: 403,
    code: 'DECISION.AMOUNT_OVER_LIMIT',
    detail: 'Decision d-1 is outside the team’s mandate: EUR 100000 exceeds …',
    field: 'amount',
    errors: [{ field: 'amount', code: 'DECISION.AMOUNT_OVER_LIMIT', message: 'EUR 100000 exceeds …' }],
    requestId: 'req-1',
  };

  it('keys on the stable code, in the person’s language, never on the server’s English detail', () => {
    expect(describeProblem(outside, en)).toEqual({
      summary: 'The amount is more than the team’s mandate allows.',
      fields: { amount: 'The amount is more than the team’s mandate allows.' },
      code: 'DECISION.AMOUNT_OVER_LIMIT',
      requestId: 'req-1',
    });
    expect(describeProblem(outside, nl).fields['amount']).toBe('Het bedrag is hoger dan het mandaat van het team toestaat.');
  });

  it('puts each validation error on its field, with the field’s own code where it has one', () => {
    const view = describeProblem(
      {
        status: 400,
        code: 'VALIDATION.FAILED',
        field: 'title',
        errors: [
          { field: 'title', code: 'VALIDATION.INVALID_TYPE' },
          { field: 'answers[0].responses', code: 'ANSWER.ITEM_MISSING' },
          { field: 'rationale', code: 'SOMETHING.NEW' },
        ],
      },
      en,
    );
    expect(view.summary).toBe('Something in the form is not right. Please check the marked fields.');
    expect(view.fields).toEqual({
      title: 'Please fill this in.',
      'answers.0.responses': 'Please answer every statement.',
      rationale: 'Something in the form is not right. Please check the marked fields.',
    });
  });

  it('names the problem’s own field when errors[] does not, and falls back on the status for an unknown code', () => {
    expect(describeProblem({ status: 422, code: 'OKR.BLOCKER_REQUIRED', field: 'blockers' }, en).fields).toEqual({ blockers: 'This key result is at risk: name at least one blocker, so it can be removed.' });
    expect(describeProblem({ status: 409, code: 'NEVER.SEEN' }, nl)).toMatchObject({ summary: 'Iemand wijzigde dit tegelijk. Laad opnieuw en probeer het nog eens.', fields: {} });
    expect(describeProblem({ status: 503 }, en).summary).toBe('Something went wrong on our side. Please try again later.');
    expect(describeProblem({ status: 0, code: 'NETWORK.UNREACHABLE' }, en).summary).toMatch(/could not be reached/);
    expect(describeProblem({ status: 418, field: 'x' }, en).fields).toEqual({ x: 'Please check this field.' });
  });

  it('writes array fields one way', () => {
    expect(normaliseField('answers[0].responses[12].value')).toBe('answers.0.responses.12.value');
    expect(normaliseField('amount.currency')).toBe('amount.currency');
  });
});
