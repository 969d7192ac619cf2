/**
 * The editor's field labels, one place for each: the fields show them, and the messages about a
 * field start with them ("Replicas of api: must be 0 or more"), so a message always names the
 * field as the page labels it, never by its path in the scenario format.
 */

/** Fields of the whole scenario, by their path in the scenario format. */
export const SCENARIO_FIELD_LABELS = {
  region: 'Region',
  hoursPerMonth: 'Hours per month',
  services: 'Services',
  'fargate.spotPercent': 'Fargate Spot share (%)',
  'fargate.savingsPlanDiscountPercent': 'Fargate Savings Plan discount (%)',
  'eks.clusters': 'EKS clusters',
  'eks.support': 'Kubernetes version support',
  'ec2.instanceTypes': 'Instance types',
  'ec2.spotPercent': 'EC2 Spot share (%)',
  'ec2.spotDiscountPercent': 'Spot discount (%)',
  'ec2.rootVolumeGiB': 'Root volume per node (GiB)',
  'ec2.savingsPlanDiscountPercent': 'EC2 Savings Plan discount (%)',
  'ec2.minNodes': 'Minimum nodes',
  'ec2.eniTrunking': 'ENI trunking (ECS)',
  'ec2.ecsNetworkMode': 'ECS network mode (ECS on EC2)',
  'ec2.prefixDelegation': 'Prefix delegation (EKS)',
  'ec2.daemonsPerNode': 'Daemons on every node',
  'extras.loadBalancers': 'Application Load Balancers',
  'extras.lcuPerLoadBalancer': 'Capacity units (LCU) per load balancer',
  'extras.natGateways': 'NAT gateways',
  'extras.natDataGB': 'NAT data processed (GB per month)',
  'extras.publicIPv4Addresses': 'Other public IPv4 addresses',
  'extras.internetEgressGB': 'Internet egress (GB per month)',
  'extras.crossAzGB': 'Cross-AZ traffic (GB per month)',
  'extras.logIngestionGB': 'CloudWatch Logs ingested (GB per month)',
  'operations.hourlyRateUSD': 'Hourly rate (USD)',
  'operations.ecsHoursPerMonth': 'Hours per month running ECS',
  'operations.eksHoursPerMonth': 'Hours per month running EKS',
} as const;

/** Fields of one service, by their path below the service. */
export const SERVICE_FIELD_LABELS = {
  name: 'Name',
  vcpu: 'vCPU',
  memoryGiB: 'Memory (GiB)',
  replicas: 'Replicas',
  hoursPerMonth: 'Hours per month',
  arch: 'Architecture',
  os: 'Operating system',
  ephemeralStorageGiB: 'Ephemeral storage (GiB)',
  gpu: 'GPUs per replica',
  autoscaling: 'Autoscale on CPU',
  'autoscaling.min': 'Minimum replicas',
  'autoscaling.max': 'Maximum replicas',
  'autoscaling.targetCpuPercent': 'Target CPU (%)',
  schedule: 'Schedule',
  'schedule.cron': 'Cron (5 fields, UTC)',
  'schedule.runMinutes': 'Minutes a run',
  'schedule.weekly.days': 'Days (mon, tue, ...)',
  'schedule.weekly.start': 'Start (HH:MM UTC)',
  'schedule.weekly.end': 'End (HH:MM UTC)',
  image: 'Image',
  port: 'Container port',
  healthCheckPath: 'Health check path',
  public: 'Public (behind an internet-facing load balancer)',
  host: 'Host name',
  environment: 'Environment variables',
  secrets: 'Secrets',
} as const;

/** Fields of one per-node daemon. */
export const DAEMON_FIELD_LABELS = {
  name: 'name',
  vcpu: 'vCPU',
  memoryGiB: 'memory (GiB)',
} as const;

/** A daemon's field as the page labels it and its messages name it: "Daemon 2 memory (GiB)". */
export function daemonFieldLabel(index: number, field: keyof typeof DAEMON_FIELD_LABELS): string {
  return `Daemon ${index + 1} ${DAEMON_FIELD_LABELS[field]}`;
}

/**
 * Environment variables and secrets, edited as rows of a name and a value: the group's legend,
 * what one row is called on the page ("Name of variable 2") and in messages ("Name of environment
 * variable 2 of api"), and the two columns' labels.
 */
export const ROW_FIELD_LABELS = {
  environment: {
    legend: SERVICE_FIELD_LABELS.environment,
    row: 'variable',
    kind: 'environment variable',
    name: 'Name',
    value: 'Value',
  },
  secrets: { legend: SERVICE_FIELD_LABELS.secrets, row: 'secret', kind: 'secret', name: 'Name', value: 'Secret ARN' },
} as const;

export type RowsField = keyof typeof ROW_FIELD_LABELS;

export type ScenarioField = keyof typeof SCENARIO_FIELD_LABELS;
export type ServiceField = keyof typeof SERVICE_FIELD_LABELS;
