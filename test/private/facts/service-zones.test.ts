import { Stack } from 'aws-cdk-lib';
import { serviceZones, zoneNameSource } from '../../../src/private/facts/service-zones';

describe('serviceZones', () => {
  test('gives an unlisted service one zone at its short name, without a wildcard', () => {
    expect(serviceZones('sts', 'us-east-1', 'amazonaws.com')).toEqual([{ zoneName: 'sts.us-east-1.amazonaws.com', wildcard: false }]);
  });

  test.each([
    ['ecr.api', [['api.ecr.eu-west-1.amazonaws.com', false]]],
    ['ecr.dkr', [['dkr.ecr.eu-west-1.amazonaws.com', true]]],
    ['eks', [['eks.eu-west-1.amazonaws.com', false], ['eks.eu-west-1.api.aws', false]]],
    ['eks-auth', [['eks-auth.eu-west-1.api.aws', false]]],
    ['s3', [
      ['s3.eu-west-1.amazonaws.com', true],
      ['s3-control.eu-west-1.amazonaws.com', true],
      ['s3-accesspoint.eu-west-1.amazonaws.com', true],
    ]],
    ['execute-api', [['execute-api.eu-west-1.amazonaws.com', true]]],
    ['sagemaker.api', [['api.sagemaker.eu-west-1.amazonaws.com', false]]],
    ['sagemaker.runtime', [['runtime.sagemaker.eu-west-1.amazonaws.com', false]]],
    ['sagemaker.featurestore-runtime', [['featurestore-runtime.sagemaker.eu-west-1.amazonaws.com', false]]],
    ['codeartifact.api', [['codeartifact.eu-west-1.amazonaws.com', false]]],
    ['codeartifact.repositories', [['d.codeartifact.eu-west-1.amazonaws.com', true]]],
    ['kinesis-streams', [['kinesis.eu-west-1.amazonaws.com', false]]],
  ])('gives %s the zones %j', (shortName, zones) => {
    expect(serviceZones(shortName as string, 'eu-west-1', 'amazonaws.com'))
      .toEqual((zones as [string, boolean][]).map(([zoneName, wildcard]) => ({ zoneName, wildcard })));
  });

  test('names a service at the host name the SDKs call, where it is not its short name', () => {
    expect(serviceZones('kinesis-firehose', 'eu-west-1', 'amazonaws.com')).toEqual([{ zoneName: 'firehose.eu-west-1.amazonaws.com', wildcard: false }]);
  });

  test('names a service with one endpoint per partition at its global host name', () => {
    expect(serviceZones('iam', 'eu-west-1', 'amazonaws.com')).toEqual([{ zoneName: 'iam.amazonaws.com', wildcard: false }]);
    expect(serviceZones('iam', 'us-gov-west-1', 'amazonaws.com')).toEqual([{ zoneName: 'iam.us-gov.amazonaws.com', wildcard: false }]);
  });

  test('takes the dual-stack suffix of the EU sovereign partition, and gives no dual-stack zone where a partition has none', () => {
    expect(serviceZones('eks', 'eusc-de-east-1', 'amazonaws.eu').map(z => z.zoneName))
      .toEqual(['eks.eusc-de-east-1.amazonaws.eu', 'eks.eusc-de-east-1.api.amazonwebservices.eu']);
    expect(serviceZones('eks', 'us-iso-east-1', 'c2s.ic.gov').map(z => z.zoneName)).toEqual(['eks.us-iso-east-1.c2s.ic.gov']);
  });

  test('names zones in the China partition with its DNS suffix and its dual-stack suffix', () => {
    expect(serviceZones('ecr.dkr', 'cn-north-1', 'amazonaws.com.cn'))
      .toEqual([{ zoneName: 'dkr.ecr.cn-north-1.amazonaws.com.cn', wildcard: true }]);
    expect(serviceZones('eks-auth', 'cn-north-1', 'amazonaws.com.cn'))
      .toEqual([{ zoneName: 'eks-auth.cn-north-1.api.amazonwebservices.com.cn', wildcard: false }]);
  });

  test('keeps the tokens of an environment-agnostic stack in the names, assuming api.aws for dual-stack names', () => {
    // GIVEN
    const stack = new Stack();

    // WHEN
    const zones = serviceZones('eks', stack.region, stack.urlSuffix);

    // THEN
    expect(zones.map(z => stack.resolve(z.zoneName))).toEqual([
      { 'Fn::Join': ['', ['eks.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] },
      { 'Fn::Join': ['', ['eks.', { Ref: 'AWS::Region' }, '.api.aws']] },
    ]);
  });
});

describe('zoneNameSource', () => {
  test('tells the services the table lists, those the SDK data names and those whose zone name is assumed', () => {
    expect(zoneNameSource('ecr.api')).toBe('documented');
    expect(zoneNameSource('s3')).toBe('documented');
    expect(zoneNameSource('sts')).toBe('sdk');
    expect(zoneNameSource('kinesis-firehose')).toBe('sdk');
    expect(zoneNameSource('iam')).toBe('sdk');
    expect(zoneNameSource('airflow.api')).toBe('assumed');
  });
});
