import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { selectSubnets } from './subnet-selection';
import { allowEndpointClientsAtSynth } from './vpc-ingress';
import { PortRange } from '../../resource-definition';
import { AppInventory } from '../inventory/app-inventory';
import { findIpv4CidrBlocks } from '../inventory/vpc-inspection';
import { uniqueNetworks } from '../rules/cidr-blocks';
import { Finding } from '../rules/findings';
import { LatticeDnsChoice, validateLatticeDns } from '../rules/lattice-dns';
import { validateEndpointPortRanges, validatePortRanges, warnPublicEndpointSubnets } from '../rules/resource';
import {
  toPlacement,
  validateClientCidrs,
  validateClientCidrsWithSecurityGroups,
  validateEndpointIngress,
  validateOneSubnetPerAz,
  validateVpcDns,
  warnUnknownCidrBlocks,
} from '../rules/vpc';

/** What a resource endpoint and a service-network endpoint are given alike. */
export interface LatticeEndpointOptions {
  readonly vpc: ec2.IVpc;
  readonly vpcSubnets?: ec2.SubnetSelection;
  readonly securityGroups?: ec2.ISecurityGroup[];
  readonly clientCidrs?: string[];
  /** The ports given as a prop, if any. */
  readonly givenPortRanges?: PortRange[];
  /** The ports the security group admits: given, or read from the target. */
  readonly portRanges: PortRange[];
  /** What is wrong with `portRanges` ("is empty", "is missing: ..."), for `validateEndpointPortRanges`; undefined when the ports are known. */
  readonly unknownPortsReason?: string;
  readonly dns: LatticeDnsChoice;
  /** `Resource` or `ServiceNetwork`, with the target's ARN in the matching property. */
  readonly target: Pick<ec2.CfnVPCEndpointProps, 'vpcEndpointType' | 'resourceConfigurationArn' | 'serviceNetworkArn'>;
  /** The construct's class, as errors name it: `PrivateResourceEndpoint`. */
  readonly constructName: string;
  /** The endpoint, as messages name it: "the resource endpoint". */
  readonly name: string;
  /** The description of the security group the construct defines. */
  readonly securityGroupDescription: string;
}

/** A VPC endpoint of VPC Lattice, as defined in its construct. */
export interface LatticeEndpoint {
  readonly endpoint: ec2.CfnVPCEndpoint;
  readonly connections: ec2.Connections;
  readonly subnets: ec2.ISubnet[];
  /** The rules of what every such endpoint is given, for the construct's own rules. */
  readonly findings: () => Finding[];
}

/**
 * Defines a resource or service-network endpoint in `scope`: `Endpoint` (an `AWS::EC2::VPCEndpoint` in one subnet per AZ)
 * and, unless security groups are given, `SecurityGroup`, which admits the ports from the VPC's CIDR blocks and
 * `clientCidrs` only, with no egress rules. Private DNS options are written only with private DNS on, the only case they
 * apply to ("Only supported when private DNS is enabled", DnsOptionsSpecification), and the preference always, so that
 * AWS's default never decides which provider names the VPC answers.
 */
export function defineLatticeEndpoint(scope: Construct, options: LatticeEndpointOptions): LatticeEndpoint {
  const { vpc, dns } = options;
  const selection = selectSubnets(vpc, options.vpcSubnets ?? { onePerAz: true });
  const subnets = selection.subnets;
  if (subnets.length === 0) {
    const reason = selection.problem ? ` (${selection.problem})` : '';
    throw new Error(`${options.constructName} ${scope.node.path}: \`vpcSubnets\` selects no subnet of the VPC${reason}, so ${options.name} has nowhere to go. `
      + 'Select at least one private or isolated subnet, one per AZ.');
  }
  const clientCidrs = uniqueNetworks(options.clientCidrs ?? []);
  const securityGroups = options.securityGroups ?? [defineSecurityGroup(scope, options, clientCidrs)];
  const defaultPort = options.portRanges.length === 1 ? options.portRanges[0].toEc2Port() : undefined;
  const endpoint = new ec2.CfnVPCEndpoint(scope, 'Endpoint', {
    vpcId: vpc.vpcId,
    ...options.target,
    subnetIds: subnets.map(subnet => subnet.subnetId),
    securityGroupIds: securityGroups.map(securityGroup => securityGroup.securityGroupId),
    privateDnsEnabled: dns.privateDnsEnabled,
    dnsOptions: dns.privateDnsEnabled ? {
      privateDnsPreference: dns.preference ?? 'VERIFIED_DOMAINS_ONLY',
      privateDnsSpecifiedDomains: dns.specifiedDomains,
    } : undefined,
  });

  return {
    endpoint,
    connections: new ec2.Connections({ securityGroups, defaultPort }),
    subnets,
    findings: () => {
      const vpcDetails = vpc instanceof ec2.Vpc ? vpc : undefined;
      return [
        ...validateEndpointPortRanges(options.unknownPortsReason, options.securityGroups !== undefined),
        ...validatePortRanges('portRanges', options.givenPortRanges ?? []),
        ...validateOneSubnetPerAz('vpcSubnets', subnets.map(toPlacement), options.name.replace(/^the /, 'a ')),
        ...warnPublicEndpointSubnets(subnets.filter(subnet => vpc.publicSubnets.includes(subnet)).map(subnet => toPlacement(subnet).subnetId)),
        // Given security groups are used as they are; the one defined here admits the VPC's CIDR blocks and clientCidrs.
        ...(options.securityGroups ? [] : validateEndpointIngress(findIpv4CidrBlocks(vpc, scope).length, 1, options.name)),
        ...validateClientCidrsWithSecurityGroups(options.clientCidrs !== undefined, options.securityGroups !== undefined),
        ...validateClientCidrs(clientCidrs),
        ...warnUnknownCidrBlocks(!(vpc instanceof ec2.Vpc), options.clientCidrs !== undefined, options.securityGroups === undefined),
        ...validateLatticeDns(dns),
        ...validateVpcDns(dns.privateDnsEnabled ? ['`privateDnsEnabled`'] : [], vpcDetails?.dnsSupportEnabled, vpcDetails?.dnsHostnamesEnabled),
      ];
    },
  };
}

/** The endpoints of a type in the VPC, across the app. */
export function latticeEndpointsOfVpc(scope: Construct, vpcId: string, type: string): number {
  return AppInventory.of(scope).endpointsOfVpc(vpcId).filter(entry => entry.type === type).length;
}

function defineSecurityGroup(scope: Construct, options: LatticeEndpointOptions, clientCidrs: string[]): ec2.ISecurityGroup {
  const securityGroup = new ec2.SecurityGroup(scope, 'SecurityGroup', {
    vpc: options.vpc,
    description: options.securityGroupDescription,
    allowAllOutbound: false,
  });
  allowEndpointClientsAtSynth(scope, options.vpc, securityGroup, () => options.portRanges.map(range => range.toEc2Port()), clientCidrs);
  return securityGroup;
}
