/**
 * Secret ARNs as ECS reads them in `secrets[].valueFrom` (export-rules A5; docs/export.md "Secret ARNs"):
 * a Secrets Manager secret, optionally with `:json-key:version-stage:version-id`, or an SSM
 * Parameter Store parameter. Only well-formed ARNs that name exactly one secret pass: the export
 * turns each into an IAM policy resource, and a wildcard there would let the task read every
 * secret that matches.
 */

/** Partitions AWS publishes (aws, China, GovCloud, the isolated regions, the European Sovereign Cloud). */
const PARTITIONS = new Set([
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
]);
/** us-east-1, us-gov-west-1, cn-north-1, eu-isoe-west-1, ap-southeast-5. */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
/** AWS account ids are exactly 12 digits. */
const ACCOUNT = /^\d{12}$/;
/** Secrets Manager secret names: ASCII letters, digits and / _ + = . @ -, at most 512 (CreateSecret). */
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
/**
 * JSON keys the two exports read alike: ECS looks the key up as written, External Secrets reads
 * `property` as a gjson path, where . * ? | # @ and \ have meanings. Letters, digits, _ and - mean
 * the same to both.
 */
const JSON_KEY = /^[A-Za-z0-9_-]{1,256}$/;
/** Staging labels such as AWSCURRENT, AWSPREVIOUS or a label of your own (1-256 characters). */
const VERSION_STAGE = /^[A-Za-z0-9_+=,.@-]{1,256}$/;
/** VersionId is a UUID-type value of 32 to 64 characters. */
const VERSION_ID = /^[A-Za-z0-9-]{32,64}$/;
/** One level of an SSM parameter name: letters, digits, _ . - (PutParameter). */
const PARAMETER_LEVEL = /^[A-Za-z0-9_.-]+$/;
/** SSM limits: the name including the whole ARN is at most 1011 characters; at most 15 levels. */
const MAX_PARAMETER_ARN_CHARS = 1011;
const MAX_PARAMETER_LEVELS = 15;
export const MAX_SECRET_ARN_CHARS = 2048;
/**
 * The account the presets and examples use in secret ARNs (AWS documentation's example account):
 * the bundle README lists it as a placeholder to fill in.
 */
export const EXAMPLE_ACCOUNT_ID = '123456789012';

const SHAPES =
  'must be a Secrets Manager or SSM Parameter Store ARN: arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME or arn:aws:ssm:REGION:ACCOUNT:parameter/NAME';
const SECRET_SHAPE =
  'a Secrets Manager ARN must look like arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME, optionally followed by :JSON_KEY:VERSION_STAGE:VERSION_ID (colons kept for empty parts)';
const PARAMETER_SHAPE =
  'an SSM Parameter Store ARN must look like arn:aws:ssm:REGION:ACCOUNT:parameter/NAME (a name /prod/token is written parameter/prod/token)';

interface ArnBase {
  partition: string;
  region: string;
  account: string;
}

export interface SecretsManagerArn extends ArnBase {
  service: 'secretsmanager';
  /** arn:...:secret:NAME, without the JSON-key suffix. */
  secretArn: string;
  secretName: string;
  jsonKey?: string;
  versionStage?: string;
  versionId?: string;
}

export interface ParameterArn extends ArnBase {
  service: 'ssm';
  /** The parameter name as the ARN writes it (no leading "/"). */
  parameterName: string;
}

export type SecretArn = SecretsManagerArn | ParameterArn;

export type SecretArnParse = { ok: true; arn: SecretArn } | { ok: false; problem: string };

const fail = (problem: string): SecretArnParse => ({ ok: false, problem });

/** Reads a secret ARN, or says in one line what is wrong with it. */
export function parseSecretArn(text: string): SecretArnParse {
  if (text.length > MAX_SECRET_ARN_CHARS) return fail(`must be at most ${MAX_SECRET_ARN_CHARS} characters`);
  if (/[*?]/.test(text))
    return fail(
      'must not contain a wildcard ("*" or "?"): name exactly one secret, or the exported IAM policy would let the task read every secret that matches',
    );
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return fail(SHAPES);
  const [, partition = '', service = '', region = '', account = ''] = parts;
  if (service !== 'secretsmanager' && service !== 'ssm') return fail(SHAPES);
  if (!PARTITIONS.has(partition))
    return fail(`has an unknown partition; it must be one of ${[...PARTITIONS].join(', ')}`);
  if (!REGION.test(region)) return fail('the region must be an AWS region code such as us-east-1');
  if (!ACCOUNT.test(account)) return fail('the account must be a 12-digit AWS account id');
  const base = { partition, region, account };
  return service === 'ssm' ? parseParameter(text, parts, base) : parseSecret(parts, base);
}

function parseParameter(text: string, parts: string[], base: ArnBase): SecretArnParse {
  const resource = parts[5]!;
  if (parts.length !== 6 || !resource.startsWith('parameter/')) return fail(PARAMETER_SHAPE);
  const name = resource.slice('parameter/'.length);
  if (name.startsWith('/')) return fail(PARAMETER_SHAPE);
  const levels = name.split('/');
  if (levels.some((level) => level === ''))
    return fail('the parameter name must not be empty or have an empty level ("//" or a trailing "/")');
  if (!levels.every((level) => PARAMETER_LEVEL.test(level)))
    return fail('the parameter name may contain only letters, digits, "_", ".", "-" and "/" between levels');
  if (levels.length > MAX_PARAMETER_LEVELS)
    return fail(`the parameter name may have at most ${MAX_PARAMETER_LEVELS} levels`);
  if (text.length > MAX_PARAMETER_ARN_CHARS)
    return fail(`an SSM parameter ARN must be at most ${MAX_PARAMETER_ARN_CHARS} characters`);
  return { ok: true, arn: { ...base, service: 'ssm', parameterName: name } };
}

function parseSecret(parts: string[], base: ArnBase): SecretArnParse {
  if (parts[5] !== 'secret' || (parts.length !== 7 && parts.length !== 10)) return fail(SECRET_SHAPE);
  const secretName = parts[6]!;
  if (!SECRET_NAME.test(secretName))
    return fail(
      'the secret name must be 1-512 characters: letters, digits and / _ + = . @ - (no spaces or other characters)',
    );
  const [jsonKey = '', versionStage = '', versionId = ''] = parts.slice(7);
  if (jsonKey && !JSON_KEY.test(jsonKey))
    return fail(
      'the JSON key may contain only letters, digits, "_" and "-" (External Secrets reads other characters such as "." as a path), at most 256',
    );
  if (versionStage && versionId) return fail('may name a version stage or a version id, not both');
  if (versionStage && !VERSION_STAGE.test(versionStage))
    return fail('the version stage must be 1-256 letters, digits or _ + = , . @ -');
  if (versionId && !VERSION_ID.test(versionId))
    return fail('the version id must be the 32-64 character id Secrets Manager gives each version');
  const arn: SecretsManagerArn = {
    ...base,
    service: 'secretsmanager',
    secretArn: parts.slice(0, 7).join(':'),
    secretName,
  };
  if (jsonKey) arn.jsonKey = jsonKey;
  if (versionStage) arn.versionStage = versionStage;
  if (versionId) arn.versionId = versionId;
  return { ok: true, arn };
}

/**
 * The same shapes as one regular expression, for the JSON Schema that editors read (no wildcards,
 * 12-digit account, secret:NAME[:key:stage:id] or parameter/NAME). parseSecretArn is the rule.
 */
export const SECRET_ARN_PATTERN =
  /^arn:aws(?:-[a-z]+)*:(?:secretsmanager:[a-z]{2}(?:-[a-z]+)+-\d{1,2}:\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}(?::[A-Za-z0-9_-]{0,256}:[A-Za-z0-9_+=,.@-]{0,256}:[A-Za-z0-9-]{0,64})?|ssm:[a-z]{2}(?:-[a-z]+)+-\d{1,2}:\d{12}:parameter\/[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*)$/;
