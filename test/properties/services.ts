import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as fc from 'fast-check';
import { mostly, OTHER_ACCOUNT, stringToken, TokenSource, tokenSource } from './environment';
import { EndpointBundle, EndpointPolicy } from '../../src';

const aws = ec2.InterfaceVpcEndpointAwsService;

/** aws-cdk-lib's service constants, among them pairs that share a short name (SageMaker `notebook`). */
const AWS_SERVICE_KEYS = ['SSM', 'SSM_MESSAGES', 'ECR', 'ECR_DOCKER', 'CLOUDWATCH_LOGS', 'STS', 'KMS', 'S3', 'DYNAMODB',
  'SAGEMAKER_NOTEBOOK', 'EMAIL_SMTP', 'LAMBDA', 'EKS', 'SECRETS_MANAGER'] as const;

/** Short names the supported-AZ lookup may restrict (see EnvSpec). */
export const RESTRICTABLE_SERVICES = ['ssm', 'sts', 'logs', 'ecr.dkr', 'kms'];

/** Short names aws-cdk-lib does not list: typos of `ecr.dkr` and `secretsmanager`. */
const UNLISTED_SHORT_NAMES = ['ecr.dkrr', 'secretmanager'];
/** Short names no AWS service has. */
const INVALID_SHORT_NAMES = ['secrets manager', 'sécrets', 'SSM'];

/** The mistake of interface services named with a short name no AWS service has, in `prop`. */
export function serviceNameMistakes(prop: string, specs: InterfaceServiceSpec[]): string[] {
  return specs.some(s => s.kind === 'named' && INVALID_SHORT_NAMES.includes(s.shortName)) ? [`${prop} (service name)`] : [];
}

/** An interface endpoint service, as users name them. */
export type InterfaceServiceSpec =
  | { readonly kind: 'constant'; readonly key: typeof AWS_SERVICE_KEYS[number] }
  /** `new InterfaceVpcEndpointAwsService(shortName, prefix, port)`: aliases of the constants, other ports. */
  | { readonly kind: 'named'; readonly shortName: string; readonly prefix?: string; readonly port?: number }
  | { readonly kind: 'privatelink'; readonly serviceId: string; readonly otherRegion: boolean; readonly port: number }
  | { readonly kind: 'token'; readonly source: TokenSource };

export const interfaceServiceSpec: fc.Arbitrary<InterfaceServiceSpec> = fc.oneof(
  { weight: 20, arbitrary: fc.record({ kind: fc.constant('constant' as const), key: fc.constantFrom(...AWS_SERVICE_KEYS) }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('named' as const),
      // Sometimes a short name EC2 does not offer: a typo aws-cdk-lib does not list (a warning: it may be newer), or one
      // no AWS service can have (spaces, capitals, other letters), a mistake.
      shortName: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('ssm', 'notebook', 's3', 'sts', 'logs') },
        { weight: 1, arbitrary: fc.constantFrom(...UNLISTED_SHORT_NAMES, ...INVALID_SHORT_NAMES) },
      ),
      prefix: fc.constantFrom('com.amazonaws', 'aws.sagemaker', 'cn.com.amazonaws'),
      port: fc.constantFrom(443, 8443, 25),
    }, { requiredKeys: ['kind', 'shortName'] }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('privatelink' as const),
      serviceId: fc.constantFrom('0123456789abcdef0', '0fedcba9876543210'),
      otherRegion: fc.boolean(),
      port: fc.constantFrom(443, 8443),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('token' as const), source: tokenSource }) },
);

export function interfaceService(stack: Stack, spec: InterfaceServiceSpec): ec2.IInterfaceVpcEndpointService {
  switch (spec.kind) {
    case 'constant':
      return aws[spec.key];
    case 'named':
      return new aws(spec.shortName, spec.prefix, spec.port);
    case 'privatelink': {
      const region = spec.otherRegion ? 'ap-southeast-2' : literalRegion(stack);
      return new ec2.InterfaceVpcEndpointService(`com.amazonaws.vpce.${region}.vpce-svc-${spec.serviceId}`, spec.port);
    }
    case 'token':
      return new ec2.InterfaceVpcEndpointService(stringToken(stack, spec.source), 443);
  }
}

/** The stack's Region, or a fixed one for an environment-agnostic stack (a literal name needs one). */
export function literalRegion(stack: Stack): string {
  return Token.isUnresolved(stack.region) ? 'us-east-1' : stack.region;
}

export type GatewayServiceSpec = 's3' | 'dynamodb' | 's3express' | 'ssm' | 'cn-s3';

export const gatewayServiceSpec: fc.Arbitrary<GatewayServiceSpec> = mostly(
  fc.constantFrom<GatewayServiceSpec>('s3', 'dynamodb', 's3express'),
  fc.constantFrom<GatewayServiceSpec>('ssm', 'cn-s3'),
);

export function gatewayService(spec: GatewayServiceSpec): ec2.IGatewayVpcEndpointService {
  switch (spec) {
    case 's3':
      return ec2.GatewayVpcEndpointAwsService.S3;
    case 'dynamodb':
      return ec2.GatewayVpcEndpointAwsService.DYNAMODB;
    case 'cn-s3':
      return new ec2.GatewayVpcEndpointAwsService('s3', 'cn.com.amazonaws');
    default:
      // `ssm` has no gateway endpoint: a user mistake the construct must report.
      return new ec2.GatewayVpcEndpointAwsService(spec);
  }
}

const BUNDLES = ['SESSION_MANAGER', 'ECR_IMAGE_PULL', 'ECS_FARGATE', 'CLOUDWATCH_AGENT', 'SECRETS', 'LAMBDA_IN_VPC'] as const;

export type BundleSpec =
  | { readonly kind: 'preset'; readonly name: typeof BUNDLES[number] }
  | { readonly kind: 'custom'; readonly name: string; readonly services: InterfaceServiceSpec[]; readonly required: GatewayServiceSpec[] };

export const bundleSpec: fc.Arbitrary<BundleSpec> = fc.oneof(
  fc.record({ kind: fc.constant('preset' as const), name: fc.constantFrom(...BUNDLES) }),
  fc.record({
    kind: fc.constant('custom' as const),
    name: fc.constantFrom('TEAM', 'ANALYTICS'),
    services: fc.array(interfaceServiceSpec, { maxLength: 3 }),
    required: fc.subarray<GatewayServiceSpec>(['s3', 'dynamodb']),
  }),
);

export function bundle(stack: Stack, spec: BundleSpec): EndpointBundle {
  return spec.kind === 'preset'
    ? EndpointBundle[spec.name]
    : EndpointBundle.custom(spec.name, {
      interfaceEndpoints: spec.services.map(s => interfaceService(stack, s)),
      requiredGatewayEndpoints: spec.required.map(gatewayService),
    });
}

export type PolicySpec =
  | { readonly kind: 'fullAccess' }
  | { readonly kind: 'accountPrincipals' | 'accountResources'; readonly account?: string }
  | { readonly kind: 'organizationPrincipals' | 'organizationResources'; readonly organizationId: string }
  | { readonly kind: 'statements'; readonly statements: StatementSpec[] };

export interface StatementSpec {
  readonly principal: 'star' | 'any' | 'account' | 'none';
  readonly actions: string[];
  readonly deny: boolean;
}

const validPolicySpec: fc.Arbitrary<PolicySpec> = fc.oneof(
  fc.constant({ kind: 'fullAccess' as const }),
  fc.record({ kind: fc.constantFrom('accountPrincipals' as const, 'accountResources' as const), account: fc.constant(OTHER_ACCOUNT) },
    { requiredKeys: ['kind'] }),
  fc.record({
    kind: fc.constantFrom('organizationPrincipals' as const, 'organizationResources' as const),
    organizationId: fc.constant('o-a1b2c3d4e5'),
  }),
);

/** Mostly the presets with valid arguments; sometimes invalid IDs or statements of one's own, right or wrong. */
export const policySpec: fc.Arbitrary<PolicySpec> = mostly(validPolicySpec, fc.oneof(
  fc.record({ kind: fc.constantFrom('accountPrincipals' as const, 'accountResources' as const), account: fc.constant('not-an-account') }),
  fc.record({
    kind: fc.constantFrom('organizationPrincipals' as const, 'organizationResources' as const),
    organizationId: fc.constantFrom('o-A1', 'r-root'),
  }),
  fc.record({
    kind: fc.constant('statements' as const),
    statements: fc.array(fc.record({
      principal: fc.constantFrom<StatementSpec['principal']>('star', 'any', 'account', 'none'),
      actions: fc.subarray(['*', 's3:GetObject', 'ssm:GetParameter'], { minLength: 1 }),
      deny: fc.boolean(),
    }), { maxLength: 2 }),
  }),
));

export function policy(spec: PolicySpec): EndpointPolicy {
  switch (spec.kind) {
    case 'fullAccess':
      return EndpointPolicy.fullAccess();
    case 'accountPrincipals':
      return EndpointPolicy.accountPrincipals(spec.account);
    case 'accountResources':
      return EndpointPolicy.accountResources(spec.account);
    case 'organizationPrincipals':
      return EndpointPolicy.organizationPrincipals(spec.organizationId);
    case 'organizationResources':
      return EndpointPolicy.organizationResources(spec.organizationId);
    case 'statements':
      return EndpointPolicy.fromStatements(spec.statements.map(s => new iam.PolicyStatement({
        effect: s.deny ? iam.Effect.DENY : iam.Effect.ALLOW,
        principals: {
          star: [new iam.StarPrincipal()],
          any: [new iam.AnyPrincipal()],
          account: [new iam.AccountPrincipal(OTHER_ACCOUNT)],
          none: [],
        }[s.principal],
        actions: s.actions,
        resources: ['*'],
      })));
  }
}
