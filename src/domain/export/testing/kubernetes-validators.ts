/**
 * Test helper: the kubernetes-models validators (ajv, compiled from the Kubernetes OpenAPI
 * schemas; offline) for the built-in kinds the exporters write.
 */
import { ConfigMap, Namespace, Service, ServiceAccount } from 'kubernetes-models/v1';
import { DaemonSet, Deployment } from 'kubernetes-models/apps/v1';
import { Ingress, IngressClass } from 'kubernetes-models/networking.k8s.io/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { CronJob } from 'kubernetes-models/batch/v1';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';

type Model = new (data: never) => { validate(): void };

const MODELS: Record<string, Model> = {
  'v1/Namespace': Namespace as unknown as Model,
  'v1/ServiceAccount': ServiceAccount as unknown as Model,
  'v1/Service': Service as unknown as Model,
  'v1/ConfigMap': ConfigMap as unknown as Model,
  'apps/v1/Deployment': Deployment as unknown as Model,
  'apps/v1/DaemonSet': DaemonSet as unknown as Model,
  'networking.k8s.io/v1/Ingress': Ingress as unknown as Model,
  'networking.k8s.io/v1/IngressClass': IngressClass as unknown as Model,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler as unknown as Model,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget as unknown as Model,
  'batch/v1/CronJob': CronJob as unknown as Model,
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole as unknown as Model,
  'rbac.authorization.k8s.io/v1/Role': Role as unknown as Model,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding as unknown as Model,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding as unknown as Model,
};

/** True when kubernetes-models has a schema for the object's kind. */
export function hasKubernetesSchema(object: { apiVersion?: unknown; kind?: unknown }): boolean {
  return `${String(object.apiVersion)}/${String(object.kind)}` in MODELS;
}

/** Validates a built-in object against its OpenAPI schema; throws with ajv's messages. */
export function validateKubernetesObject(object: { apiVersion?: unknown; kind?: unknown }): void {
  const Model = MODELS[`${String(object.apiVersion)}/${String(object.kind)}`];
  if (!Model) throw new Error(`no Kubernetes schema for ${String(object.apiVersion)} ${String(object.kind)}`);
  new Model(object as never).validate();
}
