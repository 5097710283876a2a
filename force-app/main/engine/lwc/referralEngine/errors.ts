/** Error codes raised by the rules engine (docs/rules.md, "The vector file"). */
export type ReferralEngineErrorCode = 'MISSING_RATE' | 'INVALID_INPUT';

/**
 * A typed engine error: `code` is the docs/rules.md error code, `message` the specified diagnostic
 * naming the field at fault (English, for developers, harnesses and logs), `field` that field's
 * path (`rules[2].tiers[1].upTo`, `rates.EUR`) so a screen can say it in the user's language
 * (c/engineMessages) instead of showing the message.
 */
export class ReferralEngineError extends Error {
  readonly code: ReferralEngineErrorCode;
  readonly field: string;

  constructor(code: ReferralEngineErrorCode, message: string, field: string) {
    super(message);
    this.name = 'ReferralEngineError';
    this.code = code;
    this.field = field;
  }
}
