// Page layouts for the preview, read from the package's own metadata: FlexiPages (record and app
// pages: which of our components sit in which region or tab) and the Experience site's views
// (which components make each portal page). Standard platform components (highlights, detail,
// related lists) are represented by the preview shell's record header and stage path.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { readLabels } = require('../i18n/labels-lib.cjs');

/** `{!$Label.c.Name}` (or `{!$Label.<namespace>.Name}`) in a page property: the label's English value. */
const LABEL_REF = /^\{!\$Label\.\w+\.(\w+)\}$/;

function findFiles(dir, suffix, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) findFiles(full, suffix, out);
    else if (e.name.endsWith(suffix)) out.push(full);
  }
  return out;
}

function flexipage(file, components, labels) {
  const xml = fs.readFileSync(file, 'utf8');
  const text = (value) => {
    const ref = value === undefined ? null : LABEL_REF.exec(value);
    return ref ? (labels.get(ref[1]) ?? value) : value;
  };
  const regions = [...xml.matchAll(/<flexiPageRegions>([\s\S]*?)<\/flexiPageRegions>/g)].map(
    (m) => m[1]
  );
  const tabTitle = new Map(); // facet name -> tab title
  for (const r of regions) {
    for (const inst of r.matchAll(/<componentInstance>([\s\S]*?)<\/componentInstance>/g)) {
      if (!/<componentName>flexipage:tab<\/componentName>/.test(inst[1])) continue;
      const props = Object.fromEntries(
        [
          ...inst[1].matchAll(
            /<componentInstanceProperties>\s*<name>(.*?)<\/name>\s*<value>([\s\S]*?)<\/value>/g
          )
        ].map((p) => [p[1], p[2]])
      );
      if (props.body)
        tabTitle.set(
          props.body,
          props.title === 'Standard.Tab.detail' ? 'Details' : (text(props.title) ?? props.body)
        );
    }
  }
  const out = [];
  for (const r of regions) {
    const region = /<name>([^<]*)<\/name>\s*<type>(?:Region|Facet)<\/type>/.exec(r)?.[1] ?? 'main';
    for (const inst of r.matchAll(/<componentInstance>([\s\S]*?)<\/componentInstance>/g)) {
      const name = /<componentName>(?:c:)?([^<]*)<\/componentName>/.exec(inst[1])?.[1];
      if (!name || !components.has(name)) continue;
      const props = Object.fromEntries(
        [
          ...inst[1].matchAll(
            /<componentInstanceProperties>\s*<name>(.*?)<\/name>\s*<value>([\s\S]*?)<\/value>/g
          )
        ].map((p) => [p[1], p[2]])
      );
      out.push({
        name,
        region: tabTitle.has(region) ? 'main' : region,
        tab: tabTitle.get(region) ?? null,
        props
      });
    }
  }
  const sobject = /<sobjectType>(.*?)<\/sobjectType>/.exec(xml)?.[1] ?? null;
  const label = /<masterLabel>(.*?)<\/masterLabel>/.exec(xml)?.[1] ?? path.basename(file);
  return { source: path.basename(file), label, sobject, components: out };
}

function siteView(file, components) {
  const json = fs.readFileSync(file, 'utf8');
  const names = [...json.matchAll(/"definition"\s*:\s*"c:([A-Za-z0-9_]+)"/g)]
    .map((m) => m[1])
    .filter((n) => components.has(n));
  let label = path.basename(path.dirname(file));
  try {
    label = JSON.parse(json).label ?? label;
  } catch {
    /* the folder name then */
  }
  return {
    source: `sfdc_cms__view/${path.basename(path.dirname(file))}`,
    label,
    sobject: null,
    components: names.map((name) => ({ name, region: 'main', tab: null, props: {} }))
  };
}

/** The preview's pages: key -> { source, label, sobject, components: [{ name, region, tab, props }] }. */
export function layouts(root, components) {
  const pages = {};
  const labels = new Map(readLabels(root).map((l) => [l.name, l.value]));
  const flexi = new Map(
    findFiles(path.join(root, 'force-app'), '.flexipage-meta.xml').map((f) => [
      path.basename(f, '.flexipage-meta.xml'),
      f
    ])
  );
  const views = new Map(
    findFiles(path.join(root, 'force-app', 'site'), 'content.json')
      .filter((f) => f.includes('sfdc_cms__view'))
      .map((f) => [path.basename(path.dirname(f)), f])
  );
  const fromFlexi = (key, name) => {
    if (flexi.has(name)) pages[key] = flexipage(flexi.get(name), components, labels);
  };
  const fromView = (key, name) => {
    if (views.has(name)) pages[key] = siteView(views.get(name), components);
  };
  fromFlexi('rep/lead', 'Lead_Record_Page_Referral');
  fromFlexi('rep/opportunity', 'Opportunity_Record_Page_Referral');
  fromFlexi('rep/advocate', 'Advocate_Record_Page');
  fromFlexi('rep/utility', 'Referral_Program_UtilityBar');
  fromFlexi('admin/program', 'Referral_Program_Record_Page');
  fromFlexi('admin/home', 'Referral_Program_Home');
  fromFlexi('admin/approvals', 'Reward_Approvals');
  fromFlexi('admin/review', 'Referral_Review_Queue');
  fromView('portal/home', 'home');
  fromView('portal/submit', 'Submit_Referral');
  fromView('portal/referrals', 'My_Referrals');
  fromView('portal/rewards', 'My_Rewards');
  fromView('portal/catalog', 'Reward_Catalog');
  fromView('portal/profile', 'My_Profile');
  fromView('guest/refer', 'Refer');
  fromView('guest/join', 'Join');
  // the rep's leaderboard and verbal referral are app-level (home page, utility bar)
  if (components.has('advocateLeaderboard'))
    pages['rep/leaderboard'] = {
      source: 'Referral_Program_Home (leaderboard)',
      label: 'Leaderboard',
      sobject: null,
      components: [{ name: 'advocateLeaderboard', region: 'main', tab: null, props: {} }]
    };
  if (pages['rep/utility'])
    pages['rep/verbal'] = { ...pages['rep/utility'], label: 'Log a verbal referral' };
  return pages;
}
