/** Error codes raised by the rules engine (docs/rules.md, "The vector file"). */
export type ReferralEngineErrorCode = 'MISSING_RATE' | 'INVALID_INPUT';

/** A typed engine error: `code` is the docs/rules.md error code, `message` names the field at fault. */
export class ReferralEngineError extends Error {
  readonly code: ReferralEngineErrorCode;

  constructor(code: ReferralEngineErrorCode, message: string) {
    super(message);
    this.name = 'ReferralEngineError';
    this.code = code;
  }
}
