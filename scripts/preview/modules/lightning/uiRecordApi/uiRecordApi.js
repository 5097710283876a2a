// lightning/uiRecordApi for the preview: getRecord (@wire) and updateRecord run in the local org as
// the persona (user mode, the org's full save order); notifyRecordUpdateAvailable refreshes every
// wired getRecord of those records.
import { uiApi } from 'preview/platform';

const live = new Set();

function fieldNames(list) {
  return (Array.isArray(list) ? list : list ? [list] : []).map((f) =>
    typeof f === 'string' ? f : `${f.objectApiName}.${f.fieldApiName}`
  );
}

export class getRecord {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.config = null;
  }
  fetch() {
    const c = this.config;
    if (!c || !c.recordId) return Promise.resolve();
    return uiApi('getRecord', {
      recordId: c.recordId,
      fields: [...fieldNames(c.fields), ...fieldNames(c.optionalFields)]
    }).then(
      (data) => this.dataCallback({ data, error: undefined }),
      (error) => this.dataCallback({ data: undefined, error })
    );
  }
  update(config) {
    this.config = config;
    this.fetch();
  }
  connect() {
    live.add(this);
  }
  disconnect() {
    live.delete(this);
  }
}

export function updateRecord(recordInput) {
  return uiApi('updateRecord', recordInput).then((rec) => {
    notifyRecordUpdateAvailable([{ recordId: rec.id }]);
    return rec;
  });
}

export function notifyRecordUpdateAvailable(items) {
  const ids = new Set((items || []).map((i) => i.recordId));
  return Promise.all(
    [...live].filter((a) => a.config && ids.has(a.config.recordId)).map((a) => a.fetch())
  ).then(() => undefined);
}
export const getRecordNotifyChange = notifyRecordUpdateAvailable;

export function getFieldValue(record, field) {
  const name = typeof field === 'string' ? field : field.fieldApiName;
  let node = record;
  for (const part of name.split('.')) {
    if (!node || !node.fields || !node.fields[part]) return undefined;
    node = node.fields[part].value;
  }
  return node;
}

export function getFieldDisplayValue(record, field) {
  const name = typeof field === 'string' ? field : field.fieldApiName;
  const f = record && record.fields && record.fields[name];
  return f ? (f.displayValue ?? f.value) : undefined;
}
