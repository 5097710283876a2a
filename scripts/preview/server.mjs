// The preview's HTTP server: the pages (one HTML shell per route, the persona and page injected),
// the compiled bundle, SLDS, and the API the preview modules call: @AuraEnabled methods, the
// uiRecordApi reads and writes, lead conversion (the platform's standard Convert) and record search.
// Every call runs in the local org as the persona's user, one transaction each.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import * as S from '../../local-org/dist/src/server/index.js';
import { DEMO_INVITATION_TOKEN, PERSONA_USERS } from './demo-data.mjs';

const MIME = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.json': 'application/json'
};

const PAGES = {
  rep: [
    ['lead', 'Lead'],
    ['opportunity', 'Opportunity'],
    ['leaderboard', 'Leaderboard'],
    ['verbal', 'Verbal referral'],
    ['advocate', 'Advocate'],
    ['home', 'Home']
  ],
  admin: [
    ['program', 'Program'],
    ['approvals', 'Reward approvals'],
    ['review', 'Review queue'],
    ['home', 'Program home']
  ],
  advocate: [
    ['home', 'Home'],
    ['submit', 'Submit a referral'],
    ['referrals', 'My referrals'],
    ['rewards', 'My rewards'],
    ['catalog', 'Reward catalog'],
    ['profile', 'My profile']
  ],
  guest: [
    ['refer', 'Public referral page'],
    ['join', 'Join the program']
  ]
};
const KIND = {
  rep1: 'rep',
  rep2: 'rep',
  admin: 'admin',
  finance: 'admin',
  advocate: 'advocate',
  guest: 'guest'
};
const HEADER_FIELDS = {
  Lead: ['Name', 'Company', 'Email', 'Status', 'LeadSource', 'Owner.Name', 'IsConverted'],
  Opportunity: ['Name', 'StageName', 'Amount', 'CloseDate', 'Owner.Name'],
  Referral_Program__c: ['Name', 'Status__c', 'Routing_Policy__c', 'Currency_Code__c'],
  Advocate__c: ['Name', 'Status__c', 'Referral_Code__c', 'Points_Balance__c', 'Owner.Name']
};
const OBJECT_OF_PAGE = {
  lead: 'Lead',
  opportunity: 'Opportunity',
  program: 'Referral_Program__c',
  advocate: 'Advocate__c'
};

function send(res, status, body, type = 'application/json; charset=utf-8') {
  const data = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(data);
}

function readBody(req, limit = 1_000_000) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) {
        reject(Object.assign(new Error('The request body is larger than 1 MB.'), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function cookies(req) {
  return Object.fromEntries(
    (req.headers.cookie || '')
      .split(';')
      .map((c) => c.trim().split('='))
      .filter((p) => p.length === 2)
  );
}

/** Where Site.login sends a user the site signed in: the preview signs the advocate in. */
const signInUrl = (userId, startUrl) =>
  `/preview/signin?user=${encodeURIComponent(userId)}&startUrl=${encodeURIComponent(startUrl)}`;

export function createPreviewServer({ root, bundleDir, state, log = () => {} }) {
  const slds = path.join(root, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
  const personaCache = { value: null };
  const siteCache = { value: undefined };

  /** The Experience Cloud site the guest's and the advocates' requests run on (Site.getSiteId()). */
  function site() {
    if (siteCache.value !== undefined) return siteCache.value;
    const row = S.querySystem(
      state.session,
      'SELECT Id, Name FROM Site ORDER BY CreatedDate LIMIT 1'
    )[0];
    const network = state.session.schema.networks?.[0];
    siteCache.value = row
      ? {
          id: row.Id,
          name: row.Name,
          selfRegProfile: network?.selfRegProfile ?? null,
          loginUrl: signInUrl
        }
      : null;
    return siteCache.value;
  }

  function personas() {
    if (personaCache.value) return personaCache.value;
    const session = state.session;
    const users = {};
    for (const [k, u] of Object.entries(PERSONA_USERS)) {
      const row = S.querySystem(session, 'SELECT Id, Name FROM User WHERE Username = :u', { u })[0];
      if (row) users[k] = row;
    }
    const advocates = S.querySystem(
      session,
      'SELECT Id, Name, Contact__r.Name, Referral_Code__c, Portal_User__c, Portal_User__r.Name FROM Advocate__c WHERE Portal_User__c != null ORDER BY Name'
    );
    const guestId = session.org.seeded.guestUserId;
    personaCache.value = { users, advocates, guestId };
    return personaCache.value;
  }

  /** persona key -> { key, userId, label, advocate? }; null when unknown. */
  function resolvePersona(key, req) {
    const p = personas();
    if (p.users[key])
      return { key, userId: p.users[key].Id, label: p.users[key].Name, user: p.users[key] };
    if (key === 'guest')
      return p.guestId
        ? {
            key,
            userId: p.guestId,
            label: 'Guest (public site)',
            user: { Id: p.guestId, Name: 'Guest' }
          }
        : null;
    if (key === 'advocate') {
      const chosen = cookies(req).preview_advocate;
      const adv = p.advocates.find((a) => a.Id === chosen) || p.advocates[0];
      if (!adv) return null;
      return {
        key,
        userId: adv.Portal_User__c,
        label: `Advocate: ${adv.Contact__r?.Name ?? adv.Name}`,
        advocate: adv,
        user: { Id: adv.Portal_User__c, Name: adv.Portal_User__r?.Name ?? adv.Name }
      };
    }
    return null;
  }

  function defaultRecord(persona, page) {
    const s = state.session;
    const one = (soql, binds) => S.querySystem(s, soql, binds)[0]?.Id ?? null;
    switch (page) {
      case 'lead':
        return one(
          'SELECT Id FROM Lead WHERE OwnerId = :u AND IsConverted = false ORDER BY CreatedDate DESC, Id DESC LIMIT 1',
          { u: persona.userId }
        );
      case 'opportunity':
        return one(
          'SELECT Id FROM Opportunity WHERE OwnerId = :u AND IsClosed = false ORDER BY CreatedDate DESC, Id DESC LIMIT 1',
          { u: persona.userId }
        );
      case 'advocate':
        return one(
          'SELECT Id FROM Advocate__c WHERE OwnerId = :u ORDER BY Referrals_Submitted__c DESC NULLS LAST, Id LIMIT 1',
          { u: persona.userId }
        );
      case 'program':
        return one('SELECT Id FROM Referral_Program__c ORDER BY CreatedDate LIMIT 1', {});
      default:
        return null;
    }
  }

  function pageState(req, url) {
    const parts = url.pathname.split('/').filter(Boolean);
    const key = parts[0];
    const kind = KIND[key];
    if (!kind) return null;
    const persona = resolvePersona(key, req);
    if (!persona)
      return {
        error: `The persona ${key} has no user in the local org (reload the demo data with npm start -- --reset).`
      };
    const page = parts[1] || PAGES[kind][0][0];
    if (!PAGES[kind].some(([p]) => p === page)) return null;
    const pageKey = `${kind === 'admin' ? 'admin' : kind === 'rep' ? 'rep' : kind === 'advocate' ? 'portal' : 'guest'}/${page}`;
    const objectApiName = OBJECT_OF_PAGE[page] ?? null;
    let recordId = objectApiName ? parts[2] || defaultRecord(persona, page) : null;
    if (page === 'refer' && !url.searchParams.has('code') && !url.searchParams.has('preview')) {
      const code = personas().advocates[0]?.Referral_Code__c;
      if (code) return { redirect: `/guest/refer?code=${encodeURIComponent(code)}` };
    }
    const p = personas();
    const personaOptions = [
      ...Object.entries(p.users).map(([k, u]) => ({
        value: k,
        label: `${{ admin: 'Admin', finance: 'Finance', rep1: 'Rep', rep2: 'Rep' }[k]}: ${u.Name}`
      })),
      ...p.advocates.map((a) => ({
        value: `advocate:${a.Id}`,
        label: `Advocate: ${a.Contact__r?.Name ?? a.Name} (${a.Name})`
      })),
      ...(p.guestId ? [{ value: 'guest', label: 'Guest (public site)' }] : [])
    ];
    const personaValue = key === 'advocate' ? `advocate:${persona.advocate.Id}` : key;
    return {
      persona: key,
      personaValue,
      user: persona.user,
      page: pageKey,
      title: `${PAGES[kind].find(([x]) => x === page)[1]} · ${persona.label}`,
      pageTitle: PAGES[kind].find(([x]) => x === page)[1],
      recordId,
      objectApiName,
      objectLabel: objectApiName ? objectApiName.replace(/__c$/, '').replace(/_/g, ' ') : null,
      headerFields: objectApiName ? HEADER_FIELDS[objectApiName] : null,
      stages:
        objectApiName === 'Opportunity'
          ? S.querySystem(
              state.session,
              'SELECT MasterLabel FROM OpportunityStage WHERE IsActive = true ORDER BY SortOrder'
            ).map((r) => r.MasterLabel)
          : null,
      pageType:
        kind === 'advocate' || kind === 'guest'
          ? 'comm__namedPage'
          : objectApiName
            ? 'standard__recordPage'
            : 'standard__navItemPage',
      pageAttributes: objectApiName
        ? { recordId, objectApiName, actionName: 'view' }
        : { name: page },
      personas: personaOptions,
      nav: PAGES[kind].map(([p2, label]) => ({
        // the join page opens on the demo's open invitation (demo-data.mjs)
        href:
          p2 === 'join'
            ? `/${key}/${p2}?token=${encodeURIComponent(DEMO_INVITATION_TOKEN)}`
            : `/${key}/${p2}`,
        label,
        current: p2 === page
      })),
      error: objectApiName && !recordId ? `No ${objectApiName} for this persona yet.` : null
    };
  }

  function html(pv) {
    const json = JSON.stringify(pv).replace(/</g, '\\u003c');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${(pv.title || 'Referral Program').replace(/[<&]/g, '')} · Referral Program preview</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<link rel="stylesheet" href="/preview/preview.css">
<script>window.__PREVIEW__ = ${json};</script>
</head>
<body>
<div id="app"></div>
<div id="toasts" class="slds-notify_container" aria-live="polite"></div>
<script type="module" src="/preview/app.js?v=${state.bundleHash || ''}"></script>
</body>
</html>`;
  }

  function waitingPage(message) {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Starting · Referral Program preview</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css"></head>
<body><main class="slds-p-around_large"><h1 class="slds-text-heading_medium">Referral Program: local preview</h1><p class="slds-m-top_small" data-starting>${message}</p></main></body></html>`;
  }

  function personaForApi(req) {
    const key = String(req.headers['x-preview-persona'] || '');
    const persona = resolvePersona(key, req);
    if (!persona)
      throw Object.assign(
        new Error(
          `Unknown persona '${key}': send the x-preview-persona header (rep1, rep2, admin, finance, advocate or guest).`
        ),
        { status: 400 }
      );
    return persona;
  }

  async function api(req, res, url) {
    if (req.method !== 'POST') return send(res, 405, { message: 'Use POST.' });
    if (!state.ready)
      return send(res, 503, { message: `The local org is not ready yet: ${state.phase}.` });
    let payload;
    try {
      const text = await readBody(req);
      payload = text ? JSON.parse(text) : {};
    } catch (e) {
      return send(res, e.status || 400, {
        message: e.status ? e.message : `The request body is not JSON: ${e.message}`
      });
    }
    if (!payload || typeof payload !== 'object' || Array.isArray(payload))
      return send(res, 400, { message: 'The request body must be a JSON object.' });
    let persona;
    try {
      persona = personaForApi(req);
    } catch (e) {
      return send(res, e.status || 400, { message: e.message });
    }
    const s = state.session;
    const t0 = Date.now();
    let out;
    switch (url.pathname) {
      case '/api/apex':
        out = S.invokeAura(s, {
          classname: payload.classname,
          method: payload.method,
          params: payload.params,
          userId: persona.userId,
          cacheable: payload.cacheable === true,
          // the guest's and the portal advocates' pages are the site's: their calls run on it
          site: KIND[persona.key] === 'guest' || KIND[persona.key] === 'advocate' ? site() : null
        });
        break;
      case '/api/ui/getRecord':
        out = S.getRecord(
          s,
          persona.userId,
          payload.recordId,
          Array.isArray(payload.fields) ? payload.fields : []
        );
        break;
      case '/api/ui/updateRecord':
        out = S.updateRecord(s, persona.userId, payload);
        break;
      case '/api/ui/convertLead':
        out = convertLead(persona, payload.leadId);
        break;
      case '/api/ui/search':
        out = search(persona, payload);
        break;
      default:
        out = { status: 404, body: { message: `No preview API at ${url.pathname}.` } };
    }
    log(
      `${persona.key} ${url.pathname} ${payload.classname ? `${payload.classname}.${payload.method} ` : ''}${out.status} ${Date.now() - t0} ms${out.status >= 400 ? ` ${JSON.stringify(payload.params ?? payload).slice(0, 300)} -> ${out.body?.message}` : ''}`
    );
    return send(res, out.status, out.body);
  }

  function convertLead(persona, leadId) {
    if (typeof leadId !== 'string' || !/^00Q[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/.test(leadId))
      return { status: 400, body: { message: 'convertLead needs { leadId } of a lead.' } };
    try {
      S.runAnonymous(
        state.session,
        persona.userId,
        `Database.LeadConvert lc = new Database.LeadConvert();
lc.setLeadId('${leadId}');
lc.setConvertedStatus([SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true LIMIT 1].MasterLabel);
Database.LeadConvertResult r = Database.convertLead(lc, true);`
      );
    } catch (e) {
      return {
        status: 400,
        body: {
          message: String(e.message)
            .split('\n')[0]
            .replace(/^[\w.]+: /, '')
        }
      };
    }
    const lead = S.querySystem(
      state.session,
      'SELECT ConvertedOpportunityId, ConvertedAccountId, ConvertedContactId FROM Lead WHERE Id = :id',
      { id: leadId }
    )[0];
    return {
      status: 200,
      body: {
        opportunityId: lead?.ConvertedOpportunityId ?? null,
        accountId: lead?.ConvertedAccountId ?? null,
        contactId: lead?.ConvertedContactId ?? null
      }
    };
  }

  function search(persona, { objectApiName, term, fields, display, criteria }) {
    const name = /^[A-Za-z_][A-Za-z0-9_]*$/;
    const field = /^[A-Za-z_][A-Za-z0-9_.]*$/;
    if (!name.test(String(objectApiName)) || typeof term !== 'string')
      return { status: 400, body: { message: 'search needs { objectApiName, term }.' } };
    const match = (Array.isArray(fields) && fields.length ? fields : ['Name']).filter((f) =>
      field.test(f)
    );
    const show = (Array.isArray(display) ? display : []).filter((f) => field.test(f));
    const binds = { t: `%${term.replace(/[%_]/g, '')}%` };
    const where = [`(${match.map((f) => `${f} LIKE :t`).join(' OR ')})`];
    (Array.isArray(criteria) ? criteria : []).forEach((c, i) => {
      if (c && c.operator === 'eq' && field.test(c.fieldPath)) {
        where.push(`${c.fieldPath} = :c${i}`);
        binds[`c${i}`] = c.value;
      }
    });
    const select = [...new Set(['Id', 'Name', ...show])].join(', ');
    try {
      const s = state.session;
      const rows = S.inTransaction(s, persona.userId, () =>
        s.org.queryWithBinds(
          `SELECT ${select} FROM ${objectApiName} WHERE ${where.join(' AND ')} ORDER BY Name LIMIT 10`,
          binds,
          { userId: persona.userId, accessLevel: 'USER_MODE', sharing: 'with' }
        )
      );
      const json = s.I.builtins.json;
      return {
        status: 200,
        body: (Array.isArray(rows) ? rows : (rows.records ?? [])).map((r) =>
          JSON.parse(json.write(r, null, false))
        )
      };
    } catch (e) {
      return S.apexFailure(state.session, e);
    }
  }

  /**
   * Site.login's page (signInUrl): the advocate whose portal user the site just signed in becomes
   * the advocate persona, and the portal opens.
   */
  function signIn(res, url) {
    const userId = url.searchParams.get('user') || '';
    personaCache.value = null;
    const advocate = personas().advocates.find((a) => a.Portal_User__c === userId);
    if (!advocate)
      return send(
        res,
        404,
        waitingPage(
          'No advocate has that portal user: open the join page from the invitation link again.'
        ).replace('<meta http-equiv="refresh" content="2">', ''),
        'text/html; charset=utf-8'
      );
    res.writeHead(302, {
      location: '/advocate/home',
      'set-cookie': `preview_advocate=${advocate.Id}; path=/`
    });
    return res.end();
  }

  function file(res, full, base) {
    if (!full.startsWith(base) || !fs.existsSync(full) || !fs.statSync(full).isFile())
      return send(res, 404, { message: 'Not found' });
    res.writeHead(200, {
      'content-type': MIME[path.extname(full)] || 'application/octet-stream',
      'cache-control': 'public, max-age=3600'
    });
    fs.createReadStream(full).pipe(res);
  }

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname.startsWith('/api/')) return await api(req, res, url);
      if (url.pathname === '/api-status' || url.pathname === '/status')
        return send(res, 200, {
          ready: state.ready,
          phase: state.phase,
          error: state.error || null
        });
      if (url.pathname.startsWith('/assets/'))
        return file(
          res,
          path.join(slds, decodeURIComponent(url.pathname.slice('/assets/'.length))),
          slds
        );
      if (url.pathname === '/preview/app.js') {
        if (!state.bundleReady) return send(res, 503, '// the bundle is being built', MIME['.js']);
        return file(res, path.join(bundleDir, 'app.js'), bundleDir);
      }
      if (url.pathname === '/preview/preview.css')
        return file(
          res,
          path.join(root, 'scripts', 'preview', 'preview.css'),
          path.join(root, 'scripts', 'preview')
        );
      if (url.pathname.startsWith('/resource/')) {
        // Static resources as @salesforce/resourceUrl/<Name> resolves them: /resource/<Name>,
        // a folder resource's files below it (the ChartJs folder: /resource/ChartJs/chart.umd.min.js).
        const [name, ...rest] = decodeURIComponent(url.pathname.slice('/resource/'.length)).split(
          '/'
        );
        const resources = path.join(root, 'force-app', 'main');
        const found = fs
          .readdirSync(resources, { withFileTypes: true })
          .map((domain) => path.join(resources, domain.name, 'staticresources', name))
          .find((candidate) => fs.existsSync(candidate));
        if (!found) return send(res, 404, `No static resource ${name}.`);
        return file(res, rest.length ? path.join(found, ...rest) : found, found);
      }
      if (url.pathname === '/favicon.ico') return send(res, 204, '');
      if (url.pathname === '/preview/signin' && state.ready) return signIn(res, url);
      if (state.error)
        return send(
          res,
          500,
          waitingPage(`The preview could not start: ${state.error}`).replace(
            '<meta http-equiv="refresh" content="2">',
            ''
          ),
          'text/html; charset=utf-8'
        );
      if (!state.ready || !state.bundleReady)
        return send(
          res,
          200,
          waitingPage(`Starting: ${state.phase}. This page refreshes by itself.`),
          'text/html; charset=utf-8'
        );
      if (url.pathname === '/') {
        res.writeHead(302, { location: '/rep1/lead' });
        return res.end();
      }
      const pv = pageState(req, url);
      if (!pv)
        return send(
          res,
          404,
          waitingPage(
            `No page at ${url.pathname}. Try /rep1/lead, /admin/program, /finance/approvals, /advocate/home or /guest/refer.`
          ).replace('<meta http-equiv="refresh" content="2">', ''),
          'text/html; charset=utf-8'
        );
      if (pv.redirect) {
        res.writeHead(302, { location: pv.redirect });
        return res.end();
      }
      return send(res, 200, html(pv), 'text/html; charset=utf-8');
    } catch (e) {
      log(`error: ${e.stack || e}`);
      if (!res.headersSent)
        send(res, 500, { message: `Internal error of the preview server: ${e.message}` });
    }
  });
  return { server, resetPersonas: () => (personaCache.value = null) };
}
