import { Lazy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { EndpointPolicy, EndpointPolicyBindOptions, PrivateEgressVpc } from '../src';
import { testStack, validationErrors } from './util';
import { supportsEndpointPolicy } from '../src/private/facts/endpoint-policy-support';
import {
  EndpointPolicyRuleInput,
  MAX_ENDPOINT_POLICY_CHARACTERS,
  validateEndpointPolicy,
  validatePolicyPrincipals,
  validatePolicySize,
  validatePolicySupport,
} from '../src/private/rules/policy';
import { addRules } from '../src/private/wiring/add-rules';

const S3_GATEWAY: EndpointPolicyBindOptions = { serviceShortName: 's3', gateway: true };
const DYNAMODB_GATEWAY: EndpointPolicyBindOptions = { serviceShortName: 'dynamodb', gateway: true };
const SSM: EndpointPolicyBindOptions = { serviceShortName: 'ssm' };
const ORG_ID = 'o-abc123example';

/** The statements a policy renders for one endpoint, resolved as they appear in the template. */
function render(stack: Stack, policy: EndpointPolicy, options: EndpointPolicyBindOptions): unknown[] {
  return policy.bind(stack, options).statements.map(statement => stack.resolve(statement.toStatementJson()));
}

/** `arn:<partition>:s3:::<bucket>/*` as CDK renders it: the partition stays a deploy-time value. */
function objectsOf(bucket: string) {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:s3:::${bucket}/*`]] };
}

function allowAll(conditionKey: string, value: unknown, sid: string) {
  return {
    Sid: sid,
    Effect: 'Allow',
    Principal: '*',
    Action: '*',
    Resource: '*',
    Condition: { StringEquals: { [conditionKey]: value } },
  };
}

/** Every data-perimeter preset keeps requests that AWS services make on the user's behalf (data perimeter examples). */
const AWS_SERVICE_PRINCIPALS = {
  Sid: 'AllowAwsServicePrincipals',
  Effect: 'Allow',
  Principal: '*',
  Action: '*',
  Resource: '*',
  Condition: { Bool: { 'aws:PrincipalIsAWSService': 'true' } },
};

/**
 * The AWS-owned buckets of us-east-1, written out here rather than read from the library's table, so that a row
 * dropped from the table fails this test. After aws-samples/data-perimeter-policy-examples, service_owned_resources.md.
 */
const AWS_OWNED_READS_US_EAST_1 = [
  'prod-us-east-1-starport-layer-bucket', // ECR image layers
  'packages.us-east-1.amazonaws.com', // Amazon Linux repositories
  'repo.us-east-1.amazonaws.com',
  'amazonlinux.us-east-1.amazonaws.com',
  'amazonlinux-2-repos-us-east-1',
  'al2023-repos-us-east-1-de612dc2', // Amazon Linux 2023
  'al2023-us-east-1',
  'aws-ssm-us-east-1', // Systems Manager agent and patching
  'aws-windows-downloads-us-east-1',
  'amazon-ssm-us-east-1',
  'amazon-ssm-packages-us-east-1',
  'us-east-1-birdwatcher-prod',
  'aws-ssm-distributor-file-us-east-1',
  'aws-ssm-document-attachments-us-east-1',
  'patch-baseline-snapshot-us-east-1',
  'aws-patchmanager-macos-us-east-1',
  'amazoncloudwatch-agent-us-east-1', // CloudWatch agent
  'amazoncloudwatch-agent',
];

const AWS_OWNED_BUCKETS_US_EAST_1 = [
  {
    Sid: 'AllowAwsOwnedBucketReads',
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: AWS_OWNED_READS_US_EAST_1.map(objectsOf),
  },
  {
    Sid: 'AllowAwsOwnedBucketWrites',
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:PutObject',
    Resource: [
      objectsOf('cloudformation-custom-resource-response-useast1'),
      objectsOf('cloudformation-waitcondition-us-east-1'),
    ],
  },
];

/** The rule input for a policy rendered on one endpoint of the test stack. */
function ruleInput(stack: Stack, statements: iam.PolicyStatement[], options: Partial<EndpointPolicyRuleInput> = {}): EndpointPolicyRuleInput {
  return {
    prop: 'endpointPolicy',
    serviceShortNames: ['s3'],
    gateway: false,
    policyDocument: stack.resolve(new iam.PolicyDocument({ statements }).toJSON()),
    ...options,
  };
}

/** A statement allowing `s3:GetObject` on `count` buckets whose names are `nameLength` characters long. */
function manyBuckets(count: number, nameLength: number, prefix: string = ''): iam.PolicyStatement {
  return new iam.PolicyStatement({
    principals: [new iam.StarPrincipal()],
    actions: ['s3:GetObject'],
    resources: Array.from({ length: count }, (_, i) => `arn:aws:s3:::${prefix}${String(i).padStart(nameLength, 'b')}/*`),
  });
}

describe('EndpointPolicy', () => {
  test('fullAccess renders no statements, so the endpoint keeps the default policy', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const policy = EndpointPolicy.fullAccess();

    // THEN
    expect(policy.bind(stack, S3_GATEWAY).statements).toEqual([]);
    expect(policy.bind(stack, SSM).statements).toEqual([]);
  });

  test('accountPrincipals allows principals of the stack account', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const statements = render(stack, EndpointPolicy.accountPrincipals(), SSM);

    // THEN
    expect(statements).toEqual([allowAll('aws:PrincipalAccount', '123456789012', 'AllowAccountPrincipals'), AWS_SERVICE_PRINCIPALS]);
  });

  test('accountPrincipals takes an explicit account', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const statements = render(stack, EndpointPolicy.accountPrincipals('210987654321'), SSM);

    // THEN
    expect(statements).toEqual([allowAll('aws:PrincipalAccount', '210987654321', 'AllowAccountPrincipals'), AWS_SERVICE_PRINCIPALS]);
  });

  test('organizationPrincipals allows principals of the organization', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const statements = render(stack, EndpointPolicy.organizationPrincipals(ORG_ID), { serviceShortName: 'ecr.dkr' });

    // THEN
    expect(statements).toEqual([allowAll('aws:PrincipalOrgID', ORG_ID, 'AllowOrganizationPrincipals'), AWS_SERVICE_PRINCIPALS]);
  });

  test('accountResources on S3 allows the account resources and the AWS-owned buckets of the stack region', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const statements = render(stack, EndpointPolicy.accountResources(), S3_GATEWAY);

    // THEN
    expect(statements).toEqual([
      allowAll('aws:ResourceAccount', '123456789012', 'AllowAccountResources'),
      AWS_SERVICE_PRINCIPALS,
      ...AWS_OWNED_BUCKETS_US_EAST_1,
    ]);
  });

  test('organizationResources on S3 allows the organization resources and the AWS-owned buckets', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const statements = render(stack, EndpointPolicy.organizationResources(ORG_ID), S3_GATEWAY);

    // THEN
    expect(statements).toEqual([
      allowAll('aws:ResourceOrgID', ORG_ID, 'AllowOrganizationResources'),
      AWS_SERVICE_PRINCIPALS,
      ...AWS_OWNED_BUCKETS_US_EAST_1,
    ]);
  });

  test('the AWS-owned bucket names follow the stack region, without dashes for custom-resource responses', () => {
    // GIVEN
    const { stack } = testStack({ env: { account: '123456789012', region: 'ap-northeast-1' } });

    // WHEN
    const resources = JSON.stringify(render(stack, EndpointPolicy.accountResources(), S3_GATEWAY));

    // THEN
    expect(resources).toContain(':s3:::prod-ap-northeast-1-starport-layer-bucket/*');
    expect(resources).toContain(':s3:::al2023-repos-ap-northeast-1-de612dc2/*');
    expect(resources).toContain(':s3:::cloudformation-custom-resource-response-apnortheast1/*');
    expect(resources).toContain(':s3:::cloudformation-waitcondition-ap-northeast-1/*');
    expect(resources).not.toContain('us-east-1');
  });

  test.each(AWS_OWNED_READS_US_EAST_1)('every data-perimeter preset lets S3 endpoints read the AWS-owned bucket %s', bucket => {
    // GIVEN
    const { stack } = testStack();

    for (const policy of [EndpointPolicy.accountPrincipals(), EndpointPolicy.organizationResources(ORG_ID)]) {
      // WHEN
      const reads = render(stack, policy, S3_GATEWAY).find(statement => (statement as { Sid?: string }).Sid === 'AllowAwsOwnedBucketReads');

      // THEN
      expect(reads).toMatchObject({ Action: 's3:GetObject', Resource: expect.arrayContaining([objectsOf(bucket)]) });
    }
  });

  test.each([
    ['accountPrincipals', EndpointPolicy.accountPrincipals(), 'aws:ResourceAccount', '123456789012'],
    ['accountResources', EndpointPolicy.accountResources(), 'aws:ResourceAccount', '123456789012'],
    ['organizationPrincipals', EndpointPolicy.organizationPrincipals(ORG_ID), 'aws:ResourceOrgID', ORG_ID],
  ])('%s on STS keeps web identity and SAML federation into the perimeter\'s roles working', (_, policy, resourceKey, value) => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const statements = render(stack, policy, { serviceShortName: 'sts' });

    // THEN
    expect(statements).toContainEqual({
      Sid: 'AllowFederationIntoPerimeterRoles',
      Effect: 'Allow',
      Principal: '*',
      Action: ['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity'],
      Resource: '*',
      Condition: { StringEquals: { [resourceKey]: value } },
    });
    expect(statements).toContainEqual(AWS_SERVICE_PRINCIPALS);
  });

  test('federation is allowed on STS endpoints only', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const onSsm = JSON.stringify(render(stack, EndpointPolicy.accountPrincipals(), SSM));

    // THEN
    expect(onSsm).not.toContain('AssumeRoleWithWebIdentity');
  });

  test('principal presets on S3 also allow the AWS-owned buckets, whose requests AWS accounts sign', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const statements = render(stack, EndpointPolicy.organizationPrincipals(ORG_ID), S3_GATEWAY);

    // THEN
    expect(statements).toEqual([
      allowAll('aws:PrincipalOrgID', ORG_ID, 'AllowOrganizationPrincipals'),
      AWS_SERVICE_PRINCIPALS,
      ...AWS_OWNED_BUCKETS_US_EAST_1,
    ]);
  });

  test('accountResources on DynamoDB allows the account resources and no AWS-owned bucket', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const statements = render(stack, EndpointPolicy.accountResources(), DYNAMODB_GATEWAY);

    // THEN
    expect(statements).toEqual([allowAll('aws:ResourceAccount', '123456789012', 'AllowAccountResources'), AWS_SERVICE_PRINCIPALS]);
  });

  test('organizationResources on DynamoDB allows the organization resources', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const statements = render(stack, EndpointPolicy.organizationResources(ORG_ID), DYNAMODB_GATEWAY);

    // THEN
    expect(statements).toEqual([allowAll('aws:ResourceOrgID', ORG_ID, 'AllowOrganizationResources'), AWS_SERVICE_PRINCIPALS]);
  });

  test.each([
    ['accountResources', EndpointPolicy.accountResources('210987654321'), EndpointPolicy.accountPrincipals('210987654321')],
    ['organizationResources', EndpointPolicy.organizationResources(ORG_ID), EndpointPolicy.organizationPrincipals(ORG_ID)],
  ])('%s falls back to the principal perimeter on services other than S3 and DynamoDB', (_, byResource, byPrincipal) => {
    // GIVEN
    const { stack } = testStack();

    for (const serviceShortName of ['ssm', 'ecr.dkr', 's3express']) {
      // WHEN
      const statements = render(stack, byResource, { serviceShortName });

      // THEN
      expect(statements).toEqual(render(stack, byPrincipal, { serviceShortName }));
      expect(JSON.stringify(statements)).not.toContain('aws:Resource');
    }
  });

  test('resource presets also scope S3 interface endpoints by resource', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const statements = render(stack, EndpointPolicy.accountResources(), { serviceShortName: 's3', gateway: false });

    // THEN
    expect(statements[0]).toEqual(allowAll('aws:ResourceAccount', '123456789012', 'AllowAccountResources'));
  });

  test('an environment-agnostic stack renders the account and region as deploy-time values', () => {
    // GIVEN
    const { stack } = testStack({ env: {} });

    // WHEN
    const statements = render(stack, EndpointPolicy.accountResources(), S3_GATEWAY);

    // THEN
    expect(statements[0]).toEqual(allowAll('aws:ResourceAccount', { Ref: 'AWS::AccountId' }, 'AllowAccountResources'));
    expect(statements[3]).toMatchObject({
      Resource: [
        {
          'Fn::Join': ['', [
            'arn:', { Ref: 'AWS::Partition' }, ':s3:::cloudformation-custom-resource-response-',
            { 'Fn::Join': ['', { 'Fn::Split': ['-', { Ref: 'AWS::Region' }] }] }, '/*',
          ]],
        },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::cloudformation-waitcondition-', { Ref: 'AWS::Region' }, '/*']] },
      ],
    });
  });

  test('fromStatements renders the statements as given, without AWS-owned buckets', () => {
    // GIVEN
    const { stack } = testStack();
    const readOnly = new iam.PolicyStatement({
      sid: 'ReadOnly',
      principals: [new iam.StarPrincipal()],
      actions: ['s3:GetObject'],
      resources: ['arn:aws:s3:::my-bucket/*'],
    });

    // WHEN
    const statements = render(stack, EndpointPolicy.fromStatements([readOnly]), S3_GATEWAY);

    // THEN
    expect(statements).toEqual([{
      Sid: 'ReadOnly',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::my-bucket/*',
    }]);
  });

  test.each([
    ['fullAccess', EndpointPolicy.fullAccess()],
    ['accountPrincipals', EndpointPolicy.accountPrincipals()],
    ['organizationPrincipals', EndpointPolicy.organizationPrincipals(ORG_ID)],
    ['accountResources', EndpointPolicy.accountResources()],
    ['organizationResources', EndpointPolicy.organizationResources(ORG_ID)],
  ])('%s passes every endpoint policy rule on S3, DynamoDB and SSM', (_, policy) => {
    // GIVEN
    const { stack } = testStack();

    for (const options of [S3_GATEWAY, DYNAMODB_GATEWAY, SSM]) {
      // WHEN
      const statements = policy.bind(stack, options).statements;
      const findings = validateEndpointPolicy(ruleInput(stack, statements, {
        serviceShortNames: [options.serviceShortName],
        gateway: options.gateway ?? false,
      }));

      // THEN
      expect(findings).toEqual([]);
    }
  });
});

describe('endpoint policy rules', () => {
  test('supportsEndpointPolicy is false for PrivateLink endpoint services and listed AWS services', () => {
    // THEN
    expect(supportsEndpointPolicy('s3')).toBe(true);
    expect(supportsEndpointPolicy('ssm')).toBe(true);
    expect(supportsEndpointPolicy('vpce-svc-0123456789abcdef0')).toBe(false);
    expect(supportsEndpointPolicy('cloudtrail')).toBe(false);
    expect(supportsEndpointPolicy('email-smtp')).toBe(false);
  });

  test('fails when a policy is set on a PrivateLink endpoint service', () => {
    // GIVEN
    const { stack } = testStack();
    const statements = EndpointPolicy.accountPrincipals().bind(stack, SSM).statements;

    // WHEN
    const findings = validatePolicySupport(ruleInput(stack, statements, { serviceShortNames: ['vpce-svc-0123456789abcdef0'] }));

    // THEN
    expect(findings).toEqual([{
      severity: 'error',
      message: '`endpointPolicy` sets a policy on the `vpce-svc-0123456789abcdef0` endpoint, but endpoints to services '
        + 'other than AWS services only allow full access. Use EndpointPolicy.fullAccess() for this endpoint and '
        + 'restrict access with the provider\'s allowed principals.',
    }]);
  });

  test('fails when a policy is set on an AWS service that does not support one', () => {
    // GIVEN
    const { stack } = testStack();
    const statements = EndpointPolicy.accountPrincipals().bind(stack, SSM).statements;

    // WHEN
    const findings = validatePolicySupport(ruleInput(stack, statements, { prop: 'policy', serviceShortNames: ['cloudtrail'] }));

    // THEN
    expect(findings.map(f => f.message)).toEqual([
      '`policy` sets a policy on the `cloudtrail` endpoint, but this AWS service does not support endpoint policies '
      + '(VpcEndpointPolicySupported is false). Use EndpointPolicy.fullAccess() for this endpoint and restrict access '
      + 'with IAM policies.',
    ]);
  });

  test('full access passes on services that do not support a policy', () => {
    // GIVEN
    const input: EndpointPolicyRuleInput = { prop: 'endpointPolicy', serviceShortNames: ['cloudtrail'], gateway: false };

    // WHEN
    const findings = validateEndpointPolicy(input);

    // THEN
    expect(findings).toEqual([]);
  });

  test('fails when a policy is over 20,480 characters', () => {
    // GIVEN
    const { stack } = testStack();
    const input = ruleInput(stack, [manyBuckets(400, 40)]);
    const length = JSON.stringify(input.policyDocument).length;

    // WHEN
    const findings = validatePolicySize(input);

    // THEN
    expect(length).toBeGreaterThan(MAX_ENDPOINT_POLICY_CHARACTERS);
    expect(findings).toEqual([{
      severity: 'error',
      message: `\`endpointPolicy\` renders a policy of ${length} characters on the \`s3\` endpoint; an endpoint policy `
        + 'may have at most 20480. Merge statements (one statement can list several actions and resources) or use '
        + 'wildcards in resource ARNs.',
    }]);
  });

  test('passes a policy of exactly 20,480 characters', () => {
    // GIVEN
    const { stack } = testStack();
    const oneCharacterName = ruleInput(stack, [manyBuckets(1, 1)]);
    const nameLength = 1 + MAX_ENDPOINT_POLICY_CHARACTERS - JSON.stringify(oneCharacterName.policyDocument).length;
    const exact = ruleInput(stack, [manyBuckets(1, nameLength)]);

    // WHEN
    const findings = validatePolicySize(exact);

    // THEN
    expect(JSON.stringify(exact.policyDocument).length).toBe(MAX_ENDPOINT_POLICY_CHARACTERS);
    expect(findings).toEqual([]);
    expect(validatePolicySize(ruleInput(stack, [manyBuckets(1, nameLength + 1)]))).toHaveLength(1);
  });

  test('measures deploy-time values as empty, so only a certainly oversized policy fails', () => {
    // GIVEN: bucket names of 40 literal characters after a region only known at deploy time
    const { stack } = testStack({ env: {} });
    const oversized = ruleInput(stack, [manyBuckets(400, 40, `${stack.region}-`)]);
    const underLiterally = ruleInput(stack, [manyBuckets(300, 40, `${stack.region}-`)]);

    // WHEN
    const findings = validatePolicySize(oversized);

    // THEN
    expect(findings.map(f => f.message)).toEqual([
      expect.stringMatching(/^`endpointPolicy` renders a policy of at least \d+ characters on the `s3` endpoint; /),
    ]);
    // The CloudFormation JSON of the tokens is over the limit, the literal text is not: no error.
    expect(JSON.stringify(underLiterally.policyDocument).length).toBeGreaterThan(MAX_ENDPOINT_POLICY_CHARACTERS);
    expect(validatePolicySize(underLiterally)).toEqual([]);
  });

  test('skips the size of a policy document that is not resolved', () => {
    // GIVEN
    const input: EndpointPolicyRuleInput = {
      prop: 'endpointPolicy',
      serviceShortNames: ['s3'],
      gateway: true,
      policyDocument: Lazy.any({ produce: () => ({ Statement: [] }) }),
    };

    // WHEN
    const findings = validateEndpointPolicy(input);

    // THEN
    expect(findings).toEqual([]);
  });

  test('fails when a statement has no principal', () => {
    // GIVEN
    const { stack } = testStack();
    const statements = [
      ...EndpointPolicy.accountPrincipals().bind(stack, SSM).statements,
      new iam.PolicyStatement({ sid: 'ReadParameters', actions: ['ssm:GetParameter'], resources: ['*'] }),
    ];

    // WHEN
    const findings = validatePolicyPrincipals(ruleInput(stack, statements, { serviceShortNames: ['ssm'] }));

    // THEN
    expect(findings).toEqual([{
      severity: 'error',
      message: '`endpointPolicy` has statement 3 (Sid `ReadParameters`) without a `Principal` on the `ssm` endpoint; '
        + 'every statement of an endpoint policy must name one. Add `principals: [new iam.StarPrincipal()]` and narrow '
        + 'it with a condition such as aws:PrincipalAccount.',
    }]);
  });

  test('fails when a gateway endpoint statement names a principal other than *', () => {
    // GIVEN
    const { stack } = testStack();
    const statement = new iam.PolicyStatement({
      principals: [new iam.ArnPrincipal('arn:aws:iam::123456789012:role/App')],
      actions: ['s3:GetObject'],
      resources: ['*'],
    });

    // WHEN
    const findings = validatePolicyPrincipals(ruleInput(stack, [statement], { gateway: true }));

    // THEN
    expect(findings.map(f => f.message)).toEqual([
      '`endpointPolicy` has statement 1 with the principal {"AWS":"arn:aws:iam::123456789012:role/App"} on the `s3` gateway '
      + 'endpoint; gateway endpoints accept only the `*` principal. Use `new iam.StarPrincipal()` and name the '
      + 'principals with the aws:PrincipalArn condition key.',
    ]);
  });

  test('accepts both forms of the * principal on gateway endpoints, and named principals on interface endpoints', () => {
    // GIVEN
    const { stack } = testStack();
    const statement = (principal: iam.IPrincipal) => new iam.PolicyStatement({ principals: [principal], actions: ['s3:*'], resources: ['*'] });

    // WHEN
    const wildcards = [statement(new iam.StarPrincipal()), statement(new iam.AnyPrincipal())];
    const gatewayFindings = validatePolicyPrincipals(ruleInput(stack, wildcards, { gateway: true }));
    const named = [statement(new iam.AccountPrincipal('123456789012'))];
    const interfaceFindings = validatePolicyPrincipals(ruleInput(stack, named, { gateway: false }));

    // THEN
    expect(gatewayFindings).toEqual([]);
    expect(interfaceFindings).toEqual([]);
  });

  test('reports every problem of a policy at synth, with the construct path', () => {
    // GIVEN
    const { app, stack } = testStack();
    const endpoint = new Construct(stack, 'Endpoint');
    const statements = [manyBuckets(400, 40), new iam.PolicyStatement({ actions: ['*'], resources: ['*'] })];

    // WHEN
    addRules(endpoint, 'PrivateEgressVpc', () => validateEndpointPolicy(
      ruleInput(stack, statements, { serviceShortNames: ['vpce-svc-0123456789abcdef0'] }),
    ));

    // THEN
    const errors = validationErrors(app);
    expect(errors).toHaveLength(3);
    expect(errors).toEqual([
      expect.stringMatching(/^\[TestStack\/Endpoint\] `endpointPolicy` sets a policy on the `vpce-svc-0123456789abcdef0` endpoint/),
      expect.stringMatching(/^\[TestStack\/Endpoint\] `endpointPolicy` renders a policy of \d+ characters/),
      expect.stringMatching(/^\[TestStack\/Endpoint\] `endpointPolicy` has statement 2 without a `Principal`/),
    ]);
  });
});

describe('PrivateEgressVpc endpointPolicy', () => {
  const PARTNER_SERVICE = new ec2.InterfaceVpcEndpointService('com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0');

  test('applies to every endpoint whose service supports a policy', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', {
      endpointPolicy: EndpointPolicy.organizationResources(ORG_ID),
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM, ec2.InterfaceVpcEndpointAwsService.CLOUDTRAIL, PARTNER_SERVICE],
    });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          Match.objectLike({ Sid: 'AllowOrganizationResources', Condition: { StringEquals: { 'aws:ResourceOrgID': ORG_ID } } }),
          AWS_SERVICE_PRINCIPALS,
          Match.objectLike({ Sid: 'AllowAwsOwnedBucketReads', Action: 's3:GetObject' }),
          Match.objectLike({ Sid: 'AllowAwsOwnedBucketWrites', Action: 's3:PutObject' }),
        ],
      },
    });
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.dynamodb']] },
      PolicyDocument: { Statement: [Match.objectLike({ Condition: { StringEquals: { 'aws:ResourceOrgID': ORG_ID } } }), AWS_SERVICE_PRINCIPALS] },
    });
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.us-east-1.ssm',
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Sid: 'AllowOrganizationPrincipals', Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } } }),
          AWS_SERVICE_PRINCIPALS,
        ],
      },
    });
    for (const unsupported of ['com.amazonaws.us-east-1.cloudtrail', PARTNER_SERVICE.name]) {
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: unsupported, PolicyDocument: Match.absent() });
    }
  });

  test('is replaced by the policy of one endpoint', () => {
    // GIVEN
    const { stack } = testStack();
    const egress = new PrivateEgressVpc(stack, 'Egress', { endpointPolicy: EndpointPolicy.accountPrincipals(), gatewayEndpoints: [] });

    // WHEN
    egress.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.SSM, { policy: EndpointPolicy.fullAccess() });
    egress.addGatewayEndpoint(ec2.GatewayVpcEndpointAwsService.DYNAMODB, { policy: EndpointPolicy.organizationResources(ORG_ID) });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { ServiceName: 'com.amazonaws.us-east-1.ssm', PolicyDocument: Match.absent() });
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      PolicyDocument: { Statement: [Match.objectLike({ Condition: { StringEquals: { 'aws:ResourceOrgID': ORG_ID } } }), AWS_SERVICE_PRINCIPALS] },
    });
  });

  test('fails when one endpoint sets a policy its service does not support', () => {
    // GIVEN
    const { app, stack } = testStack();
    const egress = new PrivateEgressVpc(stack, 'Egress');

    // WHEN
    egress.addInterfaceEndpoint(PARTNER_SERVICE, { policy: EndpointPolicy.accountPrincipals() });

    // THEN
    expect(validationErrors(app)).toEqual([
      '[TestStack/Egress] `policy` sets a policy on the `vpce-svc-0123456789abcdef0` endpoint, but endpoints to services '
      + 'other than AWS services only allow full access. Use EndpointPolicy.fullAccess() for this endpoint and restrict '
      + "access with the provider's allowed principals.",
    ]);
  });

  test('fails when the policy of an endpoint is over 20,480 characters', () => {
    // GIVEN
    const { app, stack } = testStack();
    const resources = Array.from({ length: 400 }, (_, i) => `arn:aws:ssm:us-east-1:123456789012:parameter/app/setting-${i}`);

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', {
      gatewayEndpoints: [],
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM],
      endpointPolicy: EndpointPolicy.fromStatements([
        new iam.PolicyStatement({ principals: [new iam.StarPrincipal()], actions: ['ssm:GetParameter'], resources }),
      ]),
    });

    // THEN
    expect(validationErrors(app)).toEqual([
      expect.stringMatching(/^\[TestStack\/Egress\] `endpointPolicy` renders a policy of \d+ characters on the `ssm` endpoint; an endpoint policy may have at most 20480\./),
    ]);
  });

  test('fails when a custom statement has no principal', () => {
    // GIVEN
    const { app, stack } = testStack();

    // WHEN
    new PrivateEgressVpc(stack, 'Egress', {
      gatewayEndpoints: [],
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM],
      endpointPolicy: EndpointPolicy.fromStatements([new iam.PolicyStatement({ actions: ['ssm:*'], resources: ['*'] })]),
    });

    // THEN
    expect(validationErrors(app)).toEqual([
      '[TestStack/Egress] `endpointPolicy` has statement 1 without a `Principal` on the `ssm` endpoint; every statement '
      + 'of an endpoint policy must name one. Add `principals: [new iam.StarPrincipal()]` and narrow it with a condition '
      + 'such as aws:PrincipalAccount.',
    ]);
  });
});
