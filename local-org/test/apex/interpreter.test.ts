// Small Apex programs run through the interpreter, each with the outcome the Apex Developer
// Guide documents (page cited per case). No data layer: pure language and system classes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Interpreter } from '../../src/apex/interpreter.js';
import { ApexError } from '../../src/apex/runtime.js';
import type { Schema } from '../../src/contracts.js';

const schema: Schema = {
  namespace: '',
  objects: new Map(),
  keyPrefixes: new Map(),
  permissionSets: new Map(),
  profiles: new Map(),
  staticResources: new Map(),
  emailTemplates: new Map(),
  customNotificationTypes: new Map(),
  customLabels: new Map(),
  apexSources: []
} as unknown as Schema;

function run(src: string, classes: string[] = []): void {
  const I = new Interpreter(schema, null);
  I.builtins.ctx.inTest = true;
  I.loadSources(classes.map((body, i) => ({ kind: 'class', name: `C${i}`, path: `C${i}.cls`, body })));
  I.executeAnonymous(src);
}

function throwsApex(src: string, type: string, message?: string, classes: string[] = []): void {
  try {
    run(src, classes);
  } catch (e) {
    assert.ok(e instanceof ApexError, `expected an Apex exception, got ${String(e)}`);
    assert.equal(e.ex.cls.name, type);
    if (message !== undefined) assert.equal(e.ex.f.get('$message'), message);
    return;
  }
  assert.fail(`expected ${type}`);
}

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_primitives.htm (Integer: 32-bit, overflow wraps)
test('Integer overflow wraps', () => run(`Integer i = 2147483647; i++; Assert.areEqual(-2147483648, i);`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_expressions_operators_understanding.htm (integer division truncates)
test('ordered comparisons with a NaN Double are false (Java semantics), with Infinity as usual', () =>
  run(`Double inf = Double.valueOf('1e308') * 10; Double nan = inf * 0;
    Assert.isFalse(nan < 1); Assert.isFalse(nan <= 1); Assert.isFalse(nan > 1); Assert.isFalse(nan >= 1);
    Assert.isFalse(1 <= nan); Assert.isFalse(nan <= nan); Assert.isTrue(!(nan <= Double.valueOf('1.7976931348623157E308')));
    Assert.isTrue(inf > Double.valueOf('1.7976931348623157E308')); Assert.isFalse(inf <= Double.valueOf('1.7976931348623157E308'));`));

test('Integer division truncates', () => run(`Assert.areEqual(2, 7 / 3); Assert.areEqual(-2, -7 / 3);`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_expressions_operators_understanding.htm (== on strings is case-insensitive)
test('String == is case-insensitive, equals is not', () => run(`Assert.isTrue('abc' == 'ABC'); Assert.isFalse('abc'.equals('ABC'));`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_expressions_operators_understanding.htm (string concatenation with null)
test('concatenation renders null', () => run(`String s; Assert.areEqual('anull', 'a' + s);`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_SafeNavigationOperator.htm
test('safe navigation returns null', () => run(`String s; Assert.isNull(s?.length());`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_NullCoalescingOperator.htm
test('null coalescing', () => run(`String s; Assert.areEqual('x', s ?? 'x');`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_exception_methods.htm (NullPointerException message)
test('null dereference throws NullPointerException', () =>
  throwsApex(`String s; s.length();`, 'System.NullPointerException', 'Attempt to de-reference a null object'));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_list.htm (index out of bounds)
test('list index out of bounds', () =>
  throwsApex(`List<Integer> l = new List<Integer>{1}; Integer x = l[5];`, 'System.ListException', 'List index out of bounds: 5'));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_casting.htm (invalid cast)
test('bad cast throws TypeException', () =>
  throwsApex(`Object o = 'x'; Integer i = (Integer) o;`, 'System.TypeException', 'Invalid conversion from runtime type String to Integer'));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_exception_custom.htm (custom exceptions, 4 constructors)
test('custom exception with message and cause', () =>
  run(
    `try { throw new C0.MyEx('outer', new C0.MyEx('inner')); } catch (C0.MyEx e) { Assert.areEqual('outer', e.getMessage()); Assert.areEqual('inner', e.getCause().getMessage()); Assert.areEqual('C0.MyEx', e.getTypeName()); }`,
    ['public class C0 { public class MyEx extends Exception {} }']
  ));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_switch.htm
test('switch on enum and else', () =>
  run(`C0.Color c = C0.Color.GREEN; String r; switch on c { when RED { r = 'r'; } when GREEN, BLUE { r = 'gb'; } when else { r = 'x'; } } Assert.areEqual('gb', r);`, [
    'public class C0 { public enum Color { RED, GREEN, BLUE } }'
  ]));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_enums.htm (values, ordinal, name)
test('enum values, ordinal and name', () =>
  run(`Assert.areEqual(3, C0.Color.values().size()); Assert.areEqual(1, C0.Color.GREEN.ordinal()); Assert.areEqual('BLUE', C0.Color.BLUE.name()); Assert.areEqual(C0.Color.RED, C0.Color.valueOf('RED'));`, [
    'public class C0 { public enum Color { RED, GREEN, BLUE } }'
  ]));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_static.htm (static initialisation on first use)
test('static initialiser runs once on first use', () =>
  run(`Assert.areEqual(1, C0.count); Assert.areEqual(1, C0.count);`, ['public class C0 { public static Integer count = 0; static { count++; } }']));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_extending.htm (virtual/override, super)
test('override and super call', () =>
  run(`C0.Base b = new C0.Sub(); Assert.areEqual('sub+base', b.name());`, [
    "public class C0 { public virtual class Base { public virtual String name() { return 'base'; } } public class Sub extends Base { public override String name() { return 'sub+' + super.name(); } } }"
  ]));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_constructors.htm (this(...) chaining)
test('constructor chaining with this(...)', () =>
  run(`Assert.areEqual(7, new C0(7).v); Assert.areEqual(1, new C0().v);`, ['public class C0 { public Integer v; public C0() { this(1); } public C0(Integer v) { this.v = v; } }']));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_properties.htm (property accessors)
test('property with custom getter', () =>
  run(`C0 c = new C0(); c.x = 4; Assert.areEqual(8, c.twice);`, ['public class C0 { public Integer x { get; set; } public Integer twice { get { return x * 2; } } }']));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_collections_maps_keys_userdefined.htm (equals/hashCode as map keys)
test('custom equals and hashCode in a Set', () =>
  run(`Set<C0> s = new Set<C0>{ new C0(1), new C0(1), new C0(2) }; Assert.areEqual(2, s.size());`, [
    'public class C0 { Integer k; public C0(Integer k) { this.k = k; } public Boolean equals(Object o) { return o instanceof C0 && ((C0) o).k == k; } public Integer hashCode() { return k; } }'
  ]));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_collections_sets.htm (strings in sets are case-sensitive)
test('Set of String is case-sensitive', () => run(`Set<String> s = new Set<String>{'a', 'A'}; Assert.areEqual(2, s.size());`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_decimal.htm (Decimal arithmetic is exact)
test('Decimal arithmetic is exact', () => run(`Decimal d = 0.1 + 0.2; Assert.areEqual('0.3', String.valueOf(d));`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_long.htm (Long overflow wraps)
test('Long arithmetic', () => run(`Long l = 9223372036854775807L; l++; Assert.areEqual(-9223372036854775808L, l);`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_class_System_Assert.htm (failure message)
test('Assert.areEqual failure message', () =>
  throwsApex(`Assert.areEqual(1, 2, 'msg');`, 'System.AssertException', 'Assertion Failed: msg: Expected: 1, Actual: 2'));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_class_System_Json.htm (deserializeUntyped numbers)
test('JSON round trip', () =>
  run(`Map<String, Object> m = (Map<String, Object>) JSON.deserializeUntyped('{"a":1,"b":[true,null],"c":1.50}'); Assert.areEqual(1, m.get('a')); Assert.areEqual('{"a":1,"b":[true,null],"c":1.50}', JSON.serialize(m));`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_loops_for_lists.htm (break / continue)
test('for loops with break and continue', () =>
  run(`Integer sum = 0; for (Integer i = 0; i < 10; i++) { if (Math.mod(i, 2) == 0) continue; if (i > 7) break; sum += i; } Assert.areEqual(16, sum);`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_exception_statements.htm (finally always runs)
test('finally runs after catch', () =>
  run(`List<String> log = new List<String>(); try { Integer x = 1 / 0; } catch (MathException e) { log.add('c'); } finally { log.add('f'); } Assert.areEqual('c,f', String.join(log, ','));`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_type.htm (Type.forName, newInstance)
test('Type.forName and newInstance', () =>
  run(`Type t = Type.forName('C0'); Object o = t.newInstance(); Assert.isTrue(o instanceof C0); Assert.areEqual('C0', t.getName());`, ['public class C0 { }']));

// https://developer.salesforce.com/docs/platform/apex-ref/references/apex-ref/apex-enum-system-triggeroperation.html (values listed by ordinal)
test('TriggerOperation.values() in documented ordinal order', () =>
  run(`List<System.TriggerOperation> v = System.TriggerOperation.values(); Assert.areEqual(System.TriggerOperation.AFTER_INSERT, v[1]); Assert.areEqual(System.TriggerOperation.BEFORE_UPDATE, v[2]); Assert.areEqual(6, System.TriggerOperation.AFTER_UNDELETE.ordinal());`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_SafeNavigationOperator.htm ("If the left-hand-side of the chain expression evaluates to null, the right-hand-side isn't evaluated")
test('safe navigation short-circuits the whole chain', () =>
  run(`C0 c; Assert.isNull(c?.inner.name.length()); c = new C0(); Assert.areEqual(3, c?.inner.name.length());`, [
    "public class C0 { public C0 inner { get { return this; } } public String name = 'abc'; }"
  ]));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_interfaces.htm (interface dispatch)
test('interface dispatch and abstract classes', () =>
  run(`List<C0.Shape> s = new List<C0.Shape>{ new C0.Sq(2), new C0.Sq(3) }; Integer t = 0; for (C0.Shape x : s) t += x.area(); Assert.areEqual(13, t); Assert.areEqual('sq', s[0].kind());`, [
    "public class C0 { public interface Shape { Integer area(); String kind(); } public abstract class Base implements Shape { public String kind() { return name(); } protected abstract String name(); } public class Sq extends Base { Integer n; public Sq(Integer n) { this.n = n; } public Integer area() { return n * n; } protected override String name() { return 'sq'; } } }"
  ]));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_comparable.htm (List.sort with Comparable)
test('List.sort uses compareTo of Comparable', () =>
  run(`List<C0> l = new List<C0>{ new C0(3), new C0(1), new C0(2) }; l.sort(); Assert.areEqual(1, l[0].v); Assert.areEqual(3, l[2].v);`, [
    'public class C0 implements Comparable { public Integer v; public C0(Integer v) { this.v = v; } public Integer compareTo(Object o) { return v - ((C0) o).v; } }'
  ]));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_exception_methods.htm (getLineNumber, getStackTraceString)
test('exception line number and stack trace', () =>
  run(`try {\n  Integer x;\n  x++;\n} catch (NullPointerException e) {\n  Assert.areEqual(3, e.getLineNumber());\n  Assert.isTrue(e.getStackTraceString().contains('line 3'));\n}`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_integer.htm (Integer.valueOf invalid)
test('Integer.valueOf of a non-number throws TypeException', () => throwsApex(`Integer i = Integer.valueOf('x1');`, 'System.TypeException'));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_math.htm (Math.mod sign follows the dividend)
test('Math.mod', () => run(`Assert.areEqual(-1, Math.mod(-7, 3)); Assert.areEqual(1, Math.mod(7, -3));`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_decimal.htm (setScale with RoundingMode)
test('Decimal.setScale HALF_UP and HALF_EVEN', () =>
  run(`Assert.areEqual('2.35', String.valueOf((2.345).setScale(2, RoundingMode.HALF_UP))); Assert.areEqual('2.34', String.valueOf((2.345).setScale(2, RoundingMode.HALF_EVEN)));`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_class_System_Json.htm (serialize an Apex object, typed deserialize)
test('JSON serialize and typed deserialize of a class', () =>
  run(`C0 c = new C0(); c.name = 'x'; c.n = 2; String s = JSON.serialize(c); Assert.areEqual('{"name":"x","n":2}', s); C0 d = (C0) JSON.deserialize(s, C0.class); Assert.areEqual('x', d.name); Assert.areEqual(2, d.n);`, [
    'public class C0 { public String name; public Integer n; }'
  ]));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_collections_maps.htm (enum keys, keySet, values)
test('Map with enum keys', () =>
  run(`Map<C0.E, Integer> m = new Map<C0.E, Integer>{ C0.E.A => 1 }; m.put(C0.E.B, 2); Assert.areEqual(2, m.size()); Assert.isTrue(m.containsKey(C0.E.A)); Assert.areEqual(3, m.get(C0.E.A) + m.get(C0.E.B));`, [
    'public class C0 { public enum E { A, B } }'
  ]));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_string.htm (String.format, join, split)
test('String.format, join and split', () =>
  run(`Assert.areEqual('a-b', String.format('{0}-{1}', new List<Object>{ 'a', 'b' })); Assert.areEqual('1,2', String.join(new List<Integer>{1, 2}, ',')); Assert.areEqual(3, 'a,b,c'.split(',').size());`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_pattern_and_matcher.htm (Pattern and Matcher)
test('Pattern and Matcher groups', () =>
  run(`Matcher m = Pattern.compile('(\\\\w+)@(\\\\w+)').matcher('x lee@acme y'); Assert.isTrue(m.find()); Assert.areEqual('acme', m.group(2));`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_date.htm (addDays, daysBetween)
test('Date arithmetic', () =>
  run(`Date d = Date.newInstance(2024, 2, 28); Assert.areEqual(Date.newInstance(2024, 3, 1), d.addDays(2)); Assert.areEqual(2, d.daysBetween(Date.newInstance(2024, 3, 1)));`));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_static.htm (superclass statics initialise first)
test('superclass static initialiser runs before the subclass', () =>
  run(`Assert.areEqual('base,sub', C0.Sub.order());`, [
    "public class C0 { public static List<String> log = new List<String>(); public virtual class Base { public Base() {} } public class Sub extends Base { public Sub() {} public String x = 'y'; public static String order() { return String.join(C0.log, ','); } } static { log.add('base'); log.add('sub'); } }"
  ]));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_exception_custom.htm (catch by superclass, getTypeName)
test('catch by superclass of a custom exception', () =>
  run(`String r; try { throw new C0.Child('m'); } catch (C0.Parent e) { r = e.getTypeName() + ':' + e.getMessage(); } Assert.areEqual('C0.Child:m', r);`, [
    'public class C0 { public virtual class Parent extends Exception {} public class Child extends Parent {} }'
  ]));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_gov_limits.htm (LimitException cannot be caught) and System.assert failures cannot be caught
test('AssertException is not caught by catch (Exception)', () =>
  throwsApex(`try { Assert.fail('stop'); } catch (Exception e) { }`, 'System.AssertException', 'Assertion Failed: stop'));

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_primitives.htm (Long literal and Integer widening)
test('Integer widens to Long and Decimal on assignment', () =>
  run(`Long l = 5; Decimal d = 5; Double x = 5; Assert.isTrue(l instanceof Long); Assert.isTrue(d instanceof Decimal); Assert.isTrue(x instanceof Double); Assert.areEqual(2, 5 / 2); Assert.areEqual(2.5, d / 2);`));

// https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_type.htm (Type.getName: a class of a namespaced package is namespace.ClassName)
test('Type.getName carries the package namespace', () => {
  const I = new Interpreter({ ...schema, namespace: 'rfrl' } as unknown as Schema, null);
  I.builtins.ctx.inTest = true;
  I.loadSources([{ kind: 'class', name: 'Launcher', path: 'Launcher.cls', body: 'public class Launcher { public class Inner {} }' }]);
  I.executeAnonymous(
    `Assert.areEqual('rfrl.Launcher', Launcher.class.getName()); Assert.areEqual('rfrl.Launcher.Inner', Launcher.Inner.class.getName()); Assert.areEqual('String', String.class.getName());`
  );
});

// https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_System_Label.htm (get, translationExists)
test('System.Label.get returns the translation for a language, else the label', () => {
  const labels = schema.customLabels;
  labels.set('greeting', { name: 'Greeting', value: 'Hello', translations: new Map([['es', 'Hola']]) });
  try {
    run(`Assert.areEqual('Hola', System.Label.get('', 'Greeting', 'es'));
      Assert.areEqual('Hola', System.Label.get(null, 'Greeting', 'es_MX'));
      Assert.areEqual('Hello', System.Label.get('', 'Greeting', 'de'));
      Assert.areEqual('Hello', System.Label.get('', 'Greeting'));
      Assert.isTrue(System.Label.translationExists('', 'Greeting', 'es'));
      Assert.isFalse(System.Label.translationExists('', 'Greeting', 'fr'));`);
  } finally {
    labels.delete('greeting');
  }
});
