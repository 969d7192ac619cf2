/**
 * Test helper: a strict shape check for the YAML the exporters write. The Kubernetes OpenAPI
 * schemas (kubernetes-models) ignore unknown fields, and there is no offline schema for
 * External Secrets, kustomize or eksctl; these shapes list the fields each object may have (from
 * the Kubernetes API reference, ESO v1 types and eksctl's schema.json) with their types, so a
 * misspelt or misplaced field, or a number where a string belongs, is reported.
 */

export type Shape =
  | { kind: 'string'; pattern?: RegExp; oneOf?: readonly string[] }
  | { kind: 'integer'; min?: number }
  | { kind: 'boolean' }
  | { kind: 'int-or-string' }
  | { kind: 'object'; fields: Record<string, Shape>; required: readonly string[] }
  | { kind: 'map'; values: Shape }
  | { kind: 'array'; items: Shape }
  /** An IAM policy document: free-form JSON. */
  | { kind: 'any' };

const str = (pattern?: RegExp): Shape => (pattern ? { kind: 'string', pattern } : { kind: 'string' });
const oneOf = (...values: string[]): Shape => ({ kind: 'string', oneOf: values });
const int = (min?: number): Shape => (min === undefined ? { kind: 'integer' } : { kind: 'integer', min });
const bool: Shape = { kind: 'boolean' };
const intOrString: Shape = { kind: 'int-or-string' };
const obj = (fields: Record<string, Shape>, required: readonly string[] = []): Shape => ({
  kind: 'object',
  fields,
  required,
});
const map = (values: Shape): Shape => ({ kind: 'map', values });
const arr = (items: Shape): Shape => ({ kind: 'array', items });

/** DNS-1123 label and subdomain, DNS-1035 label (export-rules B1). */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const DNS1123_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export const DNS1035_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;
const CPU_QUANTITY = /^[1-9][0-9]*m$/;
const MEMORY_QUANTITY = /^[1-9][0-9]*Mi$/;
const STORAGE_QUANTITY = /^[1-9][0-9]*Gi$/;

const labels = map(str(LABEL_VALUE));
const metadata = (name: RegExp) =>
  obj({ name: str(name), namespace: str(DNS1123_LABEL), labels, annotations: map(str()) }, ['name']);
const labelSelector = obj({
  matchLabels: labels,
  matchExpressions: arr(obj({ key: str(), operator: str(), values: arr(str()) }, ['key', 'operator'])),
});

const probe = obj({
  httpGet: obj(
    {
      path: str(),
      port: intOrString,
      host: str(),
      scheme: oneOf('HTTP', 'HTTPS'),
      httpHeaders: arr(obj({ name: str(), value: str() })),
    },
    ['port'],
  ),
  tcpSocket: obj({ port: intOrString, host: str() }, ['port']),
  exec: obj({ command: arr(str()) }),
  initialDelaySeconds: int(0),
  periodSeconds: int(1),
  timeoutSeconds: int(1),
  failureThreshold: int(1),
  successThreshold: int(1),
  terminationGracePeriodSeconds: int(1),
});

const container = obj(
  {
    name: str(DNS1123_LABEL),
    image: str(),
    imagePullPolicy: oneOf('Always', 'IfNotPresent', 'Never'),
    command: arr(str()),
    args: arr(str()),
    ports: arr(
      obj({ name: str(PORT_NAME), containerPort: int(1), protocol: oneOf('TCP', 'UDP', 'SCTP') }, ['containerPort']),
    ),
    env: arr(
      obj(
        {
          name: str(/^[A-Za-z_][A-Za-z0-9_]*$/),
          value: str(),
          valueFrom: obj({
            secretKeyRef: obj({ name: str(DNS1123_SUBDOMAIN), key: str(/^[-._a-zA-Z0-9]+$/), optional: bool }, ['key']),
          }),
        },
        ['name'],
      ),
    ),
    resources: obj({
      requests: obj({
        cpu: str(CPU_QUANTITY),
        memory: str(MEMORY_QUANTITY),
        'ephemeral-storage': str(STORAGE_QUANTITY),
      }),
      limits: obj({
        cpu: str(CPU_QUANTITY),
        memory: str(MEMORY_QUANTITY),
        'ephemeral-storage': str(STORAGE_QUANTITY),
        'nvidia.com/gpu': str(/^[1-9][0-9]*$/),
      }),
    }),
    startupProbe: probe,
    readinessProbe: probe,
    livenessProbe: probe,
    volumeMounts: arr(obj({ name: str(DNS1123_LABEL), mountPath: str(/^\//), readOnly: bool }, ['name', 'mountPath'])),
  },
  ['name', 'image'],
);

const podSpec = obj(
  {
    serviceAccountName: str(DNS1123_SUBDOMAIN),
    priorityClassName: oneOf('system-cluster-critical', 'system-node-critical'),
    securityContext: obj({ runAsNonRoot: bool, runAsUser: int(0) }),
    restartPolicy: oneOf('Always', 'OnFailure', 'Never'),
    nodeSelector: map(str(LABEL_VALUE)),
    tolerations: arr(
      obj({
        key: str(),
        operator: oneOf('Exists', 'Equal'),
        value: str(LABEL_VALUE),
        effect: oneOf('NoSchedule', 'PreferNoSchedule', 'NoExecute'),
        tolerationSeconds: int(0),
      }),
    ),
    topologySpreadConstraints: arr(
      obj(
        {
          maxSkew: int(1),
          topologyKey: str(),
          whenUnsatisfiable: oneOf('DoNotSchedule', 'ScheduleAnyway'),
          labelSelector,
          minDomains: int(1),
        },
        ['maxSkew', 'topologyKey', 'whenUnsatisfiable'],
      ),
    ),
    containers: arr(container),
    terminationGracePeriodSeconds: int(0),
    volumes: arr(
      obj(
        {
          name: str(DNS1123_LABEL),
          hostPath: obj(
            {
              path: str(/^\//),
              type: oneOf(
                '',
                'DirectoryOrCreate',
                'Directory',
                'FileOrCreate',
                'File',
                'Socket',
                'CharDevice',
                'BlockDevice',
              ),
            },
            ['path'],
          ),
          configMap: obj({ name: str(DNS1123_SUBDOMAIN) }, ['name']),
        },
        ['name'],
      ),
    ),
  },
  ['containers'],
);

const typeMeta = (apiVersion: string, kind: string) => ({ apiVersion: oneOf(apiVersion), kind: oneOf(kind) });

// RBAC (Kubernetes API, rbac.authorization.k8s.io/v1).
const policyRule = obj(
  {
    apiGroups: arr(str()),
    resources: arr(str()),
    resourceNames: arr(str()),
    verbs: arr(oneOf('get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection')),
    nonResourceURLs: arr(str()),
  },
  ['verbs'],
);
const roleShape = (kind: string) =>
  obj(
    {
      ...typeMeta('rbac.authorization.k8s.io/v1', kind),
      metadata: metadata(DNS1123_SUBDOMAIN),
      rules: arr(policyRule),
    },
    ['apiVersion', 'kind', 'metadata', 'rules'],
  );
const bindingShape = (kind: string) =>
  obj(
    {
      ...typeMeta('rbac.authorization.k8s.io/v1', kind),
      metadata: metadata(DNS1123_SUBDOMAIN),
      roleRef: obj({ apiGroup: oneOf('rbac.authorization.k8s.io'), kind: oneOf('Role', 'ClusterRole'), name: str() }, [
        'apiGroup',
        'kind',
        'name',
      ]),
      subjects: arr(
        obj({ kind: oneOf('ServiceAccount'), name: str(DNS1123_SUBDOMAIN), namespace: str(DNS1123_LABEL) }, [
          'kind',
          'name',
        ]),
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'roleRef', 'subjects'],
  );

export const SHAPES: Record<string, Shape> = {
  'rbac.authorization.k8s.io/v1/ClusterRole': roleShape('ClusterRole'),
  'rbac.authorization.k8s.io/v1/Role': roleShape('Role'),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': bindingShape('ClusterRoleBinding'),
  'rbac.authorization.k8s.io/v1/RoleBinding': bindingShape('RoleBinding'),
  'v1/Namespace': obj({ ...typeMeta('v1', 'Namespace'), metadata: metadata(DNS1123_LABEL) }, [
    'apiVersion',
    'kind',
    'metadata',
  ]),
  'v1/ServiceAccount': obj({ ...typeMeta('v1', 'ServiceAccount'), metadata: metadata(DNS1123_SUBDOMAIN) }, [
    'apiVersion',
    'kind',
    'metadata',
  ]),
  'apps/v1/Deployment': obj(
    {
      ...typeMeta('apps/v1', 'Deployment'),
      metadata: metadata(DNS1123_SUBDOMAIN),
      spec: obj(
        {
          replicas: int(0),
          selector: labelSelector,
          template: obj({ metadata: obj({ labels, annotations: map(str()) }), spec: podSpec }, ['spec']),
        },
        ['selector', 'template'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  'apps/v1/DaemonSet': obj(
    {
      ...typeMeta('apps/v1', 'DaemonSet'),
      metadata: metadata(DNS1123_SUBDOMAIN),
      spec: obj(
        {
          selector: labelSelector,
          template: obj({ metadata: obj({ labels, annotations: map(str()) }), spec: podSpec }, ['spec']),
        },
        ['selector', 'template'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  // ConfigMap data keys: letters, digits, '-', '_' and '.' (Kubernetes apimachinery IsConfigMapKey).
  'v1/ConfigMap': obj({ ...typeMeta('v1', 'ConfigMap'), metadata: metadata(DNS1123_SUBDOMAIN), data: map(str()) }, [
    'apiVersion',
    'kind',
    'metadata',
  ]),
  'batch/v1/CronJob': obj(
    {
      ...typeMeta('batch/v1', 'CronJob'),
      metadata: metadata(DNS1123_SUBDOMAIN),
      spec: obj(
        {
          // Five fields, as the Kubernetes cron parser reads them (days of the week 0-6).
          schedule: str(/^(\S+ ){4}\S+$/),
          timeZone: str(),
          concurrencyPolicy: oneOf('Allow', 'Forbid', 'Replace'),
          startingDeadlineSeconds: int(0),
          successfulJobsHistoryLimit: int(0),
          failedJobsHistoryLimit: int(0),
          suspend: bool,
          jobTemplate: obj(
            {
              metadata: obj({ labels, annotations: map(str()) }),
              spec: obj(
                {
                  parallelism: int(0),
                  completions: int(0),
                  activeDeadlineSeconds: int(1),
                  backoffLimit: int(0),
                  ttlSecondsAfterFinished: int(0),
                  template: obj({ metadata: obj({ labels, annotations: map(str()) }), spec: podSpec }, ['spec']),
                },
                ['template'],
              ),
            },
            ['spec'],
          ),
        },
        ['schedule', 'jobTemplate'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  // KEDA ScaledObject (keda.sh/v1alpha1, ScaledObjectSpec in kedacore/keda apis/keda/v1alpha1):
  // trigger metadata values are strings (export-rules B12).
  'keda.sh/v1alpha1/ScaledObject': obj(
    {
      ...typeMeta('keda.sh/v1alpha1', 'ScaledObject'),
      metadata: metadata(DNS1123_SUBDOMAIN),
      spec: obj(
        {
          scaleTargetRef: obj({ apiVersion: str(), kind: str(), name: str(DNS1123_SUBDOMAIN) }, ['name']),
          pollingInterval: int(1),
          cooldownPeriod: int(0),
          idleReplicaCount: int(0),
          minReplicaCount: int(0),
          maxReplicaCount: int(1),
          triggers: arr(
            obj(
              {
                type: oneOf('cron', 'cpu', 'memory'),
                name: str(),
                metricType: oneOf('Utilization', 'AverageValue', 'Value'),
                metadata: map(str()),
              },
              ['type', 'metadata'],
            ),
          ),
        },
        ['scaleTargetRef', 'triggers'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  'v1/Service': obj(
    {
      ...typeMeta('v1', 'Service'),
      metadata: metadata(DNS1035_LABEL),
      spec: obj({
        type: oneOf('ClusterIP', 'NodePort', 'LoadBalancer'),
        selector: labels,
        ports: arr(
          obj({ name: str(PORT_NAME), port: int(1), targetPort: intOrString, protocol: oneOf('TCP', 'UDP', 'SCTP') }, [
            'port',
          ]),
        ),
      }),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  'networking.k8s.io/v1/Ingress': obj(
    {
      ...typeMeta('networking.k8s.io/v1', 'Ingress'),
      metadata: metadata(DNS1123_SUBDOMAIN),
      spec: obj({
        ingressClassName: str(/^alb(-[1-9][0-9]*)?$/),
        defaultBackend: obj({
          service: obj({ name: str(DNS1035_LABEL), port: obj({ number: int(1), name: str(PORT_NAME) }) }, [
            'name',
            'port',
          ]),
        }),
        rules: arr(
          obj({
            host: str(),
            http: obj(
              {
                paths: arr(
                  obj(
                    {
                      path: str(/^\//),
                      pathType: oneOf('Exact', 'Prefix', 'ImplementationSpecific'),
                      backend: obj({
                        service: obj(
                          { name: str(DNS1035_LABEL), port: obj({ number: int(1), name: str(PORT_NAME) }) },
                          ['name', 'port'],
                        ),
                      }),
                    },
                    ['pathType', 'backend'],
                  ),
                ),
              },
              ['paths'],
            ),
          }),
        ),
      }),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  'autoscaling/v2/HorizontalPodAutoscaler': obj(
    {
      ...typeMeta('autoscaling/v2', 'HorizontalPodAutoscaler'),
      metadata: metadata(DNS1123_SUBDOMAIN),
      spec: obj(
        {
          scaleTargetRef: obj({ apiVersion: str(), kind: str(), name: str() }, ['kind', 'name']),
          minReplicas: int(1),
          maxReplicas: int(1),
          metrics: arr(
            obj(
              {
                type: oneOf('Resource', 'ContainerResource', 'Pods', 'Object', 'External'),
                resource: obj(
                  {
                    name: str(),
                    target: obj({ type: oneOf('Utilization', 'Value', 'AverageValue'), averageUtilization: int(1) }, [
                      'type',
                    ]),
                  },
                  ['name', 'target'],
                ),
              },
              ['type'],
            ),
          ),
          behavior: obj({
            scaleDown: obj({ stabilizationWindowSeconds: int(0) }),
            scaleUp: obj({ stabilizationWindowSeconds: int(0) }),
          }),
        },
        ['scaleTargetRef', 'maxReplicas'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  'policy/v1/PodDisruptionBudget': obj(
    {
      ...typeMeta('policy/v1', 'PodDisruptionBudget'),
      metadata: metadata(DNS1123_SUBDOMAIN),
      spec: obj({ maxUnavailable: intOrString, minAvailable: intOrString, selector: labelSelector }, ['selector']),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  // External Secrets Operator v1 (apis/externalsecrets/v1 types, export-rules B9).
  'external-secrets.io/v1/SecretStore': obj(
    {
      ...typeMeta('external-secrets.io/v1', 'SecretStore'),
      metadata: metadata(DNS1123_SUBDOMAIN),
      spec: obj(
        {
          provider: obj({
            aws: obj(
              {
                service: oneOf('SecretsManager', 'ParameterStore'),
                region: str(),
                role: str(),
                auth: obj({
                  jwt: obj({
                    serviceAccountRef: obj({ name: str(DNS1123_SUBDOMAIN), namespace: str(), audiences: arr(str()) }, [
                      'name',
                    ]),
                  }),
                }),
              },
              ['service', 'region'],
            ),
          }),
        },
        ['provider'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  'external-secrets.io/v1/ExternalSecret': obj(
    {
      ...typeMeta('external-secrets.io/v1', 'ExternalSecret'),
      metadata: metadata(DNS1123_SUBDOMAIN),
      spec: obj(
        {
          // A Go duration; ESO has no "d" unit.
          refreshInterval: str(/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/),
          secretStoreRef: obj({ name: str(DNS1123_SUBDOMAIN), kind: oneOf('SecretStore', 'ClusterSecretStore') }, [
            'name',
          ]),
          target: obj({
            name: str(DNS1123_SUBDOMAIN),
            creationPolicy: oneOf('Owner', 'Orphan', 'Merge', 'None'),
            deletionPolicy: oneOf('Delete', 'Merge', 'Retain'),
          }),
          data: arr(
            obj(
              {
                secretKey: str(/^[-._a-zA-Z0-9]{1,253}$/),
                remoteRef: obj({ key: str(), property: str(), version: str() }, ['key']),
              },
              ['secretKey', 'remoteRef'],
            ),
          ),
        },
        ['secretStoreRef', 'data'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  'kustomize.config.k8s.io/v1beta1/Kustomization': obj(
    {
      ...typeMeta('kustomize.config.k8s.io/v1beta1', 'Kustomization'),
      namespace: str(DNS1123_LABEL),
      resources: arr(str(/^[a-z0-9][-a-z0-9./]*\.yaml$/)),
    },
    ['apiVersion', 'kind', 'resources'],
  ),
  // EKS Auto Mode (docs/export-rules.md, "EKS Auto Mode"). NodePool: Karpenter v1 NodePool as the
  // EKS User Guide documents it for Auto Mode ("Create a Node Pool for EKS Auto Mode": the
  // nodeClassRef group/kind/name, requirements on the supported labels, cpu/memory limits,
  // disruption; Karpenter v1 NodePool API for weight, taints and disruption budgets).
  'karpenter.sh/v1/NodePool': obj(
    {
      ...typeMeta('karpenter.sh/v1', 'NodePool'),
      metadata: obj({ name: str(DNS1123_SUBDOMAIN), labels, annotations: map(str()) }, ['name']),
      spec: obj(
        {
          template: obj(
            {
              metadata: obj({ labels, annotations: map(str()) }),
              spec: obj(
                {
                  nodeClassRef: obj(
                    { group: oneOf('eks.amazonaws.com'), kind: oneOf('NodeClass'), name: str(DNS1123_SUBDOMAIN) },
                    ['group', 'kind', 'name'],
                  ),
                  requirements: arr(
                    obj(
                      {
                        // The labels Auto Mode supports in requirements (kubernetes.io/os is not one).
                        key: oneOf(
                          'node.kubernetes.io/instance-type',
                          'karpenter.sh/capacity-type',
                          'kubernetes.io/arch',
                          'topology.kubernetes.io/zone',
                          'eks.amazonaws.com/instance-family',
                          'eks.amazonaws.com/instance-size',
                          'eks.amazonaws.com/instance-category',
                        ),
                        operator: oneOf('In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'),
                        values: arr(str()),
                        minValues: int(1),
                      },
                      ['key', 'operator'],
                    ),
                  ),
                  taints: arr(
                    obj(
                      {
                        key: str(),
                        value: str(LABEL_VALUE),
                        effect: oneOf('NoSchedule', 'PreferNoSchedule', 'NoExecute'),
                      },
                      ['key', 'effect'],
                    ),
                  ),
                  expireAfter: str(/^(Never|(\d+(s|m|h))+)$/),
                  terminationGracePeriod: str(/^(\d+(s|m|h))+$/),
                },
                ['nodeClassRef', 'requirements'],
              ),
            },
            ['spec'],
          ),
          disruption: obj(
            {
              consolidationPolicy: oneOf('WhenEmpty', 'WhenEmptyOrUnderutilized'),
              consolidateAfter: str(/^(Never|(\d+(s|m|h))+)$/),
              budgets: arr(
                obj(
                  {
                    nodes: str(/^((100|[0-9]{1,2})%|[0-9]+)$/),
                    reasons: arr(oneOf('Underutilized', 'Empty', 'Drifted')),
                    schedule: str(),
                    duration: str(),
                  },
                  ['nodes'],
                ),
              ),
            },
            ['consolidateAfter'],
          ),
          limits: obj({ cpu: str(/^[0-9]+(\.[0-9]+)?$/), memory: str(/^[0-9]+Mi$/) }),
          weight: int(1),
        },
        ['template'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  // IngressClassParams of Auto Mode (EKS User Guide, "Create an IngressClass to configure an
  // Application Load Balancer", IngressClassParams reference): cluster-scoped, no namespace.
  'eks.amazonaws.com/v1/IngressClassParams': obj(
    {
      ...typeMeta('eks.amazonaws.com/v1', 'IngressClassParams'),
      metadata: obj({ name: str(DNS1123_SUBDOMAIN), labels, annotations: map(str()) }, ['name']),
      spec: obj({
        scheme: oneOf('internet-facing', 'internal'),
        ipAddressType: oneOf('ipv4', 'dualstack'),
        group: obj({ name: str(/^[a-z0-9]([-.a-z0-9]{0,61}[a-z0-9])?$/) }, ['name']),
        certificateARNs: arr(str(/^arn:aws[a-z-]*:acm:/)),
        namespaceSelector: labelSelector,
        tags: arr(obj({ key: str(), value: str() }, ['key', 'value'])),
      }),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  'networking.k8s.io/v1/IngressClass': obj(
    {
      ...typeMeta('networking.k8s.io/v1', 'IngressClass'),
      metadata: obj({ name: str(DNS1123_SUBDOMAIN), labels, annotations: map(str()) }, ['name']),
      spec: obj(
        {
          controller: oneOf('eks.amazonaws.com/alb'),
          parameters: obj(
            { apiGroup: oneOf('eks.amazonaws.com'), kind: oneOf('IngressClassParams'), name: str(DNS1123_SUBDOMAIN) },
            ['apiGroup', 'kind', 'name'],
          ),
        },
        ['controller'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  // eksctl ClusterConfig (pkg/apis/eksctl.io/v1alpha5/assets/schema.json, export-rules B10).
  'eksctl.io/v1alpha5/ClusterConfig': obj(
    {
      ...typeMeta('eksctl.io/v1alpha5', 'ClusterConfig'),
      metadata: obj(
        {
          name: str(/^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/),
          region: str(/^[a-z]{2}(-[a-z]+)+-\d$/),
          version: str(/^1\.\d+$/),
          tags: map(str()),
        },
        ['name', 'region'],
      ),
      iam: obj({
        withOIDC: bool,
        serviceAccounts: arr(
          obj(
            {
              metadata: obj(
                {
                  name: str(DNS1123_SUBDOMAIN),
                  namespace: str(DNS1123_LABEL),
                  labels: map(str()),
                  annotations: map(str()),
                },
                ['name'],
              ),
              attachPolicyARNs: arr(str()),
              wellKnownPolicies: obj({
                imageBuilder: bool,
                autoScaler: bool,
                awsLoadBalancerController: bool,
                externalDNS: bool,
                certManager: bool,
                ebsCSIController: bool,
                efsCSIController: bool,
              }),
              attachPolicy: { kind: 'any' },
              attachRoleARN: str(),
              roleName: str(/^[\w+=,.@-]{1,64}$/),
              roleOnly: bool,
              tags: map(str()),
            },
            ['metadata'],
          ),
        ),
      }),
      managedNodeGroups: arr(
        obj(
          {
            name: str(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/),
            instanceType: str(/^[a-z0-9-]+\.[a-z0-9-]+$/),
            instanceTypes: arr(str(/^[a-z0-9-]+\.[a-z0-9-]+$/)),
            amiFamily: oneOf('AmazonLinux2023', 'AmazonLinux2', 'Bottlerocket'),
            minSize: int(0),
            desiredCapacity: int(0),
            maxSize: int(1),
            volumeSize: int(1),
            // eksctl's volume types (ClusterConfig schema, ManagedNodeGroup.volumeType).
            volumeType: oneOf('gp2', 'gp3', 'io1', 'io2', 'sc1', 'st1'),
            privateNetworking: bool,
            spot: bool,
            labels: map(str()),
            taints: arr(
              obj({ key: str(), value: str(), effect: oneOf('NoSchedule', 'PreferNoSchedule', 'NoExecute') }, [
                'key',
                'effect',
              ]),
            ),
            maxPodsPerNode: int(1),
            tags: map(str()),
            propagateASGTags: bool,
          },
          ['name'],
        ),
      ),
      // ClusterConfig.upgradePolicy (eksctl PR #8577): the EKS API's UpgradePolicyRequest.
      upgradePolicy: obj({ supportType: oneOf('STANDARD', 'EXTENDED') }, ['supportType']),
      // ClusterVPC.nat.gateway (ClusterNAT): Single is eksctl's default.
      vpc: obj({ nat: obj({ gateway: oneOf('HighlyAvailable', 'Single', 'Disable') }, ['gateway']) }),
      addons: arr(obj({ name: str(/^[a-z0-9-]+$/), version: str(), configurationValues: str() }, ['name'])),
      // ClusterConfig.addonsConfig (AddonsConfig in the schema).
      addonsConfig: obj({ autoApplyPodIdentityAssociations: bool, disableDefaultAddons: bool }),
      // eksctl docs, "EKS Auto Mode": enabled, nodePools (the built-in ones, case-sensitive), nodeRoleARN.
      autoModeConfig: obj(
        { enabled: bool, nodePools: arr(oneOf('general-purpose', 'system')), nodeRoleARN: str(/^arn:aws/) },
        ['enabled'],
      ),
      fargateProfiles: arr(
        obj(
          {
            name: str(),
            selectors: arr(obj({ namespace: str(DNS1123_LABEL), labels: map(str()) }, ['namespace'])),
            podExecutionRoleARN: str(),
            subnets: arr(str()),
          },
          ['name', 'selectors'],
        ),
      ),
    },
    ['apiVersion', 'kind', 'metadata'],
  ),
};

/** Every problem found in `value` against `shape`, as "path: message". */
export function checkShape(value: unknown, shape: Shape, path = ''): string[] {
  const at = path || '(root)';
  switch (shape.kind) {
    case 'any':
      return [];
    case 'string':
      if (typeof value !== 'string') return [`${at}: must be a string, not ${JSON.stringify(value)}`];
      if (shape.pattern && !shape.pattern.test(value))
        return [`${at}: ${JSON.stringify(value)} does not match ${shape.pattern}`];
      if (shape.oneOf && !shape.oneOf.includes(value))
        return [`${at}: ${JSON.stringify(value)} is not one of ${shape.oneOf.join(', ')}`];
      return [];
    case 'integer':
      if (!Number.isInteger(value)) return [`${at}: must be an integer, not ${JSON.stringify(value)}`];
      return shape.min !== undefined && (value as number) < shape.min ? [`${at}: must be at least ${shape.min}`] : [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: must be a boolean, not ${JSON.stringify(value)}`];
    case 'int-or-string':
      return Number.isInteger(value) || typeof value === 'string' ? [] : [`${at}: must be an integer or a string`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: must be a list`];
      return value.flatMap((item, i) => checkShape(item, shape.items, `${path}[${i}]`));
    case 'map':
      if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${at}: must be a map`];
      return Object.entries(value).flatMap(([k, v]) => checkShape(v, shape.values, `${path}.${k}`));
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${at}: must be an object`];
      const problems: string[] = [];
      for (const [key, v] of Object.entries(value)) {
        const field = shape.fields[key];
        if (!field) problems.push(`${path}.${key}: unknown field`);
        else problems.push(...checkShape(v, field, `${path}.${key}`));
      }
      for (const key of shape.required) if (!(key in value)) problems.push(`${path}.${key}: is required`);
      return problems;
    }
  }
}

/** The problems of one parsed manifest: unknown kinds are a problem too. */
export function checkManifest(object: unknown): string[] {
  const o = object as { apiVersion?: unknown; kind?: unknown };
  const shape = SHAPES[`${String(o?.apiVersion)}/${String(o?.kind)}`];
  return shape ? checkShape(object, shape) : [`no shape for ${String(o?.apiVersion)} ${String(o?.kind)}`];
}
