/**
 * Property tests: whatever a user types in an environment value or a host, every generated file
 * parses back (JSON, YAML with YAML 1.1 rules, HCL with HashiCorp's parser) to exactly that string,
 * and no document, resource or key appears or disappears. Exporters are deterministic, and any
 * scenario the schema accepts exports to files that parse and pass the checks.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OptionId } from '../cost/estimate-types.ts';
import { EXPORTABLE_OPTION_IDS as OPTION_IDS } from './export-context.ts';
import { estimateScenario } from '../cost/estimate.ts';
import type { ScenarioInput, ServiceInput } from '../scenario/scenario-schema.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import { exportScenarioArb, withAutoscaling } from '../testing/arbitraries.ts';
import { AP_SOUTH_2, EU_WEST_1, US_EAST_1 } from '../testing/load-snapshot.ts';
import { buildExportBundle, findExportProblems } from './build-export-bundle.ts';
import type { ExportFile } from './export-file.ts';
import { KUSTOMIZE_CHANGED, KUSTOMIZE_UNREADABLE } from './export-context.ts';
import { ARTICLE_SCENARIO, bundleFor, exportInputFor } from './testing/export-fixtures.ts';
import { expandKubernetes } from './testing/kubernetes-expansion.ts';
import { checkManifest } from './testing/manifest-shapes.ts';
import { literalValues, parseTerraformFiles } from './testing/parse-terraform.ts';
import { parseYaml11 } from './testing/parse-yaml.ts';
import { hasKubernetesSchema, validateKubernetesObject } from './testing/kubernetes-validators.ts';

const VALUE_MARK = 'ENV-VALUE-MARK-7f3a';
const HOST_MARK = 'host-mark-7f3a.example.test';
const RUNS = Number(process.env.EXPORT_PROPERTY_RUNS ?? 40);

/** Strings YAML 1.1, HCL, JSON or Kubernetes would read as something else if written carelessly. */
const TRICKY = [
  'on',
  'yes',
  'No',
  'off',
  'y',
  'n',
  '~',
  'null',
  '',
  ' ',
  '0123',
  '0x1F',
  '0o17',
  '0b101',
  '1_000',
  '1e3',
  '1.30',
  '.5',
  '-.inf',
  '.NaN',
  '2024-01-01',
  '12:30:45',
  'true',
  'FALSE',
  '- item',
  '? key',
  ': x',
  'a: b',
  'a #b',
  '#c',
  '&a',
  '*a',
  '!tag',
  '|',
  '>',
  '%x',
  '@x',
  '`x`',
  '"',
  "'",
  '\\',
  '\\n',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u007f',
  '\u009b',
  '\uffff',
  '${var.x}',
  '$${var.x}',
  '$$${x}',
  '%{if x}',
  '%%{x}',
  '$(HOME)',
  '$$(HOME)',
  '$$',
  '$',
  '$(',
  '$(a)$(b)$$c',
  '---',
  '...',
  '--- |\n  x',
  '{"a": 1}',
  '[1, 2]',
  'EOT\nEOT',
  '<<EOF',
  '#!/bin/sh',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀',
  'é',
  'e\u0301',
] as const;

const anyText = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
  fc.array(fc.constantFrom(...TRICKY), { maxLength: 4 }).map((parts) => parts.join('')),
);
/** Terraform turns every string into Unicode NFC, so ECS exports refuse other strings (tested below). */
const nfcText = anyText.filter((s) => s.normalize('NFC') === s);
/** kustomize refuses or changes a few characters, so EKS exports refuse them (eks-kustomize.test.ts). */
const kustomizeText = anyText.filter((s) => !KUSTOMIZE_UNREADABLE.test(s) && !KUSTOMIZE_CHANGED.test(s));
/** Text every option carries. */
const portableText = nfcText.filter((s) => !KUSTOMIZE_UNREADABLE.test(s) && !KUSTOMIZE_CHANGED.test(s));

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,12}[a-z0-9])?$/);
/** Hosts the schema accepts, including YAML 1.1 look-alikes such as "on", "0123", "1.30". */
const hostArb = fc.oneof(
  fc.constantFrom(
    'on',
    'yes',
    'y',
    'n',
    'no',
    'null',
    'true',
    '0123',
    '1e3',
    '1.30',
    '2024-01-01',
    '0x1f',
    'api.example.com',
  ),
  fc
    .tuple(fc.boolean(), fc.array(label, { minLength: 1, maxLength: 4 }))
    .map(([wild, labels]) => `${wild ? '*.' : ''}${labels.join('.')}`),
);

function withService(patch: Partial<ServiceInput>): ScenarioInput {
  return { ...ARTICLE_SCENARIO, services: [{ ...ARTICLE_SCENARIO.services[0]!, ...patch }] };
}

type Decode = (value: string) => string;
const identity: Decode = (value) => value;

/**
 * Walks the parsed base file (built with a marker) and the parsed file built with the user's text
 * in parallel: same keys, same list lengths, same values, except that every string containing the
 * marker must decode to the base string with the marker replaced by the user's text.
 */
function compareStructure(
  base: unknown,
  actual: unknown,
  text: string,
  mark: string,
  decode: Decode,
  path: string,
): void {
  if (typeof base === 'string') {
    expect(typeof actual, path).toBe('string');
    if (base.includes(mark)) expect(decode(actual as string), path).toBe(base.split(mark).join(text));
    else expect(actual, path).toBe(base);
    return;
  }
  if (Array.isArray(base)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path} length`).toBe(base.length);
    base.forEach((item, i) => compareStructure(item, (actual as unknown[])[i], text, mark, decode, `${path}[${i}]`));
    return;
  }
  if (base && typeof base === 'object') {
    expect(actual && typeof actual === 'object' && !Array.isArray(actual), path).toBe(true);
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(base).sort());
    for (const [key, value] of Object.entries(base))
      compareStructure(value, (actual as Record<string, unknown>)[key], text, mark, decode, `${path}.${key}`);
    return;
  }
  expect(actual, path).toBe(base);
}

async function parsedFiles(files: readonly ExportFile[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  const terraform = await parseTerraformFiles(files);
  for (const file of files) {
    if (file.path.endsWith('.json')) out.set(file.path, JSON.parse(file.contents));
    else if (file.path.endsWith('.yaml')) out.set(file.path, parseYaml11(file));
    // HCL strings are templates: literalValues reads "$${" as "${" and marks interpolations.
    else if (file.path.endsWith('.tf')) out.set(file.path, literalValues(terraform.get(file.path)));
  }
  return out;
}

/**
 * The README differs only in its share link (the link encodes the scenario) and in whether a value
 * is flagged as an example to fill in (which names the field, never the text).
 */
const withoutShareLink = (readme: string) =>
  readme
    .replace(/^<http[^\n]*>$/m, '<share link>')
    .replace(/^- `services\[\d+\]\.(image|host|secrets\.\w+)` is [^\n]*\n/gm, '');

async function expectRoundTrip(
  optionId: OptionId,
  patch: (value: string) => Partial<ServiceInput>,
  text: string,
  mark: string,
  decodeFor: (path: string) => Decode,
  mustContain: string[],
) {
  const baseFiles = bundleFor(withService(patch(mark)), optionId);
  const files = bundleFor(withService(patch(text)), optionId);
  expect(files.map((f) => f.path)).toEqual(baseFiles.map((f) => f.path));
  const base = await parsedFiles(baseFiles);
  const actual = await parsedFiles(files);
  for (const path of mustContain) expect(JSON.stringify(base.get(path)), `${path} carries the value`).toContain(mark);
  for (const [path, parsed] of base) compareStructure(parsed, actual.get(path), text, mark, decodeFor(path), path);
  expect(withoutShareLink(files[0]!.contents)).toBe(withoutShareLink(baseFiles[0]!.contents));
}

const MUST_CARRY_VALUE: Partial<Record<OptionId, string[]>> = {
  'ecs-fargate': ['ecs/task-definitions/api-service.json', 'ecs/terraform/main.tf', 'scenario.json'],
  'ecs-ec2': ['ecs/task-definitions/api-service.json', 'ecs/terraform/main.tf', 'scenario.json'],
  'ecs-managed-instances': ['ecs/task-definitions/api-service.json', 'ecs/terraform/main.tf', 'scenario.json'],
  'eks-fargate': ['eks/manifests/api-service/deployment.yaml', 'scenario.json'],
  'eks-ec2': ['eks/manifests/api-service/deployment.yaml', 'scenario.json'],
  'eks-auto-mode': ['eks/manifests/api-service/deployment.yaml', 'scenario.json'],
};
const MUST_CARRY_HOST: Partial<Record<OptionId, string[]>> = {
  'ecs-fargate': ['ecs/terraform/main.tf', 'scenario.json'],
  'ecs-ec2': ['ecs/terraform/main.tf', 'scenario.json'],
  'ecs-managed-instances': ['ecs/terraform/main.tf', 'scenario.json'],
  'eks-fargate': ['eks/manifests/api-service/ingress.yaml', 'scenario.json'],
  'eks-ec2': ['eks/manifests/api-service/ingress.yaml', 'scenario.json'],
  'eks-auto-mode': ['eks/manifests/api-service/ingress.yaml', 'scenario.json'],
};

describe.each(OPTION_IDS)('%s: user text round-trips through every file', (optionId) => {
  const ecs = optionId.startsWith('ecs');
  // In Deployments, Kubernetes expands $(VAR) in env values: what the container sees must be the text.
  const envDecode = (path: string): Decode =>
    path.endsWith('deployment.yaml') ? (v) => expandKubernetes(v) : identity;

  it('environment values', async () => {
    await fc.assert(
      fc.asyncProperty(ecs ? nfcText : kustomizeText, async (text) => {
        await expectRoundTrip(
          optionId,
          (value) => ({ environment: { ENVIRONMENT: value } }),
          text,
          VALUE_MARK,
          envDecode,
          MUST_CARRY_VALUE[optionId]!,
        );
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('hosts', async () => {
    await fc.assert(
      fc.asyncProperty(hostArb, async (host) => {
        await expectRoundTrip(
          optionId,
          (value) => ({ host: value }),
          host,
          HOST_MARK,
          () => identity,
          MUST_CARRY_HOST[optionId]!,
        );
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe('strings no file can carry exactly are refused, not changed', () => {
  it('ECS refuses a value Terraform would normalize to NFC; EKS keeps it', () => {
    fc.assert(
      fc.property(
        kustomizeText.filter((s) => s.normalize('NFC') !== s),
        (text) => {
          const scenario = withService({ environment: { ENVIRONMENT: text } });
          expect(findExportProblems(exportInputFor(scenario, 'ecs-fargate'))).toEqual([
            expect.stringMatching(/^services\[0\]\.environment\.ENVIRONMENT: is not in Unicode normalization form C/),
          ]);
          expect(findExportProblems(exportInputFor(scenario, 'eks-ec2'))).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a lone UTF-16 surrogate is refused everywhere', () => {
    for (const optionId of OPTION_IDS) {
      expect(
        findExportProblems(exportInputFor(withService({ environment: { ENVIRONMENT: 'a\ud800b' } }), optionId)),
      ).toEqual([
        'services[0].environment.ENVIRONMENT: contains an unpaired UTF-16 surrogate, which no UTF-8 file can hold',
      ]);
    }
  });
});

/** Application fields on top of the shared scenario arbitrary: ports, health paths, env, secrets, hosts. */
const appFieldsArb: fc.Arbitrary<Partial<ServiceInput>> = fc.record({
  // Mostly Linux without GPUs, so that most scenarios can run on every option.
  os: fc.constantFrom('linux', 'linux', 'linux', 'linux', 'linux', 'linux', 'linux', 'windows'),
  gpu: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 1),
  port: fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined }),
  healthCheckPath: fc.option(
    fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).map((s) => `/${s.replace(/\s/g, '')}`),
    { nil: undefined },
  ),
  public: fc.boolean(),
  host: fc.option(hostArb, { nil: undefined }),
  image: fc.option(fc.constantFrom('nginx:1.27', 'public.ecr.aws/a/b@sha256:' + 'a'.repeat(64)), { nil: undefined }),
  environment: fc.option(fc.dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/), portableText, { maxKeys: 3 }), {
    nil: undefined,
  }),
  secrets: fc.option(
    fc.dictionary(
      fc.stringMatching(/^S_[A-Z0-9]{1,6}$/),
      fc.constantFrom(
        'arn:aws:secretsmanager:us-east-1:123456789012:secret:a-AbCdEf',
        'arn:aws:secretsmanager:eu-west-1:123456789012:secret:b:key::',
        'arn:aws:ssm:us-east-1:123456789012:parameter/x/y',
      ),
      { maxKeys: 2 },
    ),
    { nil: undefined },
  ),
  autoscaling: fc.option(
    fc.record({
      min: fc.integer({ min: 0, max: 3 }),
      max: fc.integer({ min: 3, max: 30 }),
      targetCpuPercent: fc.integer({ min: 1, max: 100 }),
    }),
    { nil: undefined },
  ),
});

const fullScenarioArb = exportScenarioArb.chain((scenario) =>
  fc.tuple(...scenario.services.map(() => appFieldsArb)).map((apps) => ({
    ...scenario,
    services: scenario.services.map((service, i) => {
      const { autoscaling, ...app } = apps[i]!;
      const withApp = { ...service, ...app };
      return autoscaling ? withAutoscaling(withApp, autoscaling) : withApp;
    }),
  })),
);

const SNAPSHOTS = { 'us-east-1': US_EAST_1, 'eu-west-1': EU_WEST_1, 'ap-south-2': AP_SOUTH_2 } as const;

describe('any scenario the schema accepts', () => {
  it('exports deterministically to files that parse and pass the shape checks, or is refused with reasons', async () => {
    const outcomes = { invalid: 0, refused: 0, exported: 0 };
    await fc.assert(
      fc.asyncProperty(fullScenarioArb, fc.nat(), async (input, pick) => {
        const validated = validateScenario(input);
        if (!validated.ok) {
          outcomes.invalid++;
          return;
        }
        const scenario = validated.scenario;
        const estimate = estimateScenario(scenario, SNAPSHOTS[scenario.region as keyof typeof SNAPSHOTS]);
        // An option the engine can run when there is one, so refusals are only for other reasons.
        const available = estimate.options.filter((o) => o.available).map((o) => o.id);
        const choices = available.length > 0 ? available : OPTION_IDS;
        const optionId = choices[pick % choices.length]!;
        const exportInput = { scenario, estimate, optionId, shareUrl: 'http://127.0.0.1:4173/#s' };
        const problems = findExportProblems(exportInput);
        if (problems.length > 0) {
          outcomes.refused++;
          expect(() => buildExportBundle(exportInput)).toThrow();
          return;
        }
        outcomes.exported++;
        const files = buildExportBundle(exportInput);
        expect(buildExportBundle(exportInput)).toEqual(files);
        expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
        const parsed = await parsedFiles(files);
        expect(parsed.size).toBe(files.length - 1);
        for (const file of files.filter((f) => f.path.endsWith('.yaml'))) {
          for (const object of parseYaml11(file)) {
            expect(checkManifest(object), file.path).toEqual([]);
            if (hasKubernetesSchema(object)) validateKubernetesObject(object);
          }
        }
      }),
      { numRuns: RUNS },
    );
    // The property must exercise real exports, not only refusals. About half of the random
    // scenarios export (Windows on EC2, GPUs on Fargate and oversize tasks are refused); a fifth
    // is far enough below that mean that a random run does not fail by chance.
    expect(outcomes.exported, JSON.stringify(outcomes)).toBeGreaterThan(RUNS / 5);
  }, 300_000);
});
