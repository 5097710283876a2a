// Part of the apex-semantics gate: apex-ls resolves fields in Apex expressions but not inside
// static SOQL. This check reads every [SELECT ...] in the Apex and resolves each custom field
// (__c) and custom relationship (__r) against the objects and fields in force-app: a misspelled
// or missing field fails here instead of at deployment. Standard fields are left to the platform.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

function tag(xml, name) {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return match ? match[1].trim() : undefined;
}

/** objects: lower-case name -> { name, fields: Set(lower), parents: Map(rel__r -> object), children: Map(rel__r -> object) } */
export function loadSchema(files) {
  const objects = new Map();
  const objectOf = (name) => {
    const key = name.toLowerCase();
    if (!objects.has(key))
      objects.set(key, { name, fields: new Set(), parents: new Map(), children: new Map() });
    return objects.get(key);
  };
  for (const file of files) {
    const match = /[\\/]objects[\\/]([^\\/]+)[\\/]fields[\\/]([^\\/]+)\.field-meta\.xml$/.exec(
      file
    );
    if (!match) continue;
    const [, objectName, fieldName] = match;
    const object = objectOf(objectName);
    object.fields.add(fieldName.toLowerCase());
    const xml = fs.readFileSync(file, 'utf8');
    const referenceTo = tag(xml, 'referenceTo');
    const relationshipName = tag(xml, 'relationshipName');
    if (referenceTo && fieldName.endsWith('__c')) {
      object.parents.set(`${fieldName.slice(0, -3)}__r`.toLowerCase(), referenceTo);
      if (relationshipName)
        objectOf(referenceTo).children.set(`${relationshipName}__r`.toLowerCase(), objectName);
    }
  }
  for (const file of files) {
    const match = /[\\/]objects[\\/]([^\\/]+)[\\/]\1\.object-meta\.xml$/.exec(file);
    if (match) objectOf(match[1]);
  }
  return objects;
}

/** The static SOQL queries of an Apex source: [SELECT ...] with nested brackets balanced. */
export function extractQueries(source) {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, '');
  const queries = [];
  const opener = /\[\s*select\b/gi;
  let match;
  while ((match = opener.exec(code)) !== null) {
    let depth = 0;
    let inString = false;
    for (let i = match.index; i < code.length; i++) {
      const ch = code[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === "'") inString = false;
      } else if (ch === "'") inString = true;
      else if (ch === '[') depth++;
      else if (ch === ']' && --depth === 0) {
        const line = code.slice(0, match.index).split('\n').length;
        queries.push({ text: code.slice(match.index + 1, i), line });
        opener.lastIndex = i;
        break;
      }
    }
  }
  return queries;
}

/** Checks one query (and its subqueries); returns problem sentences. */
export function checkQuery(text, objects) {
  const problems = [];
  const cleaned = text.replace(/'(?:\\.|[^'\\])*'/g, "''");
  // Replace parenthesised subqueries by placeholders, checking each with its own FROM object.
  const subqueries = [];
  let outer = '';
  for (let i = 0; i < cleaned.length; i++) {
    if (cleaned[i] === '(' && /^\(\s*select\b/i.test(cleaned.slice(i))) {
      let depth = 0;
      let j = i;
      for (; j < cleaned.length; j++) {
        if (cleaned[j] === '(') depth++;
        else if (cleaned[j] === ')' && --depth === 0) break;
      }
      subqueries.push(cleaned.slice(i + 1, j));
      outer += ' __SUBQUERY__ ';
      i = j;
    } else outer += cleaned[i];
  }
  const from = /\bfrom\s+([A-Za-z_][\w]*)/i.exec(outer);
  if (!from) return problems;
  const base = from[1];
  const baseObject = objects.get(base.toLowerCase());
  for (const sub of subqueries) {
    const subFrom = /\bfrom\s+([A-Za-z_][\w]*)/i.exec(sub);
    const relation = subFrom?.[1];
    if (relation && relation.toLowerCase().endsWith('__r')) {
      const child = baseObject?.children.get(relation.toLowerCase());
      if (baseObject && !child) {
        problems.push(`${base} has no child relationship ${relation}`);
        continue;
      }
      if (child) problems.push(...checkQuery(sub.replace(subFrom[0], `FROM ${child}`), objects));
    } else problems.push(...checkQuery(sub, objects));
  }
  if (!baseObject && base.endsWith('__c')) {
    problems.push(`unknown object ${base}`);
    return problems;
  }
  // Every dotted identifier that names a custom field or relationship, outside bind variables.
  const path = /(^|[^:\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)/g;
  let match;
  while ((match = path.exec(outer)) !== null) {
    const parts = match[2].split('.');
    if (!parts.some((p) => /__(c|r)$/i.test(p))) continue;
    if (parts.length === 1 && parts[0].toLowerCase() === base.toLowerCase()) continue;
    let current = baseObject;
    let currentName = base;
    // A leading object-name qualifier (Referral__c.Status__c) is allowed.
    if (parts.length > 1 && parts[0].toLowerCase() === base.toLowerCase()) parts.shift();
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      const last = k === parts.length - 1;
      if (!current) break; // a standard object we ship no fields for: the platform checks it
      if (last) {
        if (
          /__c$/i.test(part) &&
          !current.fields.has(part.toLowerCase()) &&
          part.toLowerCase() !== currentName.toLowerCase()
        ) {
          problems.push(`${currentName} has no field ${part}`);
        }
      } else if (/__r$/i.test(part)) {
        const target = current.parents.get(part.toLowerCase());
        if (!target) {
          problems.push(`${currentName} has no relationship ${part}`);
          break;
        }
        currentName = target;
        current = objects.get(target.toLowerCase());
      } else {
        // A standard relationship (Owner, Account, Contact__r's standard parents...): stop here.
        current = undefined;
      }
    }
  }
  return problems;
}

export function checkProject(root = ROOT) {
  const files = walk(path.join(root, 'force-app'));
  const objects = loadSchema(files);
  const problems = [];
  let queries = 0;
  for (const file of files.filter((f) => /\.(cls|trigger)$/.test(f))) {
    for (const query of extractQueries(fs.readFileSync(file, 'utf8'))) {
      queries++;
      for (const problem of checkQuery(query.text, objects)) {
        problems.push(`${path.relative(root, file)}:${query.line}: SOQL: ${problem}`);
      }
    }
  }
  return { queries, problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { queries, problems } = checkProject();
  for (const problem of problems) console.log(problem);
  console.log(`soql fields: ${queries} static queries checked, ${problems.length} problems`);
  process.exit(problems.length > 0 ? 1 : 0);
}
