// Errors raised by the pure value libraries. The interpreter maps `apexType` to the Apex
// exception class of that name (System.TypeException, System.MathException, ...).

export class ApexValueError extends Error {
  readonly apexType: string;
  constructor(apexType: string, message: string) {
    super(message);
    this.name = 'ApexValueError';
    this.apexType = apexType;
  }
}

export const typeError = (msg: string): ApexValueError => new ApexValueError('System.TypeException', msg);
export const mathError = (msg: string): ApexValueError => new ApexValueError('System.MathException', msg);
export const stringError = (msg: string): ApexValueError => new ApexValueError('System.StringException', msg);
export const npe = (msg = 'Attempt to de-reference a null object'): ApexValueError =>
  new ApexValueError('System.NullPointerException', msg);
export const listError = (msg: string): ApexValueError => new ApexValueError('System.ListException', msg);
export const jsonError = (msg: string): ApexValueError => new ApexValueError('System.JSONException', msg);
export const unsupported = (what: string): ApexValueError =>
  new ApexValueError('Unsupported', `Unsupported in the local org: ${what}`);
