/**
 * eks/log-router/ (EKS, when the bill prices CloudWatch Logs): what ships the services' container
 * logs to one log group with the priced retention (docs/export-rules.md, "Logs").
 *
 * - On EC2 nodes, fluent-bit.yaml: a Fluent Bit DaemonSet in kube-system (AWS for Fluent Bit) and
 *   its config; eksctl.yaml creates its ServiceAccount with an IRSA role limited to that log group
 *   (`logRouterServiceAccount`). Its pod on every node is counted in the node plan
 *   (capacity/log-router.ts).
 * - On Fargate, aws-observability.yaml: the `aws-observability` namespace and the `aws-logging`
 *   ConfigMap that configure the log router Fargate runs itself, and fargate-logging-policy.json,
 *   the same log-group permissions for the pod execution role (the bundle README attaches it).
 *
 * Other EKS exports (Auto Mode) call `logRouterFiles` and `logRouterServiceAccount` with their
 * context; the capacity rule names the options whose plan counts the DaemonSet.
 */
import { LOG_RETENTION_DAYS, logsPriced } from '../cost/bill-settings.ts';
import {
  LOG_ROUTER_CPU_MILLIS,
  LOG_ROUTER_IMAGE,
  LOG_ROUTER_MEMORY_LIMIT_MIB,
  LOG_ROUTER_MEMORY_MIB,
  LOG_ROUTER_NAME,
} from '../capacity/log-router.ts';
import { CLUSTER_NAME, NAMESPACE, type ExportContext } from './export-context.ts';
import type { ExportFile } from './export-file.ts';
import type { K8sObject } from './eks-workload.ts';
import { toYamlDocuments } from './yaml-writer.ts';

export const LOG_ROUTER_DIR = 'eks/log-router';
export const LOG_ROUTER_DAEMONSET_PATH = `${LOG_ROUTER_DIR}/fluent-bit.yaml`;
export const FARGATE_LOGGING_PATH = `${LOG_ROUTER_DIR}/aws-observability.yaml`;
export const FARGATE_LOGGING_POLICY_PATH = `${LOG_ROUTER_DIR}/fargate-logging-policy.json`;

/** The one log group of the cluster's service logs, beside ECS's `/ecs/<service>` groups. */
export const EKS_LOG_GROUP_NAME = `/eks/${CLUSTER_NAME}/containers`;

/** Namespace and ConfigMap names Fargate's log router reads (EKS User Guide, Fargate logging). */
export const FARGATE_LOGGING_NAMESPACE = 'aws-observability';
export const FARGATE_LOGGING_CONFIGMAP = 'aws-logging';
/** Fargate refuses an aws-logging ConfigMap longer than this (EKS User Guide, Fargate logging). */
export const FARGATE_LOGGING_MAX_CHARS = 5300;

const LOG_ROUTER_NAMESPACE = 'kube-system';

/**
 * The kubelet's log file of every container of the services' namespace: containerd names them
 * `<pod>_<namespace>_<container>-<id>.log` in /var/log/containers, and neither pod nor namespace
 * names may hold `_`. Only the services' logs are priced, so system pods' logs are left out.
 */
const SERVICE_LOG_FILES = `/var/log/containers/*_${NAMESPACE}_*.log`;
/** The same files as tail tags them (`kube.` + the path with `/` as `.`), for Fargate's fixed input. */
const SERVICE_LOG_TAGS = `kube.var.log.containers.*_${NAMESPACE}_*`;

/** AWS partition of a region: China and GovCloud have their own, for ARNs. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * What the cloudwatch_logs output needs (Fluent Bit manual, Amazon CloudWatch, "Permissions":
 * CreateLogGroup, PutRetentionPolicy, CreateLogStream, PutLogEvents), on this log group and its
 * streams only, in the scenario's region (the account is the role's own).
 */
export function logRouterPolicy(region: string): Record<string, unknown> {
  const group = `arn:${partitionOf(region)}:logs:${region}:*:log-group:${EKS_LOG_GROUP_NAME}`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:PutRetentionPolicy', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: [group, `${group}:*`],
      },
    ],
  };
}

/** One classic-mode Fluent Bit section: the directive, then its keys indented more, evenly (Fargate checks it). */
function section(directive: string, pairs: readonly (readonly [string, string | number])[]): string {
  const width = Math.max(...pairs.map(([key]) => key.length));
  return [`[${directive}]`, ...pairs.map(([key, value]) => `    ${key.padEnd(width)} ${value}`)].join('\n') + '\n';
}

/**
 * The cloudwatch_logs output: only the message (`log_key log`, as ECS's awslogs sends it, so the
 * ingested bytes are the services' log lines), one stream per container log file, the log group
 * created with the priced retention (`log_retention_days`, applied when the plugin creates the group).
 */
function cloudWatchOutput(match: string, region: string): string {
  return section('OUTPUT', [
    ['Name', 'cloudwatch_logs'],
    ['Match', match],
    ['region', region],
    ['log_group_name', EKS_LOG_GROUP_NAME],
    ['log_stream_prefix', `${LOG_ROUTER_NAME}.`],
    ['log_key', 'log'],
    ['auto_create_group', 'true'],
    ['log_retention_days', LOG_RETENTION_DAYS],
  ]);
}

/** The DaemonSet's whole config: tail the services' container logs (CRI format), send them to CloudWatch. */
export function daemonSetConfig(region: string): string {
  return [
    section('SERVICE', [
      ['Flush', 5],
      ['Log_Level', 'warn'],
      ['Daemon', 'off'],
    ]),
    section('INPUT', [
      ['Name', 'tail'],
      ['Tag', 'kube.*'],
      ['Path', SERVICE_LOG_FILES],
      ['multiline.parser', 'cri'],
      ['DB', '/var/fluent-bit/state/flb_kube.db'],
      ['Mem_Buf_Limit', '5MB'],
      ['Skip_Long_Lines', 'On'],
      ['Refresh_Interval', 10],
    ]),
    cloudWatchOutput('kube.*', region),
  ].join('\n');
}

const labels = { 'app.kubernetes.io/name': LOG_ROUTER_NAME };
const meta = { name: LOG_ROUTER_NAME, namespace: LOG_ROUTER_NAMESPACE, labels };

function daemonSet(): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta,
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: LOG_ROUTER_NAME,
          // Scheduled before any service pod, on every node, part-time and GPU groups included
          // (they carry taints): the plan reserves its requests on each of them.
          priorityClassName: 'system-node-critical',
          tolerations: [{ operator: 'Exists' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          terminationGracePeriodSeconds: 10,
          containers: [
            {
              name: LOG_ROUTER_NAME,
              image: LOG_ROUTER_IMAGE,
              resources: {
                requests: { cpu: `${LOG_ROUTER_CPU_MILLIS}m`, memory: `${LOG_ROUTER_MEMORY_MIB}Mi` },
                limits: { memory: `${LOG_ROUTER_MEMORY_LIMIT_MIB}Mi` },
              },
              volumeMounts: [
                { name: 'varlog', mountPath: '/var/log', readOnly: true },
                { name: 'state', mountPath: '/var/fluent-bit/state' },
                { name: 'config', mountPath: '/fluent-bit/etc/' },
              ],
            },
          ],
          volumes: [
            { name: 'varlog', hostPath: { path: '/var/log' } },
            { name: 'state', hostPath: { path: '/var/fluent-bit/state', type: 'DirectoryOrCreate' } },
            { name: 'config', configMap: { name: LOG_ROUTER_NAME } },
          ],
        },
      },
    },
  };
}

/** The objects of fluent-bit.yaml, config first; the ServiceAccount is eksctl's (IRSA). */
export function daemonSetObjects(region: string): K8sObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta,
      data: { 'fluent-bit.conf': daemonSetConfig(region) },
    },
    daemonSet(),
  ];
}

/**
 * Fargate's aws-logging data: Fargate runs the tail input itself (tag `kube.*`, raw CRI lines),
 * and accepts only filters, outputs and parsers. A parser filter splits the CRI line so only the
 * message is sent; process logs of the router itself stay off (`flb_log_cw`), as they are not priced.
 */
export function fargateLoggingData(region: string): Record<string, string> {
  return {
    flb_log_cw: 'false',
    'filters.conf': section('FILTER', [
      ['Name', 'parser'],
      ['Match', '*'],
      ['Key_Name', 'log'],
      ['Parser', 'cri-line'],
    ]),
    'output.conf': cloudWatchOutput(SERVICE_LOG_TAGS, region),
    'parsers.conf': section('PARSER', [
      ['Name', 'cri-line'],
      ['Format', 'regex'],
      // The CRI log line: time, stream, P (partial) or F (full), message.
      ['Regex', '^(?<time>[^ ]+) (?<stream>stdout|stderr) (?<logtag>[PF]) (?<log>.*)$'],
      ['Time_Key', 'time'],
      ['Time_Format', '%Y-%m-%dT%H:%M:%S.%L%z'],
    ]),
  };
}

export function fargateLoggingObjects(region: string): K8sObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      // The label is required for Fargate to read the namespace's ConfigMap.
      metadata: { name: FARGATE_LOGGING_NAMESPACE, labels: { 'aws-observability': 'enabled' } },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: FARGATE_LOGGING_CONFIGMAP, namespace: FARGATE_LOGGING_NAMESPACE },
      data: fargateLoggingData(region),
    },
  ];
}

/** Whether the bundle carries a log router: whenever the bill prices CloudWatch Logs. */
export function exportsLogRouter(context: ExportContext): boolean {
  return context.platform === 'eks' && logsPriced(context.scenario);
}

/** The eksctl `iam.serviceAccounts` entry of the DaemonSet (EC2 nodes only): its IRSA role and policy. */
export function logRouterServiceAccount(region: string): Record<string, unknown> {
  return {
    metadata: { name: LOG_ROUTER_NAME, namespace: LOG_ROUTER_NAMESPACE },
    attachPolicy: logRouterPolicy(region),
  };
}

/**
 * The log router's files for an EKS bundle, or none when logs are not priced: `nodes` for the
 * DaemonSet on EC2 nodes, `fargate` for Fargate's own router.
 */
export function logRouterFiles(context: ExportContext, on: 'nodes' | 'fargate'): ExportFile[] {
  if (!exportsLogRouter(context)) return [];
  const region = context.scenario.region;
  if (on === 'nodes') return [{ path: LOG_ROUTER_DAEMONSET_PATH, contents: toYamlDocuments(daemonSetObjects(region)) }];
  return [
    { path: FARGATE_LOGGING_PATH, contents: toYamlDocuments(fargateLoggingObjects(region)) },
    { path: FARGATE_LOGGING_POLICY_PATH, contents: `${JSON.stringify(logRouterPolicy(region), null, 2)}\n` },
  ];
}
