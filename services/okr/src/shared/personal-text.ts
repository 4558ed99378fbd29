import { Inject, Injectable } from '@nestjs/common';
import { isErased, isRejection, personSubject, requiredText, type PersonalDataVault, type Rejection, type SealedValue, type TextRule } from '@leerzone/kernel';
import { PERSONAL_DATA_VAULT } from '@leerzone/nest-platform';

/** What a reader sees of a sealed text: the words, or that its author was erased, or that it is not theirs to read. */
export type OpenedText = { readonly text: string } | { readonly erased: true } | { readonly hidden: true };

/**
 * Check-in comments, blocker descriptions and review findings are a person's own words:
 * checked as plain text against the domain's rule, then sealed under the author's subject of
 * their tenant (`personSubject`) before they enter a command. Erasing the author leaves the
 * events and makes the words unreadable; the same user id in another tenant is another person.
 * Texts sealed before under the bare author id still open (the seal names its subject).
 */
@Injectable()
export class PersonalText {
  constructor(@Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault) {}

  async seal(author: { readonly tenantId: string; readonly userId: string }, text: string, rule: TextRule, field = rule.field): Promise<SealedValue | Rejection> {
    const valid = requiredText(text, { ...rule, field });
    if (isRejection(valid)) return valid;
    return this.vault.seal(personSubject(author.tenantId, author.userId), valid);
  }

  async open(value: unknown, mayRead: boolean): Promise<OpenedText | null> {
    if (value === null || value === undefined) return null;
    if (!mayRead) return { hidden: true };
    const opened = await this.vault.open(value as SealedValue);
    return isErased(opened) ? { erased: true } : { text: String(opened) };
  }
}
