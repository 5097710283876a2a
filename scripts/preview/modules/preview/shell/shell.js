// The preview shell: header with the persona switcher and the persona's pages, the page laid out
// from the package's FlexiPage or site view (regions, tabs), a record header standing in for the
// platform's highlights panel (with the stage path on opportunities and Convert on leads), and a
// toast container for ShowToastEvent.
import { createElement } from 'lwc';
import { uiApi } from 'preview/platform';

const pv = globalThis.__PREVIEW__ || {};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat())
    if (c !== null && c !== undefined)
      node.append(c.nodeType ? c : document.createTextNode(String(c)));
  return node;
}

function kebab(name) {
  return name.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
}

function toast({ title, message, variant = 'info' }) {
  const box = document.getElementById('toasts');
  const t = el(
    'div',
    {
      class: `slds-notify slds-notify_toast slds-theme_${variant === 'error' ? 'error' : variant === 'success' ? 'success' : variant === 'warning' ? 'warning' : 'info'}`,
      role: 'status',
      'data-toast': variant
    },
    el(
      'div',
      { class: 'slds-notify__content' },
      el('h2', { class: 'slds-text-heading_small' }, title || ''),
      message ? el('p', {}, message) : null
    )
  );
  box.append(t);
  setTimeout(() => t.remove(), 6000);
}

function header(personas) {
  const select = el(
    'select',
    {
      id: 'persona',
      class: 'slds-select',
      onchange: (e) => {
        const [key, advocateId] = e.target.value.split(':');
        if (advocateId) document.cookie = `preview_advocate=${advocateId}; path=/`;
        window.location.assign(`/${key}`);
      }
    },
    personas.map((p) =>
      el('option', { value: p.value, selected: p.value === pv.personaValue }, p.label)
    )
  );
  const nav = el(
    'nav',
    { 'aria-label': 'Pages', class: 'preview-nav' },
    el(
      'ul',
      { class: 'slds-list_horizontal slds-has-dividers_right' },
      (pv.nav || []).map((n) =>
        el(
          'li',
          { class: 'slds-item' },
          el(
            'a',
            {
              href: n.href,
              'aria-current': n.current ? 'page' : null,
              class: n.current ? 'preview-current' : ''
            },
            n.label
          )
        )
      )
    )
  );
  return el(
    'header',
    {
      class:
        'preview-header slds-grid slds-grid_vertical-align-center slds-p-horizontal_medium slds-p-vertical_x-small'
    },
    el(
      'span',
      { class: 'slds-text-heading_small slds-m-right_large' },
      'Referral Program',
      el('span', { class: 'slds-text-body_small preview-sub' }, ' local preview')
    ),
    nav,
    el(
      'div',
      { class: 'slds-col_bump-left slds-form-element slds-grid slds-grid_vertical-align-center' },
      el('label', { class: 'slds-form-element__label', for: 'persona' }, 'Persona'),
      el('div', { class: 'slds-select_container' }, select)
    )
  );
}

function mount(container, components, name, props) {
  const Ctor = components[name];
  if (!Ctor) {
    container.append(
      el('p', { class: 'slds-text-color_error' }, `Component c:${name} is not in the bundle.`)
    );
    return null;
  }
  const elm = createElement(`c-${kebab(name)}`, { is: Ctor });
  for (const [k, v] of Object.entries(props || {})) elm[k] = v;
  container.append(elm);
  return elm;
}

async function recordHeader(main) {
  if (!pv.recordId) return;
  const fields = pv.headerFields || ['Name'];
  const card = el('div', {
    class: 'slds-page-header slds-page-header_record-home slds-m-bottom_small',
    'data-id': 'record-header'
  });
  main.append(card);
  let rec;
  try {
    rec = await uiApi('getRecord', { recordId: pv.recordId, fields });
  } catch (e) {
    card.append(
      el(
        'p',
        { class: 'slds-text-color_error' },
        (e.body && e.body.message) || 'The record could not be read.'
      )
    );
    return;
  }
  const value = (f) => {
    let node = rec;
    for (const part of f.split('.')) {
      if (!node || !node.fields || !node.fields[part]) return null;
      node = node.fields[part].value;
    }
    return node;
  };
  const name = value('Name') || value('LastName') || pv.recordId;
  card.append(
    el(
      'div',
      { class: 'slds-page-header__row' },
      el(
        'div',
        { class: 'slds-page-header__col-title' },
        el('span', { class: 'slds-text-title_caps' }, pv.objectLabel || pv.objectApiName),
        el('h1', { class: 'slds-page-header__title slds-truncate', title: name }, name)
      )
    ),
    el(
      'ul',
      { class: 'slds-page-header__detail-row slds-grid slds-wrap slds-m-top_small' },
      fields
        .filter((f) => f !== 'Name')
        .map((f) =>
          el(
            'li',
            { class: 'slds-page-header__detail-block slds-m-right_large' },
            el(
              'div',
              { class: 'slds-text-title' },
              f === 'Owner.Name' ? 'Owner' : f.replace(/__c$/, '').replace(/_/g, ' ')
            ),
            el('div', { 'data-field': f }, value(f) === null ? '' : String(value(f)))
          )
        )
    )
  );
  if (pv.objectApiName === 'Opportunity' && pv.stages) {
    const picker = el(
      'select',
      { id: 'stage', class: 'slds-select' },
      pv.stages.map((s) => el('option', { value: s, selected: s === value('StageName') }, s))
    );
    const amount = el('input', {
      id: 'amount',
      class: 'slds-input',
      type: 'number',
      min: '0',
      step: '100',
      value: value('Amount') ?? ''
    });
    const save = el(
      'button',
      { class: 'slds-button slds-button_brand slds-m-left_small', 'data-id': 'save-stage' },
      'Save stage'
    );
    save.addEventListener('click', async () => {
      save.disabled = true;
      try {
        const fields = { Id: pv.recordId, StageName: picker.value };
        if (amount.value !== '' && Number(amount.value) !== Number(value('Amount')))
          fields.Amount = Number(amount.value);
        await uiApi('updateRecord', { fields });
        toast({
          title: 'Stage saved',
          message: `Opportunity moved to ${picker.value}.`,
          variant: 'success'
        });
        setTimeout(() => window.location.reload(), 600);
      } catch (e) {
        toast({
          title: 'The stage could not be saved',
          message: (e.body && e.body.message) || '',
          variant: 'error'
        });
        save.disabled = false;
      }
    });
    card.append(
      el(
        'div',
        { class: 'slds-grid slds-grid_vertical-align-end slds-m-top_small' },
        el(
          'div',
          { class: 'slds-form-element' },
          el('label', { class: 'slds-form-element__label', for: 'stage' }, 'Stage'),
          el('div', { class: 'slds-select_container' }, picker)
        ),
        el(
          'div',
          { class: 'slds-form-element slds-m-left_small' },
          el('label', { class: 'slds-form-element__label', for: 'amount' }, 'Amount'),
          amount
        ),
        save
      )
    );
  }
  if (pv.objectApiName === 'Lead' && !value('IsConverted')) {
    const convert = el(
      'button',
      { class: 'slds-button slds-button_neutral slds-m-top_small', 'data-id': 'convert' },
      'Convert'
    );
    convert.addEventListener('click', async () => {
      convert.disabled = true;
      try {
        const r = await uiApi('convertLead', { leadId: pv.recordId });
        toast({ title: 'Lead converted', message: 'Opening the opportunity.', variant: 'success' });
        window.location.assign(`/${pv.persona}/opportunity/${r.opportunityId}`);
      } catch (e) {
        toast({
          title: 'The lead could not be converted',
          message: (e.body && e.body.message) || '',
          variant: 'error'
        });
        convert.disabled = false;
      }
    });
    card.append(convert);
  }
}

function layout(main, components, page) {
  const props = pv.recordId ? { recordId: pv.recordId, objectApiName: pv.objectApiName } : {};
  const mainCol = el('div', { class: 'slds-col slds-size_1-of-1 slds-large-size_8-of-12' });
  const side = el('div', { class: 'slds-col slds-size_1-of-1 slds-large-size_4-of-12' });
  const grid = el('div', { class: 'slds-grid slds-wrap slds-gutters' }, mainCol, side);
  // a sidebar beside an empty main column (the standard detail lives in the record header) takes the page
  const hasSide =
    page.components.some((c) => c.region === 'sidebar') &&
    page.components.some((c) => c.region !== 'sidebar');
  if (!hasSide) mainCol.className = 'slds-col slds-size_1-of-1';
  main.append(grid);
  for (const c of page.components) {
    const target = c.region === 'sidebar' && hasSide ? side : mainCol;
    const section = el('section', { class: 'slds-m-bottom_medium', 'data-component': c.name });
    if (c.tab)
      section.append(el('h2', { class: 'slds-text-heading_small slds-m-bottom_x-small' }, c.tab));
    target.append(section);
    mount(section, components, c.name, { ...props, ...(pv.componentProps || {}) });
  }
}

export async function start(components, manifest) {
  const root = document.getElementById('app');
  root.append(header(pv.personas || []));
  const main = el('main', { class: 'slds-p-around_medium', id: 'main' });
  root.append(main);
  document.addEventListener('lightning__showtoast', (e) => toast(e.detail || {}));
  if (pv.error) {
    main.append(el('div', { class: 'slds-box slds-theme_warning' }, pv.error));
    return;
  }
  const page = manifest[pv.page];
  if (!page) {
    main.append(el('p', {}, `No page ${pv.page}.`));
    return;
  }
  if (!pv.recordId)
    main.append(
      el(
        'h1',
        { class: 'slds-text-heading_medium slds-m-bottom_small' },
        pv.pageTitle || page.label
      )
    );
  main.setAttribute('data-page', pv.page);
  main.setAttribute('data-layout', page.source);
  await recordHeader(main);
  layout(main, components, page);
  document.body.setAttribute('data-ready', 'true');
}
