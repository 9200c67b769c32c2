import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NetworkRequirements, PrivateEgressVpc } from '../../src';
import { AssemblyStack, StackMetadata, TemplateResource } from '../../src/prove/assembly';
import { evaluate, ProofResult, RequirementResult } from '../../src/prove/evaluate';
import { NO_INTERNET_METADATA, REQUIRED_SERVICES_METADATA } from '../../src/prove/metadata';
import { NetworkModel } from '../../src/prove/network-model';
import { proveAssembly, proveStacks } from '../../src/prove/prove';
import { ReferenceResolver } from '../../src/prove/references';
import { proofHolds } from '../../src/prove/report';
import { ACCOUNT, AZS, REGION } from '../util';

type Resources = Record<string, TemplateResource | undefined>;

const ref = (logicalId: string) => ({ Ref: logicalId });
const getAtt = (logicalId: string, attribute: string) => ({ 'Fn::GetAtt': [logicalId, attribute] });
const tags = (type: string) => [{ Key: 'aws-cdk:subnet-type', Value: type }];
const tcp443 = (cidr: unknown) => ({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: cidr });

function subnet(vpc: string, cidr: string, az: string, type: string | undefined, more: Record<string, unknown> = {}): TemplateResource {
  return { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref(vpc), CidrBlock: cidr, AvailabilityZone: az, ...type ? { Tags: tags(type) } : {}, ...more } };
}

/** A subnet with its own route table (`<name>Table`), and the association. */
function subnetWithTable(name: string, vpc: string, cidr: string, az: string, type: string | undefined,
  more: Record<string, unknown> = {}): Resources {
  return {
    [name]: subnet(vpc, cidr, az, type, more),
    [`${name}Table`]: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(vpc) } },
    [`${name}Association`]: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref(name), RouteTableId: ref(`${name}Table`) } },
  };
}

function route(table: string, destination: unknown, target: Record<string, unknown>): TemplateResource {
  return { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref(table), DestinationCidrBlock: destination, ...target } };
}

function interfaceEndpoint(vpc: string, service: unknown, more: Record<string, unknown> = {}): TemplateResource {
  return { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref(vpc), ServiceName: service, VpcEndpointType: 'Interface', ...more } };
}

/**
 * A VPC (10.0.0.0/16, DNS support and hostnames on) with an isolated subnet in us-east-1a (10.0.0.0/24) and one in
 * us-east-1b (10.0.1.0/24), and an STS interface endpoint with private DNS in both, whose group admits the VPC's block on
 * 443. `changes` replaces resources (undefined removes one); `props` merges properties into one.
 */
function network(changes: Resources = {}, props: Record<string, Record<string, unknown>> = {}, extra: Partial<AssemblyStack> = {}): AssemblyStack {
  const resources: Resources = {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', EnableDnsSupport: true, EnableDnsHostnames: true } },
    ...subnetWithTable('IsolatedA', 'Vpc', '10.0.0.0/24', 'us-east-1a', 'Isolated'),
    ...subnetWithTable('IsolatedB', 'Vpc', '10.0.1.0/24', 'us-east-1b', 'Isolated'),
    EndpointSg: { Type: 'AWS::EC2::SecurityGroup', Properties: { VpcId: ref('Vpc'), SecurityGroupIngress: [tcp443(getAtt('Vpc', 'CidrBlock'))] } },
    Sts: interfaceEndpoint('Vpc', 'com.amazonaws.us-east-1.sts', {
      SubnetIds: [ref('IsolatedA'), ref('IsolatedB')],
      SecurityGroupIds: [getAtt('EndpointSg', 'GroupId')],
      PrivateDnsEnabled: true,
    }),
    ...changes,
  };
  for (const [logicalId, more] of Object.entries(props)) {
    resources[logicalId] = { ...resources[logicalId]!, Properties: { ...resources[logicalId]!.Properties, ...more } };
  }
  const defined = Object.fromEntries(Object.entries(resources).filter((entry): entry is [string, TemplateResource] => entry[1] !== undefined));
  return {
    id: 'Net',
    stackName: 'Net',
    account: '123456789012',
    region: 'us-east-1',
    templatePath: 'Net.template.json',
    template: { Resources: defined },
    metadata: [],
    constructPaths: {},
    ...extra,
  };
}

function proof(...stacks: AssemblyStack[]): ProofResult {
  return evaluate(new NetworkModel(new ReferenceResolver(stacks)));
}

function requirementOf(result: ProofResult, subnetPath: string, service: string): RequirementResult {
  const found = result.requirements.filter(r => r.subnet === subnetPath && r.service === service);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The first hop that fails, else the first undecidable one. */
function failingHop(requirement: RequirementResult) {
  return requirement.hops.find(hop => hop.holds === false) ?? requirement.hops.find(hop => hop.holds === undefined);
}

const metadata = (type: string, data: unknown, logicalId = 'Vpc'): StackMetadata => ({ path: `/Net/${logicalId}/Resource`, type, data, logicalId });

describe('evaluate: an interface endpoint of an AWS service', () => {
  test('is reachable from each workload subnet of its VPC, every hop holding', () => {
    // GIVEN
    const net = network();

    // WHEN
    const result = proof(net);

    // THEN
    expect(result.requirements.map(r => [r.subnet, r.service, r.verdict])).toEqual([
      ['Net/IsolatedA', 'sts', 'reachable'],
      ['Net/IsolatedB', 'sts', 'reachable'],
    ]);
    const sts = requirementOf(result, 'Net/IsolatedA', 'sts');
    expect(sts).toMatchObject({
      vpc: 'Net/Vpc',
      subnetKey: 'Net|IsolatedA',
      availabilityZone: 'us-east-1a',
      host: 'sts.us-east-1.amazonaws.com',
      via: 'Net/Sts',
    });
    expect(sts.hops.map(hop => [hop.name, hop.holds])).toEqual([
      ['dns', true],
      ['network-interface', true],
      ['security-group', true],
      ['network-acl', true],
      ['route', true],
      ['endpoint-policy', true],
    ]);
    expect(sts.hops[0].detail).toBe('sts.us-east-1.amazonaws.com resolves to Net/Sts (its private DNS)');
    expect(result.internetPaths).toEqual([]);
    expect(result.publicDns).toEqual(['Net/Vpc']);
  });

  test('is what proveStacks finds', () => {
    expect(proveStacks([network()])).toEqual(proof(network()));
  });

  test('names a service by its full name when the SDKs\' data has no host for it, and leaves it unknown', () => {
    const result = proof(network({}, { Sts: { ServiceName: 'com.amazonaws.us-east-1.no-such-service' } }));
    const requirement = requirementOf(result, 'Net/IsolatedA', 'no-such-service');
    expect(requirement).toMatchObject({ verdict: 'unknown', host: undefined, via: 'Net/Sts' });
    expect(failingHop(requirement)?.detail).toMatch(/endpoint data has no host for com\.amazonaws\.us-east-1\.no-such-service/);
  });

  test('is reachable with a group written before the VPC that admits the VPC\'s block', () => {
    // GIVEN: the group first in the template, as aws-cdk-lib writes one of a construct created before the VPC
    const { EndpointSg, ...rest } = network().template.Resources!;
    const net = { ...network(), template: { Resources: { EndpointSg, ...rest } } };

    // THEN
    expect(requirementOf(proof(net), 'Net/IsolatedA', 'sts').verdict).toBe('reachable');
  });
});

describe('evaluate: the dns hop', () => {
  test('fails when the endpoint\'s private DNS is off: the host resolves to the public address', () => {
    // GIVEN
    const net = network({}, { Sts: { PrivateDnsEnabled: false } });

    // WHEN
    const requirement = requirementOf(proof(net), 'Net/IsolatedA', 'sts');

    // THEN
    expect(requirement.verdict).toBe('unreachable');
    expect(requirement.via).toBe('Net/Sts');
    expect(requirement.hops).toEqual([{
      name: 'dns',
      holds: false,
      detail: 'sts.us-east-1.amazonaws.com resolves to the service\'s public address: no endpoint with private DNS, zone or Profile answers it in the VPC',
    }]);
  });

  test('fails when the endpoint\'s private DNS answers only inbound resolver endpoints', () => {
    const net = network({}, { Sts: { DnsOptions: { PrivateDnsOnlyForInboundResolverEndpoint: 'OnlyInboundResolver' } } });
    const requirement = requirementOf(proof(net), 'Net/IsolatedA', 'sts');
    expect(requirement.verdict).toBe('unreachable');
    expect(failingHop(requirement)?.name).toBe('dns');
  });

  test('fails when the VPC has DNS support off, and the VPC then resolves no public names', () => {
    // GIVEN
    const net = network({}, { Vpc: { EnableDnsSupport: false } });

    // WHEN
    const result = proof(net);

    // THEN
    const requirement = requirementOf(result, 'Net/IsolatedA', 'sts');
    expect(requirement.verdict).toBe('unreachable');
    expect(failingHop(requirement)).toEqual({ name: 'dns', holds: false, detail: 'the VPC has DNS support off, so sts.us-east-1.amazonaws.com does not resolve' });
    expect(result.publicDns).toEqual([]);
  });

  test('fails when the VPC has DNS hostnames off, which private DNS needs', () => {
    const requirement = requirementOf(proof(network({}, { Vpc: { EnableDnsHostnames: false } })), 'Net/IsolatedA', 'sts');
    expect(requirement.verdict).toBe('unreachable');
    expect(failingHop(requirement)?.detail).toBe('the private DNS of Net/Sts needs DNS hostnames, which the VPC has off');
  });

  test('fails when a private zone of the VPC covers the host but has no record of it', () => {
    // GIVEN: private DNS off, and a zone for the host without a record
    const net = network({
      Zone: { Type: 'AWS::Route53::HostedZone', Properties: { Name: 'sts.us-east-1.amazonaws.com.', VPCs: [{ VPCId: ref('Vpc'), VPCRegion: 'us-east-1' }] } },
    }, { Sts: { PrivateDnsEnabled: false } });

    // WHEN
    const requirement = requirementOf(proof(net), 'Net/IsolatedA', 'sts');

    // THEN
    expect(requirement.verdict).toBe('unreachable');
    expect(failingHop(requirement)?.detail).toBe('the zone sts.us-east-1.amazonaws.com answers for sts.us-east-1.amazonaws.com but has no record of it pointing at an endpoint');
  });

  test('holds through a private zone whose record aliases the endpoint', () => {
    // GIVEN
    const net = network({
      Zone: { Type: 'AWS::Route53::HostedZone', Properties: { Name: 'sts.us-east-1.amazonaws.com.', VPCs: [{ VPCId: ref('Vpc'), VPCRegion: 'us-east-1' }] } },
      Record: {
        Type: 'AWS::Route53::RecordSet',
        Properties: {
          HostedZoneId: ref('Zone'),
          Name: 'sts.us-east-1.amazonaws.com.',
          Type: 'A',
          AliasTarget: { DNSName: { 'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::Select': [0, getAtt('Sts', 'DnsEntries')] }] }] }, HostedZoneId: 'Z1' },
        },
      },
    }, { Sts: { PrivateDnsEnabled: false } });

    // WHEN
    const requirement = requirementOf(proof(net), 'Net/IsolatedA', 'sts');

    // THEN
    expect(requirement.verdict).toBe('reachable');
    expect(requirement.hops[0].detail).toBe('sts.us-east-1.amazonaws.com resolves through the zone sts.us-east-1.amazonaws.com to Net/Sts');
  });

  test('fails when the zone\'s record for the host aliases an endpoint of another service, which does not serve the host', () => {
    // GIVEN: the zone for STS pointing at a KMS endpoint (private DNS off), and the VPC declaring that it needs STS
    const net = network({
      Sts: interfaceEndpoint('Vpc', 'com.amazonaws.us-east-1.kms', { SubnetIds: [ref('IsolatedA'), ref('IsolatedB')], SecurityGroupIds: [ref('EndpointSg')] }),
      Zone: { Type: 'AWS::Route53::HostedZone', Properties: { Name: 'sts.us-east-1.amazonaws.com.', VPCs: [{ VPCId: ref('Vpc'), VPCRegion: 'us-east-1' }] } },
      Record: {
        Type: 'AWS::Route53::RecordSet',
        Properties: { HostedZoneId: ref('Zone'), Name: 'sts.us-east-1.amazonaws.com.', Type: 'A', AliasTarget: { DNSName: getAtt('Sts', 'DnsEntries'), HostedZoneId: 'Z1' } },
      },
    }, {}, { metadata: [metadata(REQUIRED_SERVICES_METADATA, ['sts'])] });

    // WHEN
    const sts = requirementOf(proof(net), 'Net/IsolatedA', 'sts');

    // THEN
    expect(sts.verdict).toBe('unreachable');
    expect(failingHop(sts)?.name).toBe('dns');
  });

  test('holds through a Route 53 Profile of the app that holds an endpoint with private DNS; is undecided for a Profile outside the app', () => {
    // GIVEN: the endpoint in a hub VPC that shares it through a Profile associated with this VPC
    const hub = {
      Hub: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', EnableDnsSupport: true, EnableDnsHostnames: true } },
      Profile: { Type: 'AWS::Route53Profiles::Profile', Properties: { Name: 'shared' } },
      Shared: {
        Type: 'AWS::Route53Profiles::ProfileResourceAssociation',
        Properties: { ProfileId: getAtt('Profile', 'Id'), Name: 'sts', ResourceArn: { 'Fn::Join': ['', ['arn:aws:ec2:us-east-1:123456789012:vpc-endpoint/', ref('Sts')]] } },
      },
      Association: { Type: 'AWS::Route53Profiles::ProfileAssociation', Properties: { ProfileId: getAtt('Profile', 'Id'), ResourceId: ref('Vpc'), Name: 'spoke' } },
    };
    const viaProfile = network(hub, { Sts: { VpcId: ref('Hub') } });
    const foreign = network({ ...hub, Association: { Type: 'AWS::Route53Profiles::ProfileAssociation', Properties: { ProfileId: 'rp-0123', ResourceId: ref('Vpc'), Name: 'x' } } },
      { Sts: { VpcId: ref('Hub') } });

    // THEN
    const shared = requirementOf(proof(viaProfile), 'Net/IsolatedA', 'sts');
    expect(shared.hops[0]).toEqual({ name: 'dns', holds: true, detail: 'sts.us-east-1.amazonaws.com resolves to Net/Sts through the VPC\'s Route 53 Profile' });
    expect(proof(foreign).requirements.filter(r => r.subnet === 'Net/IsolatedA')).toEqual([]);
    const declared = proof({ ...foreign, metadata: [metadata(REQUIRED_SERVICES_METADATA, ['sts'])] });
    expect(failingHop(requirementOf(declared, 'Net/IsolatedA', 'sts'))).toEqual({
      name: 'dns',
      holds: undefined,
      detail: 'the VPC\'s Route 53 Profile rp-0123 is not defined in the app, and may answer sts.us-east-1.amazonaws.com',
    });
  });
});

describe('evaluate: what the templates do not show', () => {
  test('leaves the dns hop undecided for a VPC imported by ID, whose DNS attributes the templates do not show', () => {
    // GIVEN: subnets and an endpoint added to an existing VPC
    const net = network({ Vpc: undefined }, {
      IsolatedA: { VpcId: 'vpc-0123456789abcdef0' },
      IsolatedB: { VpcId: 'vpc-0123456789abcdef0' },
      EndpointSg: { VpcId: 'vpc-0123456789abcdef0', SecurityGroupIngress: [tcp443('10.0.0.0/16')] },
      Sts: { VpcId: 'vpc-0123456789abcdef0' },
    });

    // WHEN
    const requirement = requirementOf(proof(net), 'Net/IsolatedA', 'sts');

    // THEN: private DNS needs DNS support and hostnames, which only the deployed VPC tells
    expect(requirement.vpc).toBe('vpc-0123456789abcdef0');
    expect(requirement.hops[0]).toMatchObject({ name: 'dns', holds: undefined });
    expect(requirement.verdict).toBe('unknown');
  });

  test('does not report a VPC whose queries a DNS Firewall rule group of the app filters as resolving public names', () => {
    // GIVEN
    const net = network({
      RuleGroup: { Type: 'AWS::Route53Resolver::FirewallRuleGroup', Properties: { FirewallRules: [] } },
      Firewall: {
        Type: 'AWS::Route53Resolver::FirewallRuleGroupAssociation',
        Properties: { FirewallRuleGroupId: getAtt('RuleGroup', 'Id'), VpcId: ref('Vpc'), Priority: 101 },
      },
    });

    // THEN
    expect(proof(net).publicDns).toEqual([]);
  });

  test('does not report a VPC filtered by a rule group of its Route 53 Profile, and reports one whose Profile holds only zones', () => {
    // GIVEN: a Profile holding a rule group, then the same Profile holding something else
    const withProfileResource = (resource: object) => network({
      RuleGroup: { Type: 'AWS::Route53Resolver::FirewallRuleGroup', Properties: { FirewallRules: [] } },
      Zone: { Type: 'AWS::Route53::HostedZone', Properties: { Name: 'example.com' } },
      Profile: { Type: 'AWS::Route53Profiles::Profile', Properties: { Name: 'hub' } },
      Held: { Type: 'AWS::Route53Profiles::ProfileResourceAssociation', Properties: { ProfileId: getAtt('Profile', 'Id'), Name: 'held', ResourceArn: resource } },
      Spoke: { Type: 'AWS::Route53Profiles::ProfileAssociation', Properties: { ProfileId: getAtt('Profile', 'Id'), ResourceId: ref('Vpc'), Name: 'spoke' } },
    });

    // THEN
    expect(proof(withProfileResource(getAtt('RuleGroup', 'Arn'))).publicDns).toEqual([]);
    expect(proof(withProfileResource(ref('Zone'))).publicDns).toEqual(['Net/Vpc']);
  });
});

describe('evaluate: the network-interface hop', () => {
  test('fails when the endpoint has no subnet', () => {
    const requirement = requirementOf(proof(network({}, { Sts: { SubnetIds: [] } })), 'Net/IsolatedA', 'sts');
    expect(requirement.verdict).toBe('unreachable');
    expect(failingHop(requirement)).toEqual({ name: 'network-interface', holds: false, detail: 'Net/Sts has no subnet, so no network interface' });
  });

  test('holds across AZs, with a note, when the endpoint has no interface in the subnet\'s AZ', () => {
    // GIVEN: the endpoint in us-east-1a only
    const net = network({}, { Sts: { SubnetIds: [ref('IsolatedA')] } });

    // WHEN
    const result = proof(net);

    // THEN
    const requirement = requirementOf(result, 'Net/IsolatedB', 'sts');
    expect(requirement.verdict).toBe('reachable');
    expect(requirement.hops[1]).toEqual({ name: 'network-interface', holds: true, detail: 'Net/Sts has no network interface in us-east-1b: traffic crosses AZs' });
    expect(requirementOf(result, 'Net/IsolatedA', 'sts').hops[1].detail).toBe('Net/Sts has a network interface in us-east-1a');
  });
});

describe('evaluate: the security-group hop', () => {
  const sgHop = (net: AssemblyStack) => requirementOf(proof(net), 'Net/IsolatedA', 'sts').hops.find(hop => hop.name === 'security-group')!;
  const withIngress = (...rules: unknown[]) => network({}, { EndpointSg: { SecurityGroupIngress: rules } });

  test('fails when the group admits the subnet on another port only', () => {
    const net = withIngress({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '10.0.0.0/16' });
    expect(requirementOf(proof(net), 'Net/IsolatedA', 'sts').verdict).toBe('unreachable');
    expect(sgHop(net)).toEqual({ name: 'security-group', holds: false, detail: 'no security group of Net/Sts admits 10.0.0.0/24 on port 443' });
  });

  test('fails when the group admits another CIDR block only, one that does not hold the subnet\'s', () => {
    expect(sgHop(withIngress(tcp443('192.168.0.0/16'))).holds).toBe(false);
    expect(sgHop(withIngress(tcp443('10.0.1.0/24'))).holds).toBe(false);
    expect(sgHop(withIngress({ ...tcp443('10.0.0.0/16'), IpProtocol: 'udp' })).holds).toBe(false);
  });

  test('holds for a block holding the subnet\'s, a port range holding 443, or all traffic', () => {
    expect(sgHop(withIngress(tcp443('10.0.0.0/8'))).holds).toBe(true);
    expect(sgHop(withIngress({ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, CidrIp: '10.0.0.0/24' })).holds).toBe(true);
    expect(sgHop(withIngress({ IpProtocol: '-1', CidrIp: '0.0.0.0/0' })).holds).toBe(true);
  });

  test('is undecided when the group admits members of other groups only', () => {
    const net = withIngress({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, SourceSecurityGroupId: getAtt('EndpointSg', 'GroupId') });
    expect(requirementOf(proof(net), 'Net/IsolatedA', 'sts').verdict).toBe('unknown');
    expect(sgHop(net)).toEqual({
      name: 'security-group',
      holds: undefined,
      detail: 'the security groups of Net/Sts admit members of other security groups only, not the subnet as a whole',
    });
  });

  test('is undecided for the VPC\'s default group, which the templates do not define', () => {
    const net = network({}, { Sts: { SecurityGroupIds: undefined } });
    expect(requirementOf(proof(net), 'Net/IsolatedA', 'sts').verdict).toBe('unknown');
    expect(sgHop(net)).toEqual({ name: 'security-group', holds: undefined, detail: 'Net/Sts uses the VPC\'s default security group, which the templates do not define' });
  });

  test('is undecided for a source or a group known only at deploy time', () => {
    expect(sgHop(withIngress(tcp443(ref('CidrParameter')))).holds).toBeUndefined();
    expect(sgHop(network({}, { Sts: { SecurityGroupIds: [ref('GroupParameter')] } })).holds).toBeUndefined();
  });
});

describe('evaluate: the route hop to an endpoint of another VPC', () => {
  /**
   * A spoke VPC (10.0.0.0/16) whose private zone for STS points at the endpoint of a hub VPC (10.1.0.0/16); `routes`
   * adds routes between them.
   */
  function hubAndSpoke(routes: Resources = {}): AssemblyStack {
    return network({
      Hub: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16', EnableDnsSupport: true, EnableDnsHostnames: true } },
      ...subnetWithTable('HubSubnet', 'Hub', '10.1.0.0/24', 'us-east-1a', 'Isolated'),
      IsolatedB: undefined,
      IsolatedBTable: undefined,
      IsolatedBAssociation: undefined,
      Zone: {
        Type: 'AWS::Route53::HostedZone',
        Properties: { Name: 'sts.us-east-1.amazonaws.com.', VPCs: [{ VPCId: ref('Hub'), VPCRegion: 'us-east-1' }, { VPCId: ref('Vpc'), VPCRegion: 'us-east-1' }] },
      },
      Record: {
        Type: 'AWS::Route53::RecordSet',
        Properties: { HostedZoneId: ref('Zone'), Name: 'sts.us-east-1.amazonaws.com.', Type: 'A', AliasTarget: { DNSName: getAtt('Sts', 'DnsEntries'), HostedZoneId: 'Z1' } },
      },
      ...routes,
    }, {
      EndpointSg: { VpcId: ref('Hub'), SecurityGroupIngress: [tcp443('10.0.0.0/8')] },
      Sts: { VpcId: ref('Hub'), SubnetIds: [ref('HubSubnet')], PrivateDnsEnabled: false },
    });
  }
  const routeHop = (net: AssemblyStack) => requirementOf(proof(net), 'Net/IsolatedA', 'sts').hops.find(hop => hop.name === 'route')!;

  test('fails without a route to the endpoint\'s VPC', () => {
    // WHEN
    const requirement = requirementOf(proof(hubAndSpoke()), 'Net/IsolatedA', 'sts');

    // THEN
    expect(requirement.verdict).toBe('unreachable');
    expect(requirement.via).toBe('Net/Sts');
    expect(failingHop(requirement)).toEqual({ name: 'route', holds: false, detail: 'the subnet\'s route table has no route to 10.1.0.0/16 (the VPC of Net/Sts) through a Transit Gateway or peering connection' });
  });

  test('fails with a route there through a Transit Gateway but none back', () => {
    const net = hubAndSpoke({ There: route('IsolatedATable', '10.1.0.0/16', { TransitGatewayId: 'tgw-0123' }) });
    expect(routeHop(net)).toEqual({ name: 'route', holds: false, detail: 'the subnets of Net/Sts have no route back to 10.0.0.0/24' });
  });

  test('fails with the route back through another Transit Gateway', () => {
    const net = hubAndSpoke({
      There: route('IsolatedATable', '10.1.0.0/16', { TransitGatewayId: 'tgw-0123' }),
      Back: route('HubSubnetTable', '10.0.0.0/8', { TransitGatewayId: 'tgw-4567' }),
    });
    expect(routeHop(net).holds).toBe(false);
  });

  test('fails with a route there that does not cover the endpoint\'s VPC, or that goes through a NAT gateway', () => {
    expect(routeHop(hubAndSpoke({
      There: route('IsolatedATable', '10.1.0.0/24', { TransitGatewayId: 'tgw-0123' }),
      Back: route('HubSubnetTable', '10.0.0.0/16', { TransitGatewayId: 'tgw-0123' }),
    })).holds).toBe(false);
    expect(routeHop(hubAndSpoke({
      There: route('IsolatedATable', '10.1.0.0/16', { NatGatewayId: 'nat-0123' }),
      Back: route('HubSubnetTable', '10.0.0.0/16', { NatGatewayId: 'nat-0123' }),
    })).holds).toBe(false);
  });

  test('holds with routes both ways through the same Transit Gateway', () => {
    // GIVEN
    const net = hubAndSpoke({
      There: route('IsolatedATable', '10.1.0.0/16', { TransitGatewayId: 'tgw-0123' }),
      Back: route('HubSubnetTable', '10.0.0.0/8', { TransitGatewayId: 'tgw-0123' }),
    });

    // WHEN
    const requirement = requirementOf(proof(net), 'Net/IsolatedA', 'sts');

    // THEN
    expect(requirement.verdict).toBe('reachable');
    expect(routeHop(net)).toEqual({ name: 'route', holds: true, detail: 'through the transit-gateway to 10.1.0.0/16, and back' });
  });

  test('holds with routes to the VPCs\' own blocks by Fn::GetAtt, as aws-cdk-lib writes a route to `vpc.vpcCidrBlock`', () => {
    const net = hubAndSpoke({
      There: route('IsolatedATable', getAtt('Hub', 'CidrBlock'), { TransitGatewayId: 'tgw-0123' }),
      Back: route('HubSubnetTable', getAtt('Vpc', 'CidrBlock'), { TransitGatewayId: 'tgw-0123' }),
    });
    expect(routeHop(net)).toEqual({ name: 'route', holds: true, detail: 'through the transit-gateway to 10.1.0.0/16, and back' });
  });

  test('holds with routes both ways through the same peering connection', () => {
    const net = hubAndSpoke({
      There: route('IsolatedATable', '10.0.0.0/8', { VpcPeeringConnectionId: ref('Peering') }),
      Back: route('HubSubnetTable', '10.0.0.0/16', { VpcPeeringConnectionId: ref('Peering') }),
      Peering: { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('Vpc'), PeerVpcId: ref('Hub') } },
    });
    expect(routeHop(net).holds).toBe(true);
  });

  test('fails when the endpoint\'s VPC overlaps the subnet\'s: the local route, the more specific, keeps the traffic in the VPC', () => {
    // GIVEN: both VPCs 10.0.0.0/16, routes of a /8 through the Transit Gateway both ways
    const net = hubAndSpoke({
      Hub: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', EnableDnsSupport: true, EnableDnsHostnames: true } },
      ...subnetWithTable('HubSubnet', 'Hub', '10.0.128.0/24', 'us-east-1a', 'Isolated'),
      There: route('IsolatedATable', '10.0.0.0/8', { TransitGatewayId: 'tgw-0123' }),
      Back: route('HubSubnetTable', '10.0.0.0/8', { TransitGatewayId: 'tgw-0123' }),
    });

    // THEN
    expect(routeHop(net).holds).toBe(false);
  });

  test('follows the most specific route to the endpoint\'s VPC, whatever the order of the routes in the template', () => {
    // GIVEN: a /8 through the Transit Gateway (with a route back), and a /16 for the hub through a peering connection to
    // another VPC, which does not carry traffic beyond that VPC (no transitive peering)
    const net = hubAndSpoke({
      Other: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.2.0.0/16' } },
      Peering: { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('Vpc'), PeerVpcId: ref('Other') } },
      Wide: route('IsolatedATable', '10.0.0.0/8', { TransitGatewayId: 'tgw-0123' }),
      Specific: route('IsolatedATable', '10.1.0.0/16', { VpcPeeringConnectionId: ref('Peering') }),
      Back: route('HubSubnetTable', '10.0.0.0/16', { TransitGatewayId: 'tgw-0123' }),
    });

    // THEN
    expect(routeHop(net).holds).toBe(false);
  });

  test('is undecided when the endpoint VPC\'s block is known only at deploy time', () => {
    const net = hubAndSpoke({ Hub: { Type: 'AWS::EC2::VPC', Properties: { Ipv4IpamPoolId: 'ipam-pool-0123', EnableDnsSupport: true, EnableDnsHostnames: true } } });
    expect(routeHop(net).holds).toBeUndefined();
  });
});

describe('evaluate: the network-acl hop', () => {
  const acl = (entries: Resources): Resources => ({
    Acl: { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref('Vpc') } },
    AclA: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: ref('IsolatedA'), NetworkAclId: ref('Acl') } },
    ...entries,
  });
  const entry = (ruleNumber: number, egress: boolean, action: string, cidr: string, from?: number, to?: number): TemplateResource => ({
    Type: 'AWS::EC2::NetworkAclEntry',
    Properties: {
      NetworkAclId: ref('Acl'),
      RuleNumber: ruleNumber,
      Egress: egress,
      RuleAction: action,
      CidrBlock: cidr,
      ...from === undefined ? { Protocol: -1 } : { Protocol: 6, PortRange: { From: from, To: to } },
    },
  });
  const aclHop = (net: AssemblyStack) => requirementOf(proof(net), 'Net/IsolatedA', 'sts').hops.find(hop => hop.name === 'network-acl')!;

  test('fails when the subnet\'s ACL has no entry that allows the request: the final rule denies it', () => {
    const net = network(acl({}));
    expect(requirementOf(proof(net), 'Net/IsolatedA', 'sts').verdict).toBe('unreachable');
    expect(aclHop(net)).toEqual({ name: 'network-acl', holds: false, detail: 'a network ACL denies out of Net/IsolatedA to port 443' });
  });

  test('fails when the reply\'s ephemeral port is not allowed back in, ACLs being stateless', () => {
    const net = network(acl({ Out: entry(100, true, 'allow', '10.0.0.0/16', 443, 443), In: entry(100, false, 'allow', '10.0.0.0/16', 443, 443) }));
    expect(aclHop(net)).toMatchObject({ holds: false, detail: 'a network ACL denies the reply out of Net/IsolatedA' });
  });

  test('holds when the entries allow the request and the reply, and takes the first matching entry by rule number', () => {
    const net = network(acl({
      DenyLater: entry(200, true, 'deny', '0.0.0.0/0'),
      Out: entry(100, true, 'allow', '10.0.0.0/16'),
      In: entry(100, false, 'allow', '10.0.0.0/16'),
    }));
    expect(aclHop(net)).toEqual({ name: 'network-acl', holds: true, detail: 'the network ACLs allow the request and the reply' });
    const denyFirst = network(acl({ Deny: entry(50, true, 'deny', '10.0.0.0/24'), Out: entry(100, true, 'allow', '10.0.0.0/16'), In: entry(100, false, 'allow', '10.0.0.0/16') }));
    expect(aclHop(denyFirst).holds).toBe(false);
  });
});

describe('evaluate: gateway endpoints', () => {
  const s3 = (routeTables: unknown[]): Resources => ({
    S3: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('Vpc'), ServiceName: 'com.amazonaws.us-east-1.s3', VpcEndpointType: 'Gateway', RouteTableIds: routeTables } },
  });

  test('are reached from the subnets whose route table they carry, and from no other', () => {
    // GIVEN
    const net = network(s3([ref('IsolatedATable')]));

    // WHEN
    const result = proof(net);

    // THEN
    const onTable = requirementOf(result, 'Net/IsolatedA', 's3');
    expect(onTable).toMatchObject({ verdict: 'reachable', via: 'Net/S3', host: undefined });
    expect(onTable.hops.map(hop => [hop.name, hop.holds])).toEqual([['gateway-route', true], ['network-acl', true], ['endpoint-policy', true]]);
    const offTable = requirementOf(result, 'Net/IsolatedB', 's3');
    expect(offTable.verdict).toBe('unreachable');
    expect(failingHop(offTable)).toEqual({
      name: 'gateway-route',
      holds: false,
      detail: 'the subnet\'s route table is not among the route tables of Net/S3, so its traffic to the service takes another path',
    });
  });

  test('are undecided for a subnet not on a known table when some of their route tables are known only at deploy time', () => {
    const result = proof(network(s3([ref('IsolatedATable'), ref('TableParameter')])));
    expect(requirementOf(result, 'Net/IsolatedA', 's3').verdict).toBe('reachable');
    expect(requirementOf(result, 'Net/IsolatedB', 's3').verdict).toBe('unknown');
  });

  test('carry a declared S3 requirement on their route tables, the public answer being private there', () => {
    // GIVEN: S3 declared, offered by an interface endpoint without private DNS, and a gateway endpoint on subnet A's table
    const net = network({
      ...s3([ref('IsolatedATable')]),
      S3Interface: interfaceEndpoint('Vpc', 'com.amazonaws.us-east-1.s3', { SubnetIds: [ref('IsolatedA')], SecurityGroupIds: [ref('EndpointSg')] }),
    });

    // WHEN
    const result = proof(net);

    // THEN
    const viaGateway = result.requirements.filter(r => r.subnet === 'Net/IsolatedA' && r.service === 's3');
    expect(viaGateway.map(r => [r.via, r.verdict])).toEqual([['Net/S3', 'reachable'], ['Net/S3', 'reachable']]);
    expect(viaGateway[1].hops[0].detail).toBe('s3.us-east-1.amazonaws.com resolves to the service\'s public addresses, which Net/S3 carries');
    expect(result.requirements.filter(r => r.subnet === 'Net/IsolatedB' && r.service === 's3').map(r => r.verdict)).toEqual(['unreachable', 'unreachable']);
  });
});

describe('evaluate: declared services', () => {
  test('refutes a required service that no endpoint offers: its host resolves to the public address', () => {
    // GIVEN
    const net = network({}, {}, { metadata: [metadata(REQUIRED_SERVICES_METADATA, ['kms'])] });

    // WHEN
    const result = proof(net);

    // THEN
    expect(result.requirements.map(r => [r.subnet, r.service, r.verdict])).toEqual([
      ['Net/IsolatedA', 'sts', 'reachable'],
      ['Net/IsolatedA', 'kms', 'unreachable'],
      ['Net/IsolatedB', 'sts', 'reachable'],
      ['Net/IsolatedB', 'kms', 'unreachable'],
    ]);
    const kms = requirementOf(result, 'Net/IsolatedA', 'kms');
    expect(kms).toMatchObject({ host: 'kms.us-east-1.amazonaws.com', vpc: 'Net/Vpc', availabilityZone: 'us-east-1a' });
    expect(kms.via).toBeUndefined();
    expect(failingHop(kms)?.name).toBe('dns');
  });

  test('adds nothing for a required service an endpoint already offers', () => {
    const net = network({}, {}, { metadata: [metadata(REQUIRED_SERVICES_METADATA, ['sts'])] });
    expect(proof(net).requirements.map(r => r.service)).toEqual(['sts', 'sts']);
  });

  test('leaves a required service unknown in an environment-agnostic stack', () => {
    // GIVEN: no endpoint, so the only requirement is the declared one
    const net = network({ Sts: undefined }, {}, { account: undefined, region: undefined, metadata: [metadata(REQUIRED_SERVICES_METADATA, ['kms'])] });

    // WHEN
    const kms = requirementOf(proof(net), 'Net/IsolatedA', 'kms');

    // THEN
    expect(kms.verdict).toBe('unknown');
    expect(kms.hops).toEqual([{ name: 'dns', holds: undefined, detail: 'the host of kms is unknown in an environment-agnostic stack' }]);
  });

  test('reaches a required service through a private zone of the VPC that aliases an endpoint of another VPC', () => {
    // GIVEN: a hub endpoint for KMS, shared through a zone and reached through a Transit Gateway; the spoke declares kms
    const net = network({
      Hub: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16', EnableDnsSupport: true, EnableDnsHostnames: true } },
      ...subnetWithTable('HubSubnet', 'Hub', '10.1.0.0/24', 'us-east-1a', 'Isolated'),
      HubSg: { Type: 'AWS::EC2::SecurityGroup', Properties: { VpcId: ref('Hub'), SecurityGroupIngress: [tcp443('10.0.0.0/8')] } },
      Kms: interfaceEndpoint('Hub', 'com.amazonaws.us-east-1.kms', { SubnetIds: [ref('HubSubnet')], SecurityGroupIds: [ref('HubSg')] }),
      Zone: { Type: 'AWS::Route53::HostedZone', Properties: { Name: 'kms.us-east-1.amazonaws.com', VPCs: [{ VPCId: ref('Vpc'), VPCRegion: 'us-east-1' }] } },
      Record: {
        Type: 'AWS::Route53::RecordSet',
        Properties: { HostedZoneId: ref('Zone'), Name: 'kms.us-east-1.amazonaws.com', Type: 'A', AliasTarget: { DNSName: getAtt('Kms', 'DnsEntries'), HostedZoneId: 'Z1' } },
      },
      There: route('IsolatedATable', '10.1.0.0/16', { TransitGatewayId: 'tgw-0123' }),
      Back: route('HubSubnetTable', '10.0.0.0/16', { TransitGatewayId: 'tgw-0123' }),
    }, {}, { metadata: [metadata(REQUIRED_SERVICES_METADATA, ['kms'])] });

    // WHEN
    const result = proof(net);

    // THEN: offered through the zone, so required once, and reached
    const kms = requirementOf(result, 'Net/IsolatedA', 'kms');
    expect(kms).toMatchObject({ via: 'Net/Kms', verdict: 'reachable' });
    expect(kms.hops[0]).toEqual({ name: 'dns', holds: true, detail: 'kms.us-east-1.amazonaws.com resolves through the zone kms.us-east-1.amazonaws.com to Net/Kms' });
    expect(requirementOf(result, 'Net/IsolatedB', 'kms').verdict).toBe('unreachable');
  });
});

describe('evaluate: endpoints of endpoint services', () => {
  function consumer(listenerPort: number): AssemblyStack {
    return network({
      Nlb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network' } },
      Listener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: ref('Nlb'), Port: listenerPort } },
      Service: { Type: 'AWS::EC2::VPCEndpointService', Properties: { NetworkLoadBalancerArns: [ref('Nlb')] } },
      Sts: interfaceEndpoint('Vpc', { 'Fn::Join': ['', ['com.amazonaws.vpce.', { Ref: 'AWS::Region' }, '.', ref('Service')]] }, {
        SubnetIds: [ref('IsolatedA'), ref('IsolatedB')],
        SecurityGroupIds: [getAtt('EndpointSg', 'GroupId')],
      }),
    });
  }

  test('are reached on the port the consumer\'s group opens when the provider listens on it', () => {
    const requirement = requirementOf(proof(consumer(443)), 'Net/IsolatedA', 'Net/Sts');
    expect(requirement.verdict).toBe('reachable');
    expect(requirement.hops.map(hop => hop.name)).toEqual(['dns', 'network-interface', 'security-group', 'network-acl', 'route', 'endpoint-policy', 'provider']);
    expect(requirement.hops[6].detail).toBe('Net/Service listens on port 443');
  });

  test('are not reached when the provider listens on another port', () => {
    const requirement = requirementOf(proof(consumer(8443)), 'Net/IsolatedA', 'Net/Sts');
    expect(requirement.verdict).toBe('unreachable');
    expect(failingHop(requirement)).toEqual({ name: 'provider', holds: false, detail: 'Net/Service listens on 8443, not on 443, which the consumer opens' });
  });
});

describe('evaluate: workload subnets and internet paths', () => {
  const igw: Resources = { Igw: { Type: 'AWS::EC2::InternetGateway', Properties: {} } };

  test('leaves public subnets out: no requirement and no internet path', () => {
    // GIVEN
    const net = network({
      ...igw,
      ...subnetWithTable('PublicA', 'Vpc', '10.0.2.0/24', 'us-east-1a', 'Public', { MapPublicIpOnLaunch: true }),
      PublicDefault: route('PublicATable', '0.0.0.0/0', { GatewayId: ref('Igw') }),
    });

    // WHEN
    const result = proof(net);

    // THEN
    expect(result.requirements.map(r => r.subnet)).toEqual(['Net/IsolatedA', 'Net/IsolatedB']);
    expect(result.internetPaths).toEqual([]);
  });

  test('takes an untagged subnet as public when it routes to an internet gateway, and as a workload subnet otherwise', () => {
    const net = network({
      ...igw,
      ...subnetWithTable('UntaggedPublic', 'Vpc', '10.0.2.0/24', 'us-east-1a', undefined),
      ...subnetWithTable('UntaggedPrivate', 'Vpc', '10.0.3.0/24', 'us-east-1a', undefined),
      Default: route('UntaggedPublicTable', '0.0.0.0/0', { GatewayId: getAtt('Igw', 'InternetGatewayId') }),
    });
    expect(proof(net).requirements.map(r => r.subnet)).toEqual(['Net/IsolatedA', 'Net/IsolatedB', 'Net/UntaggedPrivate']);
  });

  test('reports a NAT gateway route of a private subnet as an allowed internet path', () => {
    // GIVEN
    const net = network({
      ...subnetWithTable('PrivateA', 'Vpc', '10.0.2.0/24', 'us-east-1a', 'Private'),
      Nat: { Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: 'subnet-0123' } },
      Default: route('PrivateATable', '0.0.0.0/0', { NatGatewayId: ref('Nat') }),
    });

    // WHEN
    const result = proof(net);

    // THEN
    expect(requirementOf(result, 'Net/PrivateA', 'sts').verdict).toBe('reachable');
    expect(result.internetPaths).toEqual([{
      vpc: 'Net/Vpc',
      subnet: 'Net/PrivateA',
      subnetKey: 'Net|PrivateA',
      kind: 'nat-gateway',
      detail: 'route to 0.0.0.0/0 through Net/Nat',
      forbidden: false,
    }]);
  });

  test('reports internet paths as forbidden when the VPC forbids the internet', () => {
    // GIVEN
    const net = network({
      ...igw,
      DefaultA: route('IsolatedATable', '0.0.0.0/0', { GatewayId: 'igw-0123456789abcdef0' }),
      Ipv6B: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('IsolatedBTable'), DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-0123' } },
    }, {}, { metadata: [metadata(NO_INTERNET_METADATA, true)] });

    // WHEN
    const result = proof(net);

    // THEN: subnets tagged isolated stay workload subnets, whatever their routes
    expect(result.internetPaths.map(p => [p.subnet, p.kind, p.detail, p.forbidden])).toEqual([
      ['Net/IsolatedA', 'internet-gateway', 'route to 0.0.0.0/0 through igw-0123456789abcdef0', true],
      ['Net/IsolatedB', 'egress-only-internet-gateway', 'route to ::/0 through eigw-0123', true],
    ]);
    expect(proofHolds(result)).toBe(false);
  });

  test('reports a public IP on launch as an internet path of a workload subnet', () => {
    const net = network({}, { IsolatedB: { MapPublicIpOnLaunch: true } }, { metadata: [metadata(NO_INTERNET_METADATA, true)] });
    expect(proof(net).internetPaths).toEqual([{
      vpc: 'Net/Vpc',
      subnet: 'Net/IsolatedB',
      subnetKey: 'Net|IsolatedB',
      kind: 'public-ip-on-launch',
      detail: 'instances get a public IPv4 address at launch',
      forbidden: true,
    }]);
  });

  test('reports a default route to a Transit Gateway attached to a VPC that routes to the internet', () => {
    // GIVEN: a centralized egress VPC with a NAT gateway, on the same Transit Gateway
    const net = network({
      Egress: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.9.0.0/16' } },
      ...subnetWithTable('EgressPrivate', 'Egress', '10.9.0.0/24', 'us-east-1a', 'Private'),
      EgressNat: route('EgressPrivateTable', '0.0.0.0/0', { NatGatewayId: 'nat-0123' }),
      Tgw: { Type: 'AWS::EC2::TransitGateway', Properties: {} },
      Attachment: { Type: 'AWS::EC2::TransitGatewayAttachment', Properties: { TransitGatewayId: ref('Tgw'), VpcId: ref('Vpc'), SubnetIds: [ref('IsolatedA')] } },
      EgressAttachment: { Type: 'AWS::EC2::TransitGatewayAttachment', Properties: { TransitGatewayId: ref('Tgw'), VpcId: ref('Egress'), SubnetIds: [ref('EgressPrivate')] } },
      DefaultA: route('IsolatedATable', '0.0.0.0/0', { TransitGatewayId: ref('Tgw') }),
    });

    // WHEN
    const paths = proof(net).internetPaths.filter(p => p.subnet === 'Net/IsolatedA');

    // THEN
    expect(paths).toEqual([{
      vpc: 'Net/Vpc',
      subnet: 'Net/IsolatedA',
      subnetKey: 'Net|IsolatedA',
      kind: 'transit-gateway',
      detail: 'default route through Net/Tgw to Net/Egress, which routes to the internet',
      forbidden: false,
    }]);
  });

  test('reports no internet path for a default route to a Transit Gateway whose other VPCs do not route to the internet', () => {
    const net = network({
      Tgw: { Type: 'AWS::EC2::TransitGateway', Properties: {} },
      Attachment: { Type: 'AWS::EC2::TransitGatewayAttachment', Properties: { TransitGatewayId: ref('Tgw'), VpcId: ref('Vpc'), SubnetIds: [ref('IsolatedA')] } },
      DefaultA: route('IsolatedATable', '0.0.0.0/0', { TransitGatewayId: ref('Tgw') }),
    });
    expect(proof(net).internetPaths).toEqual([]);
  });
});

describe('proveAssembly of a synthesized PrivateEgressVpc', () => {
  /** An app with a PrivateEgressVpc offering STS, synthesized into a directory of its own; `configure` may add to it. */
  function synthesized(configure: (egress: PrivateEgressVpc) => void = () => undefined): string {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'prove-evaluate-'));
    const app = new App({ outdir, context: { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS } });
    const stack = new Stack(app, 'Workloads', { env: { account: ACCOUNT, region: REGION } });
    const egress = new PrivateEgressVpc(stack, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });
    configure(egress);
    app.synth();
    return outdir;
  }

  test('holds: every isolated subnet reaches STS, S3 and DynamoDB, and none has an internet path', () => {
    // GIVEN
    const outdir = synthesized();

    // WHEN
    const result = proveAssembly(outdir);

    // THEN
    expect(proofHolds(result, true)).toBe(true);
    expect(result.requirements.filter(r => r.service === 'sts').map(r => [r.subnet, r.verdict, r.host, r.via])).toEqual(AZS.map((_, i) => [
      `Workloads/Egress/Vpc/IsolatedSubnet${i + 1}`, 'reachable', 'sts.us-east-1.amazonaws.com', 'Workloads/Egress/InterfaceEndpoints/Sts',
    ]));
    expect([...new Set(result.requirements.map(r => r.service))].sort()).toEqual(['dynamodb', 's3', 'sts']);
    expect(result.internetPaths).toEqual([]);
  });

  test('is refuted when the VPC requires KMS, which it has no endpoint for: the dns hop fails', () => {
    // GIVEN
    const outdir = synthesized(egress => NetworkRequirements.requireServices(egress.vpc, ['kms']));

    // WHEN
    const result = proveAssembly(outdir);

    // THEN
    expect(proofHolds(result)).toBe(false);
    const failing = result.requirements.filter(r => r.verdict !== 'reachable');
    expect(failing.map(r => [r.subnet, r.service, r.host, failingHop(r)?.name])).toEqual(AZS.map((_, i) => [
      `Workloads/Egress/Vpc/IsolatedSubnet${i + 1}`, 'kms', 'kms.us-east-1.amazonaws.com', 'dns',
    ]));
  });
});
