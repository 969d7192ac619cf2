/**
 * Test helper: what the kubelet makes of an env value, a port of Kubernetes'
 * third_party/forked/golang/expansion Expand: `$(NAME)` is replaced from the mapping, `$$` is one
 * `$`, and anything else stays as written.
 */
export function expandKubernetes(input: string, mapping: (name: string) => string = (name) => `<${name}>`): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const next = input[cursor + 1];
    let advance = 1;
    if (next === '$') {
      out += '$';
    } else if (next === '(') {
      const close = input.indexOf(')', cursor + 2);
      if (close === -1) out += '$(';
      else {
        out += mapping(input.slice(cursor + 2, close));
        advance = close - cursor;
      }
    } else {
      out += `$${next}`;
    }
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}
