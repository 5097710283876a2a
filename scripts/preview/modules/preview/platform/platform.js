// The preview's platform client: @salesforce/apex methods (imperative and @wire) POST to the local
// server, which runs the real @AuraEnabled method in the local org as the persona's user. Errors
// arrive as Lightning delivers them: { status, statusText, ok: false, body: { message, exceptionType, ... } }.
const state = globalThis.__PREVIEW__ || { persona: 'admin', user: {} };

export function persona() {
  return state.persona;
}

async function post(url, payload) {
  let res;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-preview-persona': state.persona },
      body: JSON.stringify(payload)
    });
  } catch (e) {
    throw {
      status: 0,
      statusText: 'Network error',
      ok: false,
      body: { message: `The preview server did not answer: ${e && e.message}` }
    };
  }
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = { message: `The preview server answered ${res.status} without JSON.` };
  }
  if (!res.ok)
    throw { status: res.status, statusText: res.statusText, ok: false, headers: {}, body };
  return body;
}

export function callApex(classname, method, params, cacheable = false) {
  return post('/api/apex', { classname, method, params: params || {}, cacheable });
}

export function uiApi(op, payload) {
  return post(`/api/ui/${op}`, payload);
}

const refreshers = new WeakMap();

/** A function for imperative calls that is also a wire adapter (engine-dom reads `.adapter`). */
export function apexMethod(classname, method) {
  const fn = (params) => callApex(classname, method, params, false);
  class ApexWireAdapter {
    constructor(dataCallback) {
      this.dataCallback = dataCallback;
      this.config = undefined;
      this.connected = false;
    }
    emit(value) {
      refreshers.set(value, () => this.fetch());
      this.dataCallback(value);
    }
    fetch() {
      return callApex(classname, method, this.config || {}, true).then(
        (data) => this.emit({ data, error: undefined }),
        (error) => this.emit({ data: undefined, error })
      );
    }
    ready() {
      // as the platform's Apex adapter: no call while a reactive parameter is undefined
      return this.config !== undefined && Object.values(this.config).every((v) => v !== undefined);
    }
    update(config) {
      this.config = config;
      if (this.connected && this.ready()) this.fetch();
    }
    connect() {
      this.connected = true;
      if (this.ready()) this.fetch();
    }
    disconnect() {
      this.connected = false;
    }
  }
  fn.adapter = ApexWireAdapter;
  return fn;
}

export function refreshApex(wiredValue) {
  const refresh = wiredValue && refreshers.get(wiredValue);
  return refresh ? refresh() : Promise.resolve();
}

export function getSObjectValue(record, field) {
  const name = typeof field === 'string' ? field : field && field.fieldApiName;
  if (!record || !name) return undefined;
  return name.split('.').reduce((o, k) => (o == null ? undefined : o[k]), record);
}

export function currentUser(field) {
  const user = state.user || {};
  switch (field) {
    case 'Id':
      return user.Id || null;
    case 'isGuest':
      return state.persona === 'guest';
    default:
      return user[field] ?? null;
  }
}

export function hasPermission() {
  return false;
}
