import { AssemblyStack, Template } from '../../src/prove/assembly';
import { ReferenceResolver, resourceKey } from '../../src/prove/references';

function stack(id: string, template: Template): AssemblyStack {
  return { id, stackName: id, account: '123456789012', region: 'us-east-1', templatePath: `${id}.template.json`, template, metadata: [], constructPaths: {} };
}

/** A network stack that exports its VPC's ID and CIDR block, and a literal; and a workload stack that imports them. */
const network = stack('Network', {
  Resources: {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
  },
  Outputs: {
    VpcId: { Value: { Ref: 'Vpc' }, Export: { Name: 'Network:VpcId' } },
    VpcCidr: { Value: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, Export: { Name: 'Network:VpcCidr' } },
    Tgw: { Value: 'tgw-0123456789abcdef0', Export: { Name: 'Network:Tgw' } },
    NotExported: { Value: { Ref: 'Vpc' } },
    ExportedByToken: { Value: { Ref: 'Vpc' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}:Vpc' } } },
  },
});
const relay = stack('Relay', {
  Outputs: {
    VpcId: { Value: { 'Fn::ImportValue': 'Network:VpcId' }, Export: { Name: 'Relay:VpcId' } },
  },
});
const workloads = stack('Workloads', {
  Resources: {
    Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { VpcId: { 'Fn::ImportValue': 'Network:VpcId' } } },
  },
  Outputs: {},
});

describe('ReferenceResolver', () => {
  const resolver = new ReferenceResolver([network, relay, workloads]);

  test('keys a resource by stack ID and logical ID', () => {
    expect(resourceKey(network, 'Vpc')).toBe('Network|Vpc');
  });

  test('resolves a Ref to a resource of the same stack', () => {
    expect(resolver.resolve(workloads, { Ref: 'Sg' })).toEqual({ kind: 'resource', key: 'Workloads|Sg' });
  });

  test('resolves Fn::GetAtt to the resource, with the attribute', () => {
    expect(resolver.resolve(network, { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] })).toEqual({ kind: 'resource', key: 'Network|Vpc', attribute: 'CidrBlock' });
  });

  test('resolves Fn::ImportValue through the export of another stack, to the resource there', () => {
    expect(resolver.resolve(workloads, { 'Fn::ImportValue': 'Network:VpcId' })).toEqual({ kind: 'resource', key: 'Network|Vpc' });
    expect(resolver.resolve(workloads, { 'Fn::ImportValue': 'Network:VpcCidr' }))
      .toEqual({ kind: 'resource', key: 'Network|Vpc', attribute: 'CidrBlock' });
  });

  test('follows an export that itself imports', () => {
    expect(resolver.resolve(workloads, { 'Fn::ImportValue': 'Relay:VpcId' })).toEqual({ kind: 'resource', key: 'Network|Vpc' });
  });

  test('resolves an import of an exported literal to the literal', () => {
    expect(resolver.resolve(workloads, { 'Fn::ImportValue': 'Network:Tgw' })).toEqual({ kind: 'literal', value: 'tgw-0123456789abcdef0' });
  });

  test('keeps strings, numbers and booleans as literals', () => {
    expect(resolver.resolve(workloads, 'vpc-0123')).toEqual({ kind: 'literal', value: 'vpc-0123' });
    expect(resolver.resolve(workloads, 443)).toEqual({ kind: 'literal', value: '443' });
    expect(resolver.resolve(workloads, true)).toEqual({ kind: 'literal', value: 'true' });
  });

  test('takes as unknown what names no resource or export of the assembly', () => {
    for (const value of [
      { Ref: 'Parameter' },
      { Ref: 'AWS::Region' },
      { Ref: 'Vpc' }, // a resource of another stack, not of this one
      { 'Fn::GetAtt': ['Missing', 'GroupId'] },
      { 'Fn::ImportValue': 'NoSuchExport' },
      { 'Fn::ImportValue': 'Network:Vpc' }, // the export's name is a token, so it names nothing
      { 'Fn::Join': ['', ['vpc-', '0123']] },
      undefined,
      null,
    ]) {
      expect(resolver.resolve(workloads, value)).toEqual({ kind: 'unknown', text: JSON.stringify(value) });
    }
  });

  test('keyOf gives the resource key, literal:<value>, or undefined', () => {
    expect(resolver.keyOf(workloads, { Ref: 'Sg' })).toBe('Workloads|Sg');
    expect(resolver.keyOf(workloads, 'tgw-0123')).toBe('literal:tgw-0123');
    expect(resolver.keyOf(workloads, { Ref: 'Parameter' })).toBeUndefined();
  });

  test('literal gives a literal only', () => {
    expect(resolver.literal(workloads, '10.0.0.0/16')).toBe('10.0.0.0/16');
    expect(resolver.literal(workloads, { 'Fn::ImportValue': 'Network:Tgw' })).toBe('tgw-0123456789abcdef0');
    expect(resolver.literal(workloads, { Ref: 'Sg' })).toBeUndefined();
    expect(resolver.literal(workloads, { Ref: 'Parameter' })).toBeUndefined();
  });

  test('keysOf keys each entry of a list, with undefined for unknown ones, and none for a list that is a token', () => {
    expect(resolver.keysOf(workloads, [{ Ref: 'Sg' }, 'sg-0123', { Ref: 'Parameter' }])).toEqual(['Workloads|Sg', 'literal:sg-0123', undefined]);
    expect(resolver.keysOf(workloads, { 'Fn::Split': [',', { Ref: 'Parameter' }] })).toEqual([]);
    expect(resolver.keysOf(workloads, undefined)).toEqual([]);
  });

  test('resolves an import to the export of the importing stack\'s environment, as exports are per account and Region', () => {
    // GIVEN: one stack name deployed to two Regions, so both export under the same name (CDK names exports by stack name)
    const east = { ...stack('NetworkEast', { Resources: { Vpc: network.template.Resources!.Vpc }, Outputs: { VpcId: network.template.Outputs!.VpcId } }), stackName: 'Network' };
    const west = { ...east, id: 'NetworkWest', region: 'us-west-2' };
    const eastWorkloads = stack('WorkloadsEast', workloads.template);

    // WHEN
    const reference = new ReferenceResolver([east, west, eastWorkloads]).resolve(eastWorkloads, { 'Fn::ImportValue': 'Network:VpcId' });

    // THEN
    expect(reference).toEqual({ kind: 'resource', key: 'NetworkEast|Vpc' });
  });

  test('lists the stacks it was given', () => {
    expect(resolver.assemblyStacks.map(s => s.id)).toEqual(['Network', 'Relay', 'Workloads']);
  });
});
