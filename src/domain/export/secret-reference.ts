/**
 * Reads a secret reference (a Secrets Manager or SSM Parameter Store ARN) into what each target
 * needs: ECS takes the ARN as `valueFrom`, IAM needs resource ARNs, External Secrets needs a key,
 * a JSON property and a version (export-rules A5, B9). The ARN's shape is checked by
 * parseSecretArn, the rule the scenario schema applies too.
 */
import { parseSecretArn } from '../scenario/secret-arn.ts';

export type SecretService = 'secretsmanager' | 'ssm';

export interface SecretReference {
  /** Environment variable name in the container. */
  name: string;
  /** The ARN exactly as the user wrote it: ECS `valueFrom`. */
  arn: string;
  service: SecretService;
  /** Region from the ARN. */
  region: string;
  /** Account from the ARN (12 digits). */
  account: string;
  /** IAM resources the reader needs (GetSecretValue / GetParameters). */
  iamResources: string[];
  /** External Secrets remoteRef: the secret ARN without the JSON-key suffix, or the parameter ARN. */
  remoteKey: string;
  /** JSON key inside the secret (Secrets Manager only). */
  property?: string;
  /** ESO remoteRef.version: a version stage, or `uuid/<id>` for a version id. */
  version?: string;
}

export type SecretParse = { ok: true; reference: SecretReference } | { ok: false; problem: string };

/** Secrets Manager appends "-" and 6 random characters to every secret name. */
const SECRET_SUFFIX_WILDCARD = '-??????';

export function parseSecretReference(name: string, arn: string): SecretParse {
  const parsed = parseSecretArn(arn);
  if (!parsed.ok) return parsed;
  const { region, account } = parsed.arn;
  if (parsed.arn.service === 'ssm') {
    return {
      ok: true,
      reference: { name, arn, service: 'ssm', region, account, iamResources: [arn], remoteKey: arn },
    };
  }
  const { secretArn, jsonKey, versionStage, versionId } = parsed.arn;
  const reference: SecretReference = {
    name,
    arn,
    service: 'secretsmanager',
    region,
    account,
    // The ARN as written, and the same with the random suffix matched: a partial ARN (no suffix)
    // still matches the real secret, and a full one matches itself (AWS IAM guide for Secrets
    // Manager). The only wildcard is this fixed suffix; the user's ARN has none (secret-arn.ts).
    iamResources: [secretArn, `${secretArn}${SECRET_SUFFIX_WILDCARD}`],
    remoteKey: secretArn,
  };
  if (jsonKey) reference.property = jsonKey;
  if (versionStage) reference.version = versionStage;
  else if (versionId) reference.version = `uuid/${versionId}`;
  return { ok: true, reference };
}
