import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyJsonPatch, escapePointerToken, parsePointer, pointerOf, setOperation } from './json-patch.ts';

describe('JSON Pointer (RFC 6901)', () => {
  it('escapes "~" as "~0" and "/" as "~1"', () => {
    expect(escapePointerToken('a/b~c')).toBe('a~1b~0c');
    expect(pointerOf(['services', 3, 'arch'])).toBe('/services/3/arch');
    expect(pointerOf(['m~n', 'a/b'])).toBe('/m~0n/a~1b');
  });

  it('decodes "~1" before "~0", so "~01" is the token "~1" (RFC 6901 section 4)', () => {
    expect(parsePointer('/~01')).toEqual(['~1']);
    expect(parsePointer('/a~1b/m~0n')).toEqual(['a/b', 'm~n']);
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/')).toEqual(['']);
  });

  it('refuses a pointer without a leading "/" and a "~" not followed by 0 or 1', () => {
    expect(parsePointer('ec2/eniTrunking')).toBeNull();
    expect(parsePointer('/a~2')).toBeNull();
    expect(parsePointer('/a~')).toBeNull();
  });

  it('round-trips any path of keys', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (tokens) => {
        expect(parsePointer(pointerOf(tokens))).toEqual(tokens);
      }),
    );
  });

  it('reaches the RFC 6901 section 5 examples', () => {
    const doc = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'm~n': 8 };
    const get = (pointer: string) => {
      let node: unknown = doc;
      for (const token of parsePointer(pointer)!) node = (node as Record<string, unknown>)[token];
      return node;
    };
    expect(get('/foo/0')).toBe('bar');
    expect(get('/')).toBe(0);
    expect(get('/a~1b')).toBe(1);
    expect(get('/m~0n')).toBe(8);
  });
});

describe('applyJsonPatch (RFC 6902 add, replace, remove)', () => {
  it('adds an object member, replacing it when it exists (RFC 6902 section 4.1)', () => {
    expect(applyJsonPatch({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }])).toEqual({
      ok: true,
      document: { foo: 'bar', baz: 'qux' },
    });
    expect(applyJsonPatch({ foo: 'bar' }, [{ op: 'add', path: '/foo', value: 1 }])).toEqual({
      ok: true,
      document: { foo: 1 },
    });
  });

  it('inserts into arrays at an index or at the end with "-" (appendix A.2)', () => {
    expect(applyJsonPatch({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }])).toEqual({
      ok: true,
      document: { foo: ['bar', 'qux', 'baz'] },
    });
    expect(applyJsonPatch([1], [{ op: 'add', path: '/-', value: 2 }])).toEqual({ ok: true, document: [1, 2] });
  });

  it('replaces and removes existing members and elements (appendix A.3, A.4, A.5)', () => {
    expect(applyJsonPatch({ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }])).toEqual({
      ok: true,
      document: { baz: 'boo', foo: 'bar' },
    });
    expect(applyJsonPatch({ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }])).toEqual({
      ok: true,
      document: { foo: 'bar' },
    });
    expect(applyJsonPatch({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }])).toEqual({
      ok: true,
      document: { foo: ['bar', 'baz'] },
    });
  });

  it('reaches escaped keys', () => {
    const result = applyJsonPatch({ 'a/b': { 'm~n': 1 } }, [{ op: 'replace', path: '/a~1b/m~0n', value: 2 }]);
    expect(result).toEqual({ ok: true, document: { 'a/b': { 'm~n': 2 } } });
  });

  it('refuses what cannot apply, naming the operation, and leaves the input unchanged', () => {
    const doc = { ec2: { eniTrunking: false }, services: [{ name: 'a' }] };
    const before = JSON.stringify(doc);
    expect(applyJsonPatch(doc, [{ op: 'replace', path: '/eks/support', value: 'standard' }])).toEqual({
      ok: false,
      problem: 'operation 0 (replace): "/eks" does not exist',
    });
    expect(applyJsonPatch(doc, [{ op: 'remove', path: '/ec2/nothing' }])).toMatchObject({ ok: false });
    expect(applyJsonPatch(doc, [{ op: 'replace', path: '/services/1', value: {} }])).toMatchObject({ ok: false });
    expect(applyJsonPatch(doc, [{ op: 'add', path: '/services/01', value: {} }])).toMatchObject({ ok: false });
    expect(applyJsonPatch(doc, [{ op: 'add', path: '/ec2/eniTrunking/x', value: 1 }])).toMatchObject({ ok: false });
    expect(applyJsonPatch(doc, [{ op: 'add', path: 'ec2', value: 1 }])).toMatchObject({ ok: false });
    expect(applyJsonPatch(doc, [{ op: 'remove', path: '' }])).toMatchObject({ ok: false });
    // Applied in order: a later failure returns no half-patched document.
    expect(
      applyJsonPatch(doc, [
        { op: 'replace', path: '/ec2/eniTrunking', value: true },
        { op: 'replace', path: '/nope/x', value: 1 },
      ]),
    ).toMatchObject({ ok: false, problem: expect.stringContaining('operation 1 (replace)') });
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('copies only the changed path and never mutates the input', () => {
    const services = [{ name: 'a', arch: 'x86_64' }, { name: 'b' }];
    const doc = { services, ec2: { minNodes: 2 } };
    const result = applyJsonPatch(doc, [{ op: 'replace', path: '/services/0/arch', value: 'arm64' }]);
    expect(result.ok).toBe(true);
    const patched = (result as { document: typeof doc }).document;
    expect(patched.services[0]!.arch).toBe('arm64');
    expect(services[0]!.arch).toBe('x86_64');
    expect(patched.services[1]).toBe(services[1]);
    expect(patched.ec2).toBe(doc.ec2);
  });

  it('keeps "__proto__" a plain member, as JSON.parse makes it', () => {
    const doc = JSON.parse('{"env": {"__proto__": "x"}}') as Record<string, unknown>;
    const result = applyJsonPatch(doc, [{ op: 'replace', path: '/env/__proto__', value: 'y' }]);
    expect(result.ok).toBe(true);
    const env = (result as { document: { env: object } }).document.env;
    expect(Object.getPrototypeOf(env)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(env, '__proto__')?.value).toBe('y');
  });
});

describe('setOperation', () => {
  it('replaces an existing member, adds a missing one, and adds a missing section whole', () => {
    expect(setOperation({ ec2: { eniTrunking: false } }, ['ec2', 'eniTrunking'], true)).toEqual({
      op: 'replace',
      path: '/ec2/eniTrunking',
      value: true,
    });
    expect(setOperation({ ec2: {} }, ['ec2', 'eniTrunking'], true)).toEqual({
      op: 'add',
      path: '/ec2/eniTrunking',
      value: true,
    });
    expect(setOperation({ region: 'us-east-1' }, ['ec2', 'eniTrunking'], true)).toEqual({
      op: 'add',
      path: '/ec2',
      value: { eniTrunking: true },
    });
    expect(setOperation({ services: [{ name: 'a' }] }, ['services', 0, 'arch'], 'arm64')).toEqual({
      op: 'add',
      path: '/services/0/arch',
      value: 'arm64',
    });
  });

  it('gives null for a path through a missing array element or a value that is not an object', () => {
    expect(setOperation({ services: [] }, ['services', 0, 'arch'], 'arm64')).toBeNull();
    expect(setOperation({ ec2: 5 }, ['ec2', 'eniTrunking'], true)).toBeNull();
    expect(setOperation({}, ['services', 0, 'arch'], 'arm64')).toBeNull();
  });

  it('gives an operation that applies and sets exactly that value', () => {
    const docs = fc.oneof(
      fc.constant({}),
      fc.constant({ ec2: {} }),
      fc.constant({ ec2: { eniTrunking: false, minNodes: 2 } }),
    );
    fc.assert(
      fc.property(docs, fc.constantFrom('eniTrunking', 'a/b', 'm~n'), fc.jsonValue(), (doc, key, value) => {
        const operation = setOperation(doc, ['ec2', key], value)!;
        const result = applyJsonPatch(doc, [operation]);
        expect(result.ok).toBe(true);
        const ec2 = (result as { document: { ec2: Record<string, unknown> } }).document.ec2;
        expect(ec2[key]).toEqual(value);
      }),
    );
  });
});
