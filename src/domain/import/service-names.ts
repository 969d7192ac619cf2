/**
 * Scenario service names are 1-40 characters of lowercase letters, digits and "-", starting with
 * a letter and ending with a letter or digit, and unique. Names from other formats (Compose
 * "web_app", ECS "MyTask", Kubernetes names up to 253 characters) are turned into such names.
 */
const MAX_NAME = 40;

function validForm(raw: string): string {
  let name = raw
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (name === '') return '';
  if (!/^[a-z]/.test(name)) name = `svc-${name}`;
  return name.slice(0, MAX_NAME).replace(/-+$/, '');
}

/** A valid name not in `taken`, as close to `raw` as the rules allow; adds it to `taken`. */
export function uniqueServiceName(raw: string, taken: Set<string>): string {
  const base = validForm(raw) || 'service';
  let name = base;
  for (let n = 2; taken.has(name); n++) {
    const suffix = `-${n}`;
    name = `${base.slice(0, MAX_NAME - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  taken.add(name);
  return name;
}
