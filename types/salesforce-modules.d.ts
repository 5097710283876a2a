// Ambient types for the platform modules that @salesforce/lightning-types does not declare.
// A triple-slash reference (not an import): an import would turn this file into a module, and the
// `declare module` blocks below into augmentations of modules that do not exist (TS2307).
/// <reference types="@salesforce/lightning-types" />

declare module '@salesforce/apex/*' {
  import type { WireAdapterConstructor } from 'lwc';
  /** An Apex method: called imperatively, or used as a wire adapter when cacheable. */
  const apexMethod: ((params?: Record<string, unknown>) => Promise<any>) &
    WireAdapterConstructor<any, any>;
  export default apexMethod;
}

declare module '@salesforce/apex' {
  export function refreshApex(wiredValue: unknown): Promise<void>;
  export function getSObjectValue(record: unknown, field: unknown): unknown;
}

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module '@salesforce/schema/*' {
  const field: { fieldApiName: string; objectApiName: string };
  export default field;
}

declare module '@salesforce/customPermission/*' {
  const hasPermission: boolean;
  export default hasPermission;
}

declare module '@salesforce/userPermission/*' {
  const hasPermission: boolean;
  export default hasPermission;
}

declare module '@salesforce/resourceUrl/*' {
  const url: string;
  export default url;
}

declare module '@salesforce/user/Id' {
  const userId: string;
  export default userId;
}

declare module '@salesforce/user/isGuest' {
  const isGuest: boolean;
  export default isGuest;
}

declare module 'lightning/platformShowToastEvent' {
  export class ShowToastEvent extends CustomEvent<{
    title?: string;
    message: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
  }> {
    constructor(detail: {
      title?: string;
      message: string;
      variant?: 'info' | 'success' | 'warning' | 'error';
      mode?: 'dismissible' | 'pester' | 'sticky';
    });
  }
}

declare module 'lightning/navigation' {
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    // URL parameters: the platform keeps state values as strings.
    state?: Record<string, string | undefined>;
  }
  import type { WireAdapterConstructor } from 'lwc';
  /** Wire adapter that emits the current page reference (its state holds URL parameters). */
  export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;
  type Constructor<T> = new (...args: any[]) => T;
  export function NavigationMixin<T extends Constructor<object>>(base: T): T;
  export namespace NavigationMixin {
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
  }
}

declare module 'lightning/uiRecordApi' {
  import type { WireAdapterConstructor } from 'lwc';
  export const getRecord: WireAdapterConstructor<any, any>;
  export const updateRecord: (recordInput: unknown) => Promise<unknown>;
  export function getFieldValue(record: unknown, field: unknown): unknown;
  export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
}

declare module 'lightning/actions' {
  export class CloseActionScreenEvent extends CustomEvent<null> {
    constructor();
  }
}

declare module 'lightning/refresh' {
  export class RefreshEvent extends CustomEvent<null> {
    constructor();
  }
}

declare module '@salesforce/i18n/locale' {
  /** The user's locale as a BCP 47 tag, for example de-DE. */
  const locale: string;
  export default locale;
}

declare module '@salesforce/i18n/currency' {
  /** The user's currency as an ISO 4217 code (the org's corporate currency without multicurrency). */
  const currency: string;
  export default currency;
}

declare module '@salesforce/i18n/timeZone' {
  /** The user's time zone, for example Europe/Berlin. */
  const timeZone: string;
  export default timeZone;
}

declare module '@salesforce/i18n/lang' {
  /** The user's language, for example de. */
  const lang: string;
  export default lang;
}

declare module 'lightning/platformResourceLoader' {
  /** Loads a script (a static resource URL) once per page; resolves when it has run. */
  export function loadScript(component: unknown, url: string): Promise<void>;
  /** Loads a style sheet once per page. */
  export function loadStyle(component: unknown, url: string): Promise<void>;
}
