/** GetProducts paging, throttling backoff and time limits, against the mocked SDK client. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GetProductsCommand, type PricingClient } from '@aws-sdk/client-pricing';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { answerGetProducts } from '../fixtures/answer-get-products.ts';
import { awsError, recordedItemsByServiceCode } from '../fixtures/test-proxy.ts';
import { createPricingClient, PRICE_LIST_ENDPOINT_REGION } from './create-pricing-client.ts';
import { fetchRegionPriceList, regionProductQueries } from './fetch-region-price-list.ts';
import {
  AwsTimeoutError,
  DEFAULT_GET_PRODUCTS_POLICY,
  PaginationError,
  getAllProducts,
  type GetProductsPolicy,
} from './get-all-products.ts';

process.env.AWS_EC2_METADATA_DISABLED = 'true';

let client: PricingClient;
let mock: AwsClientStub<PricingClient>;
let sleptMs: number[];
let policy: GetProductsPolicy;

beforeEach(() => {
  client = createPricingClient(10_000);
  mock = mockClient(client);
  sleptMs = [];
  policy = {
    ...DEFAULT_GET_PRODUCTS_POLICY,
    sleep: async (ms) => {
      sleptMs.push(ms);
    },
    random: () => 0.5,
  };
});

afterEach(() => mock.restore());

const ecsQuery = regionProductQueries('us-east-1').ecs;

describe('createPricingClient', () => {
  it('calls the Price List endpoint in us-east-1 whatever region is priced, with the SDK retries off', async () => {
    expect(PRICE_LIST_ENDPOINT_REGION).toBe('us-east-1');
    expect(await client.config.region()).toBe('us-east-1');
    expect(await client.config.maxAttempts()).toBe(1);
  });
});

describe('getAllProducts', () => {
  it('sends TERM_MATCH filters with FormatVersion aws_v1 and parses every PriceList string', async () => {
    mock.on(GetProductsCommand).callsFake(answerGetProducts(recordedItemsByServiceCode()));
    const items = await getAllProducts(client, ecsQuery, policy);
    const input = mock.commandCalls(GetProductsCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ ServiceCode: 'AmazonECS', FormatVersion: 'aws_v1', MaxResults: 100 });
    expect(input.Filters).toEqual([
      { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' },
      { Type: 'TERM_MATCH', Field: 'locationType', Value: 'AWS Region' },
      { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'Compute' },
    ]);
    // 11 recorded AmazonECS items, one of them "Compute Metering".
    expect(items).toHaveLength(10);
    expect(items.every((item) => typeof item === 'object')).toBe(true);
  });

  it('follows NextToken to the last page', async () => {
    mock.on(GetProductsCommand).callsFake(answerGetProducts(recordedItemsByServiceCode(), 3));
    const items = await getAllProducts(client, ecsQuery, policy);
    const tokens = mock.commandCalls(GetProductsCommand).map((call) => call.args[0].input.NextToken);
    expect(tokens).toEqual([undefined, 'page-3', 'page-6', 'page-9']);
    expect(items).toHaveLength(10);
  });

  it('stops when AWS repeats a NextToken instead of looping', async () => {
    mock.on(GetProductsCommand).resolves({ PriceList: [], NextToken: 'same' });
    await expect(getAllProducts(client, ecsQuery, policy)).rejects.toThrow(PaginationError);
    expect(mock.commandCalls(GetProductsCommand)).toHaveLength(2);
  });

  it('backs off and retries after ThrottlingException, with growing delays', async () => {
    const throttled = awsError('ThrottlingException', 'Rate exceeded', 400);
    mock
      .on(GetProductsCommand)
      .rejectsOnce(throttled)
      .rejectsOnce(throttled)
      .rejectsOnce(throttled)
      .callsFake(answerGetProducts(recordedItemsByServiceCode()));
    const items = await getAllProducts(client, ecsQuery, policy);
    expect(items).toHaveLength(10);
    expect(mock.commandCalls(GetProductsCommand)).toHaveLength(4);
    // Full jitter at random()=0.5: half of 250, 500, 1000 ms.
    expect(sleptMs).toEqual([125, 250, 500]);
  });

  it('caps the backoff delay', async () => {
    mock.on(GetProductsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded', 400));
    await expect(
      getAllProducts(client, ecsQuery, { ...policy, maxThrottleRetries: 8, random: () => 0.999 }),
    ).rejects.toThrow('Rate exceeded');
    expect(Math.max(...sleptMs)).toBeLessThan(DEFAULT_GET_PRODUCTS_POLICY.maxBackoffMs);
  });

  it('gives up after the bounded number of retries', async () => {
    mock.on(GetProductsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded', 400));
    await expect(getAllProducts(client, ecsQuery, policy)).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(mock.commandCalls(GetProductsCommand)).toHaveLength(policy.maxThrottleRetries + 1);
  });

  it('also treats HTTP 429 as throttling', async () => {
    mock
      .on(GetProductsCommand)
      .rejectsOnce(awsError('SomethingNew', 'slow down', 429))
      .resolves({ PriceList: [] });
    await expect(getAllProducts(client, ecsQuery, policy)).resolves.toEqual([]);
    expect(sleptMs).toHaveLength(1);
  });

  it('does not retry other errors', async () => {
    mock.on(GetProductsCommand).rejects(awsError('InvalidParameterException', 'bad filter', 400));
    await expect(getAllProducts(client, ecsQuery, policy)).rejects.toMatchObject({ name: 'InvalidParameterException' });
    expect(mock.commandCalls(GetProductsCommand)).toHaveLength(1);
    expect(sleptMs).toEqual([]);
  });

  it('aborts a call that outlives the time limit', async () => {
    mock.on(GetProductsCommand).callsFake(() => new Promise(() => {}));
    const startedMs = performance.now();
    await expect(getAllProducts(client, ecsQuery, { ...policy, timeoutMs: 40 })).rejects.toThrow(AwsTimeoutError);
    const elapsedMs = performance.now() - startedMs;
    expect(elapsedMs).toBeGreaterThanOrEqual(35);
    expect(elapsedMs).toBeLessThan(2_000);
  });

  it('rejects a PriceList entry that is not JSON', async () => {
    mock.on(GetProductsCommand).resolves({ PriceList: ['{"product":'] });
    await expect(getAllProducts(client, ecsQuery, policy)).rejects.toThrow(SyntaxError);
  });
});

describe('fetchRegionPriceList', () => {
  it('asks for Fargate, both EKS cluster-hour kinds and EC2 Linux On-Demand of the region', async () => {
    mock.on(GetProductsCommand).callsFake(answerGetProducts(recordedItemsByServiceCode()));
    const items = await fetchRegionPriceList(client, 'eu-west-1', policy);
    const inputs = mock.commandCalls(GetProductsCommand).map((call) => call.args[0].input);
    expect(inputs.map((input) => input.ServiceCode).sort()).toEqual([
      'AmazonEC2',
      'AmazonECS',
      'AmazonEKS',
      'AmazonEKS',
    ]);
    const ec2 = inputs.find((input) => input.ServiceCode === 'AmazonEC2')!;
    expect(Object.fromEntries(ec2.Filters!.map((f) => [f.Field, f.Value]))).toEqual({
      regionCode: 'eu-west-1',
      locationType: 'AWS Region',
      productFamily: 'Compute Instance',
      operatingSystem: 'Linux',
      tenancy: 'Shared',
      preInstalledSw: 'NA',
      capacitystatus: 'Used',
    });
    expect(items.ecs).toHaveLength(10);
    expect(items.eks).toHaveLength(2);
    expect(items.ec2).toHaveLength(1);
  });
});
