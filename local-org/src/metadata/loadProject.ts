// Reads sfdx-project.json and the source format into a Schema (see ../../DESIGN.md).
// Metadata that does not load fails with `MetadataError`: "<file>:<line>: <message>".

import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type {
  ApexSourceFile,
  FieldDef,
  FieldType,
  ObjectDef,
  ObjectPermission,
  PermissionSetDef,
  Schema,
  SharingSetDef,
  ValidationRuleDef,
} from '../contracts.js';
import { buildStandardObjects, systemFields } from './standardObjects.js';

export class MetadataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'MetadataError';
  }
}

export interface LoadOptions {
  /** Namespace prefix applied to custom objects and fields ('' or absent: none). */
  namespace?: string;
  /** Model a multi-currency org (CurrencyIsoCode on every object). Default false. */
  multiCurrency?: boolean;
}

const ARRAY_TAGS = new Set([
  'fields',
  'validationRules',
  'value',
  'objectPermissions',
  'fieldPermissions',
  'classAccesses',
  'userPermissions',
  'customPermissions',
  'tabSettings',
  'tabVisibilities',
  'labels',
  'referenceTo',
  'summaryFilterItems',
  'accessMappings',
  'profiles',
  'packageDirectories',
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ARRAY_TAGS.has(name),
});

function rel(root: string, file: string): string {
  return path.relative(root, file) || file;
}

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) return 1;
  return text.slice(0, i).split('\n').length;
}

interface XmlDoc {
  file: string;
  text: string;
  root: Record<string, unknown>;
}

function readXml(root: string, file: string, rootTag: string): XmlDoc {
  const text = fs.readFileSync(file, 'utf8');
  const v = XMLValidator.validate(text);
  if (v !== true) {
    throw new MetadataError(rel(root, file), v.err.line, `malformed XML: ${v.err.msg}`);
  }
  const parsed = parser.parse(text) as Record<string, unknown>;
  const r = parsed[rootTag];
  if (r === undefined) {
    throw new MetadataError(rel(root, file), 1, `expected a <${rootTag}> root element`);
  }
  return { file: rel(root, file), text, root: (r === '' ? {} : r) as Record<string, unknown> };
}

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object') return undefined;
  return String(v);
}
function bool(v: unknown, dflt = false): boolean {
  const s = str(v);
  return s === undefined ? dflt : s === 'true';
}
function num(v: unknown): number | undefined {
  const s = str(v);
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
function arr<T = Record<string, unknown>>(v: unknown): T[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === '__tests__' || e.name === 'lwc' || e.name === 'aura') continue;
      walk(p, out);
    } else out.push(p);
  }
  return out;
}

const FIELD_TYPES: Record<string, FieldType> = {
  Text: 'Text',
  TextArea: 'TextArea',
  LongTextArea: 'LongTextArea',
  Html: 'Html',
  Email: 'Email',
  Phone: 'Phone',
  Url: 'Url',
  Picklist: 'Picklist',
  MultiselectPicklist: 'MultiselectPicklist',
  Checkbox: 'Checkbox',
  Number: 'Number',
  Currency: 'Currency',
  Percent: 'Percent',
  Date: 'Date',
  DateTime: 'DateTime',
  Time: 'Time',
  Lookup: 'Lookup',
  MasterDetail: 'MasterDetail',
  AutoNumber: 'AutoNumber',
  Summary: 'Summary',
};

/** Deterministic custom key prefixes a0A, a0B, ... (custom objects get a0x..a2x on the platform). */
function customKeyPrefix(i: number): string {
  const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const n = i + 9; // a0A, a0B, ...
  return 'a' + chars[Math.floor(n / 62) % 62] + chars[n % 62];
}

function nsName(name: string, ns: string): string {
  if (!ns) return name;
  if (/__(c|mdt|e|x)$/i.test(name) && !/^[A-Za-z0-9]+__[A-Za-z0-9_]+__(c|mdt|e|x)$/.test(name)) return `${ns}__${name}`;
  return name;
}

export function loadProject(rootDir: string, options: LoadOptions = {}): Schema {
  const root = path.resolve(rootDir);
  const projFile = path.join(root, 'sfdx-project.json');
  if (!fs.existsSync(projFile)) throw new MetadataError(projFile, 1, 'sfdx-project.json not found');
  const projText = fs.readFileSync(projFile, 'utf8');
  let proj: { packageDirectories?: { path: string }[]; namespace?: string };
  try {
    proj = JSON.parse(projText);
  } catch (e) {
    throw new MetadataError('sfdx-project.json', 1, `invalid JSON: ${(e as Error).message}`);
  }
  const ns = options.namespace ?? '';
  const dirs = (proj.packageDirectories ?? []).map((d) => path.join(root, d.path));
  const files: string[] = [];
  for (const d of dirs) walk(d, files);
  files.sort();

  const schema: Schema = {
    namespace: ns,
    objects: new Map(),
    keyPrefixes: new Map(),
    permissionSets: new Map(),
    profiles: new Map(),
    staticResources: new Map(),
    emailTemplates: new Map(),
    customNotificationTypes: new Map(),
    customLabels: new Map(),
    apexSources: [],
    sharingSets: [],
    sites: [],
    networks: [],
    warnings: [],
  };

  const multiCurrency = !!options.multiCurrency;
  for (const o of buildStandardObjects(multiCurrency)) {
    schema.objects.set(o.name.toLowerCase(), o);
    schema.keyPrefixes.set(o.keyPrefix, o.name);
  }

  // ---- objects: object-meta.xml first, then fields and validation rules (extensions of standard objects too)
  const objectFiles = files.filter((f) => f.endsWith('.object-meta.xml'));
  let customIndex = 0;
  for (const f of objectFiles) {
    const doc = readXml(root, f, 'CustomObject');
    const apiName = nsName(path.basename(f, '.object-meta.xml'), ns);
    const r = doc.root;
    const existing = schema.objects.get(apiName.toLowerCase());
    if (existing) continue; // standard object extension with an object file: keep the hand model
    const isCustomSetting = !!str(r.customSettingsType);
    const nameField = (r.nameField ?? {}) as Record<string, unknown>;
    const nameType = str(nameField.type) === 'AutoNumber' ? 'auto' : 'text';
    const fields = systemFields({ owner: isCustomSetting ? false : 'UserOrGroup', name: nameType, multiCurrency, custom: true });
    const sharingModel = (str(r.sharingModel) ?? (isCustomSetting ? 'Read' : 'ReadWrite')) as ObjectDef['sharingModel'];
    if (sharingModel === 'ControlledByParent') fields.delete('ownerid');
    const nf = fields.get('name');
    if (nf) {
      nf.label = str(nameField.label) ?? 'Name';
      if (nameType === 'auto') {
        nf.displayFormat = str(nameField.displayFormat) ?? '{0}';
        nf.startingNumber = num(nameField.startingNumber) ?? 1;
        nf.calculated = true;
        nf.createable = false;
        nf.updateable = false;
      }
      nf.sourceFile = doc.file;
    }
    if (isCustomSetting) {
      fields.set('setupownerid', {
        name: 'SetupOwnerId',
        type: 'Lookup',
        label: 'Location',
        referenceTo: ['Organization', 'Profile', 'User'],
        required: false,
        unique: false,
        externalId: false,
        createable: true,
        updateable: true,
        nillable: true,
        custom: false,
        deleteConstraint: 'Cascade',
      });
      // Hierarchy settings: Name is optional text
      const n = fields.get('name');
      if (n) {
        n.required = false;
        n.nillable = true;
        n.length = 38;
      }
    }
    const prefix = customKeyPrefix(++customIndex);
    const def: ObjectDef = {
      name: apiName,
      label: str(r.label) ?? apiName,
      labelPlural: str(r.pluralLabel) ?? str(r.label) ?? apiName,
      custom: true,
      keyPrefix: prefix,
      sharingModel,
      isSetup: false,
      fields,
      validationRules: [],
      childRelationships: new Map(),
      sourceFile: doc.file,
    };
    const ext = str(r.externalSharingModel);
    if (ext) def.externalSharingModel = ext;
    const cst = str(r.customSettingsType);
    if (cst) {
      if (cst !== 'Hierarchy' && cst !== 'List') throw new MetadataError(doc.file, lineOf(doc.text, '<customSettingsType>'), `unknown customSettingsType ${cst}`);
      def.customSettingsType = cst;
    }
    schema.objects.set(apiName.toLowerCase(), def);
    schema.keyPrefixes.set(prefix, apiName);
  }

  const objectOf = (f: string, kindDir: string): ObjectDef => {
    // .../objects/<Object>/<kindDir>/<file>
    const objDir = path.basename(path.dirname(path.dirname(f)));
    const name = nsName(objDir, ns);
    const o = schema.objects.get(name.toLowerCase());
    if (!o) throw new MetadataError(rel(root, f), 1, `${kindDir} of unknown object ${objDir} (no ${objDir}.object-meta.xml and not a modelled standard object)`);
    return o;
  };

  const fieldFiles = files.filter((f) => f.endsWith('.field-meta.xml'));
  for (const f of fieldFiles) {
    const o = objectOf(f, 'field');
    const doc = readXml(root, f, 'CustomField');
    const fd = parseField(doc, ns);
    fd.sourceFile = doc.file;
    if (o.customSettingsType) fd.nillable = fd.nillable && true;
    o.fields.set(fd.name.toLowerCase(), fd);
  }

  // sharing model ControlledByParent keeps OwnerId off; objects with a master-detail are ControlledByParent.
  for (const f of files.filter((x) => x.endsWith('.validationRule-meta.xml'))) {
    const o = objectOf(f, 'validation rule');
    const doc = readXml(root, f, 'ValidationRule');
    const r = doc.root;
    const formula = str(r.errorConditionFormula);
    if (!formula) throw new MetadataError(doc.file, 1, 'validation rule without errorConditionFormula');
    const vr: ValidationRuleDef = {
      name: str(r.fullName) ?? path.basename(f, '.validationRule-meta.xml'),
      active: bool(r.active, true),
      errorConditionFormula: formula,
      errorMessage: str(r.errorMessage) ?? '',
      sourceFile: doc.file,
      sourceLine: lineOf(doc.text, '<errorConditionFormula>'),
    };
    const edf = str(r.errorDisplayField);
    if (edf) vr.errorDisplayField = edf;
    o.validationRules.push(vr);
  }

  // Task.WhatId points at Account, Opportunity and every custom object (activities enabled)
  const what = schema.objects.get('task')?.fields.get('whatid');
  if (what) {
    what.referenceTo = ['Account', 'Opportunity', ...[...schema.objects.values()].filter((o) => o.custom && !o.customSettingsType).map((o) => o.name)];
  }

  // Files: ContentDocumentLink.LinkedEntityId and ContentVersion.FirstPublishLocationId point at
  // any record (users, groups, standard and custom objects; Object Reference, ContentDocumentLink)
  const anyTargets = [...schema.objects.values()].filter((o) => !o.customSettingsType && !/^content(document|version|documentlink)$/i.test(o.name)).map((o) => o.name);
  for (const [obj, fld] of [['contentdocumentlink', 'linkedentityid'], ['contentversion', 'firstpublishlocationid']] as const) {
    const fd = schema.objects.get(obj)?.fields.get(fld);
    if (fd) fd.referenceTo = anyTargets;
  }

  // relationships: resolve targets and child relationship names
  for (const o of schema.objects.values()) {
    for (const fd of o.fields.values()) {
      if ((fd.type !== 'Lookup' && fd.type !== 'MasterDetail') || !fd.referenceTo) continue;
      if (!fd.custom) {
        // standard lookups: child relationship registered only when named
        for (const t of fd.referenceTo) {
          const parent = schema.objects.get(t.toLowerCase());
          if (parent && fd.childRelationshipName) {
            parent.childRelationships.set(fd.childRelationshipName.toLowerCase(), {
              childObject: o.name,
              field: fd.name,
              relationshipName: fd.childRelationshipName,
              cascadeDelete: fd.deleteConstraint === 'Cascade',
            });
          }
        }
        continue;
      }
      const target = fd.referenceTo[0]!;
      const parent = schema.objects.get(target.toLowerCase());
      if (!parent) {
        throw new MetadataError(fd.sourceFile ?? o.name, fd.sourceLine ?? 1, `field ${o.name}.${fd.name} references unknown object ${target}`);
      }
      fd.referenceTo = [parent.name];
      if (fd.childRelationshipName) {
        const key = fd.childRelationshipName.toLowerCase();
        if (parent.childRelationships.has(key)) {
          const other = parent.childRelationships.get(key)!;
          throw new MetadataError(
            fd.sourceFile ?? o.name,
            fd.sourceLine ?? 1,
            `child relationship ${fd.childRelationshipName} on ${parent.name} is already used by ${other.childObject}.${other.field}`
          );
        }
        parent.childRelationships.set(key, {
          childObject: o.name,
          field: fd.name,
          relationshipName: fd.childRelationshipName,
          cascadeDelete: fd.type === 'MasterDetail' || fd.deleteConstraint === 'Cascade',
        });
      }
    }
  }

  addShareObjects(schema);

  // ---- permission sets and profiles
  for (const f of files.filter((x) => x.endsWith('.permissionset-meta.xml'))) {
    const doc = readXml(root, f, 'PermissionSet');
    const ps = parsePermissionSet(doc, path.basename(f, '.permissionset-meta.xml'), false, ns);
    checkPermissionRefs(ps, doc, schema);
    schema.permissionSets.set(ps.name.toLowerCase(), ps);
  }
  for (const f of files.filter((x) => x.endsWith('.profile-meta.xml'))) {
    const doc = readXml(root, f, 'Profile');
    const ps = parsePermissionSet(doc, path.basename(f, '.profile-meta.xml'), true, ns);
    schema.profiles.set(ps.name.toLowerCase(), ps);
  }
  synthesizeStandardProfiles(schema);

  // ---- sharing sets, sites, networks (site metadata)
  for (const f of files.filter((x) => x.endsWith('.sharingSet-meta.xml'))) {
    const doc = readXml(root, f, 'SharingSet');
    const r = doc.root;
    const ss: SharingSetDef = {
      name: str(r.name) ?? path.basename(f, '.sharingSet-meta.xml'),
      profiles: arr<string>(r.profiles).map((p) => String(p)),
      accessMappings: arr(r.accessMappings).map((m) => ({
        object: nsName(str(m.object) ?? '', ns),
        objectField: nsName(str(m.objectField) ?? '', ns),
        userField: str(m.userField) ?? '',
        accessLevel: (str(m.accessLevel) === 'Edit' ? 'Edit' : 'Read') as 'Read' | 'Edit',
      })),
      sourceFile: doc.file,
    };
    for (const m of ss.accessMappings) {
      if (!schema.objects.has(m.object.toLowerCase())) throw new MetadataError(doc.file, lineOf(doc.text, `<object>${m.object}`), `sharing set maps unknown object ${m.object}`);
    }
    schema.sharingSets!.push(ss);
  }
  for (const f of files.filter((x) => x.endsWith('.site-meta.xml'))) {
    const doc = readXml(root, f, 'CustomSite');
    const r = doc.root;
    const site: { name: string; label: string; urlPathPrefix?: string; siteType?: string; sourceFile: string } = {
      name: path.basename(f, '.site-meta.xml'),
      label: str(r.masterLabel) ?? path.basename(f, '.site-meta.xml'),
      sourceFile: doc.file,
    };
    const up = str(r.urlPathPrefix);
    if (up) site.urlPathPrefix = up;
    const st = str(r.siteType);
    if (st) site.siteType = st;
    schema.sites!.push(site);
  }
  for (const f of files.filter((x) => x.endsWith('.network-meta.xml'))) {
    const doc = readXml(root, f, 'Network');
    const r = doc.root;
    const n: { name: string; urlPathPrefix?: string; status?: string; selfRegProfile?: string; sourceFile: string } = {
      name: path.basename(f, '.network-meta.xml'),
      sourceFile: doc.file,
    };
    const up = str(r.urlPathPrefix);
    if (up) n.urlPathPrefix = up;
    const stt = str(r.status);
    if (stt) n.status = stt;
    const srp = str(r.selfRegProfile);
    if (srp) n.selfRegProfile = srp;
    schema.networks!.push(n);
  }

  // ---- static resources
  for (const f of files.filter((x) => x.endsWith('.resource-meta.xml'))) {
    const doc = readXml(root, f, 'StaticResource');
    const name = path.basename(f, '.resource-meta.xml');
    const dir = path.dirname(f);
    // Source format keeps a zip resource expanded as a folder named exactly like the resource
    // (Salesforce DX Developer Guide, "Static Resources in Source Format"); any other resource is
    // one file named <name>.<extension>.
    const bodyFile = fs
      .readdirSync(dir)
      .find(
        (e) =>
          (e === name && fs.statSync(path.join(dir, e)).isDirectory()) ||
          (e.startsWith(name + '.') && !e.endsWith('-meta.xml'))
      );
    if (!bodyFile) throw new MetadataError(doc.file, 1, `static resource ${name} has no body file next to it`);
    const full = path.join(dir, bodyFile);
    if (fs.statSync(full).isDirectory()) {
      schema.warnings!.push(`${doc.file}: static resource ${name} is a folder; its body is not modelled (empty)`);
    }
    schema.staticResources.set(name.toLowerCase(), {
      name,
      contentType: str(doc.root.contentType) ?? 'application/octet-stream',
      body: fs.statSync(full).isDirectory() ? Buffer.alloc(0) : fs.readFileSync(full),
    });
  }

  // ---- email templates
  for (const f of files.filter((x) => x.endsWith('.email-meta.xml'))) {
    const doc = readXml(root, f, 'EmailTemplate');
    const developerName = path.basename(f, '.email-meta.xml');
    const folder = path.basename(path.dirname(f));
    const bodyFile = f.replace(/\.email-meta\.xml$/, '.email');
    const body = fs.existsSync(bodyFile) ? fs.readFileSync(bodyFile, 'utf8') : '';
    const type = str(doc.root.type) ?? 'text';
    const t: { developerName: string; folder: string; subject: string; body: string; htmlValue?: string } = {
      developerName,
      folder,
      subject: str(doc.root.subject) ?? '',
      body: type === 'html' ? '' : body,
    };
    if (type === 'html' || type === 'custom') t.htmlValue = body;
    schema.emailTemplates.set(developerName.toLowerCase(), t);
  }

  // ---- custom notification types, labels
  for (const f of files.filter((x) => x.endsWith('.notiftype-meta.xml'))) {
    readXml(root, f, 'CustomNotificationType');
    const dn = path.basename(f, '.notiftype-meta.xml');
    schema.customNotificationTypes.set(dn.toLowerCase(), { developerName: dn });
  }
  for (const f of files.filter((x) => x.endsWith('.labels-meta.xml'))) {
    const doc = readXml(root, f, 'CustomLabels');
    for (const l of arr(doc.root.labels)) {
      const name = str(l.fullName);
      if (!name) throw new MetadataError(doc.file, 1, 'custom label without fullName');
      // <value> is also a picklist element, parsed as a list everywhere (ARRAY_TAGS): a label has one
      const value = Array.isArray(l.value) ? l.value[0] : l.value;
      schema.customLabels.set(name.toLowerCase(), { name, value: str(value) ?? '' });
    }
  }
  // Translation Workbench files (<language>.translation-meta.xml): the label translations that
  // System.Label.get(namespace, name, language) returns.
  for (const f of files.filter((x) => x.endsWith('.translation-meta.xml'))) {
    const doc = readXml(root, f, 'Translations');
    const language = path.basename(f, '.translation-meta.xml');
    for (const t of arr(doc.root.customLabels)) {
      const name = str(t.name);
      const text = Array.isArray(t.label) ? t.label[0] : t.label;
      const label = name ? schema.customLabels.get(name.toLowerCase()) : undefined;
      if (!label || text === undefined) continue;
      (label.translations ??= new Map()).set(language.toLowerCase(), str(text) ?? '');
    }
  }

  // ---- Apex
  for (const f of files) {
    let kind: ApexSourceFile['kind'] | undefined;
    if (f.endsWith('.cls')) kind = 'class';
    else if (f.endsWith('.trigger')) kind = 'trigger';
    if (!kind) continue;
    schema.apexSources.push({
      kind,
      name: path.basename(f).replace(/\.(cls|trigger)$/, ''),
      path: rel(root, f),
      body: fs.readFileSync(f, 'utf8'),
    });
  }
  if (ns) for (const o of schema.objects.values()) o.namespace = ns;
  return schema;
}

/**
 * <Object>__Share for custom objects whose internal or external sharing model is Private or Read
 * (Apex Developer Guide, "Understanding Sharing": share objects; fields ParentId, UserOrGroupId,
 * AccessLevel, RowCause).
 */
function addShareObjects(schema: Schema): void {
  let i = 0;
  for (const o of [...schema.objects.values()]) {
    if (!o.custom || o.customSettingsType) continue;
    const models = [o.sharingModel, o.externalSharingModel ?? 'Private'];
    if (!models.some((m) => m === 'Private' || m === 'Read')) continue;
    if (o.sharingModel === 'ControlledByParent') continue;
    const name = o.name.replace(/__c$/i, '__Share');
    const fields = systemFields({ owner: false, name: 'none', multiCurrency: false, custom: false });
    const f = (n: string, d: Partial<FieldDef>): void => {
      fields.set(n.toLowerCase(), { name: n, type: 'Text', label: n, required: false, unique: false, externalId: false, createable: true, updateable: true, nillable: true, custom: false, ...d });
    };
    f('ParentId', { type: 'Lookup', referenceTo: [o.name], relationshipName: 'Parent', required: true, nillable: false, updateable: false, deleteConstraint: 'Cascade' });
    f('UserOrGroupId', { type: 'Lookup', referenceTo: ['User', 'Group'], relationshipName: 'UserOrGroup', required: true, nillable: false, updateable: false, deleteConstraint: 'Cascade' });
    f('AccessLevel', { type: 'Picklist', required: true, nillable: false, picklistValues: ['Read', 'Edit', 'All'].map((v) => ({ value: v, label: v, isDefault: false, active: true })), restrictedPicklist: true });
    f('RowCause', { type: 'Picklist', defaultValue: "'Manual'", picklistValues: [{ value: 'Manual', label: 'Manual', isDefault: true, active: true }], updateable: false });
    // share objects have platform prefixes of their own; a reserved local range keeps them distinct
    const prefix = 'zS' + (++i).toString(36);
    const def: ObjectDef = {
      name,
      label: `${o.label} Share`,
      labelPlural: `${o.label} Share`,
      custom: false,
      keyPrefix: prefix,
      sharingModel: 'ReadWrite',
      isSetup: false,
      fields,
      validationRules: [],
      childRelationships: new Map(),
    };
    if (o.sourceFile) def.sourceFile = o.sourceFile;
    schema.objects.set(name.toLowerCase(), def);
    schema.keyPrefixes.set(prefix, name);
    o.childRelationships.set('shares', { childObject: name, field: 'ParentId', relationshipName: 'Shares', cascadeDelete: true });
  }
}

function parseField(doc: XmlDoc, ns: string): FieldDef {
  const r = doc.root;
  const fullName = str(r.fullName);
  if (!fullName) throw new MetadataError(doc.file, 1, 'field without <fullName>');
  const rawType = str(r.type);
  const formula = str(r.formula);
  const line = lineOf(doc.text, '<type>');
  const t = rawType ? FIELD_TYPES[rawType] : undefined;
  if (!t) throw new MetadataError(doc.file, line, `unsupported field type ${rawType ?? '(none)'} on ${fullName}`);
  const name = nsName(fullName, ns);
  const isFormula = formula !== undefined;
  const required = bool(r.required) || t === 'MasterDetail';
  const fd: FieldDef = {
    name,
    type: isFormula ? 'Formula' : t,
    label: str(r.label) ?? fullName,
    required,
    unique: bool(r.unique),
    externalId: bool(r.externalId),
    createable: !isFormula && t !== 'Summary' && t !== 'AutoNumber',
    updateable: !isFormula && t !== 'Summary' && t !== 'AutoNumber',
    nillable: !required && t !== 'Checkbox',
    custom: true,
    sourceLine: line,
  };
  if (isFormula) {
    fd.formula = formula;
    fd.formulaType = t;
    fd.calculated = true;
    const tb = str(r.formulaTreatBlanksAs);
    if (tb === 'BlankAsZero' || tb === 'BlankAsBlank') fd.formulaTreatBlanksAs = tb;
  }
  if (t === 'Summary' || t === 'AutoNumber') fd.calculated = true;
  const cs = str(r.caseSensitive);
  if (cs !== undefined) fd.caseSensitive = cs === 'true';
  const length = num(r.length);
  if (length !== undefined) fd.length = length;
  else if (t === 'Phone') fd.length = 40;
  else if (t === 'Url') fd.length = 255;
  else if (t === 'Email') fd.length = 80;
  else if (t === 'TextArea') fd.length = 255;
  const precision = num(r.precision);
  if (precision !== undefined) fd.precision = precision;
  const scale = num(r.scale);
  if (scale !== undefined) fd.scale = scale;
  if ((t === 'Number' || t === 'Currency' || t === 'Percent') && fd.precision === undefined && !isFormula) {
    fd.precision = 18;
    fd.scale = fd.scale ?? 0;
  }
  const dv = str(r.defaultValue);
  if (dv !== undefined) fd.defaultValue = dv;
  else if (t === 'Checkbox') fd.defaultValue = 'false';
  const help = str(r.inlineHelpText);
  if (help) fd.inlineHelpText = help;
  if (t === 'Lookup' || t === 'MasterDetail') {
    const refs = arr<string>(r.referenceTo).map((x) => nsName(String(x), ns));
    if (refs.length === 0) throw new MetadataError(doc.file, line, `lookup ${fullName} without <referenceTo>`);
    fd.referenceTo = refs;
    const rn = str(r.relationshipName);
    if (rn) {
      fd.childRelationshipName = ns ? `${ns}__${rn}__r` : `${rn}__r`;
    }
    fd.relationshipName = name.replace(/__c$/i, '__r');
    if (t === 'MasterDetail') {
      fd.deleteConstraint = 'Cascade';
      fd.writeRequiresMasterRead = bool(r.writeRequiresMasterRead);
      fd.reparentableMasterDetail = bool(r.reparentableMasterDetail);
    }
    else {
      const dc = str(r.deleteConstraint) ?? 'SetNull';
      if (dc !== 'SetNull' && dc !== 'Restrict' && dc !== 'Cascade') throw new MetadataError(doc.file, lineOf(doc.text, '<deleteConstraint>'), `unknown deleteConstraint ${dc}`);
      fd.deleteConstraint = dc;
      if (required) fd.nillable = false;
    }
  }
  if (t === 'Picklist' || t === 'MultiselectPicklist') {
    const vs = (r.valueSet ?? {}) as Record<string, unknown>;
    const vsd = (vs.valueSetDefinition ?? {}) as Record<string, unknown>;
    if (vs.valueSetName) {
      throw new MetadataError(doc.file, lineOf(doc.text, '<valueSetName>'), `global value sets are not modelled (${fullName})`);
    }
    fd.picklistValues = arr(vsd.value).map((v) => ({
      value: str(v.fullName) ?? '',
      label: str(v.label) ?? str(v.fullName) ?? '',
      isDefault: bool(v.default),
      active: bool(v.isActive, true),
    }));
    fd.restrictedPicklist = bool(vs.restricted);
    const dflt = fd.picklistValues.find((p) => p.isDefault);
    if (dflt && fd.defaultValue === undefined) fd.defaultValue = `'${dflt.value.replace(/'/g, "\\'")}'`;
  }
  if (t === 'AutoNumber') {
    const df = str(r.displayFormat);
    if (df) fd.displayFormat = df;
    fd.startingNumber = num(r.startingNumber) ?? 1;
  }
  if (t === 'Summary') {
    const op = str(r.summaryOperation);
    if (op !== 'count' && op !== 'sum' && op !== 'min' && op !== 'max') {
      throw new MetadataError(doc.file, lineOf(doc.text, '<summaryOperation>'), `unknown summaryOperation ${op ?? '(none)'} on ${fullName}`);
    }
    fd.summaryOperation = op;
    const sf = str(r.summarizedField);
    if (sf) fd.summarizedField = nsQualified(sf, ns);
    const fk = str(r.summaryForeignKey);
    if (!fk) throw new MetadataError(doc.file, line, `roll-up summary ${fullName} without summaryForeignKey`);
    fd.summaryForeignKey = nsQualified(fk, ns);
    fd.summaryFilterItems = arr(r.summaryFilterItems).map((i) => ({
      field: nsQualified(str(i.field) ?? '', ns),
      operation: str(i.operation) ?? 'equals',
      value: arr<unknown>(i.value).map((x) => String(x)).join(', '),
    }));
    fd.precision = 18;
    fd.scale = 0;
  }
  return fd;
}

function nsQualified(objField: string, ns: string): string {
  const [o, f] = objField.split('.');
  return f === undefined ? nsName(o!, ns) : `${nsName(o!, ns)}.${nsName(f, ns)}`;
}

function parsePermissionSet(doc: XmlDoc, fileName: string, isProfile: boolean, ns: string): PermissionSetDef {
  const r = doc.root;
  const license = str(r.license) ?? str(r.userLicense);
  const ps: PermissionSetDef = {
    name: fileName,
    label: str(r.label) ?? fileName,
    isProfile,
    objectPermissions: new Map(),
    fieldPermissions: new Map(),
    classAccesses: new Set(),
    customPermissions: new Set(),
    userPermissions: new Set(),
    tabSettings: new Map(),
    sourceFile: doc.file,
  };
  if (license) ps.license = license;
  if (isProfile) {
    if (license === 'Guest User License') ps.userType = 'Guest';
    else if (license === 'Customer Community') ps.userType = 'CspLitePortal';
    else if (license === 'Customer Community Plus') ps.userType = 'PowerCustomerSuccess';
    else ps.userType = 'Standard';
  }
  for (const op of arr(r.objectPermissions)) {
    const o = nsName(str(op.object) ?? '', ns);
    ps.objectPermissions.set(o.toLowerCase(), {
      allowCreate: bool(op.allowCreate),
      allowRead: bool(op.allowRead),
      allowEdit: bool(op.allowEdit),
      allowDelete: bool(op.allowDelete),
      viewAllRecords: bool(op.viewAllRecords),
      modifyAllRecords: bool(op.modifyAllRecords),
    });
  }
  for (const fp of arr(r.fieldPermissions)) {
    const f = nsQualified(str(fp.field) ?? '', ns);
    ps.fieldPermissions.set(f.toLowerCase(), { readable: bool(fp.readable), editable: bool(fp.editable) });
  }
  for (const c of arr(r.classAccesses)) if (bool(c.enabled)) ps.classAccesses.add((str(c.apexClass) ?? '').toLowerCase());
  for (const c of arr(r.customPermissions)) if (bool(c.enabled)) ps.customPermissions.add((str(c.name) ?? '').toLowerCase());
  for (const u of arr(r.userPermissions)) if (bool(u.enabled)) ps.userPermissions.add(str(u.name) ?? '');
  for (const t of arr(r.tabSettings)) ps.tabSettings!.set(str(t.tab) ?? '', str(t.visibility) ?? '');
  return ps;
}

function checkPermissionRefs(ps: PermissionSetDef, doc: XmlDoc, schema: Schema): void {
  for (const o of ps.objectPermissions.keys()) {
    if (!schema.objects.has(o)) throw new MetadataError(doc.file, lineOf(doc.text, `>${o}<`) || lineOf(doc.text, '<objectPermissions>'), `permission set ${ps.name} grants access to unknown object ${o}`);
  }
  for (const k of ps.fieldPermissions.keys()) {
    const [o, f] = k.split('.');
    const od = schema.objects.get(o!);
    if (!od || !od.fields.has(f!)) {
      const original = doc.text.match(new RegExp(`<field>(${k.replace('.', '\\.')})</field>`, 'i'));
      throw new MetadataError(doc.file, original ? lineOf(doc.text, original[0]) : 1, `permission set ${ps.name} grants access to unknown field ${original?.[1] ?? k}`);
    }
  }
}

const ALL: ObjectPermission = { allowCreate: true, allowRead: true, allowEdit: true, allowDelete: true, viewAllRecords: true, modifyAllRecords: true };
const CRUD: ObjectPermission = { allowCreate: true, allowRead: true, allowEdit: true, allowDelete: true, viewAllRecords: false, modifyAllRecords: false };
const READ: ObjectPermission = { allowCreate: false, allowRead: true, allowEdit: false, allowDelete: false, viewAllRecords: false, modifyAllRecords: false };
const CRE: ObjectPermission = { allowCreate: true, allowRead: true, allowEdit: true, allowDelete: false, viewAllRecords: false, modifyAllRecords: false };

function profile(name: string, userType: PermissionSetDef['userType'], license: string, perms: string[], objects: [string, ObjectPermission][]): PermissionSetDef {
  const p: PermissionSetDef = {
    name,
    label: name,
    isProfile: true,
    license,
    objectPermissions: new Map(objects.map(([o, op]) => [o.toLowerCase(), { ...op }])),
    fieldPermissions: new Map(),
    classAccesses: new Set(),
    customPermissions: new Set(),
    userPermissions: new Set(perms),
    tabSettings: new Map(),
    sourceFile: '(synthesized standard profile)',
  };
  if (userType) p.userType = userType;
  return p;
}

/**
 * Standard profiles every org has. The repository has none of them in source, so they are
 * synthesized: System Administrator (Modify All Data, View All Data, full access to standard
 * objects; custom objects through Modify All Data; NO field permissions on the package's custom
 * fields, as after a plain deploy), Standard User, Minimum Access - Salesforce, Customer Community User / Plus User, and a
 * guest profile when the project defines none.
 */
function synthesizeStandardProfiles(schema: Schema): void {
  const std = [...schema.objects.values()].filter((o) => !o.custom).map((o) => o.name);
  const add = (p: PermissionSetDef) => {
    if (!schema.profiles.has(p.name.toLowerCase())) schema.profiles.set(p.name.toLowerCase(), p);
  };
  add(
    profile(
      'System Administrator',
      'Standard',
      'Salesforce',
      ['ModifyAllData', 'ViewAllData', 'ApiEnabled', 'EditTask', 'CustomizeApplication', 'ManageUsers', 'ViewSetup', 'AuthorApex', 'ManageInternalUsers', 'ViewAllUsers'],
      std.map((o) => [o, ALL] as [string, ObjectPermission])
    )
  );
  const sales = ['Account', 'Contact', 'Lead', 'Opportunity', 'Task'];
  add(
    profile(
      'Standard User',
      'Standard',
      'Salesforce',
      ['ApiEnabled', 'EditTask', 'ConvertLeads'],
      [
        ...sales.map((o) => [o, CRUD] as [string, ObjectPermission]),
        ...std.filter((o) => !sales.includes(o)).map((o) => [o, READ] as [string, ObjectPermission]),
      ]
    )
  );
  // Salesforce Help, "Minimum Access - Salesforce Profile": a standard profile with no object
  // access, for users who get everything from permission sets.
  add(profile('Minimum Access - Salesforce', 'Standard', 'Salesforce', ['ApiEnabled'], []));
  const portal: [string, ObjectPermission][] = [
    ['Account', READ],
    ['Contact', CRE],
    ['Task', READ],
    ['User', READ],
    ['Profile', READ],
  ];
  add(profile('Customer Community User', 'CspLitePortal', 'Customer Community', ['ApiEnabled'], portal));
  add(profile('Customer Community Login User', 'CspLitePortal', 'Customer Community Login', ['ApiEnabled'], portal));
  add(profile('Customer Community Plus User', 'PowerCustomerSuccess', 'Customer Community Plus', ['ApiEnabled'], portal));
  if (![...schema.profiles.values()].some((p) => p.userType === 'Guest')) {
    add(profile('Guest License User', 'Guest', 'Guest User License', [], []));
  }
}
