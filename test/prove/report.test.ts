import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/prove/cli';
import { InternetPath, ProofResult, RequirementResult } from '../../src/prove/evaluate';
import { REQUIRED_SERVICES_METADATA } from '../../src/prove/metadata';
import { mermaidReport, proofHolds, summaryLine, textReport } from '../../src/prove/report';
import { HOST_SOURCE } from '../../src/prove/sdk-hosts';

function requirement(subnet: string, service: string, verdict: RequirementResult['verdict'], more: Partial<RequirementResult> = {}): RequirementResult {
  const hops: RequirementResult['hops'] = verdict === 'reachable' ? [{ name: 'dns', holds: true, detail: 'resolves to the endpoint' }]
    : verdict === 'unreachable' ? [{ name: 'dns', holds: true, detail: 'resolves' }, { name: 'security-group', holds: false, detail: 'no group admits it' }]
      : [{ name: 'security-group', holds: undefined, detail: 'the default group' }];
  return { vpc: 'App/Vpc', subnet, subnetKey: `App|${subnet}`, availabilityZone: 'us-east-1a', service, host: `${service}.us-east-1.amazonaws.com`, via: 'App/Endpoints/Sts', verdict, hops, ...more };
}

function internetPath(subnet: string, forbidden: boolean): InternetPath {
  return { vpc: 'App/Vpc', subnet, subnetKey: `App|${subnet}`, kind: 'nat-gateway', detail: 'route to 0.0.0.0/0 through App/Nat', forbidden };
}

const reachable = requirement('App/Vpc/Isolated1', 'sts', 'reachable');
const unreachable = requirement('App/Vpc/Isolated2', 'kms', 'unreachable', { via: undefined });
const unknown = requirement('App/Vpc/Isolated1', 'logs', 'unknown', { host: undefined, availabilityZone: undefined });

const result = (requirements: RequirementResult[], internetPaths: InternetPath[] = [], publicDns: string[] = []): ProofResult =>
  ({ requirements, internetPaths, publicDns });

describe('proofHolds', () => {
  test('holds when every requirement is reachable and no internet path is forbidden', () => {
    expect(proofHolds(result([reachable], [internetPath('App/Vpc/Private1', false)]))).toBe(true);
    expect(proofHolds(result([]))).toBe(true);
  });

  test('is refuted by an unreachable requirement or a forbidden internet path', () => {
    expect(proofHolds(result([reachable, unreachable]))).toBe(false);
    expect(proofHolds(result([reachable], [internetPath('App/Vpc/Private1', true)]))).toBe(false);
  });

  test('lets an unknown requirement through, unless strict', () => {
    expect(proofHolds(result([reachable, unknown]))).toBe(true);
    expect(proofHolds(result([reachable, unknown]), true)).toBe(false);
    expect(proofHolds(result([reachable]), true)).toBe(true);
  });
});

describe('summaryLine', () => {
  test('counts the requirements by verdict and the internet paths, forbidden and allowed', () => {
    expect(summaryLine(result([reachable, reachable, unreachable, unknown], [internetPath('a', true), internetPath('b', false), internetPath('c', false)])))
      .toBe('2 reachable, 1 unreachable, 1 unknown; 1 forbidden internet path (2 allowed)');
    expect(summaryLine(result([]))).toBe('0 reachable, 0 unreachable, 0 unknown; 0 forbidden internet paths (0 allowed)');
    expect(summaryLine(result([], [internetPath('a', true), internetPath('b', true)]))).toMatch(/; 2 forbidden internet paths \(0 allowed\)$/);
  });
});

describe('textReport', () => {
  test('lists each VPC\'s requirements with their mark, the endpoint when reached, else the hop that fails or is undecided', () => {
    // GIVEN
    const other = requirement('Other/Vpc/Isolated1', 'sts', 'reachable', { vpc: 'Other/Vpc', via: 'Other/Sts' });

    // WHEN
    const lines = textReport(result([reachable, unreachable, other, unknown], [internetPath('App/Vpc/Private1', true), internetPath('App/Vpc/Private2', false)],
      ['App/Vpc'])).split('\n');

    // THEN
    expect(lines).toEqual([
      'VPC App/Vpc',
      '  ok   App/Vpc/Isolated1 (us-east-1a) -> sts (sts.us-east-1.amazonaws.com): via App/Endpoints/Sts',
      '  FAIL App/Vpc/Isolated2 (us-east-1a) -> kms (kms.us-east-1.amazonaws.com): security-group: no group admits it',
      '  ??   App/Vpc/Isolated1 (AZ unknown) -> logs: security-group: the default group',
      'VPC Other/Vpc',
      '  ok   Other/Vpc/Isolated1 (us-east-1a) -> sts (sts.us-east-1.amazonaws.com): via Other/Sts',
      'FORBIDDEN internet path from App/Vpc/Private1: nat-gateway, route to 0.0.0.0/0 through App/Nat',
      'allowed internet path from App/Vpc/Private2: nat-gateway, route to 0.0.0.0/0 through App/Nat',
      'note: App/Vpc resolves public names (no DNS Firewall in the app): DNS is a way out',
      `host names: ${HOST_SOURCE}`,
      '2 reachable, 1 unreachable, 1 unknown; 1 forbidden internet path (1 allowed)',
    ]);
  });

  test('is the source and the summary alone for an assembly without workload subnets', () => {
    expect(textReport(result([]))).toBe(`host names: ${HOST_SOURCE}\n0 reachable, 0 unreachable, 0 unknown; 0 forbidden internet paths (0 allowed)`);
  });
});

describe('mermaidReport', () => {
  test('draws a flowchart: subnet to endpoint (or service) per requirement, dashed unless reachable; internet paths to one node', () => {
    // WHEN
    const lines = mermaidReport(result([reachable, unreachable, unknown], [internetPath('App/Vpc/Isolated2', true)])).split('\n');

    // THEN
    expect(lines).toEqual([
      'flowchart LR',
      '  n0["App/Vpc/Isolated1"] -->|"sts: reachable"| n1["App/Endpoints/Sts"]',
      '  n2["App/Vpc/Isolated2"] -.->|"kms: unreachable"| n3["kms"]',
      '  n0["App/Vpc/Isolated1"] -.->|"logs: unknown"| n1["App/Endpoints/Sts"]',
      '  n2["App/Vpc/Isolated2"] -->|"nat-gateway"| internet(("internet"))',
    ]);
  });

  test('replaces double quotes in names, which would end a Mermaid label', () => {
    const quoted = requirement('App/"Quoted"', 'sts', 'reachable', { via: 'App/"Endpoint"' });
    expect(mermaidReport(result([quoted]))).toBe('flowchart LR\n  n0["App/\'Quoted\'"] -->|"sts: reachable"| n1["App/\'Endpoint\'"]');
  });

  test('is the header alone for an empty proof', () => {
    expect(mermaidReport(result([]))).toBe('flowchart LR');
  });
});

describe('runCli', () => {
  /**
   * An assembly written by hand: a VPC with one isolated subnet and an STS endpoint, whose private DNS and declared
   * services the test chooses.
   */
  function assembly(options: { privateDns?: boolean; securityGroups?: boolean; required?: string[] } = {}): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prove-cli-'));
    const metadata = {
      '/Net/Vpc/Resource': [{ type: 'aws:cdk:logicalId', data: 'Vpc' }, ...options.required ? [{ type: REQUIRED_SERVICES_METADATA, data: options.required }] : []],
      '/Net/Vpc/Isolated/Subnet': [{ type: 'aws:cdk:logicalId', data: 'Isolated' }],
      '/Net/Sts/Resource': [{ type: 'aws:cdk:logicalId', data: 'Sts' }],
    };
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
      version: '48.0.0',
      artifacts: {
        Net: {
          type: 'aws:cloudformation:stack',
          environment: 'aws://123456789012/us-east-1',
          properties: { templateFile: 'Net.template.json' },
          additionalMetadataFile: 'Net.metadata.json',
        },
      },
    }));
    fs.writeFileSync(path.join(dir, 'Net.metadata.json'), JSON.stringify(metadata));
    fs.writeFileSync(path.join(dir, 'Net.template.json'), JSON.stringify({
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', EnableDnsSupport: true, EnableDnsHostnames: true } },
        Isolated: {
          Type: 'AWS::EC2::Subnet',
          Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1a', Tags: [{ Key: 'aws-cdk:subnet-type', Value: 'Isolated' }] },
        },
        Sg: {
          Type: 'AWS::EC2::SecurityGroup',
          Properties: { VpcId: { Ref: 'Vpc' }, SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] } }] },
        },
        Sts: {
          Type: 'AWS::EC2::VPCEndpoint',
          Properties: {
            VpcId: { Ref: 'Vpc' },
            ServiceName: 'com.amazonaws.us-east-1.sts',
            VpcEndpointType: 'Interface',
            SubnetIds: [{ Ref: 'Isolated' }],
            ...options.securityGroups === false ? {} : { SecurityGroupIds: [{ 'Fn::GetAtt': ['Sg', 'GroupId'] }] },
            PrivateDnsEnabled: options.privateDns ?? true,
          },
        },
      },
    }));
    return dir;
  }

  function cli(...args: string[]): { code: number; out: string; err: string } {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCli(args, text => out.push(text), text => err.push(text));
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  test('exits 0 with the text report when the proof holds', () => {
    // WHEN
    const { code, out, err } = cli('prove', assembly());

    // THEN
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.split('\n')).toEqual([
      'VPC Net/Vpc',
      '  ok   Net/Vpc/Isolated (us-east-1a) -> sts (sts.us-east-1.amazonaws.com): via Net/Sts',
      'note: Net/Vpc resolves public names (no DNS Firewall in the app): DNS is a way out',
      `host names: ${HOST_SOURCE}`,
      '1 reachable, 0 unreachable, 0 unknown; 0 forbidden internet paths (0 allowed)',
    ]);
  });

  test('exits 1 naming the failing hop when the proof is refuted', () => {
    const { code, out } = cli('prove', assembly({ required: ['kms'] }));
    expect(code).toBe(1);
    expect(out).toContain('  FAIL Net/Vpc/Isolated (us-east-1a) -> kms (kms.us-east-1.amazonaws.com): dns: kms.us-east-1.amazonaws.com resolves to the service\'s public address');
    expect(cli('prove', assembly({ privateDns: false })).code).toBe(1);
  });

  test('prints the result as JSON with --json', () => {
    // WHEN
    const { code, out } = cli('prove', assembly({ required: ['kms'] }), '--json');

    // THEN
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.requirements.map((r: RequirementResult) => [r.service, r.verdict])).toEqual([['sts', 'reachable'], ['kms', 'unreachable']]);
    expect(json.internetPaths).toEqual([]);
    expect(json.publicDns).toEqual(['Net/Vpc']);
  });

  test('prints a Mermaid flowchart with --mermaid', () => {
    const { code, out } = cli('prove', '--mermaid', assembly());
    expect(code).toBe(0);
    expect(out).toBe('flowchart LR\n  n0["Net/Vpc/Isolated"] -->|"sts: reachable"| n1["Net/Sts"]');
  });

  test('exits 1 with --strict only when a requirement is undecidable', () => {
    // GIVEN: the endpoint in the VPC's default security group, which the templates do not define
    const dir = assembly({ securityGroups: false });

    // THEN
    expect(cli('prove', dir)).toMatchObject({ code: 0, out: expect.stringContaining('  ??   Net/Vpc/Isolated (us-east-1a) -> sts') });
    expect(cli('prove', dir, '--strict').code).toBe(1);
    expect(cli('prove', assembly(), '--strict').code).toBe(0);
  });

  test('exits 2 with the usage for a wrong command line, proving nothing', () => {
    const dir = assembly();
    for (const args of [[], ['verify', dir], ['prove', dir, 'other'], ['prove', dir, '--yaml'], ['prove', dir, '-json']]) {
      const { code, out, err } = cli(...args);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^usage: cdk-private-endpoints prove \[ASSEMBLY_DIR\] \[--json\] \[--mermaid\] \[--strict\]\n/);
    }
  });

  test('exits 2 for an assembly that cannot be read', () => {
    // GIVEN
    const missing = path.join(os.tmpdir(), 'prove-cli-no-such-assembly');
    const notJson = assembly();
    fs.writeFileSync(path.join(notJson, 'Net.template.json'), '{');

    // THEN
    expect(cli('prove', missing)).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^cdk-private-endpoints prove: cannot read .*manifest\.json/) });
    expect(cli('prove', notJson)).toMatchObject({ code: 2, err: expect.stringMatching(/Net\.template\.json is not JSON/) });
  });

  test('exits 2, rather than throwing, for a manifest that is JSON but not an object', () => {
    // GIVEN
    const dir = assembly();
    fs.writeFileSync(path.join(dir, 'manifest.json'), 'null');

    // THEN
    expect(() => cli('prove', dir)).not.toThrow();
    expect(cli('prove', dir)).toMatchObject({ code: 2, err: expect.stringMatching(/^cdk-private-endpoints prove: .*manifest\.json/) });
  });

  test('reads cdk.out of the working directory by default', () => {
    // GIVEN
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'prove-cli-cwd-'));
    fs.renameSync(assembly(), path.join(cwd, 'cdk.out'));
    const original = process.cwd();
    process.chdir(cwd);
    try {
      // WHEN
      const { code, out } = cli('prove');

      // THEN
      expect(code).toBe(0);
      expect(out).toMatch(/^VPC Net\/Vpc\n/);
    } finally {
      process.chdir(original);
    }
  });
});
