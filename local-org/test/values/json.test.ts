// JSON text: exact numbers, the JSONParser token stream, and Apex's serialize/serializePretty forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  apexJson as J,
  Decimal,
  ApexDate,
  ApexDatetime,
  ApexTime,
  ApexBlob,
  ApexDouble,
  ApexValueError,
  JsonParser,
  JsonGenerator,
  setUserTimeZone,
  type JsonObject,
} from '../../src/apex/values/index.js';

setUserTimeZone('America/Los_Angeles');

test('deserializeUntyped: the documented appliance example', () => {
  // Apex Developer Guide: JSON Class, deserializeUntyped(jsonString) example
  const text =
    '{\n "description" :"An appliance",\n "accessories" : [ "powerCord", { "right":"door handle1", "left":"door handle2" } ],\n' +
    ' "dimensions" : { "height" : 5.5 , "width" : 3.0 , "depth" : 2.2 },\n "type" : null,\n "inventory" : 2000,\n' +
    ' "price" : 1023.45,\n "isShipped" : true,\n "modelNumber" : "123"\n}';
  const m = J.parse(text) as JsonObject;
  assert.equal(m.get('description'), 'An appliance');
  const acc = m.get('accessories') as unknown[];
  assert.equal(acc[0], 'powerCord');
  assert.equal((acc[1] as JsonObject).get('right'), 'door handle1');
  const dims = m.get('dimensions') as JsonObject;
  assert.ok((dims.get('height') as Decimal).equals(Decimal.parse('5.5')));
  assert.equal((dims.get('width') as Decimal).toString(), '3.0');
  assert.equal(m.get('type'), null);
  assert.equal(m.get('inventory'), 2000);
  assert.ok((m.get('price') as Decimal).equals(Decimal.parse('1023.45')));
  assert.equal(m.get('isShipped'), true);
  assert.equal(m.get('modelNumber'), '123');
  assert.deepEqual([...m.keys()], ['description', 'accessories', 'dimensions', 'type', 'inventory', 'price', 'isShipped', 'modelNumber']);
});

test('numbers stay exact: Integer, Long, Decimal', () => {
  assert.equal(J.parse('2147483647'), 2147483647);
  assert.equal(J.parse('2147483648'), 2147483648n);
  assert.equal(J.parse('-9223372036854775808'), -9223372036854775808n);
  assert.ok(J.parse('9223372036854775808') instanceof Decimal);
  assert.equal((J.parse('0.1') as Decimal).toString(), '0.1');
  assert.equal((J.parse('1e2') as Decimal).toPlainString(), '100');
  assert.equal(J.parse('"\\u00e9\\n\\"x\\""'), 'é\n"x"');
});

test('invalid JSON throws System.JSONException', () => {
  // Apex Developer Guide: JSON Class (JSONException on malformed input)
  for (const bad of ['{', '{"a" 1}', '[1,]', '{"a":1,}', 'tru', '{a:1}', '[1] 2', '', '"unterminated', '01']) {
    assert.throws(() => J.parse(bad), (e: unknown) => e instanceof ApexValueError && e.apexType === 'System.JSONException', bad);
  }
});

test('serialize writes each scalar as Apex does', () => {
  // Apex Developer Guide: JSON Class, serialize(objectToSerialize): a Datetime of 2011-03-22 01:15:18 in PDT is "2011-03-22T08:15:18.000Z"
  const dt = ApexDatetime.newInstanceDateTime(ApexDate.newInstance(2011, 3, 22), ApexTime.newInstance(1, 15, 18, 0));
  assert.equal(J.serialize(dt), '"2011-03-22T08:15:18.000Z"');
  assert.equal(J.serialize(ApexDate.newInstance(2024, 1, 2)), '"2024-01-02"');
  assert.equal(J.serialize(ApexTime.newInstance(10, 0, 0, 0)), '"10:00:00.000Z"');
  assert.equal(J.serialize(Decimal.parse('1.50')), '1.50');
  assert.equal(J.serialize(Decimal.parse('1E+3')), '1000');
  assert.equal(J.serialize(new ApexDouble(1.5)), '1.5');
  assert.equal(J.serialize(12n), '12');
  assert.equal(J.serialize(ApexBlob.valueOf('hi')), '"aGk="');
  assert.equal(J.serialize('a"b\\c\n\u0001/é'), '"a\\"b\\\\c\\n\\u0001/é"');
  assert.equal(J.serialize(new Map<string, null | number[]>([['a', null], ['b', [1, 2]]])), '{"a":null,"b":[1,2]}');
});

test('serializePretty uses the Jackson default pretty printer', () => {
  // Apex Developer Guide: JSON Class, serializePretty(objectToSerialize) ("suitable indentation");
  // JSONGenerator Class example output: objects one field per line, "name" : value
  const v = new Map<string, unknown>([
    ['name', 'x'],
    ['list', ['a', 'b']],
    ['nested', new Map([['n', 1]])],
    ['empty', new Map()],
    ['none', []],
  ]);
  assert.equal(
    J.serialize(v as never, true),
    '{\n  "name" : "x",\n  "list" : [ "a", "b" ],\n  "nested" : {\n    "n" : 1\n  },\n  "empty" : { },\n  "none" : [ ]\n}'
  );
  assert.equal(J.serialize([new Map([['a', 1]])] as never, true), '[ {\n  "a" : 1\n} ]');
});

test('JSONParser token stream', () => {
  // Apex Developer Guide: JSONParser Class — nextToken, getCurrentToken, getCurrentName, getText, get*Value, skipChildren
  const p = new JsonParser('{"totalPrice": 1023.45, "count": 3, "big": 3000000000, "ok": true, "when": "2024-01-02", "items": [{"x": 1}], "tail": null}');
  const seen: string[] = [];
  while (p.nextToken() !== null) {
    if (p.getCurrentToken() === 'FIELD_NAME') {
      const name = p.getText();
      p.nextToken();
      if (name === 'totalPrice') assert.equal(p.getDecimalValue().toString(), '1023.45');
      if (name === 'count') assert.equal(p.getIntegerValue(), 3);
      if (name === 'big') assert.equal(p.getLongValue(), 3000000000n);
      if (name === 'ok') assert.equal(p.getBooleanValue(), true);
      if (name === 'when') assert.equal(p.getDateValue().toString(), '2024-01-02');
      if (name === 'items') {
        assert.equal(p.getCurrentToken(), 'START_ARRAY');
        p.skipChildren();
        assert.equal(p.getCurrentToken(), 'END_ARRAY');
      }
      seen.push(name!);
    }
  }
  assert.deepEqual(seen, ['totalPrice', 'count', 'big', 'ok', 'when', 'items', 'tail']);
  const q = new JsonParser('{"a": {"b": [1, 2]}}');
  q.nextToken();
  q.nextToken();
  assert.equal(q.getCurrentName(), 'a');
  q.nextToken();
  assert.equal(q.getCurrentName(), 'a');
  const sub = q.readValueAsUntyped() as JsonObject;
  assert.deepEqual(sub.get('b'), [1, 2]);
  assert.throws(() => q.getIntegerValue(), ApexValueError);
});

test('JSONGenerator writes compact and pretty output', () => {
  // Apex Developer Guide: JSONGenerator Class — writeStartObject, writeFieldName, writeNumber, writeString, writeEndObject, getAsString
  const g = new JsonGenerator(false);
  g.writeStartObject();
  g.writeFieldValue('abc', Decimal.parse('1.21'));
  g.writeFieldValue('def', 'xyz');
  g.writeFieldName('list');
  g.writeStartArray();
  g.writeValue(1);
  g.writeValue(2);
  g.writeEndArray();
  g.writeEndObject();
  assert.equal(g.getAsString(), '{"abc":1.21,"def":"xyz","list":[1,2]}');
  const p = new JsonGenerator(true);
  p.writeStartObject();
  p.writeFieldValue('abc', Decimal.parse('1.21'));
  p.writeFieldName('obj');
  p.writeStartObject();
  p.writeFieldValue('x', null);
  p.writeEndObject();
  p.writeFieldName('arr');
  p.writeStartArray();
  p.writeValue('a');
  p.writeEndArray();
  p.writeEndObject();
  assert.equal(p.getAsString(), '{\n  "abc" : 1.21,\n  "obj" : {\n    "x" : null\n  },\n  "arr" : [ "a" ]\n}');
  assert.throws(() => new JsonGenerator().writeEndObject(), ApexValueError);
});

test('typed scalar conversion from JSON strings', () => {
  assert.equal(J.parseJsonDatetime('2024-01-01T10:00:00.000Z').toJSON(), '2024-01-01T10:00:00.000Z');
  assert.equal(J.parseJsonDatetime('2024-01-01T10:00:00+0100').toJSON(), '2024-01-01T09:00:00.000Z');
  assert.equal(J.parseJsonDate('2024-02-29').toString(), '2024-02-29');
  assert.equal(J.parseJsonTime('10:20:30.400Z').toString(), '10:20:30.400Z');
  assert.throws(() => J.parseJsonDate('yesterday'), ApexValueError);
});

test('JSONGenerator: the documented pretty-print sample', () => {
  // Apex Developer Guide: JSON Generator — JSONGeneratorSample expected output
  const g = new JsonGenerator(true);
  g.writeStartObject();
  g.writeFieldValue('abc', Decimal.parse('1.21'));
  g.writeFieldValue('def', 'xyz');
  g.writeFieldName('ghi');
  g.writeStartObject();
  g.writeFieldValue('aaa', [1, 2, 3]);
  g.writeEndObject();
  g.writeFieldName('Object A');
  g.writeValue(new Map([['str', 'X']]));
  g.writeEndObject();
  assert.equal(
    g.getAsString(),
    '{\n' + '  "abc" : 1.21,\n' + '  "def" : "xyz",\n' + '  "ghi" : {\n' + '    "aaa" : [ 1, 2, 3 ]\n' + '  },\n' + '  "Object A" : {\n' + '    "str" : "X"\n' + '  }\n' + '}'
  );
  // JSON Class, deserialize: '100.1' as a Decimal
  assert.ok((J.parse('100.1') as Decimal).equals(Decimal.parse('100.1')));
});

test('JSONParser: the documented accessor examples', () => {
  // Apex Developer Guide: JSONParser Class — each accessor's example (nextToken to START_OBJECT, nextValue to the value)
  const at = (text: string): JsonParser => {
    const p = new JsonParser(text);
    p.nextToken();
    p.nextValue();
    return p;
  };
  assert.equal(at('{"isActive":true}').getBooleanValue(), true);
  const name = at('{"firstName":"John"}');
  assert.equal(name.getCurrentName(), 'firstName');
  assert.equal(name.getText(), 'John');
  assert.equal(at('{"transactionDate":"2011-03-22T13:01:23"}').getDatetimeValue().toJSON(), '2011-03-22T13:01:23.000Z');
  assert.equal(at('{"dateOfBirth":"2011-03-22"}').getDateValue().toString(), '2011-03-22');
  assert.equal(at('{"GPA":3.8}').getDecimalValue().toString(), '3.8');
  assert.equal(at('{"GPA":3.8}').getDoubleValue().value, 3.8);
  assert.equal(at('{"recordId":"001R0000002nO6H"}').getIdValue(), '001R0000002nO6H');
  assert.equal(at('{"recordCount":10}').getIntegerValue(), 10);
  assert.equal(at('{"recordCount":2097531021}').getLongValue(), 2097531021n);
  assert.equal(at('{"arrivalTime":"18:05"}').getTimeValue().toString(), '18:05:00.000Z');
  // getCurrentToken iterates every token; getText is null before the first nextToken and after the end
  const p = new JsonParser('{"firstName":"John"}');
  assert.equal(p.getText(), null);
  const kinds: string[] = [];
  while (p.nextToken() !== null) kinds.push(p.getCurrentToken()!);
  assert.deepEqual(kinds, ['START_OBJECT', 'FIELD_NAME', 'VALUE_STRING', 'END_OBJECT']);
  assert.equal(p.getText(), null);
  // clearCurrentToken: hasCurrentToken false, getCurrentToken null, getLastClearedToken the cleared one
  const c = new JsonParser('[1]');
  c.nextToken();
  c.clearCurrentToken();
  assert.equal(c.hasCurrentToken(), false);
  assert.equal(c.getCurrentToken(), null);
  assert.equal(c.getLastClearedToken(), 'START_ARRAY');
  // getCurrentName is null for array values
  const arr = new JsonParser('{"a":[5]}');
  arr.nextToken();
  arr.nextValue();
  arr.nextValue();
  assert.equal(arr.getCurrentToken(), 'VALUE_NUMBER_INT');
  assert.equal(arr.getCurrentName(), null);
});
