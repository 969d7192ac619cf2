/**
 * Why live prices could not be served, in words safe to show a user and to log. AWS error messages
 * are never passed on: they can name the caller's ARN, account id or key id (an AccessDenied message
 * reads "User: arn:aws:iam::<account>:user/<name> is not authorized ..."). Only the error's class
 * name is used, and only when it looks like one.
 */
import { PriceListNormalizeError } from '../../domain/pricing/normalize-price-list.ts';
import { AwsTimeoutError, PaginationError, isThrottling } from './get-all-products.ts';

const CREDENTIAL_REJECTED = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** The error's class name when it is a plain identifier, else "Error". */
export function safeErrorName(error: unknown): string {
  const name = error && typeof error === 'object' ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' && /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name) ? name : 'Error';
}

export function describePricingFailure(error: unknown, maxThrottleRetries: number): string {
  const name = safeErrorName(error);
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  if (name === 'CredentialsProviderError')
    return 'No AWS credentials were found (the SDK default credential chain is empty).';
  if (CREDENTIAL_REJECTED.has(name)) return 'AWS rejected the credentials (expired or invalid).';
  if (name === 'AccessDeniedException')
    return 'AWS denied pricing:GetProducts to these credentials; see the IAM policy in docs/proxy.md.';
  if (error instanceof AwsTimeoutError) return `The AWS Price List API did not answer within ${error.timeoutMs} ms.`;
  if (isThrottling(error)) return `The AWS Price List API was still throttling after ${maxThrottleRetries} retries.`;
  if (error instanceof PriceListNormalizeError)
    return 'The AWS Price List answer held no usable price for this region.';
  if (error instanceof PaginationError || error instanceof SyntaxError)
    return 'The AWS Price List answer could not be read.';
  if ((typeof code === 'string' && NETWORK_CODES.has(code)) || name === 'TimeoutError')
    return 'AWS could not be reached from the proxy.';
  return `The AWS Price List API call failed (${name}).`;
}
