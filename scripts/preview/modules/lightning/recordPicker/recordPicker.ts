// lightning-record-picker for the preview (not in lightning-base-components): searches the
// records the persona can see in the local org (user mode) by the matching fields, with the
// filter's eq criteria, and fires `change` with { recordId } as the platform's does.
import { LightningElement, api, track } from 'lwc';
import { uiApi } from 'preview/platform';

export default class RecordPicker extends LightningElement {
  @api label = '';
  @api placeholder = '';
  @api objectApiName;
  @api filter;
  @api displayInfo;
  @api matchingInfo;
  @api fieldLevelHelp;
  @api required = false;
  @api disabled = false;
  @track results = [];
  term = '';
  selectedLabel = '';
  _value = null;
  inputId = `picker-${Math.random().toString(36).slice(2)}`;

  @api
  get value() {
    return this._value;
  }
  set value(v) {
    this._value = v || null;
    if (!v) this.selectedLabel = '';
  }

  get hasResults() {
    return this.results.length > 0;
  }
  get displayValue() {
    return this.selectedLabel || this.term;
  }

  fields() {
    const m = this.matchingInfo || {};
    const out = [m.primaryField ? m.primaryField.fieldPath : 'Name'];
    for (const f of m.additionalFields || []) out.push(f.fieldPath);
    return out;
  }

  async handleInput(event) {
    this.term = event.target.value;
    this.selectedLabel = '';
    if (this.term.length < 2) {
      this.results = [];
      return;
    }
    const display = (this.displayInfo && this.displayInfo.additionalFields) || [];
    try {
      const rows = await uiApi('search', {
        objectApiName: this.objectApiName,
        term: this.term,
        fields: this.fields(),
        display,
        criteria: (this.filter && this.filter.criteria) || []
      });
      this.results = rows.map((r) => ({
        id: r.Id,
        label: r.Name,
        detail: display
          .map((f) => r[f])
          .filter(Boolean)
          .join(' • ')
      }));
    } catch (e) {
      this.results = [];
    }
  }

  handleSelect(event) {
    const id = event.currentTarget.dataset.id;
    const r = this.results.find((x) => x.id === id);
    this._value = id;
    this.selectedLabel = r ? r.label : id;
    this.results = [];
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId: id } }));
  }

  handleClear() {
    this._value = null;
    this.selectedLabel = '';
    this.term = '';
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId: null } }));
  }

  @api
  checkValidity() {
    return !this.required || !!this._value;
  }
  @api
  reportValidity() {
    return this.checkValidity();
  }
  @api
  focus() {
    const input = this.template.querySelector('input');
    if (input) input.focus();
  }
}
