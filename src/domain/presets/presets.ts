/**
 * Ready-made scenarios to start from. The first one is the article's example and the page's
 * default scenario. Each preset is a plain ScenarioInput, so it validates like a user's file.
 */
import type { ScenarioInput, ServiceInput } from '../scenario/scenario-schema.ts';

export interface Preset {
  id: 'article-api' | 'microservices-50' | 'nightly-batch' | 'gpu-inference';
  label: string;
  description: string;
  scenario: ScenarioInput;
}

/** The article's api-service: 2 replicas of 0.5 vCPU / 1 GiB behind a load balancer, with its task definition's details. */
export const ARTICLE_API: ScenarioInput = {
  version: 2,
  region: 'us-east-1',
  services: [
    {
      name: 'api-service',
      vcpu: 0.5,
      memoryGiB: 1,
      replicas: 2,
      autoscaling: { min: 2, max: 20, targetCpuPercent: 70 },
      image: '123456789.dkr.ecr.us-east-1.amazonaws.com/api:latest',
      port: 8080,
      healthCheckPath: '/health',
      environment: { ENVIRONMENT: 'production' },
      secrets: { DATABASE_URL: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-url' },
      public: true,
      host: 'api.example.com',
    },
  ],
  extras: { loadBalancers: 1, lcuPerLoadBalancer: 1, natGateways: 0, natDataGB: 0, publicIPv4Addresses: 0 },
};

// Sizes cycle through common shapes so the 50 services are varied but the preset is deterministic.
const SHAPES: readonly { vcpu: number; memoryGiB: number; replicas: number }[] = [
  { vcpu: 0.25, memoryGiB: 0.5, replicas: 2 },
  { vcpu: 0.5, memoryGiB: 1, replicas: 3 },
  { vcpu: 1, memoryGiB: 2, replicas: 2 },
  { vcpu: 0.5, memoryGiB: 2, replicas: 4 },
  { vcpu: 2, memoryGiB: 4, replicas: 2 },
];

const MICROSERVICES: ServiceInput[] = Array.from({ length: 50 }, (_, i) => {
  const shape = SHAPES[i % SHAPES.length]!;
  const name = `service-${String(i + 1).padStart(2, '0')}`;
  return {
    name,
    ...shape,
    autoscaling: { min: shape.replicas, max: shape.replicas * 4, targetCpuPercent: 70 },
    port: 8080,
    healthCheckPath: '/health',
  };
});

export const PRESETS: readonly Preset[] = [
  {
    id: 'article-api',
    label: 'Article example: api-service',
    description: '2 replicas of 0.5 vCPU / 1 GiB behind an Application Load Balancer.',
    scenario: ARTICLE_API,
  },
  {
    id: 'microservices-50',
    label: '50-microservice platform',
    description:
      '50 services of 0.25 to 2 vCPU, 2 to 4 replicas each, two load balancers and a NAT gateway in each of 2 zones.',
    scenario: {
      version: 2,
      region: 'us-east-1',
      services: MICROSERVICES,
      extras: { loadBalancers: 2, lcuPerLoadBalancer: 5, natGateways: 2, natDataGB: 2000, publicIPv4Addresses: 0 },
      operations: { hourlyRateUSD: 0, ecsHoursPerMonth: 20, eksHoursPerMonth: 60 },
    },
  },
  {
    id: 'nightly-batch',
    label: 'Nightly batch job',
    description:
      '10 workers of 4 vCPU / 16 GiB for 2 hours a night (from 01:00 UTC, about 61 hours a month), plus a small always-on scheduler.',
    scenario: {
      version: 2,
      region: 'us-east-1',
      services: [
        {
          name: 'nightly-etl',
          vcpu: 4,
          memoryGiB: 16,
          replicas: 10,
          schedule: { cron: '0 1 * * *', runMinutes: 120 },
          ephemeralStorageGiB: 50,
        },
        { name: 'scheduler', vcpu: 0.25, memoryGiB: 0.5, replicas: 1 },
      ],
      ec2: { minNodes: 0 },
    },
  },
  {
    id: 'gpu-inference',
    label: 'GPU inference service',
    description: '3 model servers with one GPU each behind a small x86 gateway.',
    scenario: {
      version: 2,
      region: 'us-east-1',
      services: [
        {
          name: 'inference',
          vcpu: 4,
          memoryGiB: 16,
          replicas: 3,
          gpu: 1,
          port: 8000,
          healthCheckPath: '/healthz',
          public: false,
        },
        {
          name: 'gateway',
          vcpu: 0.5,
          memoryGiB: 1,
          replicas: 2,
          port: 8080,
          healthCheckPath: '/health',
          public: true,
          host: 'inference.example.com',
        },
      ],
      extras: { loadBalancers: 1, lcuPerLoadBalancer: 2, natGateways: 1, natDataGB: 100, publicIPv4Addresses: 0 },
    },
  },
];

export const DEFAULT_PRESET: Preset = PRESETS[0]!;

/** A fresh copy of a preset's scenario (callers may edit it). */
export function presetScenario(id: Preset['id']): ScenarioInput {
  const preset = PRESETS.find((p) => p.id === id) ?? DEFAULT_PRESET;
  return structuredClone(preset.scenario);
}
