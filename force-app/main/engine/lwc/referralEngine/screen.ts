/** docs/rules.md section 5, `screen`: duplicates, self-referrals and fraud. */
import type { ScreenInput, ScreenResult } from './types';
import {
  elemObj,
  invalid,
  optArr,
  optBool,
  optObj,
  optStr,
  reqDay,
  reqNum,
  reqObj,
  reqStr,
  root
} from './validate';

/**
 * Normalises an email for comparison: trim white space (JavaScript's `\s` set, as the Apex
 * engine does), lowercase, and drop a `+tag` from the local part (everything from the first `+`
 * before the first `@`): `" Lee+Promo@Globex.com"` -> `"lee@globex.com"`.
 */
export function normaliseEmail(email: string): string {
  const e = email.trim().toLowerCase();
  const at = e.indexOf('@');
  const plus = e.indexOf('+');
  return plus >= 0 && plus < at ? e.slice(0, plus) + e.slice(at) : e;
}

const WHITE_SPACE = /\s/;

/** Exactly one `@`, a non-empty local part, no white space, two or more non-empty domain labels. */
function isValidEmail(e: string): boolean {
  const at = e.indexOf('@');
  if (at <= 0 || e.lastIndexOf('@') !== at || WHITE_SPACE.test(e)) {
    return false;
  }
  const labels = e.slice(at + 1).split('.');
  if (labels.length < 2) {
    return false;
  }
  for (const label of labels) {
    if (label === '') {
      return false;
    }
  }
  return true;
}

interface Contact {
  id: string;
  email: string | null;
  accountId: string | null;
  open: boolean;
}

function normalised(email: string | null): string | null {
  return email === null ? null : normaliseEmail(email);
}

/**
 * Screens a submitted referral: the first check that fires decides the verdict
 * (INVALID_EMAIL, BLOCKED_DOMAIN, SELF_REFERRAL, DUPLICATE_REFERRAL, EXISTING_OPPORTUNITY,
 * EXISTING_CONTACT, EXISTING_LEAD), otherwise ACCEPT.
 */
export function screen(input: ScreenInput): ScreenResult {
  const o = root(input as unknown, 'input');
  const today = reqDay(o, 'today', '');
  const program = reqObj(o, 'program', '');
  const window = reqNum(program, 'duplicateWindowDays', 'program');
  const blocked = optArr(program, 'blockedDomains', 'program').map((b, i) => {
    if (typeof b !== 'string') {
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      return invalid(`program.blockedDomains[${i}]`, 'must be a string');
    }
    return b.trim().toLowerCase();
  });
  const advocate = reqObj(o, 'advocate', '');
  const advocateEmail = normalised(optStr(advocate, 'email', 'advocate'));
  const advocateAccountId = optStr(advocate, 'accountId', 'advocate');
  const referred = reqObj(o, 'referred', '');
  const email = normaliseEmail(reqStr(referred, 'email', 'referred'));
  const existing = optObj(o, 'existing', '') ?? {};

  const contacts = optArr(existing, 'contacts', 'existing').map((v, i): Contact => {
    const p = `existing.contacts[${i}]`;
    const c = elemObj(v, p);
    return {
      id: reqStr(c, 'id', p),
      email: normalised(optStr(c, 'email', p)),
      accountId: optStr(c, 'accountId', p),
      open: optBool(c, 'accountHasOpenOpportunity', p)
    };
  });
  const leads = optArr(existing, 'leads', 'existing').map((v, i) => {
    const p = `existing.leads[${i}]`;
    const l = elemObj(v, p);
    return {
      id: reqStr(l, 'id', p),
      email: normalised(optStr(l, 'email', p)),
      converted: optBool(l, 'isConverted', p)
    };
  });
  const referrals = optArr(existing, 'referrals', 'existing').map((v, i) => {
    const p = `existing.referrals[${i}]`;
    const r = elemObj(v, p);
    return {
      id: reqStr(r, 'id', p),
      email: normalised(optStr(r, 'email', p)),
      day: reqDay(r, 'submittedDate', p),
      status: reqStr(r, 'status', p)
    };
  });

  // 1. INVALID_EMAIL
  if (!isValidEmail(email)) {
    return { verdict: 'REJECT', reason: 'INVALID_EMAIL', matchId: null };
  }
  // 2. BLOCKED_DOMAIN
  const domain = email.slice(email.indexOf('@') + 1);
  for (const b of blocked) {
    if (domain === b || domain.endsWith(`.${b}`)) {
      return { verdict: 'REJECT', reason: 'BLOCKED_DOMAIN', matchId: null };
    }
  }
  // 3. SELF_REFERRAL
  if (advocateEmail === email) {
    return { verdict: 'REJECT', reason: 'SELF_REFERRAL', matchId: null };
  }
  if (advocateAccountId !== null) {
    for (const c of contacts) {
      if (c.email === email && c.accountId === advocateAccountId) {
        return { verdict: 'REJECT', reason: 'SELF_REFERRAL', matchId: c.id };
      }
    }
  }
  // 4. DUPLICATE_REFERRAL (a referral dated after today counts: negative days)
  for (const r of referrals) {
    if (r.email === email && r.status !== 'REJECTED' && today - r.day <= window) {
      return { verdict: 'REJECT', reason: 'DUPLICATE_REFERRAL', matchId: r.id };
    }
  }
  // 5. EXISTING_OPPORTUNITY
  for (const c of contacts) {
    if (c.email === email && c.open) {
      return { verdict: 'REVIEW', reason: 'EXISTING_OPPORTUNITY', matchId: c.id };
    }
  }
  // 6. EXISTING_CONTACT
  for (const c of contacts) {
    if (c.email === email) {
      return { verdict: 'REVIEW', reason: 'EXISTING_CONTACT', matchId: c.id };
    }
  }
  // 7. EXISTING_LEAD (v2: a rep decides; an accepted referral is attached to this lead)
  for (const l of leads) {
    if (l.email === email && !l.converted) {
      return { verdict: 'REVIEW', reason: 'EXISTING_LEAD', matchId: l.id };
    }
  }
  return { verdict: 'ACCEPT', reason: null, matchId: null };
}
