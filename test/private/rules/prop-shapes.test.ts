import { Fn, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { EndpointBundle, EndpointPolicy, ResourceDefinition } from '../../../src';
import { TypeShape } from '../../../src/private/facts/prop-shapes.generated';
import { checkPropShapes } from '../../../src/private/rules/prop-shapes';

const VPC = ec2.Vpc.fromVpcAttributes(new Stack(), 'Vpc', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'] });
const SSM = ec2.InterfaceVpcEndpointAwsService.SSM;

/** The messages, each marked `!` when it stops the constructor. */
function problems(props: unknown, type: string, shapes?: { [type: string]: TypeShape }): string[] {
  return checkPropShapes(props, type, shapes).map(problem => `${problem.fatal ? '! ' : ''}${problem.message}`);
}

describe('checkPropShapes', () => {
  test('accepts props of the declared types', () => {
    expect(problems({
      maxAzs: 2,
      bundles: [EndpointBundle.SECRETS],
      endpointPolicy: EndpointPolicy.fullAccess(),
      interfaceEndpoints: [SSM],
      endpointSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      flowLogRetention: logs.RetentionDays.ONE_WEEK,
      clientCidrs: ['10.1.0.0/16'],
      privateDnsEnabled: false,
    }, 'PrivateEgressVpcProps')).toEqual([]);
  });

  test('names the known prop closest to a misspelled one, without stopping the constructor', () => {
    expect(problems({ bundle: [EndpointBundle.SECRETS] }, 'PrivateEgressVpcProps')).toEqual([
      'unknown prop `bundle`; did you mean `bundles`?',
    ]);
    expect(problems({ VPC, port: 443, allowedPrincipal: [] }, 'EndpointServiceProviderProps')).toEqual([
      '! `vpc` is required: an ec2.IVpc (an object such as ec2.Vpc.fromLookup(this, \'Vpc\', { vpcId }))',
      'unknown prop `VPC`; did you mean `vpc`?',
      'unknown prop `allowedPrincipal`; did you mean `allowedPrincipals`?',
    ]);
  });

  test('lists the known props when no name is close to an unknown one', () => {
    expect(problems({ vpc: VPC, hub: undefined, frobnicate: true }, 'CentralEndpointSpokeProps')).toEqual([
      'unknown prop `frobnicate`; known props: `centralizedServices`, `hub`, `hubCidrs`, `profileId`, `transitGatewayId`, `vpc`',
    ]);
  });

  test('rejects a value of the wrong primitive type', () => {
    expect(problems({ maxAzs: '3', privateDnsEnabled: 'false' }, 'PrivateEgressVpcProps')).toEqual([
      '! `privateDnsEnabled` must be a boolean, got the string "false"',
      '! `maxAzs` must be a number, got the string "3"',
    ]);
  });

  test('rejects a list element of the wrong type, naming its index', () => {
    expect(problems({ vpc: VPC, port: 443, allowedPrincipals: [new iam.AccountPrincipal('111122223333'), '111122223333'] },
      'EndpointServiceProviderProps')).toEqual([
      '! `allowedPrincipals[1]` must be an iam.ArnPrincipal (an object such as new iam.AccountPrincipal(\'111122223333\')), '
      + 'got the string "111122223333"',
    ]);
  });

  test('says to put a single value in a list', () => {
    expect(problems({ bundles: EndpointBundle.SECRETS, clientCidrs: '10.1.0.0/16', interfaceEndpoints: 'ssm' }, 'PrivateEgressVpcProps')).toEqual([
      '! `clientCidrs` must be a list of strings, got the string "10.1.0.0/16"; put it in a list',
      '! `interfaceEndpoints` must be a list of ec2.IInterfaceVpcEndpointService objects, got the string "ssm"',
      '! `bundles` must be a list of EndpointBundle objects, got an EndpointBundle object; put it in a list',
    ]);
  });

  test('takes an object literal for an interface when it has the interface\'s members, and names those it lacks', () => {
    expect(problems({ interfaceEndpoints: [{ name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', port: 443 }] },
      'PrivateEgressVpcProps')).toEqual([]);
    expect(problems({ interfaceEndpoints: [{ service: SSM, serviceRegion: 'us-west-2' }] }, 'PrivateEgressVpcProps')).toEqual([
      '! `interfaceEndpoints[0]` must be an ec2.IInterfaceVpcEndpointService (an object such as '
      + 'ec2.InterfaceVpcEndpointAwsService.SSM), got a plain object without `name`, `port`',
    ]);
    expect(problems({ vpc: { vpcId: 'vpc-1' }, port: 443 }, 'EndpointServiceProviderProps')).toEqual([
      expect.stringMatching(/^! `vpc` must be an ec2.IVpc \(an object such as ec2.Vpc.fromLookup\(this, 'Vpc', \{ vpcId \}\)\), got a plain object without `addClientVpnEndpoint`, `addFlowLog`, `addGatewayEndpoint`, \.\.\.$/),
    ]);
  });

  test('takes an instance of a class as it is, and an object literal for a class of this library only with its internal members', () => {
    expect(problems({ vpc: VPC, resource: Object.create(ResourceDefinition.ipAddress('10.0.0.1')) }, 'PrivateResourceShareProps')).toEqual([]);
    expect(problems({ vpc: VPC, resource: { kind: 'ip', ipAddress: '10.0.0.1' } }, 'PrivateResourceShareProps')).toEqual([
      '! `resource` must be a ResourceDefinition (an object such as ResourceDefinition.rdsInstance(instance)), got a plain object '
      + 'without `_facts`, `_members`',
    ]);
  });

  test('says to call a factory given uncalled', () => {
    expect(problems({ endpointPolicy: EndpointPolicy.fullAccess }, 'PrivateEgressVpcProps')).toEqual([
      '! `endpointPolicy` must be an EndpointPolicy (an object such as EndpointPolicy.fullAccess()), got the function fullAccess; '
      + 'call it to get the value',
    ]);
  });

  test('checks the props of a nested aws-cdk-lib struct against the user\'s aws-cdk-lib enums, not its unknown props', () => {
    expect(problems({ endpointSubnets: { subnetType: 'isolated', onePerAz: 'yes', someNewerProp: 1 } }, 'PrivateEgressVpcProps')).toEqual([
      '! `endpointSubnets.subnetType` must be an ec2.SubnetType (such as ec2.SubnetType.PRIVATE_ISOLATED), got the string "isolated"',
      '! `endpointSubnets.onePerAz` must be a boolean, got the string "yes"',
    ]);
    expect(problems({ endpointSubnets: 'isolated' }, 'PrivateEgressVpcProps')).toEqual([
      '! `endpointSubnets` must be an ec2.SubnetSelection (an object with `subnetType`, `availabilityZones`, `subnetGroupName`, ...), '
      + 'got the string "isolated"',
    ]);
  });

  test('reports unknown and missing props of a nested struct of our own by their path', () => {
    // GIVEN
    const shapes: { [type: string]: TypeShape } = {
      OuterProps: { struct: { 'access?': 'Access[]' } },
      Access: { struct: { 'ports': 'number[]', 'policy?': 'EndpointPolicy' } },
      EndpointPolicy: { object: 'class', members: ['bind'] },
    };

    // THEN
    expect(problems({ access: [{ ports: [443] }, { port: [443], policy: 'full' }] }, 'OuterProps', shapes)).toEqual([
      '! `access[1].ports` is required: a list of numbers',
      '! `access[1].policy` must be an EndpointPolicy (an object), got the string "full"',
      'unknown prop `access[1].port`; did you mean `ports`?',
    ]);
  });

  test('checks the values of an enum of our own and of a numeric aws-cdk-lib enum', () => {
    expect(problems({ vpc: VPC, resource: ResourceDefinition.ipAddress('10.0.0.1'), ipAddressType: 'ipv4' }, 'PrivateResourceShareProps')).toEqual([
      '! `ipAddressType` must be a ResourceGatewayIpAddressType ("IPV4", "IPV6", "DUALSTACK"; such as ResourceGatewayIpAddressType.IPV4), '
      + 'got the string "ipv4"',
    ]);
    expect(problems({ flowLogRetention: 'ONE_WEEK' }, 'PrivateEgressVpcProps')).toEqual([
      '! `flowLogRetention` must be a logs.RetentionDays (such as logs.RetentionDays.ONE_DAY), got the string "ONE_WEEK"',
    ]);
  });

  test('accepts tokens where a string, number, boolean or list is expected, but not where an object is', () => {
    expect(problems({
      vpc: VPC,
      port: Token.asNumber(Fn.importValue('Port')),
      privateDnsName: Fn.importValue('DnsName'),
      allowedRegions: Fn.split(',', Fn.importValue('Regions')),
      acceptanceRequired: Lazy.any({ produce: () => true }),
      supportedIpAddressTypes: Token.asList(Fn.importValue('IpTypes')),
    }, 'EndpointServiceProviderProps')).toEqual([]);
    expect(problems({ vpc: Fn.importValue('VpcId'), port: 443 }, 'EndpointServiceProviderProps')).toEqual([
      '! `vpc` must be an ec2.IVpc (an object such as ec2.Vpc.fromLookup(this, \'Vpc\', { vpcId })), got a string known only at deploy time (a token)',
    ]);
  });

  test('takes a list token where a list is expected, but not a string token', () => {
    // GIVEN: a regression the property tests found: a string token passed as a list reached the construct, which crashed
    const cidrs = Fn.importValue('SpokeCidrs');

    // THEN
    expect(problems({ clientCidrs: Fn.split(',', cidrs) }, 'CentralEndpointHubProps')).toEqual([]);
    expect(problems({ clientCidrs: cidrs }, 'CentralEndpointHubProps')).toEqual([
      '! `clientCidrs` must be a list of strings, got a string known only at deploy time (a token); put it in a list',
    ]);
  });

  test('accepts undefined for an optional prop', () => {
    expect(problems({ vpc: undefined, maxAzs: undefined, bundles: undefined }, 'PrivateEgressVpcProps')).toEqual([]);
  });

  test('rejects a required prop that is missing or null', () => {
    expect(problems({ vpc: VPC, serivce: SSM }, 'EndpointConsumerProps')).toEqual([
      '! `service` is required: an ec2.IInterfaceVpcEndpointService (an object such as ec2.InterfaceVpcEndpointAwsService.SSM)',
      'unknown prop `serivce`; did you mean `service`?',
    ]);
    expect(problems({ vpc: null, service: SSM }, 'EndpointConsumerProps')).toEqual([
      '! `vpc` must be an ec2.IVpc (an object such as ec2.Vpc.fromLookup(this, \'Vpc\', { vpcId })), got null',
    ]);
  });

  test('rejects props that are not an object', () => {
    expect(problems(undefined, 'EndpointConsumerProps')).toEqual([
      '! props must be an EndpointConsumerProps (an object with `vpc`, `service`, `vpcSubnets`, ...), got undefined',
    ]);
    expect(problems([VPC], 'CentralEndpointSpokeProps')).toEqual([
      '! props must be a CentralEndpointSpokeProps (an object with `vpc`, `hub`, `profileId`, ...), got a list of 1 item',
    ]);
  });
});
