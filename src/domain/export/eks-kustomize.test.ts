/**
 * kustomize (`kubectl apply -k`) reads YAML more strictly than Kubernetes itself: it refuses DEL,
 * the C1 controls other than NEL, U+FFFE and U+FFFF, even written as escapes. The EKS export
 * refuses such text, naming the field; everything else it writes, kustomize reads back exactly.
 * Where kubectl is on PATH, `kubectl kustomize` (kustomize built into kubectl, offline) proves
 * both: it reads a bundle full of every other awkward character, and it rejects each refused one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { findExportProblems } from './build-export-bundle.ts';
import { KUSTOMIZE_CHANGED, KUSTOMIZE_UNREADABLE } from './export-context.ts';
import type { ExportFile } from './export-file.ts';
import { toYamlDocument } from './yaml-writer.ts';
import { ARTICLE_SCENARIO, bundleFor, exportInputFor } from './testing/export-fixtures.ts';

const run = promisify(execFile);

/** Every character kustomize refuses: DEL, C1 without NEL (U+0085), U+FFFE, U+FFFF. */
const REFUSED = [0x7f, ...Array.from({ length: 32 }, (_, i) => 0x80 + i).filter((c) => c !== 0x85), 0xfffe, 0xffff];
/** Characters kustomize reads but writes back changed: NEL, LS, PS. */
const CHANGED = [0x85, 0x2028, 0x2029];
/** Awkward characters kustomize reads back exactly: C0 controls, NBSP, BOM, noncharacters, astral. */
const READABLE = [
  ...Array.from({ length: 31 }, (_, i) => i + 1),
  0xa0,
  0xfeff,
  0xfdd0,
  0xfffd,
  0x1f600,
  0x1fffe,
  0x10ffff,
];
const char = (code: number) => String.fromCodePoint(code);
const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

const withValue = (value: string, field: 'environment' | 'image' | 'healthCheckPath' = 'environment') => {
  const service = ARTICLE_SCENARIO.services[0]!;
  const patch = field === 'environment' ? { environment: { ...service.environment, NOTE: value } } : { [field]: value };
  return { ...ARTICLE_SCENARIO, services: [{ ...service, ...patch }] };
};

describe('text kustomize cannot read', () => {
  it('is exactly DEL, the C1 controls but NEL, U+FFFE and U+FFFF', () => {
    for (const code of REFUSED) expect(char(code), hex(code)).toMatch(KUSTOMIZE_UNREADABLE);
    for (const code of [...READABLE, ...CHANGED]) expect(char(code), hex(code)).not.toMatch(KUSTOMIZE_UNREADABLE);
    for (const code of CHANGED) expect(char(code), hex(code)).toMatch(KUSTOMIZE_CHANGED);
    for (const code of READABLE) expect(char(code), hex(code)).not.toMatch(KUSTOMIZE_CHANGED);
  });

  it.each(CHANGED.map((code) => [hex(code), code]))('%s, which kustomize changes, is refused too', (name, code) => {
    expect(findExportProblems(exportInputFor(withValue(`a${char(code)}b`), 'eks-ec2'))).toEqual([
      `services[0].environment.NOTE: contains ${name}, which kustomize (kubectl apply -k) silently changes (NEL becomes a space, LS and PS line breaks); remove it`,
    ]);
  });

  it.each(REFUSED.map((code) => [hex(code), code]))(
    '%s is refused by the EKS export, naming the field',
    (name, code) => {
      for (const optionId of ['eks-fargate', 'eks-ec2', 'eks-auto-mode'] as const) {
        expect(findExportProblems(exportInputFor(withValue(`a${char(code)}b`), optionId))).toEqual([
          `services[0].environment.NOTE: contains ${name}, which kustomize (kubectl apply -k) refuses to read (it refuses DEL, C1 control characters other than NEL, U+FFFE and U+FFFF); remove it`,
        ]);
      }
    },
  );

  it('is refused in every field the manifests carry, and only for EKS', () => {
    expect(findExportProblems(exportInputFor(withValue('/h\u007f', 'healthCheckPath'), 'eks-ec2'))).toEqual([
      expect.stringMatching(/^services\[0\]\.healthCheckPath: contains U\+007F, which kustomize/),
    ]);
    expect(findExportProblems(exportInputFor(withValue('img\u0090:1', 'image'), 'eks-ec2'))).toEqual([
      expect.stringMatching(/^services\[0\]\.image: contains U\+0090, which kustomize/),
    ]);
    for (const optionId of ['ecs-fargate', 'ecs-ec2'] as const)
      expect(findExportProblems(exportInputFor(withValue('a\u007f\u0090\uffffb'), optionId))).toEqual([]);
  });
});

function kubectlKustomize(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}
const hasKubectl = kubectlKustomize();
if (!hasKubectl) console.warn('Skipping the kubectl kustomize checks of the EKS export: kubectl is not on PATH.');

describe.skipIf(!hasKubectl)('kubectl kustomize', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'eks-kustomize-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const writeAll = (dir: string, files: readonly ExportFile[]) => {
    for (const file of files) {
      const path = join(dir, ...file.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.contents);
    }
  };
  const kustomize = (dir: string) =>
    run('kubectl', ['kustomize', dir], { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });

  it.each(['eks-fargate', 'eks-ec2', 'eks-auto-mode'] as const)(
    'reads the %s bundle with every readable awkward character back exactly',
    async (optionId) => {
      const value = `${READABLE.map(char).join('')} $(HOME) $$ "quoted" \\ 'single' #hash: key`;
      const dir = join(work, optionId);
      writeAll(dir, bundleFor(withValue(value), optionId));
      const { stdout } = await kustomize(join(dir, 'eks', 'manifests'));
      const deployment = parseAllDocuments(stdout)
        .map((doc) => doc.toJS())
        .find((object) => object.kind === 'Deployment');
      const env = deployment.spec.template.spec.containers[0].env as { name: string; value?: string }[];
      // The manifest doubles "$" before "(" and "$" so the container sees the text as typed.
      expect(env.find((e) => e.name === 'NOTE')?.value).toBe(value.replace(/\$(?=[($])/g, '$$$$'));
    },
    60_000,
  );

  it('rejects each refused character, even as a YAML escape, and accepts the readable ones', async () => {
    const verdict = async (code: number) => {
      const dir = join(work, `char-${code.toString(16)}`);
      const configMap = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'probe' },
        data: { value: `a${char(code)}b` },
      };
      writeAll(dir, [
        { path: 'kustomization.yaml', contents: toYamlDocument({ resources: ['probe.yaml'] }) },
        { path: 'probe.yaml', contents: toYamlDocument(configMap) },
      ]);
      return kustomize(dir).then(
        () => 'read',
        (error: { stderr?: string }) => `refused: ${error.stderr ?? ''}`,
      );
    };
    for (const code of REFUSED)
      expect(await verdict(code), hex(code)).toMatch(/^refused: .*control characters are not allowed/s);
    for (const code of READABLE) expect(await verdict(code), hex(code)).toBe('read');
  }, 120_000);

  it('writes NEL, LS and PS back changed, which is why the export refuses them', async () => {
    for (const code of CHANGED) {
      const dir = join(work, `changed-${code.toString(16)}`);
      const value = `a${char(code)}b`;
      const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'probe' }, data: { value } };
      writeAll(dir, [
        { path: 'kustomization.yaml', contents: toYamlDocument({ resources: ['probe.yaml'] }) },
        { path: 'probe.yaml', contents: toYamlDocument(configMap) },
      ]);
      const { stdout } = await kustomize(dir);
      expect(parseAllDocuments(stdout)[0]!.toJS().data.value, hex(code)).not.toBe(value);
    }
  }, 60_000);
});
