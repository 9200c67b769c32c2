import { App, Stack, Token } from 'aws-cdk-lib';
import { describeConstructProperty } from './construct-property';
import { buildGuard, GuardRequest, GuardSpec, guardMistakes, guardPaths, guardSpec, INTERFACE_SERVICES } from './dns-egress-guard.arbitrary';
import { appAndStack, REGIONS } from './environment';
import { logicalIdPaths, resourcesOfType, runConfiguration, TemplateJson } from './outcome';
import { stackTemplateViolations } from './service-network-invariants';
import { DnsEgressAction } from '../../src';

const text = (value: unknown) => JSON.stringify(value);

/** The hosts the SDKs call for the run's services in a Region the generator knows, each with the names under it. */
function serviceNames(spec: GuardSpec, region: string): string[] {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  // The VPC has the run's interface endpoints, except an imported one; a PrivateEgressVpc has S3 and DynamoDB gateways too.
  const gateways = spec.host === 'private-egress-vpc' ? ['s3', 'dynamodb'] : [];
  const hosts = [...spec.interfaceServices.map(name => INTERFACE_SERVICES[name].host), ...gateways].map(label => `${label}.${region}.${suffix}`);
  return hosts.flatMap(host => [host, `*.${host}`]);
}

/**
 * The guard: one rule group (Advanced protections first, each once, at the confidence given; the allow list; the catch-all
 * with the action) associated with the VPC at the priority given, and with a hub's Profile; an allow list that keeps every
 * name given, normalized, holds the services' names unless told not to, never holds `*` and has each name once; fail-open and
 * query logging exactly when asked.
 */
function invariantViolations(app: App, stack: Stack, spec: GuardSpec, request: GuardRequest, template: TemplateJson): string[] {
  const resolved = (value: unknown) => text(stack.resolve(value));
  const own = new Set([...logicalIdPaths(stack)].filter(([, path]) => path.startsWith(`${request.guard.node.path}/`)).map(([id]) => id));
  const mine = (type: string) => resourcesOfType(template, type).filter(([id]) => own.has(id)).map(([, props]) => props);
  const violations: string[] = [];

  const lists = mine('AWS::Route53Resolver::FirewallDomainList');
  const catchAll = lists.filter(list => text(list.Domains) === '["*"]');
  const allowList = lists.filter(list => text(list.Domains) !== '["*"]');
  if (lists.length !== 2 || catchAll.length !== 1) {
    violations.push(`domain lists ${text(lists)}: one allow list and one catch-all expected`);
    return violations;
  }
  const allowed: unknown[] = allowList[0]?.Domains ?? [];
  const allowedText = allowed.map(text);
  if (allowed.includes('*')) {
    violations.push('the allow list holds `*`');
  }
  if (new Set(allowedText).size !== allowedText.length) {
    violations.push(`the allow list repeats names: ${text(allowed)}`);
  }
  for (const domain of request.allowedDomains) {
    const expected = Token.isUnresolved(domain) ? resolved(domain) : text(domain.toLowerCase().replace(/\.$/, ''));
    if (!allowedText.includes(expected)) {
      violations.push(`the allowed domain ${expected} was dropped from ${text(allowed)}`);
    }
  }
  const region = spec.env.region;
  if (!spec.ownNamesOnly && spec.host !== 'imported-vpc' && region !== undefined && REGIONS.includes(region)) {
    const missing = serviceNames(spec, region).filter(name => !allowed.includes(name));
    if (missing.length > 0) {
      violations.push(`the allow list leaves out the services' names ${missing}`);
    }
  }

  const action = spec.action ?? DnsEgressAction.BLOCK;
  const groups = mine('AWS::Route53Resolver::FirewallRuleGroup');
  const rules: any[] = groups[0]?.FirewallRules ?? [];
  const protections = [...new Set(spec.threatProtections)];
  const confidence = spec.threatConfidence ?? 'HIGH';
  const threatRules = rules.filter(rule => rule.DnsThreatProtection !== undefined);
  const inOrder = protections.every((protection, index) =>
    rules[index]?.DnsThreatProtection === protection && rules[index]?.ConfidenceThreshold === confidence);
  if (groups.length !== 1 || threatRules.length !== protections.length || !inOrder) {
    violations.push(`rule groups ${text(groups)}: one expected, the protections ${protections} first at ${confidence}`);
  }
  const last = rules[rules.length - 1];
  if (rules[rules.length - 2]?.Action !== 'ALLOW' || last?.Action !== action || (last?.BlockResponse === 'NXDOMAIN') !== (action === DnsEgressAction.BLOCK)) {
    violations.push(`the rules end with ${text(rules.slice(-2))}, not the allow list then ${action}`);
  }

  const associations = mine('AWS::Route53Resolver::FirewallRuleGroupAssociation');
  const priority = spec.priority?.value ?? 101;
  if (associations.length !== 1 || text(associations[0].VpcId) !== resolved(request.vpc.vpcId) || associations[0].Priority !== priority) {
    violations.push(`associations ${text(associations)}: one with the VPC ${resolved(request.vpc.vpcId)} at ${priority} expected`);
  }
  const profileAssociations = mine('AWS::Route53Profiles::ProfileResourceAssociation');
  const expectedProfileAssociations = spec.host === 'hub' ? (spec.queryLogging ? 2 : 1) : 0;
  if (profileAssociations.length !== expectedProfileAssociations) {
    violations.push(`${profileAssociations.length} Profile associations, ${expectedProfileAssociations} expected`);
  }
  if (mine('AWS::Route53Resolver::FirewallConfig').length !== (spec.failOpen ? 1 : 0)) {
    violations.push(`failOpen ${spec.failOpen} but ${mine('AWS::Route53Resolver::FirewallConfig').length} firewall configs`);
  }
  if (mine('AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation').length !== (spec.queryLogging ? 1 : 0)) {
    violations.push(`queryLogging ${spec.queryLogging} but ${mine('AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation').length} query-log associations`);
  }
  return [...violations, ...stackTemplateViolations(app)];
}

describeConstructProperty('DnsEgressGuard', guardSpec, spec => {
  const { app, stack } = appAndStack(spec.env);
  return runConfiguration(app, stack, guardPaths(stack, spec), guardMistakes(spec),
    () => buildGuard(stack, spec),
    (request, template) => invariantViolations(app, stack, spec, request, template));
});
