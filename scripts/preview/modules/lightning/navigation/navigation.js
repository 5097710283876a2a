// lightning/navigation for the preview: NavigationMixin (Navigate, GenerateUrl) over the preview's
// URLs, and the CurrentPageReference wire adapter from the address bar (state = query string).
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

const PORTAL_PAGES = {
  Home: 'home',
  Submit_Referral__c: 'submit',
  My_Referrals__c: 'referrals',
  My_Rewards__c: 'rewards',
  Reward_Catalog__c: 'catalog',
  My_Profile__c: 'profile',
  Refer__c: 'refer',
  Join__c: 'join'
};
const RECORD_PAGES = {
  Lead: 'rep/lead',
  Opportunity: 'rep/opportunity',
  Advocate__c: 'rep/advocate',
  Referral_Program__c: 'admin/program'
};

function query(state) {
  const entries = Object.entries(state || {}).filter(([, v]) => v !== undefined && v !== null);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

export function urlFor(ref) {
  const p = (globalThis.__PREVIEW__ || {}).persona || 'admin';
  const a = (ref && ref.attributes) || {};
  switch (ref && ref.type) {
    case 'comm__namedPage': {
      const page =
        PORTAL_PAGES[a.name] ||
        String(a.name || 'home')
          .replace(/__c$/, '')
          .toLowerCase();
      if (page === 'refer' || page === 'join') return `/guest/${page}${query(ref.state)}`;
      return `/${p.startsWith('advocate') ? p : 'advocate'}/${page}${query(ref.state)}`;
    }
    case 'comm__loginPage':
      return '/';
    case 'standard__recordPage': {
      const base = RECORD_PAGES[a.objectApiName] || 'rep/record';
      const persona = base.startsWith('admin')
        ? p === 'finance'
          ? 'finance'
          : 'admin'
        : p.startsWith('rep')
          ? p
          : 'rep1';
      return `/${persona}/${base.split('/')[1]}/${a.recordId}`;
    }
    case 'standard__webPage':
      return a.url || '/';
    default:
      return `/${p}${query(ref && ref.state)}`;
  }
}

export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](ref, replace) {
      const url = urlFor(ref);
      if (replace) window.location.replace(url);
      else window.location.assign(url);
    }
    [GenerateUrl](ref) {
      return Promise.resolve(urlFor(ref));
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export function currentPageReference() {
  const state = Object.fromEntries(new URLSearchParams(window.location.search));
  const pv = globalThis.__PREVIEW__ || {};
  return { type: pv.pageType || 'standard__namedPage', attributes: pv.pageAttributes || {}, state };
}

export class CurrentPageReference {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }
  connect() {
    this.dataCallback(currentPageReference());
  }
  disconnect() {}
  update() {}
}
