/**
 * Reads a secret reference (a Secrets Manager or SSM Parameter Store ARN) into what each target
 * needs: ECS takes the ARN as `valueFrom`, IAM needs resource ARNs, External Secrets needs a key,
 * a JSON property and a version (export-rules A5, B9).
 */

export type SecretService = 'secretsmanager' | 'ssm';

export interface SecretReference {
  /** Environment variable name in the container. */
  name: string;
  /** The ARN exactly as the user wrote it: ECS `valueFrom`. */
  arn: string;
  service: SecretService;
  /** Region from the ARN. */
  region: string;
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

const REGION = /^[a-z0-9-]+$/;
/** Secrets Manager appends "-" and 6 random characters to every secret name. */
const SECRET_SUFFIX_WILDCARD = '-??????';

export function parseSecretReference(name: string, arn: string): SecretParse {
  const parts = arn.split(':');
  const service = parts[2];
  const region = parts[3] ?? '';
  const account = parts[4] ?? '';
  if (!REGION.test(region) || account === '') {
    return {
      ok: false,
      problem: 'must be a full ARN with a region and an account (arn:aws:SERVICE:REGION:ACCOUNT:...)',
    };
  }
  if (service === 'ssm') {
    if (parts.length !== 6 || !/^parameter\/./.test(parts[5]!)) {
      return {
        ok: false,
        problem: 'an SSM Parameter Store ARN must look like arn:aws:ssm:REGION:ACCOUNT:parameter/NAME',
      };
    }
    return { ok: true, reference: { name, arn, service: 'ssm', region, iamResources: [arn], remoteKey: arn } };
  }
  // arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME[:json-key:version-stage:version-id]
  if (parts[5] !== 'secret' || !parts[6] || (parts.length !== 7 && parts.length !== 10)) {
    return {
      ok: false,
      problem:
        'a Secrets Manager ARN must look like arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME, optionally followed by :JSON_KEY:VERSION_STAGE:VERSION_ID (colons kept for empty parts)',
    };
  }
  const [jsonKey = '', stage = '', versionId = ''] = parts.slice(7);
  if (stage && versionId) return { ok: false, problem: 'may name a version stage or a version id, not both' };
  const secretArn = parts.slice(0, 7).join(':');
  const reference: SecretReference = {
    name,
    arn,
    service: 'secretsmanager',
    region,
    // The ARN as written, and the same with the random suffix wildcarded: a partial ARN (no suffix)
    // still matches the real secret, and a full one matches itself (AWS IAM guide for Secrets Manager).
    iamResources: [secretArn, `${secretArn}${SECRET_SUFFIX_WILDCARD}`],
    remoteKey: secretArn,
  };
  if (jsonKey) reference.property = jsonKey;
  if (stage) reference.version = stage;
  else if (versionId) reference.version = `uuid/${versionId}`;
  return { ok: true, reference };
}
