/**
 * Reading the numbers of a broker table as OCR returns them: money with `$` and thousands commas,
 * negatives written with a minus (ASCII or Unicode), parentheses or a leading sign, percentages,
 * and the characters OCR confuses with digits (O/0, l/I/|/1, S/5, B/8, Z/2).
 */

export interface ReadNumber {
  value: number;
  /** Digits after the decimal point as read (0 when there is none). */
  decimals: number;
  /** Digits written in all ("062" has three). */
  digits: number;
  /** A character was taken for a digit or a separator it did not look like (e.g. O → 0, "12,35" → 12.35). */
  corrected: boolean;
  /** Written with an explicit sign (+, −) or parentheses. */
  signed: boolean;
  percent: boolean;
}

/** What OCR writes in place of a digit. */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', i: '1', '|': '1', '!': '1', S: '5', s: '5', B: '8', Z: '2', z: '2' };
const MINUS = /^[-\u2212\u2012\u2013\u2014~]/;

/** A cell that says "nothing here" (a dash, "N/A"). */
export function isEmptyCell(text: string): boolean {
  return /^(?:[-\u2012\u2013\u2014_.]{1,3}|n\/?a)$/i.test(text.trim());
}

/** Replaces look-alike characters between or next to digits; says whether it did. */
export function fixDigitLookalikes(text: string): { text: string; corrected: boolean } {
  let corrected = false;
  const out = [...text].map((ch, i, all) => {
    const digit = DIGIT_LOOKALIKES[ch];
    if (digit === undefined) return ch;
    // Only inside a number: a neighbour is a digit, a separator or another look-alike.
    const near = (c: string | undefined) => c !== undefined && (/[0-9.,]/.test(c) || DIGIT_LOOKALIKES[c] !== undefined);
    if (!near(all[i - 1]) && !near(all[i + 1])) return ch;
    corrected = true;
    return digit;
  });
  return { text: out.join(''), corrected };
}

/**
 * Reads one number: "$1,012.50", "(435.00)", "+2", "−1", "-$46.00", "+10.65%", "6OO". Returns
 * undefined when the text is not a number (words, dates, an empty cell).
 */
export function readNumber(raw: string): ReadNumber | undefined {
  let text = raw.trim().replace(/^["'`‘’“”:;*]+|["'`‘’“”:;*]+$/g, '');
  if (!text || isEmptyCell(text)) return undefined;
  let negative = false;
  let signed = false;
  // Parentheses mean negative; OCR sometimes keeps only one of the pair.
  if (/^\(|\)$/.test(text)) {
    negative = true;
    signed = true;
    text = text.replace(/^\(|\)$/g, '');
  }
  text = text.replace(/^\$/, '');
  if (MINUS.test(text)) {
    negative = true;
    signed = true;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    signed = true;
    text = text.slice(1);
  }
  text = text.replace(/^\$/, '').replace(/^\(|\)$/g, '');
  // A dollar sign read as an S ("S12.35").
  const dollarAsS = /^[Ss][0-9OolI|]/.test(text) && /[0-9]/.test(text.slice(1, 3));
  if (dollarAsS) text = text.slice(1);
  const percent = text.endsWith('%');
  if (percent) text = text.slice(0, -1);
  const fixed = fixDigitLookalikes(text);
  text = fixed.text.replace(/[.,]$/, '');
  if (!/^[0-9][0-9.,]*$/.test(text) || !/[0-9]/.test(text)) return undefined;
  const separated = normalizeSeparators(text);
  if (!separated) return undefined;
  const value = Number(separated.text);
  if (!Number.isFinite(value)) return undefined;
  const decimals = separated.text.includes('.') ? separated.text.split('.')[1]!.length : 0;
  return { value: negative ? -value : value, decimals, digits: separated.text.replace(/\D/g, '').length, corrected: dollarAsS || fixed.corrected || separated.corrected, signed, percent };
}

/**
 * US grouping: commas every three digits, one decimal point. Anything else is an OCR slip:
 * "12,35" (point read as comma) → 12.35; "1.012.50" (comma read as point) → 1012.50.
 */
function normalizeSeparators(text: string): { text: string; corrected: boolean } | undefined {
  const parts = text.split(/([.,])/);
  const seps = parts.filter((_, i) => i % 2 === 1);
  const groups = parts.filter((_, i) => i % 2 === 0);
  if (groups.some((g) => g === '')) return undefined;
  if (/^\d{1,3}(,\d{3})*(\.\d+)?$/.test(text) || /^\d+(\.\d+)?$/.test(text)) return { text: text.replace(/,/g, ''), corrected: false };
  // The last separator followed by one or two digits is the decimal point; the others group thousands.
  const last = groups[groups.length - 1]!;
  const lastIsDecimal = last.length <= 2 || seps[seps.length - 1] === '.';
  const whole = (lastIsDecimal ? groups.slice(0, -1) : groups).join('');
  return { text: lastIsDecimal ? `${whole}.${last}` : whole, corrected: true };
}

/** Words that mark a position as short (or long) when the quantity carries no sign. */
export function sideWord(text: string): 'long' | 'short' | undefined {
  if (/\b(short|sell|sold|credit|cr|written)\b/i.test(text)) return 'short';
  if (/\b(long|buy|bought|debit|db)\b/i.test(text)) return 'long';
  return undefined;
}
