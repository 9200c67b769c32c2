import { Token } from 'aws-cdk-lib';
import {
  validateAdoptedVpcProps,
  validateBundleDependencies,
  validateEndpointAzs,
  validateEndpointSubnets,
  validateGatewayRouteTables,
  validateGatewayService,
  validateInterfaceEndpointQuota,
  validateNoInternetRoutes,
  validateResolverOnlyDns,
} from '../../src/private/egress-vpc-rules';
import { Finding } from '../../src/private/findings';

const TOKEN = Token.asString({ Ref: 'Something' });
const kinds = (findings: Finding[]) => findings.map(f => f.severity);

describe('PrivateEgressVpc rules', () => {
  test('gateway services are s3, s3express and dynamodb; a token name is not judged', () => {
    expect(['s3', 's3express', 'dynamodb', TOKEN].flatMap(validateGatewayService)).toEqual([]);
    expect(kinds(validateGatewayService('ssm'))).toEqual(['error']);
  });

  test('endpoint subnets need at least one subnet, and at most one per AZ, the same AZ token being one AZ', () => {
    expect(kinds(validateEndpointSubnets([]))).toEqual(['error']);
    expect(kinds(validateEndpointSubnets([{ subnetId: 'a', availabilityZone: TOKEN }, { subnetId: 'b', availabilityZone: TOKEN }]))).toEqual(['error']);
    expect(validateEndpointSubnets([{ subnetId: 'a', availabilityZone: TOKEN }, { subnetId: 'b', availabilityZone: Token.asString({ Ref: 'Other' }) }]))
      .toEqual([]);
  });

  test('a gateway endpoint needs one workload route table', () => {
    expect(validateGatewayRouteTables('s3', 1)).toEqual([]);
    expect(kinds(validateGatewayRouteTables('s3', 0))).toEqual(['error']);
  });

  test('the interface endpoint quota warns above 50 only', () => {
    expect(validateInterfaceEndpointQuota(50)).toEqual([]);
    expect(validateInterfaceEndpointQuota(51)).toEqual([expect.objectContaining({ severity: 'warning', slug: 'interfaceEndpointQuota' })]);
  });

  test('internet routes are errors in a VPC defined here and warnings in an adopted one', () => {
    const routes = [{ path: 'App/Route', destination: '0.0.0.0/0', target: 'a NAT gateway' }];
    expect(kinds(validateNoInternetRoutes(routes, true))).toEqual(['error']);
    expect(validateNoInternetRoutes(routes, false)).toEqual([expect.objectContaining({ severity: 'warning', slug: 'internetRoute' })]);
    expect(validateNoInternetRoutes([], true)).toEqual([]);
  });

  test('props that shape a new VPC are named when given with vpc', () => {
    expect(validateAdoptedVpcProps([])).toEqual([]);
    expect(validateAdoptedVpcProps(['maxAzs'])[0].message).toMatch(/^`maxAzs` shape a new VPC/);
  });

  test('endpointAzs: whole numbers within the AZs, a warning at 1 and for a token', () => {
    expect(validateEndpointAzs(undefined, 3)).toEqual([]);
    expect(validateEndpointAzs(2, 3)).toEqual([]);
    expect(validateEndpointAzs(3, 3)).toEqual([]);
    expect(validateEndpointAzs(1, 3)).toEqual([expect.objectContaining({ severity: 'warning', slug: 'singleAz' })]);
    expect(validateEndpointAzs(Token.asNumber(TOKEN), 3)).toEqual([expect.objectContaining({ severity: 'warning', slug: 'endpointAzsUnresolved' })]);
    expect([0, 4, 2.5].flatMap(n => kinds(validateEndpointAzs(n, 3)))).toEqual(['error', 'error', 'error']);
  });

  test('a bundle names each missing gateway endpoint', () => {
    const bundles = [{ name: 'B', requiredGatewayEndpoints: ['s3', 'dynamodb'] }];
    expect(validateBundleDependencies(bundles, ['s3', 'dynamodb'])).toEqual([]);
    expect(validateBundleDependencies(bundles, []).map(f => f.message)).toEqual([
      expect.stringMatching(/needs the 's3' gateway endpoint/),
      expect.stringMatching(/needs the 'dynamodb' gateway endpoint/),
    ]);
  });

  test('resolver-only DNS concerns s3 and dynamodb only, and needs their gateway endpoint', () => {
    expect(validateResolverOnlyDns(['ssm', 's3'], ['s3'])).toEqual([]);
    expect(validateResolverOnlyDns(['dynamodb'], ['s3']).map(f => f.message)).toEqual([
      expect.stringMatching(/^interface endpoint 'dynamodb' has private DNS, which for dynamodb answers only through/),
    ]);
  });
});
