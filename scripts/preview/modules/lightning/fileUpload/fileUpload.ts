// lightning-file-upload for the preview (not in lightning-base-components): the control is shown;
// files are not stored in the local org, which says so.
import { LightningElement, api } from 'lwc';

export default class FileUpload extends LightningElement {
  @api label = '';
  @api recordId;
  @api accept;
  @api disabled = false;
  @api multiple = false;
  inputId = `upload-${Math.random().toString(36).slice(2)}`;
  note = '';
  handleChange(event) {
    const files = [...(event.target.files || [])].map((f) => ({ name: f.name, documentId: null }));
    this.note = 'The local preview does not store files; the upload is reported as finished.';
    this.dispatchEvent(new CustomEvent('uploadfinished', { detail: { files } }));
  }
}
