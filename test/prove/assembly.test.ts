import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readAssembly, UnreadableAssemblyError } from '../../src/prove/assembly';
import { NO_INTERNET_METADATA, REQUIRED_SERVICES_METADATA } from '../../src/prove/metadata';

const STACK = 'aws:cloudformation:stack';

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, undefined, 2));
}

const vpcTemplate = { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } };

/**
 * A cloud assembly as aws-cdk-lib writes one: a stack with its metadata in the manifest, one with it in an additional
 * file, environment-agnostic and partly agnostic stacks, a tree artifact, and a stage (a nested assembly).
 */
function writeAssembly(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prove-assembly-'));
  writeJson(path.join(dir, 'manifest.json'), {
    version: '48.0.0',
    artifacts: {
      'Tree': { type: 'cdk:tree', properties: { file: 'tree.json' } },
      'Network.assets': { type: 'cdk:asset-manifest', properties: { file: 'Network.assets.json' } },
      'Network': {
        type: STACK,
        environment: 'aws://123456789012/us-east-1',
        properties: { templateFile: 'Network.template.json', stackName: 'network-prod' },
        metadata: {
          '/Network/Vpc/Resource': [
            { type: 'aws:cdk:logicalId', data: 'Vpc' },
            { type: REQUIRED_SERVICES_METADATA, data: ['kms'] },
          ],
          '/Network': [{ type: 'aws:cdk:warning', data: 'a warning of the stack itself' }],
        },
      },
      'Agnostic': {
        type: STACK,
        environment: 'aws://unknown-account/unknown-region',
        properties: { templateFile: 'Agnostic.template.json' },
        additionalMetadataFile: 'Agnostic.metadata.json',
      },
      'PartlyAgnostic': {
        type: STACK,
        environment: 'aws://unknown-account/eu-west-1',
        properties: { templateFile: 'PartlyAgnostic.template.json' },
      },
      'NoTemplate': { type: STACK, environment: 'aws://123456789012/us-east-1', properties: {} },
      'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod', displayName: 'Prod' } },
    },
  });
  writeJson(path.join(dir, 'Network.template.json'), vpcTemplate);
  writeJson(path.join(dir, 'Agnostic.template.json'), vpcTemplate);
  writeJson(path.join(dir, 'Agnostic.metadata.json'), {
    '/Agnostic/Vpc/Resource': [
      { type: 'aws:cdk:logicalId', data: 'Vpc' },
      { type: NO_INTERNET_METADATA, data: true },
    ],
  });
  writeJson(path.join(dir, 'PartlyAgnostic.template.json'), { Resources: {} });
  writeJson(path.join(dir, 'assembly-Prod', 'manifest.json'), {
    version: '48.0.0',
    artifacts: {
      ProdWorkloads0123ABCD: {
        type: STACK,
        environment: 'aws://210987654321/eu-central-1',
        properties: { templateFile: 'ProdWorkloads0123ABCD.template.json', stackName: 'Prod-Workloads' },
        displayName: 'Prod/Workloads',
        additionalMetadataFile: 'ProdWorkloads0123ABCD.metadata.json',
      },
    },
  });
  writeJson(path.join(dir, 'assembly-Prod', 'ProdWorkloads0123ABCD.template.json'), vpcTemplate);
  writeJson(path.join(dir, 'assembly-Prod', 'ProdWorkloads0123ABCD.metadata.json'), {
    '/Prod/Workloads/Vpc/Resource': [{ type: 'aws:cdk:logicalId', data: 'Vpc' }],
  });
  return dir;
}

describe('readAssembly', () => {
  const dir = writeAssembly();
  const stacks = readAssembly(dir);
  const byId = (id: string) => stacks.find(s => s.id === id)!;

  test('reads the stack artifacts in manifest order, nested assemblies qualified by their display name, and nothing else', () => {
    expect(stacks.map(s => s.id)).toEqual(['Network', 'Agnostic', 'PartlyAgnostic', 'Prod/ProdWorkloads0123ABCD']);
  });

  test('takes the stack name from the properties, else the artifact ID', () => {
    expect(byId('Network').stackName).toBe('network-prod');
    expect(byId('Agnostic').stackName).toBe('Agnostic');
    expect(byId('Prod/ProdWorkloads0123ABCD').stackName).toBe('Prod-Workloads');
  });

  test('parses the environment, with unknown-account and unknown-region as undefined', () => {
    expect(stacks.map(s => [s.id, s.account, s.region])).toEqual([
      ['Network', '123456789012', 'us-east-1'],
      ['Agnostic', undefined, undefined],
      ['PartlyAgnostic', undefined, 'eu-west-1'],
      ['Prod/ProdWorkloads0123ABCD', '210987654321', 'eu-central-1'],
    ]);
  });

  test('reads each template, beside the manifest that names it', () => {
    expect(byId('Network').templatePath).toBe(path.join(dir, 'Network.template.json'));
    expect(byId('Network').template).toEqual(vpcTemplate);
    expect(byId('Prod/ProdWorkloads0123ABCD').templatePath).toBe(path.join(dir, 'assembly-Prod', 'ProdWorkloads0123ABCD.template.json'));
    expect(byId('PartlyAgnostic').template).toEqual({ Resources: {} });
  });

  test('reads the manifest\'s metadata, without the logical IDs, each entry with the logical ID at its path', () => {
    expect(byId('Network').metadata).toEqual([
      { path: '/Network/Vpc/Resource', type: REQUIRED_SERVICES_METADATA, data: ['kms'], logicalId: 'Vpc' },
      { path: '/Network', type: 'aws:cdk:warning', data: 'a warning of the stack itself', logicalId: undefined },
    ]);
    expect(byId('Network').constructPaths).toEqual({ Vpc: 'Network/Vpc/Resource' });
  });

  test('reads the additional metadata file, in nested assemblies too', () => {
    expect(byId('Agnostic').metadata).toEqual([{ path: '/Agnostic/Vpc/Resource', type: NO_INTERNET_METADATA, data: true, logicalId: 'Vpc' }]);
    expect(byId('Agnostic').constructPaths).toEqual({ Vpc: 'Agnostic/Vpc/Resource' });
    expect(byId('Prod/ProdWorkloads0123ABCD').constructPaths).toEqual({ Vpc: 'Prod/Workloads/Vpc/Resource' });
  });

  test('has no metadata for a stack without any', () => {
    expect(byId('PartlyAgnostic').metadata).toEqual([]);
    expect(byId('PartlyAgnostic').constructPaths).toEqual({});
  });

  test('keeps the entries of a path that both the manifest and the additional file list, as the cloud assembly API does', () => {
    // GIVEN: the logical ID in the file, a requirement at the same path in the manifest
    const both = fs.mkdtempSync(path.join(os.tmpdir(), 'prove-assembly-'));
    writeJson(path.join(both, 'manifest.json'), {
      version: '48.0.0',
      artifacts: {
        Network: {
          type: STACK,
          environment: 'aws://123456789012/us-east-1',
          properties: { templateFile: 'Network.template.json' },
          metadata: { '/Network/Vpc/Resource': [{ type: REQUIRED_SERVICES_METADATA, data: ['kms'] }] },
          additionalMetadataFile: 'Network.metadata.json',
        },
      },
    });
    writeJson(path.join(both, 'Network.template.json'), vpcTemplate);
    writeJson(path.join(both, 'Network.metadata.json'), { '/Network/Vpc/Resource': [{ type: 'aws:cdk:logicalId', data: 'Vpc' }] });

    // WHEN
    const [network] = readAssembly(both);

    // THEN
    expect(network.metadata).toEqual([{ path: '/Network/Vpc/Resource', type: REQUIRED_SERVICES_METADATA, data: ['kms'], logicalId: 'Vpc' }]);
  });

  test('qualifies a stack of a stage in a stage once by the inner stage\'s path, which aws-cdk-lib writes as its display name', () => {
    // GIVEN: Stage Prod holding Stage Inner, as aws-cdk-lib nests their assemblies
    const nested = fs.mkdtempSync(path.join(os.tmpdir(), 'prove-assembly-'));
    writeJson(path.join(nested, 'manifest.json'), {
      version: '48.0.0',
      artifacts: { 'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod', displayName: 'Prod' } } },
    });
    writeJson(path.join(nested, 'assembly-Prod', 'manifest.json'), {
      version: '48.0.0',
      artifacts: { 'assembly-Prod-Inner': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod-Inner', displayName: 'Prod/Inner' } } },
    });
    writeJson(path.join(nested, 'assembly-Prod', 'assembly-Prod-Inner', 'manifest.json'), {
      version: '48.0.0',
      artifacts: {
        ProdInnerNet05FC9FF5: {
          type: STACK,
          environment: 'aws://123456789012/us-east-1',
          properties: { templateFile: 'ProdInnerNet05FC9FF5.template.json' },
          displayName: 'Prod/Inner/Net',
        },
      },
    });
    writeJson(path.join(nested, 'assembly-Prod', 'assembly-Prod-Inner', 'ProdInnerNet05FC9FF5.template.json'), vpcTemplate);

    // WHEN
    const [inner] = readAssembly(nested);

    // THEN
    expect(inner.id).toBe('Prod/Inner/ProdInnerNet05FC9FF5');
    expect(inner.templatePath).toBe(path.join(nested, 'assembly-Prod', 'assembly-Prod-Inner', 'ProdInnerNet05FC9FF5.template.json'));
  });

  test('reads an assembly without artifacts as no stacks', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'prove-assembly-'));
    writeJson(path.join(empty, 'manifest.json'), { version: '48.0.0' });
    expect(readAssembly(empty)).toEqual([]);
  });
});

describe('readAssembly of an unreadable assembly', () => {
  /** A copy of the assembly with one file replaced (or removed, for undefined). */
  function broken(file: string, text: string | undefined): string {
    const dir = writeAssembly();
    if (text === undefined) {
      fs.rmSync(path.join(dir, file));
    } else {
      fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
  }

  test('throws UnreadableAssemblyError for a directory that does not exist, or has no manifest', () => {
    expect(() => readAssembly(path.join(os.tmpdir(), 'prove-no-such-assembly'))).toThrow(UnreadableAssemblyError);
    expect(() => readAssembly(fs.mkdtempSync(path.join(os.tmpdir(), 'prove-empty-')))).toThrow(/^cannot read .*manifest\.json/);
  });

  test('throws UnreadableAssemblyError for a manifest that is not JSON', () => {
    const dir = broken('manifest.json', '{ "artifacts": ');
    expect(() => readAssembly(dir)).toThrow(UnreadableAssemblyError);
    expect(() => readAssembly(dir)).toThrow(/manifest\.json is not JSON/);
  });

  test('throws UnreadableAssemblyError for a template, an additional metadata file or a nested manifest that is missing or not JSON', () => {
    expect(() => readAssembly(broken('Network.template.json', undefined))).toThrow(/^cannot read .*Network\.template\.json/);
    expect(() => readAssembly(broken('Network.template.json', 'Resources:'))).toThrow(/Network\.template\.json is not JSON/);
    expect(() => readAssembly(broken('Agnostic.metadata.json', undefined))).toThrow(UnreadableAssemblyError);
    expect(() => readAssembly(broken(path.join('assembly-Prod', 'manifest.json'), '')))
      .toThrow(/assembly-Prod\/manifest\.json is not JSON/);
  });

  test('throws UnreadableAssemblyError for a manifest or a template that is JSON but not an object', () => {
    expect(() => readAssembly(broken('manifest.json', 'null'))).toThrow(UnreadableAssemblyError);
    expect(() => readAssembly(broken('Network.template.json', 'null'))).toThrow(UnreadableAssemblyError);
  });

  test('is an Error', () => {
    expect(new UnreadableAssemblyError('x')).toBeInstanceOf(Error);
  });
});
