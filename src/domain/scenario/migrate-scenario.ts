/**
 * Scenario format versions and the upgrade of older documents, before validation. A v1 file or link
 * still opens: it becomes v2 with the v1 defaults whose meaning changed written out, so it prices
 * exactly as before.
 *
 * v1 -> v2: `ec2.spotDiscountPercent` defaulted to 70 in v1; in v2 its absence means "use the Spot
 * Instance Advisor's savings per type", so a v1 document that left it out gets 70 written in.
 */

/** The version this build writes. */
export const SCENARIO_FORMAT_VERSION = 2;
/** Every version this build reads. */
export const READABLE_SCENARIO_VERSIONS = [1, 2] as const;
/** v1's default Spot discount, kept for upgraded v1 documents. */
export const V1_SPOT_DISCOUNT_PERCENT = 70;

export interface Migration {
  /** The document to validate: upgraded to the current version when it was older, otherwise the input itself. */
  input: unknown;
  /** The version it was upgraded from, or null when it needed no upgrade (or is not a scenario object). */
  upgradedFrom: number | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function migrateScenario(input: unknown): Migration {
  if (!isRecord(input) || input.version !== 1) return { input, upgradedFrom: null };
  const ec2 = input.ec2;
  // A malformed ec2 section is left for validation to report, under its own path.
  if (ec2 !== undefined && !isRecord(ec2))
    return { input: { ...input, version: SCENARIO_FORMAT_VERSION }, upgradedFrom: 1 };
  return {
    input: {
      ...input,
      version: SCENARIO_FORMAT_VERSION,
      ec2: { ...ec2, spotDiscountPercent: ec2?.spotDiscountPercent ?? V1_SPOT_DISCOUNT_PERCENT },
    },
    upgradedFrom: 1,
  };
}
