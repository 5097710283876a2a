import NO_DETAILS from '@salesforce/label/c.Core_Error_No_Details';
import { engineErrorMessage, isEngineError } from 'c/engineMessages';

/**
 * Turns whatever a failed Apex call, wire or UI API request produced into the sentences a
 * person should read. Apex refusals (AuraHandledException) already carry one sentence each.
 */
interface ErrorBody {
  message?: unknown;
  pageErrors?: { message?: unknown }[];
  fieldErrors?: Record<string, { message?: unknown }[]>;
  output?: ErrorBody;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function messagesOfBody(body: ErrorBody): string[] {
  const messages: string[] = [];
  if (Array.isArray(body.pageErrors)) {
    for (const pageError of body.pageErrors) {
      if (typeof pageError.message === 'string') messages.push(pageError.message);
    }
  }
  if (isRecord(body.fieldErrors)) {
    for (const errors of Object.values(body.fieldErrors)) {
      for (const fieldError of errors) {
        if (typeof fieldError.message === 'string') messages.push(fieldError.message);
      }
    }
  }
  if (body.output && isRecord(body.output)) messages.push(...messagesOfBody(body.output));
  if (messages.length === 0 && typeof body.message === 'string') messages.push(body.message);
  return messages;
}

/** Every readable sentence in an error or list of errors, without duplicates. */
export function reduceErrors(errors: unknown): string[] {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages: string[] = [];
  for (const error of list) {
    if (error === null || error === undefined) continue;
    if (typeof error === 'string') {
      messages.push(error);
    } else if (isEngineError(error)) {
      // the rules engine's diagnostic is English for developers: say it in the user's language
      messages.push(engineErrorMessage(error));
    } else if (isRecord(error)) {
      const body = error.body;
      if (Array.isArray(body)) {
        for (const item of body) {
          if (isRecord(item) && typeof item.message === 'string') messages.push(item.message);
        }
      } else if (isRecord(body)) {
        messages.push(...messagesOfBody(body as ErrorBody));
      } else if (typeof error.message === 'string') {
        messages.push(error.message);
      } else if (typeof error.statusText === 'string') {
        messages.push(error.statusText);
      }
    }
  }
  const unique = [...new Set(messages.map((m) => m.trim()).filter((m) => m.length > 0))];
  return unique.length > 0 || list.every((e) => e === null || e === undefined)
    ? unique
    : [NO_DETAILS];
}
