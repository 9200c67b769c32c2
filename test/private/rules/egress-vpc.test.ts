import { Token } from 'aws-cdk-lib';
import { REGIONS_WITHOUT_SERVICE, SDK_ENDPOINTS_SOURCE } from '../../../src/private/facts/sdk-endpoints.generated';
import {
  validateAwsServiceShortName,
  vpcBlockProblem,
  validateAdoptedVpcProps,
  validateBundleDependencies,
  validateCidrMask,
  validateEndpointAzs,
  validateEndpointSubnets,
  validateGatewayRouteTables,
  validateGatewayService,
  validateInterfaceEndpointQuota,
  validateEndpointPorts,
  validateExistingGatewayEndpoints,
  validateGatewayEndpointClashes,
  validateNoInternetRoutes,
  validateResolverOnlyDns,
  validateServiceInRegion,
  warnPolicyNotApplied,
  warnUnreachableResolverOnlyEndpoints,
} from '../../../src/private/rules/egress-vpc';
import { Finding } from '../../../src/private/rules/findings';

const TOKEN = Token.asString({ Ref: 'Something' });
const kinds = (findings: Finding[]) => findings.map(f => f.severity);
const messages = (findings: Finding[]) => findings.map(f => `${f.severity} ${f.slug}: ${f.message}`);

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

  test('internet routes are errors in a VPC defined here, and one warning for the workload route tables of an adopted one', () => {
    const routes = [
      { path: 'App/Private1/Route', routeTableId: 'rtb-1', destination: '0.0.0.0/0', target: 'a NAT gateway' },
      { path: 'App/Private2/Route', routeTableId: 'rtb-2', destination: '0.0.0.0/0', target: 'a NAT gateway' },
      { path: 'App/Public/Route', routeTableId: 'rtb-public', destination: '0.0.0.0/0', target: 'an internet gateway' },
    ];
    expect(kinds(validateNoInternetRoutes(routes, true, []))).toEqual(['error', 'error', 'error']);
    const [adopted, ...more] = validateNoInternetRoutes(routes, false, ['rtb-1', 'rtb-2']);
    expect(more).toEqual([]);
    expect(adopted).toEqual(expect.objectContaining({ severity: 'warning', slug: 'internetRoute' }));
    expect(adopted.message).toMatch(/^the adopted `vpc` has 2 default routes through a NAT gateway .*\(App\/Private1\/Route, App\/Private2\/Route\)/);
    expect(adopted.message).not.toContain('App/Public/Route');
    expect(validateNoInternetRoutes(routes, false, ['rtb-other'])).toEqual([]);
    expect(validateNoInternetRoutes([], true, [])).toEqual([]);
  });

  test('a gateway endpoint clashes with another of the same service on a shared route table only', () => {
    const ours = [{ path: 'App/Egress/GatewayEndpoints/S3', shortName: 's3', routeTableIds: ['"rtb-1"', '"rtb-2"'] }];
    const clash = { path: 'App/Vpc/S3', shortName: 's3', routeTableIds: ['"rtb-2"'] };
    expect(validateGatewayEndpointClashes(ours, [clash]).map(f => f.message)).toEqual([
      "gateway endpoint 's3' (App/Egress/GatewayEndpoints/S3) and the gateway endpoint App/Vpc/S3 both add a 's3' route to "
      + 'the same route tables; a route table takes one endpoint route per service, so the deploy would fail. Keep the existing '
      + "one: add ec2.GatewayVpcEndpointAwsService for 's3' to `existingGatewayEndpoints` (and leave it out of `gatewayEndpoints`), "
      + 'or remove the other endpoint.',
    ]);
    expect(validateGatewayEndpointClashes(ours, [{ ...clash, routeTableIds: ['"rtb-3"'] }])).toEqual([]);
    expect(validateGatewayEndpointClashes(ours, [{ ...clash, shortName: 'dynamodb' }])).toEqual([]);
  });

  test('a service cannot be both defined and existing', () => {
    expect(validateExistingGatewayEndpoints(['s3', 'dynamodb'], ['dynamodb']).map(f => f.message)).toEqual([
      "'dynamodb' is in both `gatewayEndpoints` and `existingGatewayEndpoints`; a route table takes one endpoint route per "
      + "service. Remove 'dynamodb' from `gatewayEndpoints` if the VPC already has it, or from `existingGatewayEndpoints`.",
    ]);
    expect(validateExistingGatewayEndpoints(['s3'], ['dynamodb'])).toEqual([]);
  });

  test('resolver-only interface endpoints warn when no client outside the VPC is admitted', () => {
    expect(warnUnreachableResolverOnlyEndpoints(['s3'], 0)).toEqual([expect.objectContaining({ severity: 'warning', slug: 'resolverOnlyWithoutClients' })]);
    expect(warnUnreachableResolverOnlyEndpoints(['s3'], 1)).toEqual([]);
    expect(warnUnreachableResolverOnlyEndpoints([], 0)).toEqual([]);
  });

  test('endpoint ports are TCP ports; a token is not judged', () => {
    expect(validateEndpointPorts('email-smtp', [25, 587, Token.asNumber(TOKEN)])).toEqual([]);
    expect(validateEndpointPorts('email-smtp', [0, 70000, 2.5]).map(f => f.message)).toEqual([
      "`ports` of interface endpoint 'email-smtp' must be TCP ports, integers in 1..65535, got 0, 70000, 2.5. Use the ports "
      + "the service's clients connect to.",
    ]);
  });

  test('a construct-wide policy left off services that accept none is reported', () => {
    expect(warnPolicyNotApplied(['eks', 'batch'])).toEqual([expect.objectContaining({ severity: 'warning', slug: 'endpointPolicyNotApplied' })]);
    expect(warnPolicyNotApplied(['eks'])[0].message).toMatch(/^`endpointPolicy` is not applied to the 'eks' endpoint/);
    expect(warnPolicyNotApplied([])).toEqual([]);
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

  test('cidrMask: /16 to /28, and room for a subnet per AZ in the VPC\'s block; a token is not judged', () => {
    expect(validateCidrMask(undefined, 16, 3)).toEqual([]);
    expect(validateCidrMask(18, 16, 3)).toEqual([]);
    expect(validateCidrMask(28, 16, 3)).toEqual([]);
    expect(validateCidrMask(24, undefined, 3)).toEqual([]);
    expect(validateCidrMask(Token.asNumber(TOKEN), 16, 3)).toEqual([]);
    expect([17, 29, 20.5].flatMap(mask => kinds(validateCidrMask(mask, 16, 3)))).toEqual(['error', 'error', 'error']);
    expect(validateCidrMask(15, undefined, 2)[0].message).toMatch(/^`cidrMask` must be a whole number from 16 to 28, got 15/);
  });
});

describe('vpcBlockProblem', () => {
  test('takes /16 to /28 blocks that hold a /28 subnet per AZ', () => {
    expect(vpcBlockProblem(16, 6, false)).toBeUndefined();
    expect(vpcBlockProblem(26, 3, false)).toBeUndefined();
    expect(vpcBlockProblem(28, 1, false)).toBeUndefined();
  });

  test('refuses blocks outside the VPC sizes EC2 allows, with or without cidrMask', () => {
    expect(vpcBlockProblem(8, 3, false)).toMatch(/^`ipAddresses` must be a block from \/16 to \/28, the VPC sizes EC2 allows, got a \/8/);
    expect(vpcBlockProblem(29, 1, true)).toMatch(/got a \/29/);
  });

  test('refuses a block too small for a /28 subnet per AZ, unless cidrMask sizes the subnets', () => {
    expect(vpcBlockProblem(27, 3, false)).toBe('a /27 `ipAddresses` block cannot hold 3 subnets (one per AZ) of /28 or larger. '
      + 'Give a /26 block or larger, or lower `maxAzs`.');
    expect(vpcBlockProblem(27, 3, true)).toBeUndefined();
  });
});

describe('validateAwsServiceShortName', () => {
  const known = ['ssm', 'secretsmanager', 'ecr.dkr', 'ecr.api'];

  test('takes a listed service, or one known only at deploy time', () => {
    expect(validateAwsServiceShortName('ecr.dkr', known)).toEqual([]);
    expect(validateAwsServiceShortName(TOKEN, known)).toEqual([]);
  });

  test.each(['secrets manager', 'SecretsManager', 'sécrets', 'ssm.'])('refuses %j, which no AWS service name looks like', shortName => {
    expect(messages(validateAwsServiceShortName(shortName, known))).toEqual([
      `error undefined: interface endpoint service '${shortName}' is no AWS service name: those have only lower-case letters, `
      + 'digits, dots and hyphens (ssm, ecr.dkr, bedrock-runtime). Fix its spelling.',
    ]);
  });

  test('warns about an unlisted service, with the listed one it is likely a typo of', () => {
    expect(messages(validateAwsServiceShortName('secretmanager', known))).toEqual([
      'warning unknownService: interface endpoint service \'secretmanager\' is not among the 4 services this aws-cdk-lib lists '
      + '(InterfaceVpcEndpointAwsService); did you mean \'secretsmanager\'? Fix its spelling, or acknowledge this warning for a '
      + 'service newer than this aws-cdk-lib.',
    ]);
    expect(messages(validateAwsServiceShortName('quantum-ledger', known))).toEqual([expect.stringMatching(
      /^warning unknownService: interface endpoint service 'quantum-ledger' is not among the 4 services this aws-cdk-lib lists \(InterfaceVpcEndpointAwsService\)\. Fix/)]);
  });
});

describe('validateServiceInRegion', () => {
  // A service the SDK data lists in the commercial partition, but not in one of its Regions.
  const [service, gaps] = Object.entries(REGIONS_WITHOUT_SERVICE).find(([, byPartition]) => (byPartition.aws ?? []).length > 0)!;
  const regionWithout = gaps.aws[0];

  test('warns about a service that the SDK data does not list in the Region, citing the data', () => {
    expect(messages(validateServiceInRegion(service, regionWithout))).toEqual([
      `warning serviceNotInRegion: interface endpoint service '${service}' has no endpoint in ${regionWithout} in `
      + `${SDK_ENDPOINTS_SOURCE}, so EC2 most likely does not offer it there and the deploy would fail. Reach it in a Region `
      + 'that has it (`serviceRegion`), or acknowledge this warning if AWS has launched it in this Region since.',
    ]);
  });

  test('says nothing where the data lists the service, or knows neither the service nor the Region, or the Region is a token', () => {
    expect(validateServiceInRegion('ssm', 'eu-west-1')).toEqual([]);
    expect(validateServiceInRegion('quantum-ledger', regionWithout)).toEqual([]);
    expect(validateServiceInRegion(service, 'xx-future-1')).toEqual([]);
    expect(validateServiceInRegion(service, TOKEN)).toEqual([]);
  });
});
