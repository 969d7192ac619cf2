/**
 * External Secrets Operator objects (external-secrets.io/v1): per service, one SecretStore and one
 * ExternalSecret for each (AWS service, region) its secrets come from; the synced Kubernetes Secret
 * has the store's name and one key per environment variable (export-rules B9).
 */
import { NAMESPACE, type ServicePlan } from './export-context.ts';
import type { SecretReference } from './secret-reference.ts';
import type { K8sObject } from './eks-workload.ts';

/** ESO v1 (served since ESO 0.16.2; v1beta1 is gone from 0.17) (export-rules B9). */
export const ESO_API_VERSION = 'external-secrets.io/v1';
/** A Go duration: ESO has no "d" unit. */
const REFRESH_INTERVAL = '1h0m0s';

export interface SecretStoreGroup {
  /** Name of the SecretStore, the ExternalSecret and the Kubernetes Secret it writes. */
  name: string;
  provider: 'SecretsManager' | 'ParameterStore';
  region: string;
  secrets: SecretReference[];
}

export function secretStoreGroups(plan: ServicePlan): SecretStoreGroup[] {
  const groups = new Map<string, SecretStoreGroup>();
  for (const secret of plan.secrets) {
    const provider = secret.service === 'ssm' ? 'ParameterStore' : 'SecretsManager';
    const key = `${provider}/${secret.region}`;
    let group = groups.get(key);
    if (!group) {
      group = { name: '', provider, region: secret.region, secrets: [] };
      groups.set(key, group);
    }
    group.secrets.push(secret);
  }
  const list = [...groups.values()];
  // Names come from the service name and an index only, never from the ARN, so they are always
  // valid DNS-1123 subdomains (export-rules B1).
  list.forEach((group, index) => {
    group.name = list.length === 1 ? `${plan.name}-secrets` : `${plan.name}-secrets-${index + 1}`;
  });
  return list;
}

export function secretStore(plan: ServicePlan, group: SecretStoreGroup): K8sObject {
  return {
    apiVersion: ESO_API_VERSION,
    kind: 'SecretStore',
    metadata: { name: group.name, namespace: NAMESPACE, labels: { 'app.kubernetes.io/name': plan.name } },
    spec: {
      provider: {
        aws: {
          service: group.provider,
          region: group.region,
          // The service's IRSA role reads the secrets (export-rules B3, B9).
          auth: { jwt: { serviceAccountRef: { name: plan.name } } },
        },
      },
    },
  };
}

export function externalSecret(plan: ServicePlan, group: SecretStoreGroup): K8sObject {
  return {
    apiVersion: ESO_API_VERSION,
    kind: 'ExternalSecret',
    metadata: { name: group.name, namespace: NAMESPACE, labels: { 'app.kubernetes.io/name': plan.name } },
    spec: {
      refreshInterval: REFRESH_INTERVAL,
      secretStoreRef: { name: group.name, kind: 'SecretStore' },
      target: { name: group.name, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: group.secrets.map((secret) => ({
        secretKey: secret.name,
        remoteRef: {
          key: secret.remoteKey,
          ...(secret.property === undefined ? {} : { property: secret.property }),
          ...(secret.version === undefined ? {} : { version: secret.version }),
        },
      })),
    },
  };
}
