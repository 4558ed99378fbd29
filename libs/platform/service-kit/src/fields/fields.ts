import { z } from 'zod';

/** Aggregate roots (teams, organisations, cycles, rounds, reports) are addressed by UUID. */
export const RootId = z.uuid();

/**
 * Ids of things inside an aggregate (units, boundaries, key results, actions) and user ids:
 * chosen by the client or minted here, safe in a URL.
 */
export const EntityId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/, 'Use 1-128 letters, digits and . _ : @ - (starting with a letter or digit).');

/** Decision areas, topics, tags: lower-case slugs (`budget-spend`, `giving-feedback`). */
export const Slug = z
  .string()
  .max(60)
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'Use a lower-case slug such as budget-spend.');

/** An ISO-8601 instant with an explicit zone, as the domain parses it. */
export const Instant = z.iso.datetime({ offset: true });

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

// C0 and C1 controls other than tab, line feed and carriage return; DEL. Matching them is the point.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// Bidirectional overrides and isolates: they make text display differently from what it says.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /\p{Surrogate}/u;
// Characters that draw nothing: a text made only of these (and spaces) is empty to a reader.
const INVISIBLE = /^(?:[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800\u180E]|\u034F)*$/u;

function humanText(options: { readonly max: number; readonly multiline: boolean }) {
  return z
    .string()
    .transform((value, ctx) => {
      if (LONE_SURROGATE.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'Contains a broken character (a lone UTF-16 surrogate).' });
        return z.NEVER;
      }
      const text = value.normalize('NFC').trim();
      const refused = CONTROL.test(text) ? 'control characters' : BIDI.test(text) ? 'bidirectional override characters' : !options.multiline && /[\r\n\t]/.test(text) ? 'line breaks or tabs' : null;
      if (refused) {
        ctx.addIssue({ code: 'custom', message: `Must not contain ${refused}.` });
        return z.NEVER;
      }
      if (text.length === 0 || INVISIBLE.test(text)) {
        ctx.addIssue({ code: 'custom', message: 'Must not be empty (or made only of invisible characters).' });
        return z.NEVER;
      }
      if (text.length > options.max) {
        ctx.addIssue({ code: 'custom', message: `May be at most ${options.max} characters (got ${text.length}).` });
        return z.NEVER;
      }
      return text;
    });
}

/**
 * A name or title: one line, Unicode-normalised (NFC), trimmed, and refusing NUL and other
 * control characters, bidi overrides, lone surrogates and text made only of invisible
 * characters. Take `max` from the domain's rule constant.
 */
export const NameText = (max: number) => humanText({ max, multiline: false });

/** Free text (a description, a comment, notes): like `NameText`, but line breaks and tabs are allowed. */
export const FreeText = (max: number) => humanText({ max, multiline: true });

/** Why a change was made. Where the domain requires one, a missing reason is a 400 on `reason`. */
export const ReasonText = (max: number) => FreeText(max);
