import * as fs from 'fs';
import * as path from 'path';
import { AssemblyStack, Template } from '../../src/prove/assembly';
import { ProofResult, RequirementResult } from '../../src/prove/evaluate';
import { proveStacks } from '../../src/prove/prove';
import { proofHolds } from '../../src/prove/report';

/*
 * The proof run over templates that the AWS CDK team synthesized from its own integration tests (aws/aws-cdk,
 * packages/@aws-cdk-testing/framework-integ; see the README of the directory): hand-written networks that this library
 * did not shape. Each template becomes an AssemblyStack as `readAssembly` would give it, without construct metadata (so
 * no VPC forbids internet paths and none declares required services), once with the Region us-east-1 and once
 * environment-agnostic (as those integ stacks are: `Fn::GetAZs`, `Ref: AWS::Region`).
 *
 * The counts are what the proof says; the comments say why, so that a change of the proof that changes a count is a
 * decision, not an accident.
 */

const CANDIDATES = ['/work/shared/reference-templates', path.resolve(__dirname, '../../../shared/reference-templates')];
const DIRECTORY = CANDIDATES.find(candidate => fs.existsSync(candidate));

const LIT = 'aws-ec2__integ.vpc-endpoint.lit__aws-cdk-ec2-vpc-endpoint.template.json';
const LOAD_BALANCER = 'aws-ec2__integ.vpc-endpoint-service__TestStackLoadBalancer.template.json';
const PRODUCER = 'aws-ec2__integ.vpc-endpoint-service-import__TestProducerVpcEndpointService.template.json';
const CONSUMER = 'aws-ec2__integ.vpc-endpoint-service-import__TestConsumerVpcEndpointService.template.json';
const TARGET = 'aws-route53-targets__integ.interface-vpc-endpoint-target__aws-cdk-interface-vpc-endpoint.template.json';

type Region = 'us-east-1' | undefined;

/** The stack of a template file: its ID is the stack's name in the integ test (the last part of the file name). */
function stackOf(file: string, region: Region): AssemblyStack {
  const templatePath = path.join(DIRECTORY!, file);
  return {
    id: file.split('__')[2].replace(/\.template\.json$/, ''),
    stackName: file,
    account: undefined,
    region,
    templatePath,
    template: JSON.parse(fs.readFileSync(templatePath, 'utf-8')) as Template,
    metadata: [],
    constructPaths: {},
  };
}

interface Counts {
  readonly reachable: number;
  readonly unreachable: number;
  readonly unknown: number;
  readonly allowedInternetPaths: number;
  readonly forbiddenInternetPaths: number;
}

function countsOf(result: ProofResult): Counts {
  const count = (verdict: RequirementResult['verdict']) => result.requirements.filter(r => r.verdict === verdict).length;
  return {
    reachable: count('reachable'),
    unreachable: count('unreachable'),
    unknown: count('unknown'),
    allowedInternetPaths: result.internetPaths.filter(p => !p.forbidden).length,
    forbiddenInternetPaths: result.internetPaths.filter(p => p.forbidden).length,
  };
}

function prove(files: string[], region: Region): ProofResult {
  return proveStacks(files.map(file => stackOf(file, region)));
}

/** `<service> <verdict> [<hop>=<holds> ...]` per requirement, the hops that do not hold only. */
function verdicts(result: ProofResult): string[] {
  return result.requirements.map(r => [r.service.replace(/^.*\//, ''), r.verdict,
    ...r.hops.filter(hop => hop.holds !== true).map(hop => `${hop.name}=${hop.holds}`)].join(' ')).sort();
}

/** Each template in us-east-1, and environment-agnostic, as the integ stacks are. */
const REGIONS: Array<[string, Region]> = [['us-east-1', 'us-east-1'], ['environment-agnostic', undefined]];

(DIRECTORY === undefined ? describe.skip : describe)('the proof over aws-cdk integ templates', () => {
  test('the five templates are there', () => {
    expect(fs.readdirSync(DIRECTORY!).filter(file => file.endsWith('.template.json')).sort())
      .toEqual([LIT, LOAD_BALANCER, PRODUCER, CONSUMER, TARGET].sort());
  });

  describe('integ.vpc-endpoint.lit: a VPC with S3 and DynamoDB gateway endpoints and ECR Docker and DynamoDB interface endpoints', () => {
    // Two public and two private subnets (NAT gateway per AZ). The workload subnets are the private ones: 2 subnets x 4 endpoints.
    // - S3 gateway endpoint, on every route table, no policy: reachable in both subnets, with or without a Region (a
    //   gateway endpoint's requirement is its route table and its policy, not its name).
    // - DynamoDB gateway endpoint, on every route table, with a policy that allows dynamodb:DescribeTable and
    //   dynamodb:ListTables only: whether the workloads' calls are allowed is for IAM to say (unknown).
    // - ECR Docker interface endpoint, private DNS on, security group admitting the VPC's block on 443: reachable when the
    //   Region is known; environment-agnostic, its service name joins `Ref: AWS::Region`, so no host (unknown).
    // - DynamoDB interface endpoint, private DNS off: dynamodb.us-east-1.amazonaws.com resolves to DynamoDB's public
    //   addresses, which the DynamoDB gateway endpoint on the same route tables carries privately, so the requirement
    //   rests on the gateway endpoint's policy: unknown, as above. Environment-agnostic, its name is unknown too.
    // - The private subnets route 0.0.0.0/0 to a NAT gateway: allowed internet paths (nothing forbids them here).
    test('us-east-1', () => {
      const result = prove([LIT], 'us-east-1');
      expect(countsOf(result)).toEqual({ reachable: 4, unreachable: 0, unknown: 4, allowedInternetPaths: 2, forbiddenInternetPaths: 0 });
      expect(verdicts(result)).toEqual([
        'dynamodb unknown endpoint-policy=undefined',
        'dynamodb unknown endpoint-policy=undefined',
        'dynamodb unknown endpoint-policy=undefined',
        'dynamodb unknown endpoint-policy=undefined',
        'ecr.dkr reachable',
        'ecr.dkr reachable',
        's3 reachable',
        's3 reachable',
      ]);
      expect(result.internetPaths.map(p => p.kind)).toEqual(['nat-gateway', 'nat-gateway']);
      expect(proofHolds(result)).toBe(true);
      expect(proofHolds(result, true)).toBe(false);
    });

    test('environment-agnostic', () => {
      const result = prove([LIT], undefined);
      expect(countsOf(result)).toEqual({ reachable: 2, unreachable: 0, unknown: 6, allowedInternetPaths: 2, forbiddenInternetPaths: 0 });
      expect(verdicts(result)).toEqual([
        'MyVpcDynamoDbEndpointE6A39B0D unknown endpoint-policy=undefined',
        'MyVpcDynamoDbEndpointE6A39B0D unknown endpoint-policy=undefined',
        'MyVpcDynamoDbInterfaceEndpointA97B3149 unknown dns=undefined',
        'MyVpcDynamoDbInterfaceEndpointA97B3149 unknown dns=undefined',
        'MyVpcEcrDockerEndpoint0385050C unknown dns=undefined',
        'MyVpcEcrDockerEndpoint0385050C unknown dns=undefined',
        'MyVpcS3FADC1889 reachable',
        'MyVpcS3FADC1889 reachable',
      ]);
      expect(proofHolds(result)).toBe(true);
      expect(proofHolds(result, true)).toBe(false);
    });
  });

  describe('integ.vpc-endpoint-service: an internal NLB behind an endpoint service, and no consumer', () => {
    // The stack offers a service and uses none: no VPC endpoint, so no requirement. Its private subnets route to a NAT
    // gateway (allowed internet paths); the public subnets are not workload subnets.
    test.each(REGIONS)('%s', (_name, region) => {
      const result = prove([LOAD_BALANCER], region);
      expect(countsOf(result)).toEqual({ reachable: 0, unreachable: 0, unknown: 0, allowedInternetPaths: 2, forbiddenInternetPaths: 0 });
      expect(proofHolds(result)).toBe(true);
    });
  });

  describe('integ.vpc-endpoint-service-import: a producer stack exports its endpoint service ID, a consumer stack imports it', () => {
    // Together, the consumer's endpoint names its service `com.amazonaws.vpce.<Region>.<ImportValue VpcEndpointServiceId>`,
    // and the import resolves to the producer's AWS::EC2::VPCEndpointService, with or without a Region: an endpoint
    // service of the assembly. Its 2 private subnets reach it: clients call the endpoint's own DNS names (dns), the
    // endpoint has a network interface in each private subnet, its security group admits the VPC's block
    // (`Fn::GetAtt [ConsumerVPC, CidrBlock]`) on 443 and the endpoint is in the subnets' VPC (route). But the producer's
    // NLB has no listener at all, so nothing answers on any port: unreachable (provider). (Its security group, NLBSG, has
    // no ingress rule either, which the proof does not judge.) Both VPCs have NAT gateways: 2 allowed internet paths each.
    test.each(REGIONS)('producer and consumer, %s', (_name, region) => {
      const result = prove([PRODUCER, CONSUMER], region);
      expect(countsOf(result)).toEqual({ reachable: 0, unreachable: 2, unknown: 0, allowedInternetPaths: 4, forbiddenInternetPaths: 0 });
      expect(result.requirements.map(r => r.hops.map(hop => `${hop.name}=${hop.holds}`).join(' '))).toEqual([
        'dns=true network-interface=true security-group=true network-acl=true route=true endpoint-policy=true provider=false',
        'dns=true network-interface=true security-group=true network-acl=true route=true endpoint-policy=true provider=false',
      ]);
      expect(proofHolds(result)).toBe(false);
    });

    // Alone, the consumer imports an export that no stack of the assembly defines, but its service name starts with the
    // endpoint services' prefix (`com.amazonaws.vpce`): clients call the endpoint's names, and the path holds. The provider
    // is not in the assembly, so its listeners are not judged.
    test.each(REGIONS)('the consumer alone, %s', (_name, region) => {
      const result = prove([CONSUMER], region);
      expect(countsOf(result)).toEqual({ reachable: 2, unreachable: 0, unknown: 0, allowedInternetPaths: 2, forbiddenInternetPaths: 0 });
      expect(result.requirements.map(r => r.hops.map(hop => `${hop.name}=${hop.holds}`).join(' '))).toEqual([
        'dns=true network-interface=true security-group=true network-acl=true route=true endpoint-policy=true',
        'dns=true network-interface=true security-group=true network-acl=true route=true endpoint-policy=true',
      ]);
      expect(proofHolds(result, true)).toBe(true);
    });
  });

  describe('integ.interface-vpc-endpoint-target: an SQS interface endpoint with private DNS off, and a private zone aliasing it', () => {
    // The endpoint's service name is a literal, com.amazonaws.us-west-2.sqs, so the host is known in either case:
    // sqs.us-west-2.amazonaws.com (the service name's Region, not the stack's). Private DNS is off and the private zone
    // test.aws.cdk.com (foo.test.aws.cdk.com, an alias to the endpoint) does not cover SQS's name, so the SDK's host
    // resolves to SQS's public addresses: unreachable (dns) in both private subnets, whose calls leave through the NAT
    // gateway. That is what "privately" means here: only clients told to call foo.test.aws.cdk.com use the endpoint.
    // (With the stack in us-east-1, the endpoint to a us-west-2 service has no ServiceRegion, which CloudFormation
    // would refuse; the proof does not check that.)
    test.each(REGIONS)('%s', (_name, region) => {
      const result = prove([TARGET], region);
      expect(countsOf(result)).toEqual({ reachable: 0, unreachable: 2, unknown: 0, allowedInternetPaths: 2, forbiddenInternetPaths: 0 });
      expect(result.requirements.map(r => [r.service, r.host, r.hops.map(hop => `${hop.name}=${hop.holds}`).join(' ')])).toEqual([
        ['sqs', 'sqs.us-west-2.amazonaws.com', 'dns=false'],
        ['sqs', 'sqs.us-west-2.amazonaws.com', 'dns=false'],
      ]);
      expect(proofHolds(result)).toBe(false);
    });
  });

  describe('all five templates as one assembly', () => {
    // The stacks share logical IDs (Vpc8378EB38, NLB55158F82...) but keys are per stack, and no stack refers to another
    // except the consumer to the producer: the counts are the sums of the apps' counts.
    test('us-east-1', () => {
      const result = prove([LIT, LOAD_BALANCER, PRODUCER, CONSUMER, TARGET], 'us-east-1');
      expect(countsOf(result)).toEqual({
        reachable: 4, unreachable: 2 + 2, unknown: 4, allowedInternetPaths: 2 + 2 + 4 + 2, forbiddenInternetPaths: 0,
      });
    });

    test('environment-agnostic', () => {
      const result = prove([LIT, LOAD_BALANCER, PRODUCER, CONSUMER, TARGET], undefined);
      expect(countsOf(result)).toEqual({
        reachable: 2, unreachable: 2 + 2, unknown: 6, allowedInternetPaths: 2 + 2 + 4 + 2, forbiddenInternetPaths: 0,
      });
    });
  });
});
