/**
 * The Application Load Balancers a scenario deploys: the one count the bill prices and every
 * exporter writes (docs/export-rules.md "Load balancers", docs/pricing-rules.md "Shared lines").
 *
 * Public services share internet-facing ALBs: a service with a `host` is reached by a host-header
 * rule on the HTTPS listener, and one service without a host takes the listener's default action.
 * A listener has one default action, so each further public service without a host gets an ALB of
 * its own. An ALB holds at most MAX_SERVICES_PER_LOAD_BALANCER services (one target group each).
 * `extras.loadBalancers` is the total: raised to what the services need, and ALBs beyond that are
 * deployed as spares whose listener answers 404, so every priced ALB exists.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';

/**
 * Target groups per Application Load Balancer: 100, not adjustable (Elastic Load Balancing user
 * guide, "Quotas for your Application Load Balancers"). Each service is one target group, so this
 * also keeps the host rules under the 100 rules per ALB (same page; default rules not counted).
 */
export const MAX_SERVICES_PER_LOAD_BALANCER = 100;

export interface HostRule {
  /** The service's name in the scenario. */
  service: string;
  host: string;
  /** Listener rule priority, 1 upward in scenario order, exact hosts before wildcards (unique per listener, lowest evaluated first). */
  priority: number;
}

export interface PlannedLoadBalancer {
  /** 1-based position: names and ids in the exports are built from it. */
  number: number;
  /** The service the HTTPS listener's default action forwards to; null: a fixed 404 response. */
  defaultService: string | null;
  /** Services reached by host rules, in priority order. */
  hostRules: HostRule[];
  /** True when no service needs it: deployed because `extras.loadBalancers` asks for more ALBs. */
  spare: boolean;
}

export interface LoadBalancerPlan {
  /** ALBs priced and exported: max(needed, extras.loadBalancers). */
  count: number;
  /** ALBs the public services need. */
  needed: number;
  /** What the scenario set (`extras.loadBalancers`). */
  requested: number;
  publicServices: number;
  /** Needed ALBs beyond the first, one for each further public service without a host. */
  forHostlessServices: number;
  loadBalancers: PlannedLoadBalancer[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Which ALB serves which public service, and how many ALBs the bill prices. */
export function planLoadBalancers(scenario: Pick<Scenario, 'services' | 'extras'>): LoadBalancerPlan {
  const publicServices = scenario.services.filter((s) => s.public);
  const serving: Omit<PlannedLoadBalancer, 'number'>[] = publicServices
    .filter((s) => s.host === undefined)
    .map((s) => ({ defaultService: s.name, hostRules: [], spare: false }));
  const size = (lb: Omit<PlannedLoadBalancer, 'number'>) => lb.hostRules.length + (lb.defaultService ? 1 : 0);
  // Exact hosts before wildcards (`*.example.com`), so a wildcard rule never takes a host that has
  // a rule of its own: ALB rules are evaluated by priority, lowest first.
  const hosted = publicServices.filter((s) => s.host !== undefined);
  const byHost = [
    ...hosted.filter((s) => !s.host!.startsWith('*.')),
    ...hosted.filter((s) => s.host!.startsWith('*.')),
  ];
  for (const service of byHost) {
    if (service.host === undefined) continue;
    let lb = serving.find((candidate) => size(candidate) < MAX_SERVICES_PER_LOAD_BALANCER);
    if (!lb) {
      lb = { defaultService: null, hostRules: [], spare: false };
      serving.push(lb);
    }
    lb.hostRules.push({ service: service.name, host: service.host, priority: lb.hostRules.length + 1 });
  }
  const requested = scenario.extras.loadBalancers;
  const needed = serving.length;
  const spares = Array.from({ length: Math.max(0, requested - needed) }, () => ({
    defaultService: null,
    hostRules: [],
    spare: true,
  }));
  const hostless = publicServices.filter((s) => s.host === undefined).length;
  return {
    count: needed + spares.length,
    needed,
    requested,
    publicServices: publicServices.length,
    forHostlessServices: Math.max(0, hostless - 1),
    loadBalancers: [...serving, ...spares].map((lb, i) => ({ number: i + 1, ...lb })),
  };
}

/** The ALB serving a service, and its host rule (null when it takes the default action); null when none serves it. */
export function loadBalancerOf(
  plan: LoadBalancerPlan,
  service: string,
): { lb: PlannedLoadBalancer; rule: HostRule | null } | null {
  for (const lb of plan.loadBalancers) {
    if (lb.defaultService === service) return { lb, rule: null };
    const rule = lb.hostRules.find((r) => r.service === service);
    if (rule) return { lb, rule };
  }
  return null;
}

/**
 * How the count was reached, for the bill line, starting with the count: "1 ALB shared by 3 public
 * services (host rules)", "2 ALBs for 2 public services (host rules; 1 more for a further public
 * service without a host, ...)", "3 ALBs: 1 ALB for the public service + 2 spare ALBs answering
 * 404, ...", "...; extras.loadBalancers 0 raised to 1".
 */
export function loadBalancerCountText(plan: LoadBalancerPlan): string {
  const parts: string[] = [];
  if (plan.needed > 0) {
    const notes: string[] = [];
    if (plan.forHostlessServices > 0)
      notes.push(
        `${plan.forHostlessServices} more for ${plan.forHostlessServices === 1 ? 'a further public service' : 'further public services'} without a host, as a listener has one default action`,
      );
    const forCapacity = plan.needed - 1 - plan.forHostlessServices;
    if (forCapacity > 0)
      notes.push(`${forCapacity} more as an ALB holds at most ${MAX_SERVICES_PER_LOAD_BALANCER} services`);
    const what =
      plan.needed === 1
        ? plan.publicServices === 1
          ? '1 ALB for the public service'
          : `1 ALB shared by ${plural(plan.publicServices, 'public service')} (host rules)`
        : `${plural(plan.needed, 'ALB')} for ${plural(plan.publicServices, 'public service')} (host rules; ${notes.join('; ')})`;
    parts.push(what);
  }
  if (plan.count > plan.needed)
    parts.push(
      `${plural(plan.count - plan.needed, 'spare ALB')} answering 404, as extras.loadBalancers asks for ${plan.requested}`,
    );
  const text = parts.length > 1 ? `${plural(plan.count, 'ALB')}: ${parts.join(' + ')}` : parts.join('');
  return plan.requested < plan.needed
    ? `${text}; extras.loadBalancers ${plan.requested} raised to ${plan.needed}`
    : text;
}

/** The estimate's warning when the services need more ALBs than `extras.loadBalancers` says; null otherwise. */
export function loadBalancerWarning(plan: LoadBalancerPlan): string | null {
  if (plan.requested >= plan.needed) return null;
  return `extras.loadBalancers is ${plan.requested}, but ${plural(plan.publicServices, 'public service')} ${plan.publicServices === 1 ? 'needs' : 'need'} ${plural(plan.needed, 'Application Load Balancer')} (they share one, with host rules; each further public service without a host needs its own): ${plan.needed} priced and exported.`;
}
