import { isIPv6 } from 'net';
import { Token } from 'aws-cdk-lib';
import { resourcesOfType, TemplateJson } from './outcome';

// Invariants of the constructs that admit clients from outside their VPC (`clientCidrs`) and route to other VPCs
// through a Transit Gateway. Values are compared as resolved template JSON text, so tokens compare like literals; an
// IPv6 block is compared as the network it is, whatever its spelling (`2001:DB8:0:0::/56` is `2001:db8::/56`).

const text = (value: unknown) => JSON.stringify(value);

/** An IPv6 block's network, all eight groups written out in lower case; anything else as it is. */
function canonicalIpv6(value: string): string {
  const match = /^([0-9a-fA-F:]+)\/(\d{1,3})$/.exec(value);
  if (!match || !isIPv6(match[1])) {
    return value;
  }
  const [head, tail] = match[1].split('::');
  const groups = (part: string | undefined) => part ? part.split(':') : [];
  const all = tail === undefined ? groups(head)
    : [...groups(head), ...Array<string>(8 - groups(head).length - groups(tail).length).fill('0'), ...groups(tail)];
  return `${all.map(group => parseInt(group, 16).toString(16)).join(':')}/${Number(match[2])}`;
}

/** A resolved value as JSON text, an IPv6 block as its network. */
export function networkText(value: unknown): string {
  return text(typeof value === 'string' ? canonicalIpv6(value) : value);
}

/** EC2 and aws-cdk-lib take IPv6 blocks in lower case only. */
function upperCaseIpv6(what: string, value: unknown): string[] {
  return typeof value === 'string' && value !== value.toLowerCase() ? [`${what} ${value} is an IPv6 block not in lower case`] : [];
}

/** Where clients may come from, as resolved template JSON text of each rule's source. */
export interface ClientSources {
  readonly ipv4: Set<string>;
  readonly ipv6: Set<string>;
  readonly prefixLists: Set<string>;
}

export type Destination = { readonly kind: 'ipv4' | 'ipv6' | 'prefixList'; readonly value: string };

/** What kind of block a `clientCidrs` or `hubCidrs` entry is; a deploy-time value is an IPv4 block. */
export function destinationKind(entry: string): Destination['kind'] {
  if (Token.isUnresolved(entry)) {
    return 'ipv4';
  }
  return entry.startsWith('pl-') ? 'prefixList' : entry.includes(':') ? 'ipv6' : 'ipv4';
}

/**
 * @param vpcCidrs the VPC's IPv4 blocks, as JSON text
 * @param clientCidrs resolved `clientCidrs` entries
 */
export function clientSources(vpcCidrs: Set<string>, clientCidrs: unknown[], kinds: Array<Destination['kind']>): ClientSources {
  const of = (kind: Destination['kind']) => clientCidrs.filter((_, i) => kinds[i] === kind).map(networkText);
  return { ipv4: new Set([...vpcCidrs, ...of('ipv4')]), ipv6: new Set(of('ipv6')), prefixLists: new Set(of('prefixList')) };
}

/** A TCP port range as a rule's [FromPort, ToPort], JSON text. */
export type PortSpan = readonly [unknown, unknown];

/**
 * A security group the library defined admits only the given sources on the given TCP port ranges, every range from
 * every source, and allows no egress (aws-cdk-lib's placeholder rule that matches nothing is not egress).
 */
export function ingressOnlyFrom(template: TemplateJson, securityGroupId: string, sources: ClientSources, ports: PortSpan[]): string[] {
  const group = template.Resources[securityGroupId]?.Properties ?? {};
  const ofGroup = (type: string) => resourcesOfType(template, type)
    .filter(([, props]) => text(props.GroupId) === text({ 'Fn::GetAtt': [securityGroupId, 'GroupId'] }))
    .map(([, props]) => props);
  const rules: any[] = [...group.SecurityGroupIngress ?? [], ...ofGroup('AWS::EC2::SecurityGroupIngress')];
  const portTexts = new Set(ports.map(([from, to]) => text([from, to])));
  const sourceOf = (rule: any): string | undefined => {
    if (rule.CidrIp !== undefined) {
      return sources.ipv4.has(text(rule.CidrIp)) ? `ipv4 ${text(rule.CidrIp)}` : undefined;
    }
    if (rule.CidrIpv6 !== undefined) {
      return sources.ipv6.has(networkText(rule.CidrIpv6)) ? `ipv6 ${networkText(rule.CidrIpv6)}` : undefined;
    }
    return rule.SourcePrefixListId !== undefined && sources.prefixLists.has(text(rule.SourcePrefixListId))
      ? `prefixList ${text(rule.SourcePrefixListId)}` : undefined;
  };
  const violations = rules
    .filter(rule => sourceOf(rule) === undefined || rule.IpProtocol !== 'tcp' || !portTexts.has(text([rule.FromPort, rule.ToPort])))
    .map(rule => `${securityGroupId} admits ${text(rule)}, not a client source on a TCP port it serves`);
  violations.push(...rules.flatMap(rule => upperCaseIpv6(`${securityGroupId} admits`, rule.CidrIpv6)));
  const admittedList = rules.map(rule => `${sourceOf(rule)} ${text([rule.FromPort, rule.ToPort])}`);
  const admitted = new Set(admittedList);
  // EC2 refuses a second rule of one source and ports (InvalidPermission.Duplicate).
  for (const rule of new Set(admittedList.filter((key, i) => admittedList.indexOf(key) !== i))) {
    violations.push(`${securityGroupId} has the rule ${rule} twice`);
  }
  const expected = [
    ...[...sources.ipv4].map(s => `ipv4 ${s}`), ...[...sources.ipv6].map(s => `ipv6 ${s}`), ...[...sources.prefixLists].map(s => `prefixList ${s}`),
  ];
  for (const source of expected) {
    for (const port of portTexts) {
      if (!admitted.has(`${source} ${port}`)) {
        violations.push(`${securityGroupId} does not admit ports ${port} from ${source}`);
      }
    }
  }
  const egress: any[] = [...group.SecurityGroupEgress ?? [], ...ofGroup('AWS::EC2::SecurityGroupEgress')];
  if (egress.some(rule => rule.CidrIp !== '255.255.255.255/32')) {
    violations.push(`${securityGroupId} allows egress: ${text(egress)}`);
  }
  return violations;
}

/**
 * The routes the construct defined: without a Transit Gateway, none; with one, exactly one route per route table and
 * destination, through that Transit Gateway, in the destination's property, and nothing else (no internet or NAT route).
 *
 * @param routeTables the route tables that get routes, as JSON text
 * @param transitGatewayId the resolved ID, or undefined for none
 */
export function transitGatewayRoutes(template: TemplateJson, ownIds: Set<string>, routeTables: Set<string>,
  destinations: Destination[], transitGatewayId: unknown): string[] {
  const routes = resourcesOfType(template, 'AWS::EC2::Route').filter(([id]) => ownIds.has(id));
  if (transitGatewayId === undefined) {
    return routes.map(([id, props]) => `${id} is a route without a Transit Gateway: ${text(props)}`);
  }
  const property = { ipv4: 'DestinationCidrBlock', ipv6: 'DestinationIpv6CidrBlock', prefixList: 'DestinationPrefixListId' };
  const wanted = new Set(destinations.map(d => `${property[d.kind]} ${networkText(d.value)}`));
  const violations: string[] = [];
  const seen = new Set<string>();
  for (const [id, props] of routes) {
    const targets = Object.keys(props).filter(key => key !== 'RouteTableId' && !Object.values(property).includes(key));
    const destination = Object.values(property).filter(key => props[key] !== undefined).map(key => `${key} ${networkText(props[key])}`);
    violations.push(...upperCaseIpv6(`${id} leads to`, props.DestinationIpv6CidrBlock));
    if (targets.join() !== 'TransitGatewayId' || text(props.TransitGatewayId) !== text(transitGatewayId)) {
      violations.push(`${id} does not lead through the Transit Gateway only: ${text(props)}`);
    }
    if (destination.length !== 1 || !wanted.has(destination[0])) {
      violations.push(`${id} leads to ${destination}, not one of ${[...wanted]}`);
    }
    if (!routeTables.has(text(props.RouteTableId))) {
      violations.push(`${id} is on ${text(props.RouteTableId)}, not one of the workload route tables ${[...routeTables]}`);
    }
    const key = `${text(props.RouteTableId)} ${destination}`;
    if (seen.has(key)) {
      violations.push(`${id} repeats the route ${key}`);
    }
    seen.add(key);
  }
  for (const table of routeTables) {
    for (const destination of wanted) {
      if (!seen.has(`${table} ${destination}`)) {
        violations.push(`route table ${table} has no route to ${destination}`);
      }
    }
  }
  return violations;
}
