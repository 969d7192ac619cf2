/**
 * Values a scenario may still carry from a preset or an example: they deploy nothing of the user's
 * own, so the bundle README lists them under "Fill in", and a secret ARN in another region than the
 * scenario's is flagged (estimate warnings and the bundle README). docs/export.md "What to fill in".
 */
import { PRESETS } from '../presets/presets.ts';
import type { Scenario } from './scenario-schema.ts';
import { EXAMPLE_ACCOUNT_ID, parseSecretArn } from './secret-arn.ts';

export interface ExampleValue {
  /** Field path: "services[0].image". */
  path: string;
  value: string;
  /** Why it is taken for an example, in words. */
  why: string;
}

/** Domains reserved for documentation (RFC 2606, section 3): no one's real host. */
const RESERVED_HOST = /(^|\.)example\.(com|net|org)$/i;
/** An ECR image whose registry names an account that is not 12 digits (the article's `123456789`). */
const ECR_ACCOUNT = /^(\d+)\.dkr\.ecr\./;

function presetValues(field: 'image' | 'host'): Map<string, string> {
  const out = new Map<string, string>();
  for (const preset of PRESETS)
    for (const service of preset.scenario.services) {
      const value = service[field];
      if (value !== undefined && !out.has(value)) out.set(value, preset.label);
    }
  return out;
}

function presetSecrets(): Map<string, string> {
  const out = new Map<string, string>();
  for (const preset of PRESETS)
    for (const service of preset.scenario.services)
      for (const arn of Object.values(service.secrets ?? {})) if (!out.has(arn)) out.set(arn, preset.label);
  return out;
}

/** Images, hosts and secret ARNs of the scenario that come from a preset or an example. */
export function exampleValues(scenario: Scenario): ExampleValue[] {
  const images = presetValues('image');
  const hosts = presetValues('host');
  const secrets = presetSecrets();
  const out: ExampleValue[] = [];
  scenario.services.forEach((service, i) => {
    const at = `services[${i}]`;
    if (service.image !== undefined) {
      const preset = images.get(service.image);
      const account = ECR_ACCOUNT.exec(service.image)?.[1];
      if (preset)
        out.push({ path: `${at}.image`, value: service.image, why: `the sample image of the preset "${preset}"` });
      else if (account !== undefined && account.length !== 12)
        out.push({
          path: `${at}.image`,
          value: service.image,
          why: `its registry account ${account} is not a 12-digit account id`,
        });
    }
    if (service.host !== undefined) {
      const preset = hosts.get(service.host);
      if (preset)
        out.push({ path: `${at}.host`, value: service.host, why: `the sample host of the preset "${preset}"` });
      else if (RESERVED_HOST.test(service.host))
        out.push({ path: `${at}.host`, value: service.host, why: 'a domain reserved for documentation (RFC 2606)' });
    }
    for (const [name, arn] of Object.entries(service.secrets ?? {})) {
      const preset = secrets.get(arn);
      const parsed = parseSecretArn(arn);
      if (preset)
        out.push({ path: `${at}.secrets.${name}`, value: arn, why: `the sample secret of the preset "${preset}"` });
      else if (parsed.ok && parsed.arn.account === EXAMPLE_ACCOUNT_ID)
        out.push({ path: `${at}.secrets.${name}`, value: arn, why: `${EXAMPLE_ACCOUNT_ID} is AWS's example account` });
    }
  });
  return out;
}

/** Secret ARNs in another region than the scenario's, as one message each naming the field. */
export function secretRegionMismatches(scenario: Scenario): string[] {
  const out: string[] = [];
  scenario.services.forEach((service, i) => {
    for (const [name, arn] of Object.entries(service.secrets ?? {})) {
      const parsed = parseSecretArn(arn);
      if (parsed.ok && parsed.arn.region !== scenario.region)
        out.push(
          `services[${i}].secrets.${name}: the ARN is in ${parsed.arn.region}, not the scenario's region ${scenario.region}; the export reads it there (cross-region reads work and are billed as usual), so check it is the secret you mean.`,
        );
    }
  });
  return out;
}
