import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import {
  buildShareUrl,
  decodeShareState,
  encodeShareState,
  ShareLinkTooLongError,
  tryBuildShareUrl,
  upgradedLinkMessage,
} from './share-codec.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { scenarioArb } from '../testing/arbitraries.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import { DEFAULT_ANSWERS } from '../recommend/decision-answers.ts';

describe('base64url', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(bytes);
      }),
    );
  });
  it('refuses characters outside the alphabet', () => {
    expect(decodeBase64Url('ab+c')).toBeNull();
    expect(decodeBase64Url('a')).toBeNull();
  });
});

describe('share links', () => {
  it('round-trips every valid scenario and the answers', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const answers = {
          ...DEFAULT_ANSWERS,
          kubernetesSkills: 'strong' as const,
          workloadKinds: ['web' as const, 'gpu' as const],
        };
        const decoded = decodeShareState(encodeShareState({ scenario: input, answers }));
        const expected = validateScenario(input);
        expect(decoded).toEqual({
          ok: true,
          state: { scenario: expected.ok && expected.scenario, answers, upgradedFrom: null },
        });
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the example link short by leaving out defaults', () => {
    const url = buildShareUrl('http://127.0.0.1:4173/', {
      scenario: {
        version: 2,
        region: 'us-east-1',
        services: [{ name: 'api-service', vcpu: 0.5, memoryGiB: 1, replicas: 2 }],
      },
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#s=2\.[A-Za-z0-9_-]+$/);
    expect(url.length).toBeLessThan(200);
  });

  it('decoding arbitrary text never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `s=1.${s}`),
          fc.base64String().map((s) => `#s=1.${s}`),
        ),
        (text) => {
          const result = decodeShareState(text);
          expect(result.ok === false || result.ok === true).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([['#garbage'], ['#s=1.'], ['#s=1.AAAA'], ['#s=1.%2F..%2F'], ['#s=0.abc']])(
    'explains a broken link %s',
    (hash) => {
      const result = decodeShareState(hash);
      expect(result).toMatchObject({
        ok: false,
        reason: 'invalid',
        message: expect.stringContaining('default scenario'),
      });
    },
  );

  it('explains a truncated link', () => {
    const hash = encodeShareState({
      scenario: { version: 2, region: 'us-east-1', services: [{ name: 'api', vcpu: 1, memoryGiB: 2, replicas: 3 }] },
    });
    expect(decodeShareState(hash.slice(0, hash.length - 8))).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('opens a link made by the v1 build, upgraded, keeping its 70% Spot discount default, and says so', () => {
    // Made by `cli share` of the build before scenario format v2, from a file with ec2.spotPercent 50.
    const v1Link =
      '#s=1.HY27CgMhFET_ZWoXEkkayzRp04cUIkMQ4gOva1jEf193u4EzZ6ZDYDoai_gUYa4Khd8zguvyp9RFQ0FYmnec5XdHtIGT2-wnaS6vpxcYUtme_gGjj5X8885O4TY-CnT6-JGc6ovFMVaY-2WMsQM';
    const decoded = decodeShareState(v1Link);
    expect(decoded).toMatchObject({
      ok: true,
      state: {
        upgradedFrom: 1,
        scenario: { version: 2, region: 'eu-west-2', ec2: { spotPercent: 50, spotDiscountPercent: 70 } },
      },
    });
    expect(upgradedLinkMessage(1)).toMatch(/older version .* upgraded to format 2/);
    // Shared again, it becomes a format-2 link that opens without an upgrade.
    const again = decodeShareState(encodeShareState({ scenario: decoded.ok ? decoded.state.scenario : ({} as never) }));
    expect(again).toMatchObject({
      ok: true,
      state: { upgradedFrom: null, scenario: { ec2: { spotDiscountPercent: 70 } } },
    });
  });

  it("opens an old link whose secret ARN has the article's short account id with a message naming the field", () => {
    // Links of the first builds carried the article's `:123:` account, which is not an account id.
    const payload = {
      s: {
        version: 1,
        region: 'us-east-1',
        services: [
          {
            name: 'api-service',
            vcpu: 0.5,
            memoryGiB: 1,
            replicas: 2,
            secrets: { DATABASE_URL: 'arn:aws:secretsmanager:us-east-1:123:secret:prod/db-url' },
          },
        ],
      },
    };
    const decoded = decodeShareState(`#s=1.${encodeBase64Url(deflateSync(strToU8(JSON.stringify(payload))))}`);
    expect(decoded).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decoded.ok ? '' : decoded.message).toMatch(
      /^This link holds a scenario this calculator cannot read \(services\[0\]\.secrets\.DATABASE_URL: .*12-digit/,
    );
  });

  it('says when a link comes from a newer version', () => {
    expect(decodeShareState('#s=3.abc')).toMatchObject({
      ok: false,
      reason: 'newer-version',
      message: expect.stringContaining('newer version'),
    });
  });

  it('refuses a scenario that fails validation, naming the field', () => {
    const payload = encodeBase64Url(
      deflateSync(
        strToU8(
          JSON.stringify({
            s: { version: 2, region: 'us-east-1', services: [{ name: 'api', vcpu: -1, memoryGiB: 1, replicas: 1 }] },
          }),
        ),
      ),
    );
    expect(decodeShareState(`#s=1.${payload}`)).toMatchObject({
      ok: false,
      message: expect.stringContaining('services[0].vcpu'),
    });
  });

  it('refuses a small link that inflates into a huge document', () => {
    const bomb = encodeBase64Url(deflateSync(strToU8(`{"s":"${'a'.repeat(5_000_000)}"}`), { level: 9 }));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(decodeShareState(`#s=1.${bomb}`)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses oversized links before decoding them', () => {
    expect(decodeShareState(`#s=1.${'A'.repeat(70_000)}`)).toMatchObject({
      ok: false,
      message: expect.stringContaining('too long'),
    });
  });
});

describe('scenarios too large for a link', () => {
  // Incompressible environment values: 4 x 32,000 characters from a fixed pseudo-random sequence.
  let seed = 7;
  const noise = () =>
    Array.from({ length: 32_000 }, () => {
      // xorshift32: cheap, fixed, and incompressible enough for deflate.
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      seed >>>= 0;
      return String.fromCharCode(33 + (seed % 90));
    }).join('');
  const huge = {
    version: 2 as const,
    region: 'us-east-1',
    services: ['a', 'b', 'c', 'd'].map((name) => ({
      name,
      vcpu: 1,
      memoryGiB: 2,
      replicas: 1,
      environment: { BLOB: noise() },
    })),
  };

  it('are refused when encoding, so no link is ever handed out that would not open', () => {
    expect(() => encodeShareState({ scenario: huge })).toThrow(ShareLinkTooLongError);
    expect(tryBuildShareUrl('http://127.0.0.1:4173/', { scenario: huge })).toBeNull();
  });

  it('leave smaller scenarios alone', () => {
    expect(
      tryBuildShareUrl('http://127.0.0.1:4173/', { scenario: { ...huge, services: huge.services.slice(0, 1) } }),
    ).toMatch(/#s=2\./);
  });
});

describe('hidden options in links', () => {
  const scenario = {
    version: 2 as const,
    region: 'us-east-1',
    services: [{ name: 'api-service', vcpu: 0.5, memoryGiB: 1, replicas: 2 }],
  };

  it('carries the options a user hid, including ids of options this version does not know', () => {
    const answers = { ...DEFAULT_ANSWERS, hiddenOptions: ['eks-fargate', 'ecs-managed-instances'] };
    const decoded = decodeShareState(encodeShareState({ scenario, answers }));
    expect(decoded.ok && decoded.state.answers.hiddenOptions).toEqual(['eks-fargate', 'ecs-managed-instances']);
  });

  it('opens links made before options could be hidden with every option shown', () => {
    // The payload an earlier version wrote: answers without hiddenOptions.
    const payload = { s: scenario, a: { kubernetesSkills: 'some' } };
    const fragment = `s=1.${encodeBase64Url(deflateSync(strToU8(JSON.stringify(payload))))}`;
    const decoded = decodeShareState(fragment);
    expect(decoded.ok && decoded.state.answers).toEqual({ ...DEFAULT_ANSWERS, kubernetesSkills: 'some' });
    expect(decoded.ok && decoded.state.answers.hiddenOptions).toEqual([]);
  });
});
