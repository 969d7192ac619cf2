/**
 * The one tolerance for floating-point noise in sizes and counts. Requests are decimals a user
 * types (0.1 + 0.2 vCPU, 2.3 replicas, 0.3 GiB x 1024), and binary floats miss them by far less
 * than 1e-9 at the magnitudes used here (at most 10^6 MiB or millicores), while no real request
 * differs from a whole unit by that little. Pricing, packing and the export all round with it,
 * so what is exported is what is priced.
 */
export const FLOAT_TOLERANCE = 1e-9;

/** The whole number of units that covers `amount`: 2.0000000001 is 2, 2.1 is 3. */
export function ceilWhole(amount: number): number {
  return Math.ceil(amount - FLOAT_TOLERANCE);
}

/** The whole number of units that fit in `amount`: 2.9999999999 is 3, 2.9 is 2. */
export function floorWhole(amount: number): number {
  return Math.floor(amount + FLOAT_TOLERANCE);
}

/** Whole tasks or pods for an average replica count (never -0, which YAML would write as "-0"). */
export function wholeReplicas(replicas: number): number {
  return Math.max(0, ceilWhole(replicas));
}
