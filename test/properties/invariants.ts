import { networkText } from './network-invariants';
import { resourcesOfType, TemplateJson } from './outcome';
import { VpcFacts } from './vpcs';

// Invariants that every synthesized template must satisfy. Each returns the violations it finds, as sentences;
// values are compared as resolved template JSON text, so tokens compare like literals.

const text = (value: unknown) => JSON.stringify(value);

/** Each requested service has exactly one endpoint of the type, and there is no endpoint nobody asked for. */
export function eachServiceOnce(template: TemplateJson, type: 'Interface' | 'Gateway', requested: string[], ownIds: Set<string>): string[] {
  const names = resourcesOfType(template, 'AWS::EC2::VPCEndpoint')
    .filter(([id, props]) => ownIds.has(id) && (props.VpcEndpointType ?? 'Gateway') === type)
    .map(([, props]) => text(props.ServiceName));
  const violations: string[] = [];
  for (const name of new Set(requested)) {
    const count = names.filter(n => n === name).length;
    if (count !== 1) {
      violations.push(`${type} endpoint for ${name}: ${count} defined, 1 expected`);
    }
  }
  for (const name of new Set(names.filter(n => !requested.includes(n)))) {
    violations.push(`${type} endpoint for ${name} was not requested`);
  }
  return violations;
}

/** Every interface endpoint has at least one subnet, all of the VPC, and at most one per AZ. */
export function oneSubnetPerAz(template: TemplateJson, vpc: VpcFacts, ownIds: Set<string>): string[] {
  return resourcesOfType(template, 'AWS::EC2::VPCEndpoint')
    .filter(([id, props]) => ownIds.has(id) && props.VpcEndpointType === 'Interface')
    .flatMap(([id, props]) => {
      const subnets: string[] = (props.SubnetIds ?? []).map(text);
      const azs = subnets.map(s => vpc.subnetAz.get(s));
      if (subnets.length === 0) {
        return [`${id} has no subnet`];
      }
      if (azs.some(az => az === undefined)) {
        return [`${id} has a subnet that is not one of the VPC's: ${subnets.join(', ')}`];
      }
      return new Set(azs).size === azs.length ? [] : [`${id} has two subnets in one AZ: ${azs.join(', ')}`];
    });
}

/**
 * Gateway endpoints: without a subnet selection, exactly the route tables of the workload (private and isolated)
 * subnets; with one, only route tables of the VPC and at least one workload route table. Never a public route table
 * unless the selection asked for it.
 *
 * @param selected service name → route tables of the subnets the user selected, for endpoints given `subnets`
 */
export function gatewayRouteTables(template: TemplateJson, vpc: VpcFacts, ownIds: Set<string>, selected: Map<string, Set<string>>): string[] {
  return resourcesOfType(template, 'AWS::EC2::VPCEndpoint')
    .filter(([id, props]) => ownIds.has(id) && (props.VpcEndpointType ?? 'Gateway') === 'Gateway')
    .flatMap(([id, props]) => {
      const tables = new Set<string>((props.RouteTableIds ?? []).map(text));
      const selection = selected.get(text(props.ServiceName));
      if (selection === undefined) {
        const same = tables.size === vpc.workloadRouteTables.size && [...tables].every(t => vpc.workloadRouteTables.has(t));
        return same ? [] : [`${id} is on route tables [${[...tables]}], not the workload ones [${[...vpc.workloadRouteTables]}]`];
      }
      const outside = [...tables].filter(t => !selection.has(t));
      const workload = [...tables].filter(t => vpc.workloadRouteTables.has(t));
      return [
        ...(outside.length > 0 ? [`${id} is on route tables outside its subnet selection: ${outside}`] : []),
        ...(workload.length === 0 ? [`${id} is on no workload route table`] : []),
      ];
    });
}

/** A VPC the library defined has no internet gateway, NAT gateway or default route through either. */
export function noInternetPath(template: TemplateJson): string[] {
  const gateways = ['AWS::EC2::InternetGateway', 'AWS::EC2::NatGateway', 'AWS::EC2::EgressOnlyInternetGateway']
    .flatMap(type => resourcesOfType(template, type).map(([id]) => `${id} (${type})`));
  const routes = resourcesOfType(template, 'AWS::EC2::Route')
    .filter(([, props]) => props.GatewayId || props.NatGatewayId || props.InstanceId || props.EgressOnlyInternetGatewayId)
    .map(([id]) => `${id} (a route to the internet)`);
  return [...gateways, ...routes].map(what => `the library's VPC has ${what}`);
}

/** Where a security group rule admits traffic from: the rule's source property and its value as JSON text. */
export interface IngressSource {
  readonly property: 'CidrIp' | 'CidrIpv6' | 'SourcePrefixListId';
  readonly value: string;
}

const SOURCE_PROPERTIES: Array<IngressSource['property']> = ['CidrIp', 'CidrIpv6', 'SourcePrefixListId'];

/** The IPv4 CIDR blocks (as JSON text) as sources. */
export function ipv4Sources(cidrs: Iterable<string>): IngressSource[] {
  return [...cidrs].map(value => ({ property: 'CidrIp', value }));
}

/**
 * A `clientCidrs` entry, resolved, as the source of the rules that admit it: an IPv6 block, a prefix list ID, or an
 * IPv4 block (a deploy-time value is taken as one).
 */
export function clientSource(entry: unknown): IngressSource {
  const property = typeof entry !== 'string' ? 'CidrIp' : entry.includes(':') ? 'CidrIpv6' : entry.startsWith('pl-') ? 'SourcePrefixListId' : 'CidrIp';
  return { property, value: networkText(entry) };
}

/**
 * A security group the library defined for endpoints admits only the given sources (the VPC's CIDR blocks and
 * `clientCidrs`), over TCP on the given ports, each port from every source; its only egress rule is aws-cdk-lib's
 * placeholder that allows nothing.
 */
export function ingressOnlyFrom(template: TemplateJson, securityGroupId: string, sources: IngressSource[], ports: number[]): string[] {
  const group = template.Resources[securityGroupId]?.Properties ?? {};
  const standalone = resourcesOfType(template, 'AWS::EC2::SecurityGroupIngress')
    .filter(([, props]) => text(props.GroupId) === text({ 'Fn::GetAtt': [securityGroupId, 'GroupId'] }))
    .map(([, props]) => props);
  const rules: any[] = [...group.SecurityGroupIngress ?? [], ...standalone];
  const key = (source: IngressSource) => `${source.property} ${source.value}`;
  const allowed = new Set(sources.map(key));
  const sourceOf = (rule: any) => {
    const given = SOURCE_PROPERTIES.filter(property => rule[property] !== undefined);
    return given.length === 1 && rule.SourceSecurityGroupId === undefined
      ? key({ property: given[0], value: networkText(rule[given[0]]) })
      : undefined;
  };
  const ipv6Spellings = rules.filter(rule => typeof rule.CidrIpv6 === 'string' && rule.CidrIpv6 !== rule.CidrIpv6.toLowerCase())
    .map(rule => `${securityGroupId} admits ${rule.CidrIpv6}, an IPv6 block not in lower case`);
  // EC2 refuses a second rule of one source and port (InvalidPermission.Duplicate).
  const ruleKeys = rules.map(rule => `${sourceOf(rule)} ${rule.IpProtocol} ${rule.FromPort}-${rule.ToPort}`);
  const duplicates = [...new Set(ruleKeys.filter((k, i) => ruleKeys.indexOf(k) !== i))].map(k => `${securityGroupId} has the rule ${k} twice`);
  const violations = rules
    .filter(rule => {
      const source = sourceOf(rule);
      return source === undefined || !allowed.has(source) || rule.IpProtocol !== 'tcp' || rule.FromPort !== rule.ToPort || !ports.includes(rule.FromPort);
    })
    .map(rule => `${securityGroupId} admits ${text(rule)}, not a VPC CIDR block or client on an endpoint port`);
  violations.push(...ipv6Spellings, ...duplicates);
  for (const port of new Set(ports)) {
    for (const source of allowed) {
      if (!rules.some(rule => sourceOf(rule) === source && rule.FromPort === port && rule.ToPort === port)) {
        violations.push(`${securityGroupId} does not admit port ${port} from ${source}`);
      }
    }
  }
  const egress: any[] = group.SecurityGroupEgress ?? [];
  if (egress.some(rule => rule.CidrIp !== '255.255.255.255/32')) {
    violations.push(`${securityGroupId} allows egress: ${text(egress)}`);
  }
  return violations;
}
