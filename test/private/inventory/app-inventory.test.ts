import { App, Aspects, Stack, Stage, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53profiles from 'aws-cdk-lib/aws-route53profiles';
import { Construct, Node } from 'constructs';
import { EndpointConsumer } from '../../../src/endpoint-consumer';
import { AppInventory, trackAppInventory } from '../../../src/private/inventory/app-inventory';
import { PrivateEgressVpc } from '../../../src/private-egress-vpc';
import { ACCOUNT, isolatedVpc, REGION, testStack, validationErrors } from '../../util';

const SERVICE_NAME = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';
const ENV = { account: ACCOUNT, region: REGION };

/** An inventory of the app, read outside synth: built when first asked for. */
function inventoryOf(scope: Construct): AppInventory {
  trackAppInventory(scope);
  return AppInventory.of(scope);
}

/** An app of several stacks, each with a PrivateEgressVpc and an EndpointConsumer with a private hosted zone. */
function appOfWorkloadStacks(count: number): { app: App; stacks: Stack[] } {
  const { app, stack: first } = testStack();
  const stacks = [first, ...Array.from({ length: count - 1 }, (_, i) => new Stack(app, `Workload${i + 1}`, { env: ENV }))];
  for (const stack of stacks) {
    const network = new PrivateEgressVpc(stack, 'Network', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM] });
    new EndpointConsumer(stack, 'Orders', {
      vpc: network.vpc,
      service: new ec2.InterfaceVpcEndpointService(SERVICE_NAME, 443),
      domainName: 'orders.internal',
    });
  }
  return { app, stacks };
}

describe('AppInventory', () => {
  test('indexes route tables by VPC, routes by route table, internet gateways and CIDR blocks by VPC', () => {
    // GIVEN
    const { app, stack } = testStack();
    const vpc = isolatedVpc(stack);
    const other = new Stack(app, 'Other', { env: ENV });
    const table = new ec2.CfnRouteTable(other, 'Table', { vpcId: vpc.vpcId });
    const igw = new ec2.CfnInternetGateway(other, 'Igw');
    const route = new ec2.CfnRoute(other, 'Route', { routeTableId: table.ref, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.ref });
    const block = new ec2.CfnVPCCidrBlock(other, 'Block', { vpcId: vpc.vpcId, cidrBlock: '100.64.0.0/16' });

    // WHEN
    const inventory = inventoryOf(stack);

    // THEN
    expect(inventory.routeTableIdsOfVpc(vpc.vpcId)).toEqual([...vpc.isolatedSubnets.map(subnet => subnet.routeTable.routeTableId), table.ref]);
    expect(inventory.routesOfRouteTable(table.ref)).toEqual([route]);
    expect(inventory.routesOfRouteTable(vpc.isolatedSubnets[0].routeTable.routeTableId)).toEqual([]);
    expect([inventory.isInternetGateway(igw.ref), inventory.isInternetGateway(table.ref)]).toEqual([true, false]);
    expect(inventory.cidrBlocksOfVpc(vpc.vpcId)).toEqual([block]);
    expect(inventory.cidrBlocksOfVpc('vpc-0123456789abcdef0')).toEqual([]);
  });

  test('indexes the endpoints of a VPC with their type, service name, route tables, private DNS and path', () => {
    // GIVEN
    const { stack } = testStack();
    const vpc = isolatedVpc(stack);
    vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    vpc.addInterfaceEndpoint('Ssm', { service: ec2.InterfaceVpcEndpointAwsService.SSM });
    new ec2.CfnVPCEndpoint(stack, 'Untyped', { vpcId: vpc.vpcId, serviceName: 'com.amazonaws.us-east-1.dynamodb' });
    new ec2.CfnVPCEndpoint(stack, 'TokenType', {
      vpcId: vpc.vpcId,
      serviceName: SERVICE_NAME,
      vpcEndpointType: Token.asString({ Ref: 'EndpointType' }),
      routeTableIds: Token.asList({ Ref: 'RouteTables' }),
    });

    // WHEN
    const endpoints = inventoryOf(stack).endpointsOfVpc(vpc.vpcId);

    // THEN
    expect(endpoints).toEqual([
      {
        path: 'TestStack/Vpc/S3/Resource',
        type: 'Gateway',
        serviceName: ec2.GatewayVpcEndpointAwsService.S3.name,
        routeTableIds: vpc.isolatedSubnets.map(subnet => subnet.routeTable.routeTableId),
        privateDnsEnabled: undefined,
      },
      {
        path: 'TestStack/Vpc/Ssm/Resource',
        type: 'Interface',
        serviceName: ec2.InterfaceVpcEndpointAwsService.SSM.name,
        routeTableIds: [],
        privateDnsEnabled: true,
      },
      { path: 'TestStack/Untyped', type: 'Gateway', serviceName: 'com.amazonaws.us-east-1.dynamodb', routeTableIds: [], privateDnsEnabled: undefined },
      { path: 'TestStack/TokenType', type: undefined, serviceName: SERVICE_NAME, routeTableIds: undefined, privateDnsEnabled: undefined },
    ]);
  });

  test('indexes Route 53 Profile associations by VPC and by profile', () => {
    // GIVEN
    const { stack } = testStack();
    const vpc = isolatedVpc(stack);
    const first = new route53profiles.CfnProfileAssociation(stack, 'First', { name: 'first', profileId: 'rp-1', resourceId: vpc.vpcId });
    const second = new route53profiles.CfnProfileAssociation(stack, 'Second', { name: 'second', profileId: 'rp-1', resourceId: 'vpc-0123456789abcdef0' });

    // WHEN
    const inventory = inventoryOf(stack);

    // THEN
    expect(inventory.profileAssociationsOfVpc(vpc.vpcId)).toEqual([first]);
    expect(inventory.profileAssociationsOfProfile('rp-1')).toEqual([first, second]);
    expect(inventory.profileAssociationsOfProfile('rp-2')).toEqual([]);
  });

  test('indexes endpoint services by the ARNs of their load balancers', () => {
    // GIVEN
    const { stack } = testStack();
    const first = new ec2.CfnVPCEndpointService(stack, 'First', { networkLoadBalancerArns: ['arn:a', 'arn:b'] });
    const second = new ec2.CfnVPCEndpointService(stack, 'Second', { networkLoadBalancerArns: ['arn:b'] });

    // WHEN
    const inventory = inventoryOf(stack);

    // THEN
    expect([inventory.endpointServicesOfLoadBalancer('arn:a'), inventory.endpointServicesOfLoadBalancer('arn:b')])
      .toEqual([[first], [first, second]]);
  });

  test('indexes private hosted zones by VPC and name, from L2 zones (with VPCs added later) and L1 zones, not public ones', () => {
    // GIVEN
    const { stack } = testStack();
    const vpc = isolatedVpc(stack);
    const otherVpc = isolatedVpc(stack, 'OtherVpc');
    const l2 = new route53.PrivateHostedZone(stack, 'L2', { zoneName: 'Orders.Internal.', vpc: otherVpc });
    l2.addVpc(vpc);
    const l1 = new route53.CfnHostedZone(stack, 'L1', { name: 'orders.internal', vpcs: [{ vpcId: vpc.vpcId, vpcRegion: REGION }] });
    new route53.PublicHostedZone(stack, 'Public', { zoneName: 'orders.internal' });

    // WHEN
    const inventory = inventoryOf(stack);

    // THEN
    expect(inventory.privateHostedZones(vpc.vpcId, 'orders.internal.')).toEqual([
      { construct: l2, zoneName: 'orders.internal' },
      { construct: l1, zoneName: 'orders.internal' },
    ]);
    expect(inventory.privateHostedZones(otherVpc.vpcId, 'ORDERS.internal')).toEqual([{ construct: l2, zoneName: 'orders.internal' }]);
    expect(inventory.privateHostedZones(vpc.vpcId, 'internal')).toEqual([]);
  });

  test('is built once per synth phase, whatever the number of stacks', () => {
    // GIVEN
    const { app } = appOfWorkloadStacks(3);
    const findAll = jest.spyOn(Node.prototype, 'findAll');
    const scansOfApp = () => findAll.mock.contexts.filter(node => node === app.node).length;

    try {
      // WHEN
      app.synth();
      const firstSynth = scansOfApp();
      app.synth({ force: true });

      // THEN
      // One scan when the aspects run (the endpoint security groups' CIDR rules), one when validation does.
      expect([firstSynth, scansOfApp()]).toEqual([2, 4]);
    } finally {
      findAll.mockRestore();
    }
  });

  test('sees what changed between two synths of the app, in aspects and in validation', () => {
    // GIVEN
    const { app, stacks: [stack] } = appOfWorkloadStacks(2);
    const network = stack.node.findChild('Network') as PrivateEgressVpc;
    app.synth();

    // WHEN
    new ec2.CfnVPCCidrBlock(stack, 'Secondary', { vpcId: network.vpc.vpcId, cidrBlock: '100.64.0.0/16' });
    const igw = new ec2.CfnInternetGateway(stack, 'Igw');
    new ec2.CfnRoute(stack, 'ToInternet', {
      routeTableId: network.vpc.isolatedSubnets[0].routeTable.routeTableId,
      destinationCidrBlock: '0.0.0.0/0',
      gatewayId: igw.ref,
    });

    // THEN
    expect(() => app.synth({ force: true })).toThrow(/\[TestStack\/Network\] route TestStack\/ToInternet sends 0\.0\.0\.0\/0 through an internet gateway/);
    const securityGroup = network.endpointSecurityGroup.node.defaultChild as ec2.CfnSecurityGroup;
    expect(stack.resolve(securityGroup.securityGroupIngress)).toEqual(expect.arrayContaining([
      expect.objectContaining({ cidrIp: '100.64.0.0/16', fromPort: 443 }),
    ]));
  });

  test('sees what aspects add after the inventory was first read in the synth', () => {
    // GIVEN
    const { stacks: [stack, laterStack] } = appOfWorkloadStacks(2);
    const network = stack.node.findChild('Network') as PrivateEgressVpc;

    // WHEN
    // The aspects of the first stack read the inventory before this one, on a later stack, runs.
    Aspects.of(laterStack).add({
      visit: node => {
        if (node === laterStack) {
          new ec2.CfnRoute(laterStack, 'ToNat', {
            routeTableId: network.vpc.isolatedSubnets[0].routeTable.routeTableId,
            destinationCidrBlock: '0.0.0.0/0',
            natGatewayId: 'nat-0123456789abcdef0',
          });
        }
      },
    });

    // THEN
    expect(validationErrors(laterStack.node.root as App)).toEqual([
      expect.stringMatching(/^\[TestStack\/Network\] route Workload1\/ToNat sends 0\.0\.0\.0\/0 through a NAT gateway/),
    ]);
  });

  test('is kept fresh for constructs in a nested Stage, which synthesizes on its own', () => {
    // GIVEN
    const { app } = testStack();
    const stack = new Stack(new Stage(app, 'Prod'), 'Workload', { env: ENV });
    const network = new PrivateEgressVpc(stack, 'Network');

    // WHEN
    new ec2.CfnRoute(stack, 'ToNat', {
      routeTableId: network.vpc.isolatedSubnets[0].routeTable.routeTableId,
      destinationCidrBlock: '0.0.0.0/0',
      natGatewayId: 'nat-0123456789abcdef0',
    });

    // THEN
    expect(validationErrors(app)).toEqual([
      expect.stringMatching(/^\[Prod\/Workload\/Network\] route Prod\/Workload\/ToNat sends 0\.0\.0\.0\/0 through a NAT gateway/),
    ]);
  });

  test('refuses to be read by a construct that did not ask for it to be kept fresh', () => {
    const { stack } = testStack();
    expect(() => AppInventory.of(new Construct(stack, 'Reader'))).toThrow(/TestStack\/Reader: .*trackAppInventory\(\) was not called/);
  });
});
