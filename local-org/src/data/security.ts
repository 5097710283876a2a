// Object, field and record access (Apex Developer Guide: "Enforce User Mode for Database
// Operations", "Enforcing Sharing Rules", "Security.stripInaccessible"; Salesforce Help:
// organization-wide sharing defaults, sharing sets).
//
// Modelled: object CRUD and field read/edit from the user's profile plus the permission sets
// assigned to them (PermissionSetAssignment rows in the org); Modify All Data / View All Data;
// object View All / Modify All; record visibility by the object's sharing model (internal
// users: sharingModel, external users (portal, guest): externalSharingModel), ownership (user,
// or a queue the user belongs to through GroupMember), ControlledByParent through the
// master-detail (or Contact -> Account, Task -> What/Who) parent, and portal sharing sets.
// Simplified: the role hierarchy is not modelled (a manager does not see the records of their
// subordinates); sharing rules, manual shares and teams do not exist; standard fields of an
// accessible object are readable and editable unless a permission set or profile of the user
// lists them (package custom fields need an explicit field permission, as after a deploy).

import type { DmlError, FieldDef, ObjectDef, ObjectPermission, PermissionSetDef, RunContext } from '../contracts.js';
import { DataError } from './errors.js';
import type { LocalOrg } from './org.js';
import type { Row } from './query.js';
import { SObjectRecord } from './sobject.js';

export type AccessType = 'READABLE' | 'CREATABLE' | 'UPDATABLE' | 'UPSERTABLE';

interface UserAccess {
  userId: string;
  profile: PermissionSetDef | undefined;
  sets: PermissionSetDef[];
  userType: string;
  contactId: string | null;
  accountId: string | null;
  modifyAll: boolean;
  viewAll: boolean;
  queues: Set<string>;
  profileName: string;
}

const ALWAYS_READABLE = new Set(['id', 'name', 'createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp', 'isdeleted', 'ownerid', 'currencyisocode']);

export class Security {
  private cache = new Map<string, UserAccess>();
  constructor(private readonly org: LocalOrg) {}

  invalidate(): void {
    this.cache.clear();
  }

  access(userId: string): UserAccess {
    const hit = this.cache.get(userId);
    if (hit) return hit;
    const schema = this.org.schema;
    const u = this.org.byId(userId);
    const profileId = u ? (u.row.get('profileid') as string | null) : null;
    const prow = profileId ? this.org.byId(profileId) : null;
    const profileName = prow ? String(prow.row.get('name')) : '';
    const profile = schema.profiles.get(profileName.toLowerCase());
    const sets: PermissionSetDef[] = [];
    const psaDef = schema.objects.get('permissionsetassignment')!;
    for (const r of this.org.scan(psaDef, false)) {
      if (r.get('assigneeid') !== userId) continue;
      const ps = this.org.byId(String(r.get('permissionsetid')));
      if (!ps) continue;
      const def = schema.permissionSets.get(String(ps.row.get('name')).toLowerCase());
      const fromRows = this.permissionSetFromRows(String(ps.row.get('id')), String(ps.row.get('name')));
      if (def) sets.push(def);
      if (fromRows) sets.push(fromRows);
    }
    const queues = new Set<string>();
    const gm = schema.objects.get('groupmember')!;
    for (const r of this.org.scan(gm, false)) if (r.get('userorgroupid') === userId) queues.add(String(r.get('groupid')));
    const all = [profile, ...sets].filter((x): x is PermissionSetDef => !!x);
    const a: UserAccess = {
      userId,
      profile,
      sets,
      userType: profile?.userType ?? (u ? String(u.row.get('usertype') ?? 'Standard') : 'Standard'),
      contactId: u ? ((u.row.get('contactid') as string | null) ?? null) : null,
      accountId: u ? ((u.row.get('accountid') as string | null) ?? null) : null,
      modifyAll: all.some((p) => p.userPermissions.has('ModifyAllData')),
      viewAll: all.some((p) => p.userPermissions.has('ViewAllData') || p.userPermissions.has('ModifyAllData')),
      queues,
      profileName,
    };
    this.cache.set(userId, a);
    return a;
  }

  /** A permission set built from ObjectPermissions / FieldPermissions rows (permission sets created by Apex in tests). */
  private permissionSetFromRows(psId: string, name: string): PermissionSetDef | null {
    const schema = this.org.schema;
    const ops = this.org.scan(schema.objects.get('objectpermissions')!, false).filter((r) => r.get('parentid') === psId);
    const fps = this.org.scan(schema.objects.get('fieldpermissions')!, false).filter((r) => r.get('parentid') === psId);
    if (!ops.length && !fps.length) return null;
    const ps: PermissionSetDef = {
      name,
      label: name,
      isProfile: false,
      objectPermissions: new Map(),
      fieldPermissions: new Map(),
      classAccesses: new Set(),
      customPermissions: new Set(),
      userPermissions: new Set(),
    };
    for (const r of ops) {
      ps.objectPermissions.set(String(r.get('sobjecttype')).toLowerCase(), {
        allowCreate: r.get('permissionscreate') === true,
        allowRead: r.get('permissionsread') === true,
        allowEdit: r.get('permissionsedit') === true,
        allowDelete: r.get('permissionsdelete') === true,
        viewAllRecords: r.get('permissionsviewallrecords') === true,
        modifyAllRecords: r.get('permissionsmodifyallrecords') === true,
      });
    }
    for (const r of fps) ps.fieldPermissions.set(String(r.get('field')).toLowerCase(), { readable: r.get('permissionsread') === true || r.get('permissionsedit') === true, editable: r.get('permissionsedit') === true });
    return ps;
  }

  isExternal(a: UserAccess): boolean {
    return a.userType !== 'Standard';
  }

  /** Combined object permission of profile and permission sets. Modify All Data grants everything. */
  objectPermission(userId: string, def: ObjectDef): ObjectPermission {
    const a = this.access(userId);
    const p: ObjectPermission = { allowCreate: false, allowRead: false, allowEdit: false, allowDelete: false, viewAllRecords: false, modifyAllRecords: false };
    if (a.modifyAll) return { allowCreate: true, allowRead: true, allowEdit: true, allowDelete: true, viewAllRecords: true, modifyAllRecords: true };
    if (/__share$/i.test(def.name)) return { allowCreate: true, allowRead: true, allowEdit: true, allowDelete: true, viewAllRecords: false, modifyAllRecords: false };
    for (const ps of [a.profile, ...a.sets]) {
      const op = ps?.objectPermissions.get(def.name.toLowerCase());
      if (!op) continue;
      p.allowCreate ||= op.allowCreate;
      p.allowRead ||= op.allowRead || op.allowEdit || op.viewAllRecords || op.modifyAllRecords;
      p.allowEdit ||= op.allowEdit || op.modifyAllRecords;
      p.allowDelete ||= op.allowDelete || op.modifyAllRecords;
      p.viewAllRecords ||= op.viewAllRecords || op.modifyAllRecords;
      p.modifyAllRecords ||= op.modifyAllRecords;
    }
    if (a.viewAll) {
      p.allowRead = true;
      p.viewAllRecords = true;
    }
    // custom settings are readable by everyone with "View All Custom Settings" or through Apex; treat as readable
    if (def.customSettingsType) p.allowRead = true;
    return p;
  }

  /** Field-level security: read / edit. */
  fieldAccess(userId: string, def: ObjectDef, f: FieldDef): { readable: boolean; editable: boolean } {
    const a = this.access(userId);
    const l = f.name.toLowerCase();
    if (ALWAYS_READABLE.has(l)) return { readable: true, editable: f.updateable || f.createable };
    if (f.type === 'MasterDetail' || (f.required && f.custom)) {
      // required and master-detail fields are always readable and editable for users with object access
      return { readable: true, editable: true };
    }
    const key = `${def.name}.${f.name}`.toLowerCase();
    let listed = false;
    let readable = false;
    let editable = false;
    for (const ps of [a.profile, ...a.sets]) {
      const fp = ps?.fieldPermissions.get(key);
      if (!fp) continue;
      listed = true;
      readable ||= fp.readable || fp.editable;
      editable ||= fp.editable;
    }
    if (!listed && !f.custom) {
      return { readable: true, editable: f.createable || f.updateable };
    }
    if (f.calculated) editable = false;
    return { readable, editable };
  }

  /** WITH USER_MODE / WITH SECURITY_ENFORCED read checks (QueryException on the first inaccessible item). */
  checkRead(def: ObjectDef, fields: FieldDef[], ctx: RunContext, mode: 'USER_MODE' | 'SECURITY_ENFORCED'): void {
    const op = this.objectPermission(ctx.userId, def);
    if (!op.allowRead) {
      if (mode === 'SECURITY_ENFORCED') throw new DataError('System.QueryException', `Insufficient permissions: secure query included inaccessible field`);
      throw new DataError('System.QueryException', `sObject type '${def.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`);
    }
    const bad = fields.filter((f) => !this.fieldAccess(ctx.userId, def, f).readable);
    if (bad.length) {
      if (mode === 'SECURITY_ENFORCED') throw new DataError('System.QueryException', 'Insufficient permissions: secure query included inaccessible field');
      throw new DataError(
        'System.QueryException',
        `No such column '${bad[0]!.name}' on entity '${def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
      );
    }
  }

  private sharingApplies(ctx: RunContext): boolean {
    return ctx.sharing === 'with' || ctx.accessLevel === 'USER_MODE';
  }

  /** Record visibility for the running user (only enforced with sharing or in user mode). */
  canSee(def: ObjectDef, row: Row, ctx: RunContext, depth = 0): boolean {
    if (!this.sharingApplies(ctx)) return true;
    return this.recordAccess(def, row, ctx.userId, depth) !== 'None';
  }

  recordAccess(def: ObjectDef, row: Row, userId: string, depth = 0): 'None' | 'Read' | 'Edit' | 'All' {
    const a = this.access(userId);
    const op = this.objectPermission(userId, def);
    if (a.modifyAll || op.modifyAllRecords) return 'All';
    const owner = row.get('ownerid');
    if (owner && (owner === userId || a.queues.has(String(owner)))) return 'All';
    const viewAll = a.viewAll || op.viewAllRecords;
    const shared = this.shareAccess(def, row, a);
    const external = this.isExternal(a);
    const lower = def.name.toLowerCase();
    if (def.isSetup || ['organization', 'profile', 'userlicense', 'opportunitystage', 'leadstatus', 'emailtemplate', 'customnotificationtype', 'staticresource', 'site', 'sitedetail', 'network', 'apexclass', 'asyncapexjob', 'crontrigger', 'cronjobdetail', 'currencytype', 'assignmentrule'].includes(lower)) {
      return 'Read';
    }
    if (lower === 'contentdocument' || lower === 'contentversion' || lower === 'contentdocumentlink') return this.fileAccess(lower, row, a, viewAll, depth);
    let model: string = external ? (def.externalSharingModel ?? (def.custom ? 'Private' : def.sharingModel === 'ControlledByParent' ? 'ControlledByParent' : 'Private')) : def.sharingModel;
    if (a.userType === 'Guest') model = def.sharingModel === 'ControlledByParent' ? 'ControlledByParent' : 'Private';
    if (model === 'ControlledByParent') {
      if (depth > 5) return 'None';
      const parent = this.parentOf(def, row);
      if (!parent) return viewAll ? 'Read' : 'None';
      const pa = this.recordAccess(parent.def, parent.row, userId, depth + 1);
      if (pa === 'None' && viewAll) return 'Read';
      // "Read/Write access to the master is required to edit the detail unless writeRequiresMasterRead" (Metadata API, CustomField)
      const md = [...def.fields.values()].find((f) => f.type === 'MasterDetail');
      if (pa === 'Read' && md?.writeRequiresMasterRead) return 'Edit';
      return pa;
    }
    // sharing sets (external users)
    if (external) {
      for (const ss of this.org.schema.sharingSets ?? []) {
        if (!ss.profiles.some((p) => p.toLowerCase() === a.profileName.toLowerCase())) continue;
        for (const m of ss.accessMappings) {
          if (m.object.toLowerCase() !== lower) continue;
          const userVal = m.userField.toLowerCase() === 'contact' ? a.contactId : m.userField.toLowerCase() === 'account' ? a.accountId : null;
          const recVal = m.objectField.toLowerCase() === 'id' ? row.get('id') : row.get(m.objectField.toLowerCase());
          if (userVal && recVal === userVal) return m.accessLevel === 'Edit' ? 'Edit' : 'Read';
        }
      }
      if (lower === 'contact' && a.contactId && row.get('id') === a.contactId) return 'Read';
      if (lower === 'account' && a.accountId && row.get('id') === a.accountId) return 'Read';
      if (lower === 'user') return 'Read';
    }
    if (model === 'ReadWrite' || model === 'PublicReadWrite' || model === 'FullAccess') return shared === 'All' ? 'All' : 'Edit';
    if (model === 'Read') return shared === 'Edit' || shared === 'All' ? shared : 'Read';
    if (shared !== 'None') return shared;
    return viewAll ? 'Read' : 'None';
  }

  /**
   * Salesforce Files, simplified: the document's owner has full access (above); otherwise a user
   * sees a file through a ContentDocumentLink to them (or a group they are in) or to a record
   * they can see. ShareType C (Collaborator) grants Edit, V and I Read. A version and a link
   * follow their document.
   */
  private fileAccess(lower: string, row: Row, a: UserAccess, viewAll: boolean, depth: number): 'None' | 'Read' | 'Edit' | 'All' {
    const docId = lower === 'contentdocument' ? row.get('id') : row.get('contentdocumentid');
    if (lower !== 'contentdocument') {
      const doc = docId ? this.org.byId(String(docId)) : null;
      if (doc && doc.row.get('ownerid') === a.userId) return 'All';
    }
    const linkDef = this.org.schema.objects.get('contentdocumentlink');
    let best: 'None' | 'Read' | 'Edit' = 'None';
    if (linkDef && docId && depth <= 5) {
      for (const l of this.org.scan(linkDef, false)) {
        if (l.get('contentdocumentid') !== docId) continue;
        const who = String(l.get('linkedentityid'));
        let sees = who === a.userId || a.queues.has(who);
        if (!sees && !/^00[5G]/.test(who)) {
          const target = this.org.byId(who);
          sees = !!target && this.recordAccess(target.def, target.row, a.userId, depth + 1) !== 'None';
        }
        if (!sees) continue;
        const lvl = l.get('sharetype') === 'C' ? 'Edit' : 'Read';
        if (lvl === 'Edit') return 'Edit';
        best = 'Read';
      }
    }
    if (best !== 'None') return best;
    return viewAll ? 'Read' : 'None';
  }

  /** Manual shares (<Object>__Share rows) for the user or a group they belong to. */
  private shareAccess(def: ObjectDef, row: Row, a: UserAccess): 'None' | 'Read' | 'Edit' | 'All' {
    if (!def.custom) return 'None';
    const shareDef = this.org.schema.objects.get(def.name.replace(/__c$/i, '__Share').toLowerCase());
    if (!shareDef) return 'None';
    const rank = { None: 0, Read: 1, Edit: 2, All: 3 } as const;
    let best: 'None' | 'Read' | 'Edit' | 'All' = 'None';
    const id = row.get('id');
    for (const s of this.org.scan(shareDef, false)) {
      if (s.get('parentid') !== id) continue;
      const who = String(s.get('userorgroupid'));
      if (who !== a.userId && !a.queues.has(who)) continue;
      const lvl = String(s.get('accesslevel')) as 'Read' | 'Edit' | 'All';
      if (rank[lvl] > rank[best]) best = lvl;
    }
    return best;
  }

  private parentOf(def: ObjectDef, row: Row): { def: ObjectDef; row: Row } | null {
    const fields = [...def.fields.values()];
    const md = fields.find((f) => f.type === 'MasterDetail');
    const candidates: FieldDef[] = md ? [md] : fields.filter((f) => ['accountid', 'whatid', 'whoid', 'parentid', 'opportunityid'].includes(f.name.toLowerCase()));
    for (const f of candidates) {
      const id = row.get(f.name.toLowerCase());
      if (!id) continue;
      const p = this.org.byId(String(id));
      if (p) return p;
    }
    return null;
  }

  /** Access checks for one DML row: user-mode CRUD and FLS, record edit access with sharing. */
  checkDmlRow(op: 'insert' | 'update' | 'delete', def: ObjectDef, input: SObjectRecord, old: SObjectRecord | null, ctx: RunContext): DmlError | null {
    if (ctx.accessLevel === 'USER_MODE') {
      const p = this.objectPermission(ctx.userId, def);
      const ok = op === 'insert' ? p.allowCreate : op === 'update' ? p.allowEdit : p.allowDelete;
      if (!ok) {
        const verb = op === 'insert' ? 'create' : op === 'update' ? 'update' : 'delete';
        void verb;
        return { statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'insufficient access rights on object id', fields: [] };
      }
      if (op !== 'delete') {
        const bad: string[] = [];
        for (const [k] of input.fields) {
          const f = def.fields.get(k);
          if (!f || k === 'id' || (input.objectName && ALWAYS_READABLE.has(k) && k !== 'ownerid')) continue;
          if (!this.fieldAccess(ctx.userId, def, f).editable) bad.push(f.name);
        }
        if (bad.length) return { statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: `Unable to create/update fields: ${bad.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, fields: bad };
      }
    }
    if (!this.sharingApplies(ctx)) return null;
    // Custom settings have no owner and no sharing: their rows are not records a sharing rule
    // reaches (Custom Settings, Apex Developer Guide: access is by the object's permissions only).
    if ((def as { customSettingsType?: string }).customSettingsType) return null;
    if (op === 'insert') {
      // master-detail: Read on the master is enough when writeRequiresMasterRead, else Edit
      for (const f of def.fields.values()) {
        if (f.type !== 'MasterDetail') continue;
        const pid = input.fields.get(f.name.toLowerCase());
        if (!pid) continue;
        const p = this.org.byId(String(pid));
        if (!p) continue;
        const acc = this.recordAccess(p.def, p.row, ctx.userId);
        if (acc === 'None' || (acc === 'Read' && !f.writeRequiresMasterRead)) {
          return { statusCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', message: 'insufficient access rights on cross-reference id', fields: [] };
        }
      }
      return null;
    }
    const found = old?.id ? this.org.byId(old.id, true) : null;
    if (!found) return null;
    const acc = this.recordAccess(def, found.row, ctx.userId);
    if (op === 'update' && (acc === 'Edit' || acc === 'All')) return null;
    // detail records follow the master: edit access on it allows the delete (writeRequiresMasterRead: read)
    if (op === 'delete' && (acc === 'All' || (def.sharingModel === 'ControlledByParent' && acc === 'Edit'))) return null;
    return { statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'insufficient access rights on object id', fields: [] };
  }

  /**
   * Security.stripInaccessible(accessType, records[, enforceRootObjectCRUD]) (Apex Reference,
   * Security Class): copies of the records without the fields the user cannot access for the
   * access type; parent and child records are stripped too. Throws NoAccessException when the
   * root object itself is not accessible and enforceRootObjectCRUD is true.
   */
  stripInaccessible(accessType: AccessType, records: SObjectRecord[], ctx: RunContext, enforceRootObjectCRUD = true): { records: SObjectRecord[]; removedFields: Map<string, Set<string>> } {
    const removed = new Map<string, Set<string>>();
    const strip = (rec: SObjectRecord, root: boolean): SObjectRecord => {
      const def = rec.def ?? this.org.schema.objects.get(rec.objectName.toLowerCase());
      if (!def) return rec;
      const p = this.objectPermission(ctx.userId, def);
      const objOk = accessType === 'READABLE' ? p.allowRead : accessType === 'CREATABLE' ? p.allowCreate : accessType === 'UPDATABLE' ? p.allowEdit : p.allowCreate && p.allowEdit;
      if (!objOk && root && enforceRootObjectCRUD) {
        throw new DataError('System.NoAccessException', 'No access to entity');
      }
      const out = new SObjectRecord(def);
      if (rec.queried) out.queried = new Set();
      for (const [k, v] of rec.fields) {
        const f = def.fields.get(k);
        const name = rec.names.get(k) ?? k;
        if (v instanceof SObjectRecord) {
          out.setRaw(name, strip(v, false));
          continue;
        }
        if (Array.isArray(v)) {
          out.setRaw(name, (v as SObjectRecord[]).map((c) => strip(c, false)));
          continue;
        }
        if (!f) {
          out.setRaw(name, v);
          continue;
        }
        const fa = this.fieldAccess(ctx.userId, def, f);
        const ok = objOk && (accessType === 'READABLE' ? fa.readable : k === 'id' ? true : fa.editable && (accessType === 'CREATABLE' ? f.createable : accessType === 'UPDATABLE' ? f.updateable || k === 'id' : true));
        if (ok) out.setRaw(name, v);
        else {
          const set = removed.get(def.name) ?? new Set<string>();
          set.add(f.name);
          removed.set(def.name, set);
        }
      }
      return out;
    };
    return { records: records.map((r) => strip(r, true)), removedFields: removed };
  }
}
