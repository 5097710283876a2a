// Errors the data layer raises. `apexType` names the Apex exception the interpreter throws.
import type { DmlError } from '../contracts.js';

export class DataError extends Error {
  readonly apexType: string;
  /** DmlException: one entry per failed row (index in the DML list, its errors). */
  readonly dmlRows?: { index: number; id: string | null; errors: DmlError[] }[];
  constructor(apexType: string, message: string, dmlRows?: { index: number; id: string | null; errors: DmlError[] }[]) {
    super(message);
    this.name = 'DataError';
    this.apexType = apexType;
    if (dmlRows) this.dmlRows = dmlRows;
  }
}

export const queryError = (msg: string): DataError => new DataError('System.QueryException', msg);
export const sobjectError = (msg: string): DataError => new DataError('System.SObjectException', msg);
export const unsupportedData = (what: string): DataError => new DataError('Unsupported', `Unsupported in the local org: ${what}`);
