// Gate: every user-visible string is a custom label, and every label is translated.
// Fails, naming file:line, on:
//  - hard-coded text in LWC templates: text nodes, and literal words in the attributes a user reads
//    (label, title, alternative-text, placeholder, field-level-help, message-when-*, aria-label...);
//  - hard-coded text in component TypeScript: string literals a user would read (sentences,
//    capitalised words), outside imports, type positions, comparisons, switch cases and console;
//  - hard-coded text in Apex (classes and triggers, not tests): a literal that reads as words passed
//    to addError(, new AuraHandledException(, an email's setSubject/setPlainTextBody/setHtmlBody,
//    or set as an invocable result's message (an @InvocableVariable named *message* or *error*),
//    directly or through a String constant of the same file;
//  - a @salesforce/label/c.X import or an Apex System.Label.X that names no label;
//  - a Lightning page (FlexiPage) tab title or field section label in plain text, and a
//    {!$Label.c.X} in a page that names no label;
//  - a label without shortDescription, not en_US, protected, or defined twice;
//  - a label with no translation (or a blank one) in Spanish, German or French, a translation of a
//    label that does not exist, or a translation whose {0} placeholders differ from the English.
// A literal that is not text (a picklist API value) can be marked on its line or the line before
// with the comment `labels-gate: not text (why)`.
// Config (scripts/checks/labels-config.json): "ignore", the short documented list of literals that
// are not text; "notYetConverted", files (components and Apex) still being converted with their
// count of hard-coded strings: a listed file may not gain strings, and its count must be lowered
// as it is converted.
//   node scripts/checks/labels.mjs [--root <dir>] [--list]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT as REPO_ROOT } from './lib.mjs';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const {
  LANGUAGES,
  LANGUAGE_NAMES,
  readLabels,
  readTranslations,
  translationFile,
  readValidationRules,
  readRuleTranslations
} = require('../i18n/labels-lib.cjs');

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const ROOT = rootArg >= 0 ? path.resolve(args[rootArg + 1]) : REPO_ROOT;
const LIST = args.includes('--list');
const CONFIG_FILE = path.join(ROOT, 'scripts', 'checks', 'labels-config.json');
const config = fs.existsSync(CONFIG_FILE)
  ? JSON.parse(fs.readFileSync(CONFIG_FILE, 'utf8'))
  : { ignore: [], notYetConverted: {} };
const IGNORED = new Set((config.ignore ?? []).map((i) => i.text));
const pending = config.notYetConverted ?? {};

const TEXT_ATTRIBUTE =
  /^(label|title|alternative-text|placeholder|field-level-help|content|aria-label|aria-description|aria-roledescription|aria-placeholder|aria-valuetext|heading|header|source-label|selected-label|loading-text|help-text|button-label|assistive-text|message-when-[a-z-]+|message-toggle-[a-z]+|friendly-message)$/;

function walk(dir, test, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === '__tests__' || e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, test, out);
    else if (test(full)) out.push(full);
  }
  return out.sort();
}

const lineAt = (text, index) => text.slice(0, index).split('\n').length;
// A line that holds, or follows a line that holds, this comment carries no text for people
// (picklist API values, route names); the comment says why: // labels-gate: not text (API values)
const DIRECTIVE = /labels-gate: not text/;
function directiveLines(code) {
  const lines = code.split('\n');
  const skip = new Set();
  lines.forEach((line, i) => {
    if (DIRECTIVE.test(line)) {
      skip.add(i + 1);
      skip.add(i + 2);
    }
  });
  return skip;
}
const hasLetter = (s) => /\p{L}/u.test(s);
const show = (s) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** Hard-coded text in one LWC template: [{ line, text, where }]. */
export function scanTemplate(html) {
  const found = [];
  const source = html.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const tag =
    /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
  let last = 0;
  const text = (chunk, offset) => {
    const words = chunk.replace(/\{[^}]*\}/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
    if (hasLetter(words) && !IGNORED.has(words.trim()))
      found.push({
        line: lineAt(source, offset + chunk.search(/\S/)),
        text: words.trim(),
        where: 'text'
      });
  };
  for (const m of source.matchAll(tag)) {
    text(source.slice(last, m.index), last);
    last = m.index + m[0].length;
    for (const a of m[3].matchAll(/([^\s=>/]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const [, name] = a;
      const value = a[3] ?? a[4] ?? a[5];
      if (value === undefined || !TEXT_ATTRIBUTE.test(name)) continue;
      if (/^\{[^}]*\}$/.test(value.trim()) || !hasLetter(value) || IGNORED.has(value.trim()))
        continue;
      found.push({ line: lineAt(source, m.index + a.index), text: value.trim(), where: name });
    }
  }
  text(source.slice(last), last);
  return found;
}

/** Does a TypeScript string read as words for a person (rather than a key, class or API value)? */
export function looksLikeText(value) {
  const s = value.trim();
  if (!hasLetter(s) || IGNORED.has(s)) return false;
  if (
    /^(https?:|\/|c\/|lightning\/|@salesforce\/|utility:|standard:|custom:|action:|doctype:)/.test(
      s
    )
  )
    return false;
  const tokens = s.split(/\s+/);
  // a list of CSS classes or identifiers: slds-m-top_small slds-text-color_error
  if (tokens.every((t) => /^[a-z][a-z0-9]*([_-]+[a-z0-9]+)+$/.test(t) || /^slds$/.test(t)))
    return false;
  // an SLDS class list with the component's own lowercase class names in it
  if (
    tokens.some((t) => t.startsWith('slds-')) &&
    tokens.every((t) => /^[a-z][a-z0-9_-]*$/.test(t))
  )
    return false;
  if (tokens.length > 1) return tokens.some((t) => /^\p{L}{2,}[.,:;!?]?$/u.test(t));
  // one word: a capitalised word (Name, Email) or one ending as a sentence; not API_VALUES,
  // Api_Names__c, camelCase keys or lowercase identifiers
  if (/^\p{Lu}[\p{Ll}’']+[.:!?]?$/u.test(s)) return true;
  return /\p{L}{2,}[.!?]$/u.test(s) && !/[_]/.test(s);
}

function skipLiteral(node) {
  const parent = node.parent;
  if (!parent) return true;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return true;
  if (ts.isImportTypeNode?.(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (ts.isExternalModuleReference?.(parent)) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node)
    return true;
  // values of keys that name things rather than say them: { name: 'Home' }, { value: 'W-9' }
  if (
    ts.isPropertyAssignment(parent) &&
    parent.initializer === node &&
    /^(name|value|fieldName|type|variant|iconName|key|id|actionName|apiName|objectApiName|fieldApiName|sortedBy|sortDirection|fieldPath|primaryField)$/.test(
      parent.name.getText()
    )
  )
    return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isCaseClause(parent)) return true;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (
      [
        ts.SyntaxKind.EqualsEqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsEqualsToken,
        ts.SyntaxKind.EqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsToken,
        ts.SyntaxKind.InKeyword
      ].includes(op)
    )
      return true;
  }
  for (let p = parent; p; p = p.parent) {
    if (ts.isCallExpression(p)) {
      const callee = p.expression.getText();
      if (/^console\./.test(callee) || /querySelector(All)?$/.test(callee)) return true;
      // picklistLabel('REWARD_STATUS', 'Pending'): API values looked up as labels
      if (callee === 'picklistLabel') return true;
    }
    if (ts.isStatement(p)) break;
  }
  return false;
}

/** Hard-coded user text in one TypeScript file: [{ line, text, where }]. */
export function scanTypeScript(code, fileName = 'file.ts') {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const skipLines = directiveLines(code);
  const found = [];
  const visit = (node) => {
    let value = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) value = node.text;
    else if (ts.isTemplateExpression(node))
      value = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('{}');
    if (value !== null && !skipLiteral(node) && looksLikeText(value.replace(/\{\}/g, ' x '))) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      if (!skipLines.has(line)) found.push({ line, text: value.trim(), where: 'string' });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * Apex source with comments blanked (newlines kept, so offsets and lines stay) and its string
 * literals: [{ start, end, value }] (start/end around the quotes, value unescaped).
 */
function apexLiterals(code) {
  const chars = code.split('');
  const literals = [];
  let i = 0;
  while (i < chars.length) {
    const c = code[i];
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      while (i < chars.length && code[i] !== '\n') chars[i++] = ' ';
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end < 0 ? code.length : end + 2;
      for (; i < stop; i++) if (code[i] !== '\n') chars[i] = ' ';
    } else if (c === "'") {
      const start = i++;
      let value = '';
      while (i < code.length && code[i] !== "'" && code[i] !== '\n') {
        if (code[i] === '\\' && i + 1 < code.length) {
          const e = code[i + 1];
          value += { n: '\n', t: '\t', r: '\r' }[e] ?? e;
          i += 2;
        } else value += code[i++];
      }
      i++;
      literals.push({ start, end: i, value });
    } else i++;
  }
  return { masked: chars.join(''), literals };
}

/** The offset just past the parenthesis (or statement) that starts at `from`, literals skipped. */
function spanEnd(masked, from, literals, closer) {
  let depth = 0;
  for (let i = from; i < masked.length; i++) {
    const literal = literals.find((l) => l.start === i);
    if (literal) {
      i = literal.end - 1;
      continue;
    }
    const c = masked[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (closer === ')' && depth === 0) return i + 1;
      if (depth < 0) return i;
    } else if (closer === ';' && c === ';' && depth === 0) return i;
  }
  return masked.length;
}

// Where Apex hands text to a person: a record's save error, a message a component shows, an email.
const APEX_SINKS = [
  { re: /\baddError\s*\(/g, what: 'addError' },
  { re: /\bnew\s+AuraHandledException\s*\(/g, what: 'AuraHandledException' },
  { re: /\.setSubject\s*\(/g, what: 'email subject' },
  { re: /\.set(?:PlainTextBody|HtmlBody)\s*\(/g, what: 'email body' }
];

/**
 * User-visible text hard-coded in one Apex class or trigger (not a test class): a literal that
 * reads as words in what is passed to addError, new AuraHandledException, an email's subject or
 * body, or set as an invocable result's message (a field declared @InvocableVariable in the
 * file); a constant of the same file named there counts as its literal. [{ line, text, where }]
 */
export function scanApex(code) {
  const { masked, literals } = apexLiterals(code);
  const firstClass = masked.search(/\b(class|trigger)\s+\w/i);
  if (/@IsTest\b/i.test(masked.slice(0, firstClass < 0 ? masked.length : firstClass))) return [];
  const skipLines = directiveLines(code);
  const constants = new Map();
  for (const m of masked.matchAll(/\bfinal\s+String\s+(\w+)\s*=/gi)) {
    const end = spanEnd(masked, m.index + m[0].length, literals, ';');
    constants.set(
      m[1].toLowerCase(),
      literals.filter((l) => l.start >= m.index && l.end <= end)
    );
  }
  const spans = [];
  for (const sink of APEX_SINKS)
    for (const m of masked.matchAll(sink.re)) {
      const open = m.index + m[0].length - 1;
      spans.push({ from: open, to: spanEnd(masked, open, literals, ')'), what: sink.what });
    }
  const invocable = [
    ...masked.matchAll(
      /@InvocableVariable\b(?:\s*\([^)]*\))?\s*(?:\w+\s+)*?[\w<>,. ]+?\s+(\w+)\s*;/gi
    )
  ]
    .map((m) => m[1])
    // the result's sentences (message, messages, errors), not its inputs, ids and API codes
    .filter((name) => /message|error/i.test(name));
  for (const name of new Set(invocable))
    for (const m of masked.matchAll(
      new RegExp(`(?:\\.|\\b)${name}\\s*(?:=(?!=)|\\.add\\s*\\()`, 'g')
    )) {
      const declared = /\b(?:global|public|private)\s+[\w<>,. ]+\s*$/.test(
        masked.slice(Math.max(0, m.index - 80), m.index)
      );
      if (declared) continue;
      const from = m.index + m[0].length;
      spans.push({
        from,
        to: spanEnd(masked, from, literals, ';'),
        what: 'invocable result message'
      });
    }
  const found = [];
  const seen = new Set();
  const check = (literal, what) => {
    const line = lineAt(code, literal.start);
    if (seen.has(literal.start) || skipLines.has(line)) return;
    seen.add(literal.start);
    if (looksLikeText(literal.value)) found.push({ line, text: literal.value.trim(), where: what });
  };
  for (const span of spans.sort((a, b) => a.from - b.from)) {
    for (const literal of literals)
      if (literal.start >= span.from && literal.end <= span.to) check(literal, span.what);
    const outside = masked.slice(span.from, span.to).replace(/'(?:[^'\\\n]|\\.)*'/g, ' ');
    for (const id of outside.match(/\b[A-Za-z_]\w*\b/g) ?? [])
      for (const literal of constants.get(id.toLowerCase()) ?? []) check(literal, span.what);
  }
  return found.sort((a, b) => a.line - b.line);
}

const problems = [];
const report = (file, line, message) =>
  problems.push(`${path.relative(ROOT, file)}:${line}: ${message}`);

// ---- labels and translations
const labels = readLabels(ROOT);
const byName = new Map();
for (const l of labels) {
  const file = path.join(ROOT, l.file);
  if (!l.name) {
    report(file, l.line, 'a label without <fullName>: name it.');
    continue;
  }
  if (byName.has(l.name))
    report(
      file,
      l.line,
      `label ${l.name} is also defined in ${byName.get(l.name).file}: keep one.`
    );
  byName.set(l.name, l);
  if (!l.value?.trim())
    report(file, l.line, `label ${l.name} has no <value>: write its English text.`);
  if (!l.shortDescription?.trim())
    report(file, l.line, `label ${l.name} has no <shortDescription>: say where it is shown.`);
  if (l.language !== 'en_US')
    report(
      file,
      l.line,
      `label ${l.name} has language ${l.language ?? 'none'}: use <language>en_US</language>.`
    );
  if (l.protected !== 'false')
    report(
      file,
      l.line,
      `label ${l.name} must be <protected>false</protected> so subscribers can translate and override it.`
    );
}
const placeholders = (s) => [...new Set((s ?? '').match(/\{\d+\}/g) ?? [])].sort().join(',');
const missing = Object.fromEntries(LANGUAGES.map((lang) => [lang, 0]));
for (const lang of LANGUAGES) {
  const file = translationFile(ROOT, lang);
  const translations = readTranslations(ROOT, lang);
  for (const [name, t] of translations) {
    const label = byName.get(name);
    if (!label)
      report(
        file,
        t.line,
        `translation of ${name}, which is not a label: remove it or add the label.`
      );
    else if (!t.label?.trim())
      report(
        file,
        t.line,
        `${LANGUAGE_NAMES[lang]} translation of ${name} is blank: translate it.`
      );
    else if (placeholders(t.label) !== placeholders(label.value))
      report(
        file,
        t.line,
        `${LANGUAGE_NAMES[lang]} translation of ${name} has placeholders {${placeholders(t.label)}} where the English has {${placeholders(label.value)}}: use the same.`
      );
  }
  for (const label of byName.values()) {
    if (!translations.has(label.name)) {
      missing[lang]++;
      report(
        path.join(ROOT, label.file),
        label.line,
        `label ${label.name} has no ${LANGUAGE_NAMES[lang]} translation: add it to ${path.relative(ROOT, file)} (scripts/i18n/merge-translations.mjs merges a JSON file).`
      );
    }
  }
}

// ---- validation rule messages: each translated through its object's translation, per language
const rules = readValidationRules(ROOT);
const ruleKeys = new Map(rules.map((r) => [`${r.object}.${r.name}`, r]));
const ruleTranslations = readRuleTranslations(ROOT);
const translatedRules = new Set();
for (const t of ruleTranslations) {
  const rule = ruleKeys.get(`${t.object}.${t.name}`);
  const where = path.join(ROOT, t.file);
  if (!LANGUAGES.includes(t.lang)) continue;
  if (!rule)
    report(
      where,
      t.line,
      `translation of validation rule ${t.object}.${t.name}, which does not exist: remove it or correct the name.`
    );
  else if (!t.message?.trim())
    report(
      where,
      t.line,
      `${LANGUAGE_NAMES[t.lang]} message of validation rule ${t.object}.${t.name} is blank: translate it.`
    );
  else translatedRules.add(`${t.object}.${t.name}.${t.lang}`);
}
for (const rule of rules)
  for (const lang of LANGUAGES)
    if (!translatedRules.has(`${rule.object}.${rule.name}.${lang}`))
      report(
        path.join(ROOT, rule.file),
        rule.line,
        `validation rule ${rule.object}.${rule.name} has no ${LANGUAGE_NAMES[lang]} error message: add it to objectTranslations/${rule.object}-${lang} (node scripts/i18n/add-rule-translations.mjs rules.json).`
      );

// ---- screen flows: the flow's label translated in each language (Translations flowDefinitions);
// what a screen shows either a {!$Label.X} formula or nothing; no screen header (a screen's label
// has no translation in the Translations metadata)
const flowFiles = walk(path.join(ROOT, 'force-app'), (f) => f.endsWith('.flow-meta.xml'));
const flowLabels = Object.fromEntries(
  LANGUAGES.map((lang) => {
    const file = translationFile(ROOT, lang);
    const xml = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const labelsOf = new Map();
    for (const m of xml.matchAll(/<flowDefinitions>([\s\S]*?)<\/flowDefinitions>/g)) {
      const name = /<fullName>([^<]*)<\/fullName>/.exec(m[1])?.[1];
      // the definition's own label, not a version's or a screen's (those sit inside <flows>)
      const own = m[1].replace(/<flows>[\s\S]*?<\/flows>/g, '');
      if (name) labelsOf.set(name, /<label>([^<]*)<\/label>/.exec(own)?.[1] ?? '');
    }
    return [lang, labelsOf];
  })
);
for (const file of flowFiles) {
  const xml = fs.readFileSync(file, 'utf8');
  if (!/<processType>Flow<\/processType>/.test(xml)) continue; // screen flows only
  const name = path.basename(file, '.flow-meta.xml');
  for (const lang of LANGUAGES)
    if (!flowLabels[lang].get(name)?.trim())
      report(
        file,
        lineAt(xml, xml.search(/<label>/)),
        `screen flow ${name} has no ${LANGUAGE_NAMES[lang]} label: add <flowDefinitions><fullName>${name}</fullName><label>...</label></flowDefinitions> to ${path.relative(ROOT, translationFile(ROOT, lang))}.`
      );
  for (const m of xml.matchAll(/<showHeader>true<\/showHeader>/g))
    report(
      file,
      lineAt(xml, m.index),
      'a screen header shows the screen label, which the Translations metadata cannot translate: set <showHeader>false</showHeader> and let a labelled component or text show the title.'
    );
  for (const m of xml.matchAll(/\$Label\.(?:c\.)?(\w+)/g))
    if (!byName.has(m[1]))
      report(
        file,
        lineAt(xml, m.index),
        `uses $Label.${m[1]}, which no labels file defines: add it or correct the name.`
      );
  for (const m of xml.matchAll(
    /<(fieldText|helpText|errorMessage|choiceText|pausedText)>([^<]*)<\/\1>/g
  )) {
    // rich text is stored escaped (&lt;p&gt;): decode, then drop tags and merge fields
    const shown = m[2]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\{![^}]*\}/g, ' ')
      .replace(/&[a-z#0-9]+;/gi, ' ');
    if (hasLetter(shown))
      report(
        file,
        lineAt(xml, m.index),
        `hard-coded flow ${m[1]} ${show(shown.trim())}: use a {!$Label.c.Name} formula resource (or translate it in the Translations flowDefinitions).`
      );
  }
}

// ---- label references in components and Apex
const lwcFiles = walk(
  path.join(ROOT, 'force-app'),
  (f) => /[\\/]lwc[\\/]/.test(f) && /\.(ts|html)$/.test(f) && !f.endsWith('.d.ts')
);
const apexFiles = walk(path.join(ROOT, 'force-app'), (f) => /\.(cls|trigger)$/.test(f));
for (const file of lwcFiles.filter((f) => f.endsWith('.ts'))) {
  const code = fs.readFileSync(file, 'utf8');
  for (const m of code.matchAll(/@salesforce\/label\/c\.(\w+)/g))
    if (!byName.has(m[1]))
      report(
        file,
        lineAt(code, m.index),
        `imports label c.${m[1]}, which no labels file defines: add it or correct the name.`
      );
}
for (const file of apexFiles) {
  const code = fs.readFileSync(file, 'utf8');
  for (const m of code.matchAll(/\b(?:System\.)?Label\.(\w+)/g))
    if (!byName.has(m[1]) && !/^(get|translationExists)$/.test(m[1]))
      report(
        file,
        lineAt(code, m.index),
        `uses Label.${m[1]}, which no labels file defines: add it or correct the name.`
      );
}

// ---- Lightning pages: a tab's title and a field section's label are custom labels, written as
// {!$Label.c.Name} (c: the package's own namespace, as in @salesforce/label/c.Name); the standard
// tabs (Standard.Tab.detail) are translated by the platform.
const PAGE_TEXT = { 'flexipage:tab': 'title', 'flexipage:fieldSection': 'label' };
const LABEL_EXPRESSION = /\{!\$Label\.(\w+)\.(\w+)\}/g;
const flexipages = walk(path.join(ROOT, 'force-app'), (f) => f.endsWith('.flexipage-meta.xml'));
for (const file of flexipages) {
  const xml = fs.readFileSync(file, 'utf8');
  for (const m of xml.matchAll(LABEL_EXPRESSION))
    if (!byName.has(m[2]))
      report(
        file,
        lineAt(xml, m.index),
        `uses {!$Label.${m[1]}.${m[2]}}, which no labels file defines: add the label or correct the name.`
      );
  for (const c of xml.matchAll(/<componentInstance>([\s\S]*?)<\/componentInstance>/g)) {
    const component = /<componentName>([^<]*)<\/componentName>/.exec(c[1])?.[1];
    const property = PAGE_TEXT[component];
    if (!property) continue;
    const value = new RegExp(
      `<name>${property}</name>\\s*(?:<type>[^<]*</type>\\s*)?<value>([^<]*)</value>`
    ).exec(c[1]);
    if (!value) continue;
    const text = value[1].trim();
    if (/^Standard\.Tab\.\w+$/.test(text) || /^\{!\$Label\.\w+\.\w+\}$/.test(text)) continue;
    if (hasLetter(text))
      report(
        file,
        lineAt(
          xml,
          c.index +
            '<componentInstance>'.length +
            c[1].indexOf(value[0]) +
            value[0].indexOf('<value>')
        ),
        `${component} ${property} ${show(text)} is plain text: make it a custom label and write {!$Label.c.Name}.`
      );
  }
}

// ---- hard-coded text
const pendingSeen = new Map();
let pendingStrings = 0;
for (const file of [...lwcFiles, ...apexFiles]) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const code = fs.readFileSync(file, 'utf8');
  const found = file.endsWith('.html')
    ? scanTemplate(code)
    : /\.(cls|trigger)$/.test(file)
      ? scanApex(code)
      : scanTypeScript(code, file);
  if (rel in pending) {
    pendingSeen.set(rel, found.length);
    pendingStrings += found.length;
    if (found.length > pending[rel])
      report(
        file,
        found[0]?.line ?? 1,
        `${found.length} hard-coded strings, more than the ${pending[rel]} listed as not yet converted in scripts/checks/labels-config.json: new text must be a custom label.`
      );
    else if (found.length < pending[rel])
      report(
        file,
        1,
        `${found.length} hard-coded strings left where scripts/checks/labels-config.json lists ${pending[rel]}: lower the count${found.length === 0 ? ' (remove the entry)' : ''}.`
      );
    if (LIST) for (const f of found) console.log(`  pending ${rel}:${f.line}: ${show(f.text)}`);
    continue;
  }
  for (const f of found)
    report(
      file,
      f.line,
      /\.(cls|trigger)$/.test(file)
        ? `hard-coded ${f.where} text ${show(f.text)}: use a custom label (force-app/main/<module>/labels, System.Label.Name, placeholders with String.replace('{0}', ...)).`
        : `hard-coded ${f.where === 'text' ? 'text' : f.where === 'string' ? 'string' : `${f.where} attribute`} ${show(f.text)}: use a custom label (force-app/main/<module>/labels, @salesforce/label/c.Name).`
    );
}
for (const rel of Object.keys(pending))
  if (!pendingSeen.has(rel))
    problems.push(
      `scripts/checks/labels-config.json: notYetConverted lists ${rel}, which does not exist: remove it.`
    );

const pendingNote = pendingSeen.size
  ? `; not yet converted: ${pendingSeen.size} files with ${pendingStrings} hard-coded strings (labels-config.json)`
  : '';
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`labels: ${problems.length} problem(s)${pendingNote}.`);
  process.exit(1);
}
console.log(
  `labels: ${byName.size} labels and ${rules.length} validation rule messages, each translated into ${LANGUAGES.map((l) => LANGUAGE_NAMES[l]).join(', ')}; ${flexipages.length} Lightning pages with their tab and section titles as labels; ${lwcFiles.filter((f) => !pendingSeen.has(path.relative(ROOT, f).split(path.sep).join('/'))).length} component files and ${apexFiles.filter((f) => !pendingSeen.has(path.relative(ROOT, f).split(path.sep).join('/'))).length} Apex files without hard-coded text${pendingNote}.`
);
