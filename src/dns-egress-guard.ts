import { CfnResource, Lazy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53profiles from 'aws-cdk-lib/aws-route53profiles';
import * as route53resolver from 'aws-cdk-lib/aws-route53resolver';
import { Construct } from 'constructs';
import { DnsEgressGuardCostEstimate } from './cost';
import { estimateDnsEgressGuardCost } from './private/cost/dns-egress-cost-model';
import { EVERY_DOMAIN, RULE_GROUP_PRIORITY_RANGE } from './private/facts/dns-firewall';
import {
  RequiredDomain,
  validateAllowedDomains,
  validateDomainCoverage,
  validateGuardRegion,
  validateRuleGroupPriority,
  validateThreatOptions,
  warnEndpointsWithUnknownNames,
} from './private/rules/dns-egress';
import { normalizeDomainName } from './private/rules/domain-names';
import { Finding } from './private/rules/findings';
import { validateResourceTypeInRegion } from './private/rules/resource-availability';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { domainsTheVpcNeeds, VpcDomainNeeds } from './private/wiring/dns-egress-domains';
import { physicalName } from './private/wiring/physical-names';

/** What DNS Firewall does with a query for a name the guard does not allow. */
export enum DnsEgressAction {
  /** Answer NXDOMAIN: the name does not resolve, and the query never leaves the VPC's resolver. */
  BLOCK = 'BLOCK',
  /** Resolve the name and log an alert (with query logging on): to learn what the workloads call before blocking. */
  ALERT = 'ALERT',
}

/** A DNS Firewall Advanced protection, which inspects every query for a kind of threat rather than a list of names. */
export enum DnsThreatProtection {
  /** Data hidden in query names, the way out of a VPC that has no other. */
  DNS_TUNNELING = 'DNS_TUNNELING',
  /** Names made by a domain generation algorithm, as malware uses to find its command servers. */
  DGA = 'DGA',
  /** Names a domain generation algorithm made from dictionary words. */
  DICTIONARY_DGA = 'DICTIONARY_DGA',
}

/** How sure DNS Firewall Advanced must be before it acts: a lower threshold catches more, and more legitimate names. */
export enum DnsThreatConfidence {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}

/**
 * Options of a DNS egress guard: Route 53 Resolver DNS Firewall rules that let the VPC's workloads resolve the names they
 * legitimately need and block (or alert on) every other name, closing DNS, the way out that a VPC without an internet
 * gateway or NAT still has.
 */
export interface DnsEgressGuardOptions {
  /**
   * Names the workloads may resolve besides those the guard allows by itself: a domain name (`api.example.com`), or `*.` and
   * one (`*.example.com`) for the names under it, which does not include the name itself.
   *
   * @default - none
   */
  readonly allowedDomains?: string[];

  /**
   * Whether the guard allows by itself the names the VPC's endpoints and zones answer: the host the AWS SDKs call for each
   * AWS service with an interface (private DNS) or gateway endpoint in the VPC and the names under it, the interface
   * endpoints' own names, the private hosted zones associated with the VPC, and the instances' hostnames. When false,
   * `allowedDomains` must cover them: synth fails otherwise, naming what is missing.
   *
   * @default true
   */
  readonly allowEndpointDomains?: boolean;

  /**
   * What DNS Firewall does with a query for any other name.
   *
   * @default DnsEgressAction.BLOCK
   */
  readonly action?: DnsEgressAction;

  /**
   * DNS Firewall Advanced protections, which inspect every query, allowed names included, before the allow list, and take
   * `action` on what they find. They are billed per query inspected, on top of the guard's own rate.
   *
   * @default - none
   */
  readonly threatProtections?: DnsThreatProtection[];

  /**
   * The confidence at which the Advanced protections act.
   *
   * @default DnsThreatConfidence.HIGH, which acts on the fewest legitimate names: the protections see the workloads' own
   * AWS calls too
   */
  readonly threatConfidence?: DnsThreatConfidence;

  /**
   * Whether the VPC's queries resolve when DNS Firewall cannot answer (fail open) instead of failing (fail closed). Fail
   * closed keeps the promise of no way out at the price of DNS during an impairment of DNS Firewall; fail open keeps DNS
   * working and lets every name through meanwhile. For a hub, this is the hub VPC's setting: each spoke VPC has its own,
   * closed unless its owner opens it.
   *
   * @default false: fail closed, DNS Firewall's own default
   */
  readonly failOpen?: boolean;

  /**
   * Whether the VPC's DNS queries are logged to CloudWatch Logs (Route 53 Resolver query logging), which is how blocked
   * and alerted names show up.
   *
   * @default false
   */
  readonly queryLogging?: boolean;

  /**
   * How long query log records are kept.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly queryLogRetention?: logs.RetentionDays;

  /**
   * The rule group's priority among the DNS Firewall rule groups of the VPC (or Profile), from 101 to 9899: they are
   * evaluated from the lowest number up, and the first rule that matches decides.
   *
   * @default 101
   */
  readonly priority?: number;

  /**
   * Whether the rule group's association with the VPC is protected from change or removal. A protected association also
   * stops CloudFormation from removing it: turn the protection off before deleting the stack.
   *
   * @default false
   */
  readonly mutationProtection?: boolean;
}

/**
 * Properties of a DnsEgressGuard.
 */
export interface DnsEgressGuardProps extends DnsEgressGuardOptions {
  /** The VPC whose DNS queries the guard filters, and whose endpoints and zones name what it allows. */
  readonly vpc: ec2.IVpc;
}

/** Fail-open's resource type, whose L1 aws-cdk-lib has from 2.276.0 on, above the library's lowest supported version. */
const FIREWALL_CONFIG_TYPE = 'AWS::Route53Resolver::FirewallConfig';

/** The rule priorities within the guard's rule group: the protections first, then the allow list, then everything else. */
const THREAT_RULES_PRIORITY = 100;
const ALLOW_RULE_PRIORITY = 200;
const CATCH_ALL_RULE_PRIORITY = 300;

/**
 * A DNS egress guard on a VPC: a Route 53 Resolver DNS Firewall rule group associated with it, which allows the names the
 * VPC's workloads need (its endpoints', its zones', `allowedDomains`) and blocks or alerts on every other name. Optionally
 * DNS Firewall Advanced protections, fail-open, and query logging.
 */
export class DnsEgressGuard extends Construct {
  /** The ID of the DNS Firewall rule group, which other VPCs can be associated with. */
  public readonly ruleGroupId: string;

  /** The ARN of the DNS Firewall rule group. */
  public readonly ruleGroupArn: string;

  /** What DNS Firewall does with a query for a name the guard does not allow. */
  public readonly action: DnsEgressAction;

  /** The log group of the VPC's DNS queries; undefined without `queryLogging`. */
  public readonly queryLogGroup?: logs.ILogGroup;

  private readonly vpc: ec2.IVpc;
  private readonly userDomains: string[] = [];
  private readonly otherNeeds: Array<() => RequiredDomain[]> = [];
  private readonly allowEndpointDomains: boolean;
  private readonly threatProtections: DnsThreatProtection[];
  private readonly priority: number;
  private readonly ruleGroup: route53resolver.CfnFirewallRuleGroup;
  private queryLogConfig?: route53resolver.CfnResolverQueryLoggingConfig;

  constructor(scope: Construct, id: string, props: DnsEgressGuardProps) {
    super(scope, id);
    checkProps(this, 'DnsEgressGuard', props);

    this.vpc = props.vpc;
    this.allowEndpointDomains = props.allowEndpointDomains ?? true;
    this.threatProtections = [...new Set(props.threatProtections ?? [])];
    this.priority = props.priority ?? RULE_GROUP_PRIORITY_RANGE.min;
    this.addAllowedDomains(props.allowedDomains ?? []);

    this.action = props.action ?? DnsEgressAction.BLOCK;
    this.ruleGroup = this.defineRuleGroup(this.action, props.threatConfidence ?? DnsThreatConfidence.HIGH);
    this.ruleGroupId = this.ruleGroup.attrId;
    this.ruleGroupArn = this.ruleGroup.attrArn;

    named(new route53resolver.CfnFirewallRuleGroupAssociation(this, 'Association', {
      firewallRuleGroupId: this.ruleGroupId,
      vpcId: this.vpc.vpcId,
      priority: this.priority,
      mutationProtection: props.mutationProtection ? 'ENABLED' : 'DISABLED',
    }));
    if (props.failOpen) {
      new CfnResource(this, 'FirewallConfig', {
        type: FIREWALL_CONFIG_TYPE,
        properties: { ResourceId: this.vpc.vpcId, FirewallFailOpen: 'ENABLED' },
      });
    }
    if (props.queryLogging) {
      this.queryLogGroup = this.defineQueryLogging(props.queryLogRetention ?? logs.RetentionDays.ONE_YEAR);
    }

    addRules(this, 'DnsEgressGuard', () => this.validate(props));
  }

  /** Allows more names: domain names, or `*.` and one for the names under it. */
  public addAllowedDomains(domains: string[]): void {
    this.userDomains.push(...domains);
  }

  /**
   * The names the guard allows, as its domain list has them: `allowedDomains`, then those of the VPC's endpoints and zones.
   * Read at synth (endpoints may be added after the guard).
   */
  public get allowedDomains(): string[] {
    return [...new Set([...this.userDomains.map(normalizeDomainName), ...this.neededDomains()])]
      .filter(domain => domain.trim() !== EVERY_DOMAIN);
  }

  /**
   * Estimates what the guard costs a month at list prices: the domains its lists hold, and the per-query rates of DNS
   * Firewall and of the Advanced protections.
   */
  public estimateMonthlyCost(): DnsEgressGuardCostEstimate {
    return estimateDnsEgressGuardCost({
      region: Stack.of(this).region,
      // The allow list and the catch-all's single `*`.
      domains: this.allowedDomains.length + 1,
      threatProtections: this.threatProtections.length,
      queryLogging: this.queryLogGroup !== undefined,
    });
  }

  /**
   * Extends the guard to the VPCs associated with a Route 53 Profile: spokes of a hub inherit it.
   *
   * @internal
   */
  public _associateWithProfile(profile: route53profiles.CfnProfile): void {
    // Each association is named after what it associates, as the hub's endpoint associations are.
    new route53profiles.CfnProfileResourceAssociation(this, 'ProfileAssociation', {
      profileId: profile.attrId,
      resourceArn: this.ruleGroupArn,
      name: physicalName(this.ruleGroup, 64),
      resourceProperties: JSON.stringify({ priority: this.priority }),
    });
    if (this.queryLogConfig) {
      // Spokes' queries are logged too (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/profile-associate-query-logging.html).
      new route53profiles.CfnProfileResourceAssociation(this, 'ProfileQueryLogging', {
        profileId: profile.attrId,
        resourceArn: this.queryLogConfig.attrArn,
        name: physicalName(this.queryLogConfig, 64),
      });
    }
  }

  /**
   * Names that workloads elsewhere need, which the VPC's own endpoints and zones do not show (a hub's spokes' gateway
   * endpoints), read at synth.
   *
   * @internal
   */
  public _requireDomains(produce: () => RequiredDomain[]): void {
    this.otherNeeds.push(produce);
  }

  private requiredDomains(own: VpcDomainNeeds): RequiredDomain[] {
    return [...own.required, ...this.otherNeeds.flatMap(produce => produce())];
  }

  /** The names the guard allows by itself: none without `allowEndpointDomains`. */
  private neededDomains(): string[] {
    return this.allowEndpointDomains
      ? this.requiredDomains(domainsTheVpcNeeds(this.vpc, this, Stack.of(this).region)).map(need => need.domain)
      : [];
  }

  private defineRuleGroup(action: DnsEgressAction, confidence: DnsThreatConfidence): route53resolver.CfnFirewallRuleGroup {
    const allowed = named(new route53resolver.CfnFirewallDomainList(this, 'AllowedDomains', {
      domains: Lazy.list({ produce: () => this.allowedDomains }),
    }));
    const everything = named(new route53resolver.CfnFirewallDomainList(this, 'EveryDomain', { domains: [EVERY_DOMAIN] }));
    const blockResponse = action === DnsEgressAction.BLOCK ? 'NXDOMAIN' : undefined;
    return named(new route53resolver.CfnFirewallRuleGroup(this, 'RuleGroup', {
      firewallRules: [
        // The protections come first, so that a tunnel through an allowed wildcard (a bucket name under `*.s3`) is caught.
        ...this.threatProtections.map((protection, index) => ({
          priority: THREAT_RULES_PRIORITY + index,
          action,
          blockResponse,
          dnsThreatProtection: protection,
          confidenceThreshold: confidence,
        })),
        {
          priority: ALLOW_RULE_PRIORITY,
          action: 'ALLOW',
          firewallDomainListId: allowed.attrId,
          // An allowed name's CNAME chain (S3's names alias others) is trusted rather than checked name by name.
          firewallDomainRedirectionAction: 'TRUST_REDIRECTION_DOMAIN',
        },
        { priority: CATCH_ALL_RULE_PRIORITY, action, blockResponse, firewallDomainListId: everything.attrId },
      ],
    }));
  }

  private defineQueryLogging(retention: logs.RetentionDays): logs.ILogGroup {
    const logGroup = new logs.LogGroup(this, 'QueryLogGroup', { retention });
    this.queryLogConfig = named(new route53resolver.CfnResolverQueryLoggingConfig(this, 'QueryLogging', { destinationArn: logGroup.logGroupArn }));
    new route53resolver.CfnResolverQueryLoggingConfigAssociation(this, 'QueryLoggingAssociation', {
      resolverQueryLogConfigId: this.queryLogConfig.attrId,
      resourceId: this.vpc.vpcId,
    });
    return logGroup;
  }

  private validate(props: DnsEgressGuardProps): Finding[] {
    const regionFindings = validateGuardRegion(Stack.of(this).region);
    const own = regionFindings.length > 0 ? undefined : domainsTheVpcNeeds(this.vpc, this, Stack.of(this).region);
    return [
      ...regionFindings,
      ...validateAllowedDomains(this.userDomains),
      ...validateRuleGroupPriority(props.priority),
      ...(props.failOpen ? validateResourceTypeInRegion(FIREWALL_CONFIG_TYPE, Stack.of(this).region,
        'Leave `failOpen` out (DNS Firewall then fails closed), or set it after deploying with the Route 53 Resolver API '
        + '(UpdateFirewallConfig).') : []),
      ...validateThreatOptions(this.threatProtections.length, props.threatConfidence !== undefined),
      ...(own === undefined || this.allowEndpointDomains ? []
        : validateDomainCoverage(this.requiredDomains(own), this.userDomains.map(normalizeDomainName),
          this.action === DnsEgressAction.BLOCK)),
      ...warnEndpointsWithUnknownNames(own?.endpointsWithUnknownNames ?? []),
    ];
  }
}

/** Names a resource after its own path, which DNS Firewall's console lists it by. */
function named<T extends CfnResource & { name?: string }>(resource: T): T {
  resource.name = physicalName(resource, 64);
  return resource;
}
