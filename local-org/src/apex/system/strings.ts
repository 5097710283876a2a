// String methods (instance and static) and Pattern/Matcher, delegating to the values library.
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as S from '../values/string.js';
import * as PM from '../values/pattern.js';
import { ApexList, ApexSet, ApexEnum, ApexMap, apexToString } from '../runtime.js';
import type { Interpreter } from '../interpreter.js';
import * as V from '../values/index.js';

const STR_T = { name: 'String', lname: 'string', args: [] };
const fnIndex = new Map<string, (...a: any[]) => any>();
for (const [k, v] of Object.entries(S)) if (typeof v === 'function') fnIndex.set(k.toLowerCase(), v as any);

function itemsOf(v: any): any[] {
  if (v instanceof ApexList) return v.items;
  if (v instanceof ApexSet) return v.values();
  return [];
}

export class StringLib {
  constructor(private I: Interpreter) {}

  call(s: string, lname: string, args: any[]): any {
    switch (lname) {
      case 'length':
        return s.length;
      case 'tolowercase':
        return args.length ? s.toLocaleLowerCase(String(args[0]).replace(/_/g, '-')) : s.toLowerCase();
      case 'touppercase':
        return args.length ? s.toLocaleUpperCase(String(args[0]).replace(/_/g, '-')) : s.toUpperCase();
      case 'equals':
        if (typeof args[0] !== 'string') return false;
        if (s === args[0]) return true;
        // an Id compares by its 15-character form (Id equality)
        return s.length !== args[0].length && (s.length === 15 || s.length === 18) && (args[0].length === 15 || args[0].length === 18) && s.substring(0, 15) === args[0].substring(0, 15);
      case 'tostring':
        return s;
      case 'split': {
        const r = (S as any).split(s, args[0], args[1]);
        return new ApexList(STR_T, r);
      }
      case 'substring':
        if (args[0] < 0 || args[0] > s.length || (args.length > 1 && (args[1] > s.length || args[1] < args[0])))
          this.I.throwSystem('System.StringException', `Ending position out of bounds: ${args.length > 1 ? args[1] : args[0]}`);
        return args.length > 1 ? s.substring(args[0], args[1]) : s.substring(args[0]);
      case 'getsobjecttype': {
        const name = this.I.schema.keyPrefixes.get(s.substring(0, 3));
        if (!name) this.I.throwSystem('System.SObjectException', `Invalid id: ${s}`);
        return this.I.builtins.schemaLib.sobjectType(name);
      }
      case 'to15':
        return s.substring(0, 15);
      case 'getchars':
        return new ApexList({ name: 'Integer', lname: 'integer', args: [] }, [...s].map((c) => c.codePointAt(0)));
      case 'hashcode': {
        let h = 0;
        for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
        return h;
      }
    }
    const fn = fnIndex.get(lname);
    if (fn) {
      const r = fn(
        s,
        ...args.map((a) =>
          a instanceof ApexEnum ? a.name : a instanceof ApexList ? a.items : a instanceof ApexMap ? new Map([...a.map.values()].map(([k, v]) => [apexToString(k), v === null ? null : apexToString(v)])) : a
        )
      );
      if (Array.isArray(r)) return new ApexList(STR_T, r);
      return r === undefined ? null : r;
    }
    return this.I.unsupported(`String.${lname}`);
  }

  staticCall(lname: string, args: any[]): any {
    const a = args[0];
    switch (lname) {
      case 'valueof':
        if (a === null || a === undefined) return 'null';
        if (a instanceof V.ApexDate && args.length === 1) return a.toString();
        // String.valueOf(Datetime): "yyyy-MM-dd HH:mm:ss" in the user's time zone
        if (a instanceof V.ApexDatetime) return a.format('yyyy-MM-dd HH:mm:ss');
        return apexToString(a);
      case 'isblank':
        return S.isBlank(a);
      case 'isnotblank':
        return !S.isBlank(a);
      case 'isempty':
        return a === null || a === '';
      case 'isnotempty':
        return !(a === null || a === '');
      case 'join':
        if (a === null) return null;
        return S.join(itemsOf(a).map((x) => (x === null ? null : apexToString(x))), args[1]);
      case 'format':
        return S.format(a, itemsOf(args[1]).map((x) => (x === null ? null : apexToString(x))));
      case 'escapesinglequotes':
        return (S as any).escapeSingleQuotes(a);
      case 'fromchararray':
        return S.fromCharArray(itemsOf(a));
      case 'valueofgmt':
        return a.formatGmt('yyyy-MM-dd HH:mm:ss');
    }
    const fn = fnIndex.get(lname);
    if (fn) return fn(...args.map((x) => (x instanceof ApexList ? x.items : x)));
    return this.I.unsupported(`String.${lname}`);
  }

  patternStatic(lname: string, args: any[]): any {
    switch (lname) {
      case 'compile':
        return PM.Pattern.compile(args[0]);
      case 'matches':
        return PM.Pattern.matches(args[0], args[1]);
      case 'quote':
        return PM.Pattern.quote(args[0]);
    }
    return this.I.unsupported(`Pattern.${lname}`);
  }

  patternInstance(t: any, lname: string, args: any[]): any {
    if (!(t instanceof PM.Pattern) && !(t instanceof PM.Matcher)) return undefined;
    for (let proto = Object.getPrototypeOf(t); proto; proto = Object.getPrototypeOf(proto)) {
      for (const n of Object.getOwnPropertyNames(proto)) {
        if (n.toLowerCase() === lname && n !== 'constructor') {
          const r = (t as any)[n](...args);
          if (Array.isArray(r)) return new ApexList(STR_T, r);
          return r === undefined ? null : r;
        }
      }
    }
    return this.I.unsupported(`${t instanceof PM.Pattern ? 'Pattern' : 'Matcher'}.${lname}`);
  }
}
