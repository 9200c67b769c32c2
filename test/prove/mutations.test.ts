import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildExampleApp } from '../../examples/example-app';
import { CONSUMER_ACCOUNT } from '../../examples/private-link';
import { AssemblyStack, readAssembly } from '../../src/prove/assembly';
import { Hop, InternetPath, ProofResult, RequirementResult } from '../../src/prove/evaluate';
import { proveStacks } from '../../src/prove/prove';
import { proofHolds } from '../../src/prove/report';

/*
 * Mutation tests of the reachability proof: the example app (examples/example-app.ts) is synthesized once, its proof must hold,
 * and then each test makes ONE mistake that a person could make in one template (a route table left out, a security group
 * rule with the wrong port, private DNS off, a Route 53 Profile association deleted, a route to the internet...) and
 * checks that the proof is now refuted, naming the subnet, the service and the hop that fails, and nothing else.
 *
 * A mutation that the proof does not catch is a defect of the proof, not of the test: its expectation says what the
 * proof should report, and the test fails until the proof reports it.
 */

type Resources = Record<string, { Type: string; Properties?: Record<string, any> }>;
type HopName = Hop['name'];

/** A subnet as `<stack ID>|<logical ID>`, the key the proof gives it. */
type SubnetKey = string;

interface RequirementExpectation {
  readonly kind: 'requirement';
  /** Every one of these subnets must have an unreachable requirement for every service below... */
  readonly subnets: SubnetKey[];
  /** ...by short name (`ssm`, `ecr.api`), or a pattern for a service the proof names by endpoint or service name. */
  readonly services: Array<string | RegExp>;
  /** ...with this hop failing (`holds: false`). */
  readonly hop: HopName;
}

interface InternetExpectation {
  readonly kind: 'internet';
  /** Every one of these subnets must have a forbidden internet path of this kind. */
  readonly subnets: SubnetKey[];
  readonly pathKind: InternetPath['kind'];
}

interface Mutation {
  /** The mistake, as a person would describe it. */
  readonly name: string;
  /** The ID of the stack whose template it changes. */
  readonly stack: string;
  readonly mutate: (resources: Resources) => void;
  readonly expected: RequirementExpectation | InternetExpectation;
}

// ---------------------------------------------------------------------------------------------------------------------
// The example's subnets and services.

const subnets = (stack: string, ...logicalIds: string[]): SubnetKey[] => logicalIds.map(id => `${stack}|${id}`);

// PrivateWorkloads: the PrivateEgressVpc of examples/app.ts, isolated subnets only, forbids internet paths.
const PW = subnets('PrivateWorkloads', 'NetworkVpcIsolatedSubnet1Subnet0400477E', 'NetworkVpcIsolatedSubnet2SubnetF65B365A',
  'NetworkVpcIsolatedSubnet3Subnet8C12D961');
const PW_ROUTE_TABLES = ['NetworkVpcIsolatedSubnet1RouteTableC39A3F61', 'NetworkVpcIsolatedSubnet2RouteTable77E6320E',
  'NetworkVpcIsolatedSubnet3RouteTableABCF7482'];
const PW_VPC = 'NetworkVpc7FB7348F';
const PW_SECURITY_GROUP = 'NetworkEndpointSecurityGroup6DEF6240';
const PW_INTERFACE_SERVICES = ['monitoring', 'ssm', 'ssmmessages', 'ec2messages', 'ecr.api', 'ecr.dkr', 'logs'];

// InventoryProvider/Egress: a dual-stack PrivateEgressVpc (it has an egress-only internet gateway, and no route to it).
const IP = subnets('InventoryProvider', 'EgressVpcIsolatedSubnet1Subnet12D88783', 'EgressVpcIsolatedSubnet2Subnet82CA24A9');

// EndpointHub: 12 interface endpoints shared through a Route 53 Profile; NetworkSpoke reaches them through the Transit Gateway.
const HUB = subnets('EndpointHub', 'HubEndpointsVpcIsolatedSubnet1Subnet9321D382', 'HubEndpointsVpcIsolatedSubnet2Subnet66B39EDC',
  'HubEndpointsVpcIsolatedSubnet3SubnetA0A657C5');
const HUB_SERVICES = ['sts', 'kms', 'secretsmanager', 'monitoring', 'sqs', 'sns', 'ssm', 'ssmmessages', 'ec2messages', 'ecr.api', 'ecr.dkr', 'logs'];
const SPOKE_SUBNETS = ['VpcWorkloadsSubnet1Subnet01FA5A7A', 'VpcWorkloadsSubnet2Subnet58788035', 'VpcWorkloadsSubnet3SubnetC6D968FD'];
const SPOKE_ROUTE_TABLES = ['VpcWorkloadsSubnet1RouteTableD64F6E8F', 'VpcWorkloadsSubnet2RouteTable1CA9AC0B', 'VpcWorkloadsSubnet3RouteTableECFC1C9D'];
const NS = subnets('NetworkSpoke', ...SPOKE_SUBNETS);
// PartnerSpoke: the same spoke in another account, given the hub's Profile ID and CIDR block as text.
const PS = subnets('PartnerSpoke', ...SPOKE_SUBNETS);

// PrivateLink consumers of the orders service (examples/private-link.ts).
const ORDERS_SUBNETS = ['VpcIsolatedSubnet1SubnetE48C5737', 'VpcIsolatedSubnet2Subnet16364B91'];
const OS = subnets('OrdersSameAccountConsumer', ...ORDERS_SUBNETS);
const OC = subnets('OrdersCrossAccountConsumer', ...ORDERS_SUBNETS);
const ORDERS_SERVICE_NAME = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';
/** The same-account consumer's service name is an import of the provider's export: the proof names it by endpoint or service. */
const ORDERS = /Orders/;

// AdoptedNetwork: an existing VPC (public, private with NAT, isolated) with its own S3 gateway endpoint.
const ADOPTED_PRIVATE = subnets('AdoptedNetwork', 'ExistingPrivateSubnet1SubnetE32ED450', 'ExistingPrivateSubnet2Subnet5BEF7DD2');
const ADOPTED_ISOLATED = subnets('AdoptedNetwork', 'ExistingIsolatedSubnet1SubnetA0142D8C', 'ExistingIsolatedSubnet2Subnet1CB67F1B');
const ADOPTED_INTERFACE_SERVICES = ['s3', 'ecr.api', 'ecr.dkr', 'logs', 'secretsmanager', 'kms', 'sts'];

// Consumers of VPC Lattice (service network, resource) and of a cross-Region service.
const DC = subnets('DataClient', ...ORDERS_SUBNETS);
const LC = subnets('LedgerClient', ...ORDERS_SUBNETS);
const IC = subnets('InventoryConsumer', ...ORDERS_SUBNETS);

// ---------------------------------------------------------------------------------------------------------------------
// Editing a template.

function resource(resources: Resources, logicalId: string): Record<string, any> {
  const found = resources[logicalId];
  if (found === undefined) {
    throw new Error(`the example has no resource ${logicalId}: update the mutation`);
  }
  found.Properties = found.Properties ?? {};
  return found.Properties;
}

function remove(resources: Resources, logicalId: string): void {
  resource(resources, logicalId);
  delete resources[logicalId];
}

function withoutRef(values: unknown[], logicalId: string): unknown[] {
  const kept = values.filter(value => (value as { Ref?: string }).Ref !== logicalId);
  if (kept.length === values.length) {
    throw new Error(`no Ref to ${logicalId}: update the mutation`);
  }
  return kept;
}

/** The inline ingress rule of a security group from a CIDR block (as PrivateEgressVpc, EndpointConsumer and the hub write it). */
function ingressRule(resources: Resources, securityGroup: string, cidr: string): Record<string, any> {
  const rule = (resource(resources, securityGroup).SecurityGroupIngress as Array<Record<string, any>>).find(r => r.CidrIp === cidr);
  if (rule === undefined) {
    throw new Error(`${securityGroup} has no ingress rule from ${cidr}: update the mutation`);
  }
  return rule;
}

const ref = (logicalId: string) => ({ Ref: logicalId });

// ---------------------------------------------------------------------------------------------------------------------
// The mutations.

const MUTATIONS: Mutation[] = [
  // --- PrivateWorkloads: gateway endpoints.
  {
    name: 'PrivateWorkloads: the S3 gateway endpoint leaves out the route table of isolated subnet 2',
    stack: 'PrivateWorkloads',
    mutate: r => {
      const props = resource(r, 'NetworkGatewayEndpointsS3A476A4AA');
      props.RouteTableIds = withoutRef(props.RouteTableIds, PW_ROUTE_TABLES[1]);
    },
    expected: { kind: 'requirement', subnets: [PW[1]], services: ['s3'], hop: 'gateway-route' },
  },
  {
    name: 'PrivateWorkloads: the DynamoDB gateway endpoint has no route tables at all',
    stack: 'PrivateWorkloads',
    mutate: r => {
      resource(r, 'NetworkGatewayEndpointsDynamodb15B5F767').RouteTableIds = [];
    },
    expected: { kind: 'requirement', subnets: PW, services: ['dynamodb'], hop: 'gateway-route' },
  },
  {
    name: 'PrivateWorkloads: isolated subnet 1 is associated with a new route table that carries no gateway endpoint',
    stack: 'PrivateWorkloads',
    mutate: r => {
      r.CustomRouteTable = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(PW_VPC) } };
      resource(r, 'NetworkVpcIsolatedSubnet1RouteTableAssociation95EB126D').RouteTableId = ref('CustomRouteTable');
    },
    expected: { kind: 'requirement', subnets: [PW[0]], services: ['s3', 'dynamodb'], hop: 'gateway-route' },
  },
  {
    // A subnet without an explicit association uses the VPC's main route table, which carries no gateway endpoint.
    name: 'PrivateWorkloads: the route table association of isolated subnet 2 is deleted (main route table)',
    stack: 'PrivateWorkloads',
    mutate: r => remove(r, 'NetworkVpcIsolatedSubnet2RouteTableAssociationC53FE45A'),
    expected: { kind: 'requirement', subnets: [PW[1]], services: ['s3', 'dynamodb'], hop: 'gateway-route' },
  },
  {
    // A custom network ACL denies all traffic until entries allow it (https://docs.aws.amazon.com/vpc/latest/userguide/custom-network-acl.html).
    name: 'PrivateWorkloads: isolated subnet 3 is associated with a new network ACL that has no entries (denies all)',
    stack: 'PrivateWorkloads',
    mutate: r => {
      resource(r, 'NetworkVpcIsolatedSubnet3Subnet8C12D961');
      r.WorkloadAcl = { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref(PW_VPC) } };
      r.WorkloadAclAssociation = {
        Type: 'AWS::EC2::SubnetNetworkAclAssociation',
        Properties: { NetworkAclId: ref('WorkloadAcl'), SubnetId: ref('NetworkVpcIsolatedSubnet3Subnet8C12D961') },
      };
    },
    // Gateway endpoints too: the subnet's ACL also filters its traffic to S3's and DynamoDB's public addresses.
    expected: { kind: 'requirement', subnets: [PW[2]], services: ['s3', 'dynamodb', ...PW_INTERFACE_SERVICES], hop: 'network-acl' },
  },
  // --- PrivateWorkloads: the interface endpoints' security group.
  {
    name: 'PrivateWorkloads: the endpoint security group admits port 80 instead of 443',
    stack: 'PrivateWorkloads',
    mutate: r => {
      const rule = ingressRule(r, PW_SECURITY_GROUP, '10.0.0.0/16');
      rule.FromPort = 80;
      rule.ToPort = 80;
    },
    expected: { kind: 'requirement', subnets: PW, services: PW_INTERFACE_SERVICES, hop: 'security-group' },
  },
  {
    name: 'PrivateWorkloads: the endpoint security group admits another VPC\'s block (10.1.0.0/16) instead of its own',
    stack: 'PrivateWorkloads',
    mutate: r => {
      ingressRule(r, PW_SECURITY_GROUP, '10.0.0.0/16').CidrIp = '10.1.0.0/16';
    },
    expected: { kind: 'requirement', subnets: PW, services: PW_INTERFACE_SERVICES, hop: 'security-group' },
  },
  {
    name: 'PrivateWorkloads: the endpoint security group admits isolated subnet 1 only (10.0.0.0/18)',
    stack: 'PrivateWorkloads',
    mutate: r => {
      ingressRule(r, PW_SECURITY_GROUP, '10.0.0.0/16').CidrIp = '10.0.0.0/18';
    },
    expected: { kind: 'requirement', subnets: [PW[1], PW[2]], services: PW_INTERFACE_SERVICES, hop: 'security-group' },
  },
  {
    name: 'PrivateWorkloads: the endpoint security group has no ingress rule',
    stack: 'PrivateWorkloads',
    mutate: r => {
      delete resource(r, PW_SECURITY_GROUP).SecurityGroupIngress;
    },
    expected: { kind: 'requirement', subnets: PW, services: PW_INTERFACE_SERVICES, hop: 'security-group' },
  },
  {
    name: 'PrivateWorkloads: the endpoint security group admits UDP 443 instead of TCP 443',
    stack: 'PrivateWorkloads',
    mutate: r => {
      ingressRule(r, PW_SECURITY_GROUP, '10.0.0.0/16').IpProtocol = 'udp';
    },
    expected: { kind: 'requirement', subnets: PW, services: PW_INTERFACE_SERVICES, hop: 'security-group' },
  },
  // --- PrivateWorkloads: interface endpoints.
  {
    name: 'PrivateWorkloads: the ssm endpoint has private DNS off',
    stack: 'PrivateWorkloads',
    mutate: r => {
      resource(r, 'NetworkInterfaceEndpointsSsm5D09CE7C').PrivateDnsEnabled = false;
    },
    expected: { kind: 'requirement', subnets: PW, services: ['ssm'], hop: 'dns' },
  },
  {
    name: 'PrivateWorkloads: the logs endpoint has no subnets',
    stack: 'PrivateWorkloads',
    mutate: r => {
      resource(r, 'NetworkInterfaceEndpointsLogs4C141C5F').SubnetIds = [];
    },
    expected: { kind: 'requirement', subnets: PW, services: ['logs'], hop: 'network-interface' },
  },
  {
    name: 'PrivateWorkloads: the VPC has DNS support off',
    stack: 'PrivateWorkloads',
    mutate: r => {
      resource(r, PW_VPC).EnableDnsSupport = false;
    },
    expected: { kind: 'requirement', subnets: PW, services: PW_INTERFACE_SERVICES, hop: 'dns' },
  },
  {
    // Private DNS of an interface endpoint needs both VPC attributes, enableDnsSupport and enableDnsHostnames
    // (PrivateDnsEnabled, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html).
    name: 'PrivateWorkloads: the VPC has DNS hostnames off',
    stack: 'PrivateWorkloads',
    mutate: r => {
      resource(r, PW_VPC).EnableDnsHostnames = false;
    },
    expected: { kind: 'requirement', subnets: PW, services: PW_INTERFACE_SERVICES, hop: 'dns' },
  },
  // --- PrivateWorkloads: ways to the internet, which the PrivateEgressVpc forbids.
  {
    name: 'PrivateWorkloads: isolated subnet 1 gets a default route to a NAT gateway',
    stack: 'PrivateWorkloads',
    mutate: r => {
      resource(r, PW_ROUTE_TABLES[0]);
      r.DefaultRoute = {
        Type: 'AWS::EC2::Route',
        Properties: { RouteTableId: ref(PW_ROUTE_TABLES[0]), DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123456789abcdef0' },
      };
    },
    expected: { kind: 'internet', subnets: [PW[0]], pathKind: 'nat-gateway' },
  },
  {
    name: 'PrivateWorkloads: isolated subnet 2 gets a default route to a new internet gateway',
    stack: 'PrivateWorkloads',
    mutate: r => {
      resource(r, PW_ROUTE_TABLES[1]);
      r.Igw = { Type: 'AWS::EC2::InternetGateway', Properties: {} };
      r.IgwAttachment = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref(PW_VPC), InternetGatewayId: ref('Igw') } };
      r.DefaultRoute = {
        Type: 'AWS::EC2::Route',
        Properties: { RouteTableId: ref(PW_ROUTE_TABLES[1]), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') },
      };
    },
    expected: { kind: 'internet', subnets: [PW[1]], pathKind: 'internet-gateway' },
  },
  {
    name: 'PrivateWorkloads: isolated subnet 3 gets a default route to a NAT instance',
    stack: 'PrivateWorkloads',
    mutate: r => {
      resource(r, PW_ROUTE_TABLES[2]);
      r.DefaultRoute = {
        Type: 'AWS::EC2::Route',
        Properties: { RouteTableId: ref(PW_ROUTE_TABLES[2]), DestinationCidrBlock: '0.0.0.0/0', InstanceId: 'i-0123456789abcdef0' },
      };
    },
    expected: { kind: 'internet', subnets: [PW[2]], pathKind: 'instance' },
  },
  {
    name: 'PrivateWorkloads: isolated subnet 3 maps public IPv4 addresses on launch',
    stack: 'PrivateWorkloads',
    mutate: r => {
      resource(r, 'NetworkVpcIsolatedSubnet3Subnet8C12D961').MapPublicIpOnLaunch = true;
    },
    expected: { kind: 'internet', subnets: [PW[2]], pathKind: 'public-ip-on-launch' },
  },
  // --- InventoryProvider/Egress: the dual-stack PrivateEgressVpc.
  {
    name: 'InventoryProvider/Egress: isolated subnet 1 gets an IPv6 default route to the egress-only internet gateway',
    stack: 'InventoryProvider',
    mutate: r => {
      resource(r, 'EgressVpcEIGW6A8E138D5');
      r.Ipv6DefaultRoute = {
        Type: 'AWS::EC2::Route',
        Properties: {
          RouteTableId: ref('EgressVpcIsolatedSubnet1RouteTableBCB449E6'),
          DestinationIpv6CidrBlock: '::/0',
          EgressOnlyInternetGatewayId: ref('EgressVpcEIGW6A8E138D5'),
        },
      };
    },
    expected: { kind: 'internet', subnets: [IP[0]], pathKind: 'egress-only-internet-gateway' },
  },
  {
    name: 'InventoryProvider/Egress: the cross-Region ecr.api endpoint (eu-west-1) has private DNS off',
    stack: 'InventoryProvider',
    mutate: r => {
      resource(r, 'EgressInterfaceEndpointsEcrApiEuWest15A8E3D53').PrivateDnsEnabled = false;
    },
    expected: { kind: 'requirement', subnets: IP, services: ['ecr.api'], hop: 'dns' },
  },
  {
    // IPv4 clients (the endpoints' IP address type is IPv4) need the IPv4 rule; the IPv6 rule cannot admit them.
    name: 'InventoryProvider/Egress: the endpoint security group lost its IPv4 rule, keeping the IPv6 one',
    stack: 'InventoryProvider',
    mutate: r => {
      const props = resource(r, 'EgressEndpointSecurityGroup424EDFF4');
      props.SecurityGroupIngress = (props.SecurityGroupIngress as Array<Record<string, unknown>>).filter(rule => rule.CidrIp !== '10.0.0.0/16');
    },
    expected: { kind: 'requirement', subnets: IP, services: ['ssm', 'ssmmessages', 'ec2messages', 'ecr.api'], hop: 'security-group' },
  },
  // --- EndpointHub and NetworkSpoke: the Route 53 Profile.
  {
    name: 'EndpointHub: the sts endpoint is not associated with the Profile',
    stack: 'EndpointHub',
    mutate: r => remove(r, 'HubProfileEndpointsStsAssociation45F65FD3'),
    expected: { kind: 'requirement', subnets: NS, services: ['sts'], hop: 'dns' },
  },
  {
    name: 'EndpointHub: the Profile association meant for sns names the sqs endpoint (copy and paste)',
    stack: 'EndpointHub',
    mutate: r => {
      const parts = resource(r, 'HubProfileEndpointsSnsAssociation1574E461').ResourceArn['Fn::Join'][1] as unknown[];
      const endpoint = parts.findIndex(part => (part as { Ref?: string }).Ref === 'HubEndpointsInterfaceEndpointsSns717E9C5F');
      expect(endpoint).toBeGreaterThanOrEqual(0);
      parts[endpoint] = ref('HubEndpointsInterfaceEndpointsSqs44E17CBC');
    },
    expected: { kind: 'requirement', subnets: NS, services: ['sns'], hop: 'dns' },
  },
  {
    name: 'NetworkSpoke: the spoke VPC is not associated with the hub\'s Profile',
    stack: 'NetworkSpoke',
    mutate: r => remove(r, 'SpokeProfileAssociation03538D5B'),
    expected: { kind: 'requirement', subnets: NS, services: HUB_SERVICES, hop: 'dns' },
  },
  {
    name: 'NetworkSpoke: the spoke VPC has DNS support off',
    stack: 'NetworkSpoke',
    mutate: r => {
      resource(r, 'Vpc8378EB38').EnableDnsSupport = false;
    },
    expected: { kind: 'requirement', subnets: NS, services: HUB_SERVICES, hop: 'dns' },
  },
  // --- EndpointHub and NetworkSpoke: the hub's endpoints.
  {
    name: 'EndpointHub: the kms endpoint has private DNS off (no other answer in the hub or through the Profile)',
    stack: 'EndpointHub',
    mutate: r => {
      resource(r, 'HubEndpointsInterfaceEndpointsKmsE31F09FE').PrivateDnsEnabled = false;
    },
    expected: { kind: 'requirement', subnets: [...HUB, ...NS], services: ['kms'], hop: 'dns' },
  },
  {
    name: 'EndpointHub: the sqs endpoint has no subnets',
    stack: 'EndpointHub',
    mutate: r => {
      resource(r, 'HubEndpointsInterfaceEndpointsSqs44E17CBC').SubnetIds = [];
    },
    expected: { kind: 'requirement', subnets: [...HUB, ...NS], services: ['sqs'], hop: 'network-interface' },
  },
  {
    name: 'EndpointHub: the endpoint security group lost its rule for the spokes\' block (clientCidrs)',
    stack: 'EndpointHub',
    mutate: r => {
      const props = resource(r, 'HubEndpointsEndpointSecurityGroup66247B66');
      props.SecurityGroupIngress = (props.SecurityGroupIngress as Array<Record<string, unknown>>).filter(rule => rule.CidrIp !== '10.16.0.0/12');
    },
    expected: { kind: 'requirement', subnets: NS, services: HUB_SERVICES, hop: 'security-group' },
  },
  {
    // The classic stateless-ACL mistake: the rules mirror the request (443 in and out), the replies on ephemeral ports are denied.
    name: 'NetworkSpoke: workload subnet 2 gets a network ACL that allows port 443 both ways but not the replies',
    stack: 'NetworkSpoke',
    mutate: r => {
      resource(r, SPOKE_SUBNETS[1]);
      r.WorkloadAcl = { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref('Vpc8378EB38') } };
      r.WorkloadAclAssociation = {
        Type: 'AWS::EC2::SubnetNetworkAclAssociation',
        Properties: { NetworkAclId: ref('WorkloadAcl'), SubnetId: ref(SPOKE_SUBNETS[1]) },
      };
      for (const egress of [false, true]) {
        r[`WorkloadAcl${egress ? 'Egress' : 'Ingress'}443`] = {
          Type: 'AWS::EC2::NetworkAclEntry',
          Properties: {
            NetworkAclId: ref('WorkloadAcl'),
            RuleNumber: 100,
            Protocol: 6,
            RuleAction: 'allow',
            Egress: egress,
            CidrBlock: '0.0.0.0/0',
            PortRange: { From: 443, To: 443 },
          },
        };
      }
    },
    expected: { kind: 'requirement', subnets: [NS[1]], services: HUB_SERVICES, hop: 'network-acl' },
  },
  // --- EndpointHub and NetworkSpoke: Transit Gateway routes.
  {
    name: 'NetworkSpoke: workload subnet 1 has no route to the hub through the Transit Gateway',
    stack: 'NetworkSpoke',
    mutate: r => remove(r, 'SpokeWorkloadsSubnet1To10150016FF507CE2'),
    expected: { kind: 'requirement', subnets: [NS[0]], services: HUB_SERVICES, hop: 'route' },
  },
  {
    name: 'NetworkSpoke: the route of workload subnet 2 to the hub has a typo in its destination (10.51.0.0/16)',
    stack: 'NetworkSpoke',
    mutate: r => {
      resource(r, 'SpokeWorkloadsSubnet2To10150016931B9D97').DestinationCidrBlock = '10.51.0.0/16';
    },
    expected: { kind: 'requirement', subnets: [NS[1]], services: HUB_SERVICES, hop: 'route' },
  },
  {
    name: 'NetworkSpoke: the route of workload subnet 3 to the hub goes through another Transit Gateway',
    stack: 'NetworkSpoke',
    mutate: r => {
      resource(r, 'SpokeWorkloadsSubnet3To10150016A8D81BC9').TransitGatewayId = 'tgw-0fedcba9876543210';
    },
    expected: { kind: 'requirement', subnets: [NS[2]], services: HUB_SERVICES, hop: 'route' },
  },
  {
    name: 'EndpointHub: isolated subnet 2 of the hub has no route back to the spokes',
    stack: 'EndpointHub',
    mutate: r => remove(r, 'HubSpokeRoutesIsolatedSubnet2To101600122F4E8B0D'),
    expected: { kind: 'requirement', subnets: NS, services: HUB_SERVICES, hop: 'route' },
  },
  {
    name: 'EndpointHub: the route back to the spokes from isolated subnet 3 has a wrong destination (10.32.0.0/12)',
    stack: 'EndpointHub',
    mutate: r => {
      resource(r, 'HubSpokeRoutesIsolatedSubnet3To10160012481B70D2').DestinationCidrBlock = '10.32.0.0/12';
    },
    expected: { kind: 'requirement', subnets: NS, services: HUB_SERVICES, hop: 'route' },
  },
  // --- PartnerSpoke: the spoke in another account.
  {
    name: 'PartnerSpoke: the S3 gateway endpoint leaves out the route table of workload subnet 3',
    stack: 'PartnerSpoke',
    mutate: r => {
      const props = resource(r, 'GatewayEndpointsS388273174');
      props.RouteTableIds = withoutRef(props.RouteTableIds, SPOKE_ROUTE_TABLES[2]);
    },
    expected: { kind: 'requirement', subnets: [PS[2]], services: ['s3'], hop: 'gateway-route' },
  },
  // No Transit Gateway route mutation for PartnerSpoke: its hub is in another account, so which endpoint answers its
  // names (and so where the route must lead) is not in the app; its requirements are `unknown` until the Profile goes.
  {
    name: 'PartnerSpoke: the spoke VPC is not associated with the hub\'s Profile',
    stack: 'PartnerSpoke',
    mutate: r => remove(r, 'SpokeProfileAssociation03538D5B'),
    expected: { kind: 'requirement', subnets: PS, services: HUB_SERVICES, hop: 'dns' },
  },
  // --- PrivateLink consumers of the orders service.
  {
    name: 'OrdersCrossAccountConsumer: the endpoint to the orders service has no subnets',
    stack: 'OrdersCrossAccountConsumer',
    mutate: r => {
      resource(r, 'OrdersEndpoint790B07BA').SubnetIds = [];
    },
    expected: { kind: 'requirement', subnets: OC, services: [ORDERS_SERVICE_NAME], hop: 'network-interface' },
  },
  {
    name: 'OrdersSameAccountConsumer: the endpoint security group admits another VPC\'s block (10.1.0.0/16)',
    stack: 'OrdersSameAccountConsumer',
    mutate: r => {
      ingressRule(r, 'OrdersSecurityGroup2E5456CF', '10.0.0.0/16').CidrIp = '10.1.0.0/16';
    },
    expected: { kind: 'requirement', subnets: OS, services: [ORDERS], hop: 'security-group' },
  },
  {
    name: 'OrdersSameAccountConsumer: the endpoint security group has no ingress rule',
    stack: 'OrdersSameAccountConsumer',
    mutate: r => {
      delete resource(r, 'OrdersSecurityGroup2E5456CF').SecurityGroupIngress;
    },
    expected: { kind: 'requirement', subnets: OS, services: [ORDERS], hop: 'security-group' },
  },
  {
    name: 'OrdersCrossAccountConsumer: isolated subnet 1 is associated with a new network ACL that has no entries (denies all)',
    stack: 'OrdersCrossAccountConsumer',
    mutate: r => {
      resource(r, ORDERS_SUBNETS[0]);
      r.WorkloadAcl = { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref('Vpc8378EB38') } };
      r.WorkloadAclAssociation = {
        Type: 'AWS::EC2::SubnetNetworkAclAssociation',
        Properties: { NetworkAclId: ref('WorkloadAcl'), SubnetId: ref(ORDERS_SUBNETS[0]) },
      };
    },
    expected: { kind: 'requirement', subnets: [OC[0]], services: [ORDERS_SERVICE_NAME], hop: 'network-acl' },
  },
  {
    // The provider (OrdersProvider, same assembly) listens on 8443: its NLB listener says so.
    name: 'OrdersSameAccountConsumer: the endpoint security group admits 443, not the port the provider listens on (8443)',
    stack: 'OrdersSameAccountConsumer',
    mutate: r => {
      const rule = ingressRule(r, 'OrdersSecurityGroup2E5456CF', '10.0.0.0/16');
      rule.FromPort = 443;
      rule.ToPort = 443;
    },
    // The consumer's rule admits the clients, on a port the provider's load balancer does not listen on.
    expected: { kind: 'requirement', subnets: OS, services: [ORDERS], hop: 'provider' },
  },
  {
    // Clients are given orders.internal.example.com (EndpointConsumer domainName); the zone that answers it is the one
    // mistake-prone piece of DNS of a PrivateLink consumer.
    name: 'OrdersCrossAccountConsumer: the private zone of orders.internal.example.com is associated with another VPC',
    stack: 'OrdersCrossAccountConsumer',
    mutate: r => {
      resource(r, 'OrdersHostedZoneE2D1EE04').VPCs = [{ VPCId: 'vpc-0123456789abcdef0', VPCRegion: 'us-east-1' }];
    },
    expected: { kind: 'requirement', subnets: OC, services: [ORDERS_SERVICE_NAME], hop: 'dns' },
  },
  // --- AdoptedNetwork: an existing VPC with its own S3 gateway endpoint.
  {
    name: 'AdoptedNetwork: the existing S3 gateway endpoint leaves out the route table of private subnet 1',
    stack: 'AdoptedNetwork',
    mutate: r => {
      const props = resource(r, 'ExistingS32310ED22');
      props.RouteTableIds = withoutRef(props.RouteTableIds, 'ExistingPrivateSubnet1RouteTable71C8261C');
    },
    expected: { kind: 'requirement', subnets: [ADOPTED_PRIVATE[0]], services: ['s3'], hop: 'gateway-route' },
  },
  {
    name: 'AdoptedNetwork: the endpoint security group admits the on-premises block only, not the VPC',
    stack: 'AdoptedNetwork',
    mutate: r => {
      const props = resource(r, 'EndpointsEndpointSecurityGroup21CE02B5');
      props.SecurityGroupIngress = (props.SecurityGroupIngress as Array<Record<string, unknown>>).filter(rule => rule.CidrIp !== '10.0.0.0/16');
    },
    // S3 is the exception: its interface endpoint answers on-premises clients only (OnlyInboundResolver), and the VPC's
    // clients reach S3 through the gateway endpoint, whatever the interface endpoint's security group admits.
    expected: {
      kind: 'requirement',
      subnets: [...ADOPTED_PRIVATE, ...ADOPTED_ISOLATED],
      services: ADOPTED_INTERFACE_SERVICES.filter(service => service !== 's3'),
      hop: 'security-group',
    },
  },
  {
    // The policy's only statement for workloads allows the principals of another account (a copy and paste of the
    // account ID); the other statement is for AWS service principals. Nothing allows this account's principals.
    name: 'AdoptedNetwork: the ecr.api endpoint policy allows the principals of another account instead of its own',
    stack: 'AdoptedNetwork',
    mutate: r => {
      const statement = (resource(r, 'EndpointsInterfaceEndpointsEcrApi9EE74866').PolicyDocument.Statement as Array<Record<string, any>>)
        .find(s => s.Sid === 'AllowAccountPrincipals')!;
      statement.Condition.StringEquals['aws:PrincipalAccount'] = CONSUMER_ACCOUNT;
    },
    expected: { kind: 'requirement', subnets: [...ADOPTED_PRIVATE, ...ADOPTED_ISOLATED], services: ['ecr.api'], hop: 'endpoint-policy' },
  },
  {
    // The S3 interface endpoint answers S3's names for the inbound Resolver endpoint only (PrivateDnsOnlyForInboundResolverEndpoint,
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html): in the VPC, S3's names
    // resolve to public addresses, which only the gateway endpoint kept private (the private subnets now reach S3 through NAT).
    // An adopted VPC's owner deletes "the old" gateway endpoint, seeing an S3 interface endpoint with private DNS.
    name: 'AdoptedNetwork: the existing S3 gateway endpoint is deleted, the S3 interface endpoint answering on-premises only',
    stack: 'AdoptedNetwork',
    mutate: r => remove(r, 'ExistingS32310ED22'),
    expected: { kind: 'requirement', subnets: [...ADOPTED_PRIVATE, ...ADOPTED_ISOLATED], services: ['s3'], hop: 'dns' },
  },
  // --- Consumers of VPC Lattice and of a cross-Region service.
  {
    name: 'DataClient: the service-network endpoint has no subnets',
    stack: 'DataClient',
    mutate: r => {
      resource(r, 'DataNetworkEndpoint9A294225').SubnetIds = [];
    },
    expected: { kind: 'requirement', subnets: DC, services: [/DataNetwork|servicenetwork/], hop: 'network-interface' },
  },
  {
    name: 'LedgerClient: the VPC of the resource endpoint has DNS support off',
    stack: 'LedgerClient',
    mutate: r => {
      resource(r, 'Vpc8378EB38').EnableDnsSupport = false;
    },
    expected: { kind: 'requirement', subnets: LC, services: [/Ledger|resourceconfiguration/], hop: 'dns' },
  },
  {
    name: 'InventoryConsumer: the cross-Region endpoint to the inventory service has no subnets',
    stack: 'InventoryConsumer',
    mutate: r => {
      resource(r, 'InventoryEndpoint884D2EEA').SubnetIds = [];
    },
    expected: { kind: 'requirement', subnets: IC, services: [/Inventory/], hop: 'network-interface' },
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// Synthesis (once) and the unmutated proof.

let outdir: string;
let baselineStacks: AssemblyStack[];
let baseline: ProofResult;

beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'prove-mutations-'));
  buildExampleApp(outdir).synth();
  baselineStacks = readAssembly(outdir);
  baseline = proveStacks(baselineStacks);
}, 180_000);

afterAll(() => {
  if (outdir) {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});

function subnetIs(r: { subnet: string }, key: SubnetKey): boolean {
  const subnetKey = (r as { subnetKey?: string }).subnetKey;
  return subnetKey === key || r.subnet === key || r.subnet === key.replace('|', '/');
}

function serviceIs(r: RequirementResult, service: string | RegExp): boolean {
  return typeof service === 'string' ? r.service === service : service.test(r.service) || service.test(r.via ?? '');
}

function describeRequirement(r: RequirementResult): string {
  const failing = r.hops.filter(hop => hop.holds !== true).map(hop => `${hop.name}=${hop.holds}: ${hop.detail}`);
  return `${r.subnet} -> ${r.service}: ${r.verdict}${failing.length > 0 ? ` (${failing.join('; ')})` : ''}`;
}

describe('the unmutated example', () => {
  test('the proof holds, with no unreachable requirement and no forbidden internet path', () => {
    expect(baselineStacks.map(stack => stack.id)).toEqual(expect.arrayContaining([
      'PrivateWorkloads', 'OrdersSameAccountConsumer', 'OrdersCrossAccountConsumer', 'AdoptedNetwork', 'DataClient', 'LedgerClient',
      'InventoryProvider', 'InventoryConsumer', 'EndpointHub', 'NetworkSpoke', 'PartnerSpoke',
    ]));
    expect(proofHolds(baseline)).toBe(true);
    expect(baseline.requirements.filter(r => r.verdict === 'unreachable').map(describeRequirement)).toEqual([]);
    expect(baseline.internetPaths.filter(p => p.forbidden)).toEqual([]);
  });

  test('no requirement that a mutation must break is refuted before it', () => {
    // Without this, a mutation could "pass" on a requirement that never held.
    for (const { expected } of MUTATIONS.filter(m => m.expected.kind === 'requirement')) {
      const { subnets: keys, services } = expected as RequirementExpectation;
      for (const key of keys) {
        for (const service of services) {
          const before = baseline.requirements.filter(r => subnetIs(r, key) && serviceIs(r, service));
          expect(before.filter(r => r.verdict === 'unreachable').map(describeRequirement)).toEqual([]);
        }
      }
    }
  });

  test('the only undecided requirements are the partner spoke\'s hub services, whose Profile is in another account', () => {
    // PartnerSpoke declares the hub's services, and is associated with the hub's Profile by ID (`rp-...`): the Profile
    // and its endpoints are not in the app, so what answers the names cannot be decided.
    const unknown = baseline.requirements.filter(r => r.verdict === 'unknown');
    expect(unknown.filter(r => !PS.some(key => subnetIs(r, key))).map(describeRequirement)).toEqual([]);
    expect(unknown.map(r => r.service).sort()).toEqual(PS.flatMap(() => HUB_SERVICES).sort());
  });

  test('the internet paths are the adopted VPC\'s NAT routes, which it keeps on purpose (allowed)', () => {
    expect(baseline.internetPaths.map(p => [p.kind, p.forbidden])).toEqual(ADOPTED_PRIVATE.map(() => ['nat-gateway', false]));
    expect(ADOPTED_PRIVATE.every(key => baseline.internetPaths.some(p => subnetIs(p, key)))).toBe(true);
  });
});

describe('mutations', () => {
  test('there are at least 30, each distinct', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(MUTATIONS.map(m => m.name)).size).toBe(MUTATIONS.length);
  });

  test.each(MUTATIONS.map(m => [m.name, m] as const))('%s', (_name, mutation) => {
    const stacks = structuredClone(baselineStacks);
    const stack = stacks.find(s => s.id === mutation.stack);
    if (stack === undefined) {
      throw new Error(`the example has no stack ${mutation.stack}`);
    }
    mutation.mutate(stack.template.Resources as Resources);
    const result = proveStacks(stacks);
    const expected = mutation.expected;
    const inExpectedSubnet = (r: { subnet: string }) => expected.subnets.some(key => subnetIs(r, key));

    // The proof is refuted...
    const problems: string[] = proofHolds(result) ? ['the proof still holds'] : [];
    if (expected.kind === 'requirement') {
      // ...for each subnet and service, with the expected hop failing...
      for (const key of expected.subnets) {
        for (const service of expected.services) {
          const found = result.requirements.filter(r => subnetIs(r, key) && serviceIs(r, service));
          if (!found.some(r => r.verdict === 'unreachable' && r.hops.some(hop => hop.name === expected.hop && hop.holds === false))) {
            problems.push(`${key} -> ${service}: expected unreachable with a failing ${expected.hop} hop; the proof says: `
              + `${found.length === 0 ? 'nothing (no requirement)' : found.map(describeRequirement).join(' | ')}`);
          }
        }
      }
    } else {
      // ...by a forbidden internet path of the expected kind from each subnet...
      for (const key of expected.subnets) {
        const found = result.internetPaths.filter(p => subnetIs(p, key));
        if (!found.some(p => p.kind === expected.pathKind && p.forbidden)) {
          problems.push(`${key}: expected a forbidden ${expected.pathKind} internet path; the proof says: `
            + `${found.length === 0 ? 'no internet path' : found.map(p => `${p.kind} (${p.detail}), forbidden: ${p.forbidden}`).join(' | ')}`);
        }
      }
    }
    expect(problems).toEqual([]);

    // ...and nothing else changes: outside the expected subnets, the verdicts and internet paths are those of the baseline.
    const verdicts = (r: ProofResult) => r.requirements.filter(req => !inExpectedSubnet(req)).map(req => `${req.subnet} -> ${req.service}: ${req.verdict}`).sort();
    const paths = (r: ProofResult) => r.internetPaths.filter(p => !inExpectedSubnet(p)).map(p => `${p.subnet}: ${p.kind} ${p.forbidden}`).sort();
    expect(verdicts(result)).toEqual(verdicts(baseline));
    expect(paths(result)).toEqual(paths(baseline));
  });
});
