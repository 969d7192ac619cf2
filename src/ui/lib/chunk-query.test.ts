import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { chunkQueryOptions } from './chunk-query.ts';

describe('chunk queries', () => {
  it('loads once and keeps what loaded', async () => {
    let loads = 0;
    const options = chunkQueryOptions('answer', 'the answer', async () => ++loads);
    const client = new QueryClient();
    expect(await client.fetchQuery(options)).toBe(1);
    expect(await client.fetchQuery(options)).toBe(1);
    expect(options.queryKey).toEqual(['answer']);
  });

  it('says what could not load, and keeps the download error as the cause', async () => {
    const failure = new TypeError('Failed to fetch dynamically imported module');
    const options = chunkQueryOptions('cards', 'the result cards', () => Promise.reject(failure), 0);
    const error = await new QueryClient().fetchQuery(options).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'Could not load the result cards (Failed to fetch dynamically imported module); check the connection and retry.',
    );
    expect((error as Error).cause).toBe(failure);
  });
});
