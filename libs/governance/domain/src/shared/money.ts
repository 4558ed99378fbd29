import type { Rejection } from '@leerzone/kernel';
import { reject } from '@leerzone/kernel';

export interface Money {
  /** In the currency's major unit (euros, not cents); at most four decimals. */
  readonly amount: number;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
}

/** Sums and comparisons run on integers so 0.1 + 0.2 never exceeds a limit of 0.3. */
const SCALE = 10_000;
export const MAX_AMOUNT = 1_000_000_000_000;

export const toUnits = (amount: number): number => Math.round(amount * SCALE);
export const fromUnits = (units: number): number => units / SCALE;

export function validateMoney(value: unknown, field: string, code: string): Money | Rejection {
  if (typeof value !== 'object' || value === null) {
    return reject('invalid', code, 'An amount needs a number and a currency, e.g. { "amount": 2500, "currency": "EUR" }.', { field });
  }
  const { amount, currency } = value as { amount?: unknown; currency?: unknown };
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT) {
    return reject('invalid', code, `The amount must be a number from 0 to ${MAX_AMOUNT}.`, { field: `${field}.amount` });
  }
  if (Math.abs(toUnits(amount) / SCALE - amount) > 1e-9) {
    return reject('invalid', code, 'The amount may have at most four decimals.', { field: `${field}.amount` });
  }
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    return reject('invalid', code, 'The currency must be an ISO 4217 code such as EUR.', { field: `${field}.currency` });
  }
  return { amount, currency };
}

export const formatMoney = (money: Money): string => `${money.currency} ${money.amount}`;
