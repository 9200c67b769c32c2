import { clientHostName } from '../../src/prove/client-hosts';
import { HOST_SOURCE, parseServiceName, sdkHostName } from '../../src/prove/sdk-hosts';

describe('sdkHostName', () => {
  test('is <label>.<region>.amazonaws.com for a regional service', () => {
    expect(sdkHostName('sts', 'us-east-1')).toBe('sts.us-east-1.amazonaws.com');
    expect(sdkHostName('kms', 'eu-west-1')).toBe('kms.eu-west-1.amazonaws.com');
  });

  test('takes the SDKs\' host label, which may differ from the short name', () => {
    expect(sdkHostName('ecr.api', 'us-east-1')).toBe('api.ecr.us-east-1.amazonaws.com');
  });

  test('is the partition\'s global host for a global service, whatever the Region', () => {
    expect(sdkHostName('iam', 'us-east-1')).toBe('iam.amazonaws.com');
    expect(sdkHostName('iam', 'eu-west-1')).toBe('iam.amazonaws.com');
    expect(sdkHostName('iam', 'us-gov-west-1')).toBe('iam.us-gov.amazonaws.com');
    expect(sdkHostName('iam', 'cn-northwest-1')).toBe('iam.cn-north-1.amazonaws.com.cn');
  });

  test('takes the DNS suffix of the Region\'s partition', () => {
    expect(sdkHostName('sts', 'cn-north-1')).toBe('sts.cn-north-1.amazonaws.com.cn');
    expect(sdkHostName('sts', 'us-iso-east-1')).toBe('sts.us-iso-east-1.c2s.ic.gov');
  });

  test('is undefined for a service the SDKs\' data does not know, or a Region of no partition', () => {
    expect(sdkHostName('no-such-service', 'us-east-1')).toBeUndefined();
    expect(sdkHostName('ssmmessages', 'us-east-1')).toBeUndefined();
    expect(sdkHostName('sts', 'xx-nowhere-1')).toBeUndefined();
  });

  test('names the source of its data, for the report', () => {
    expect(HOST_SOURCE).toMatch(/^the AWS SDKs' endpoint data \(botocore [0-9.]+\)$/);
  });
});

describe('parseServiceName', () => {
  test('reads the Region and the short name of com.amazonaws.<region>.<service>', () => {
    expect(parseServiceName('com.amazonaws.us-east-1.sts')).toEqual({ region: 'us-east-1', shortName: 'sts' });
  });

  test('keeps the dots of a short name', () => {
    expect(parseServiceName('com.amazonaws.eu-west-1.ecr.api')).toEqual({ region: 'eu-west-1', shortName: 'ecr.api' });
  });

  test('reads the China partition\'s cn.com.amazonaws prefix', () => {
    expect(parseServiceName('cn.com.amazonaws.cn-north-1.sts')).toEqual({ region: 'cn-north-1', shortName: 'sts' });
  });

  test('is undefined for a provider\'s endpoint service, which is not an AWS service', () => {
    expect(parseServiceName('com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0')).toBeUndefined();
    expect(parseServiceName('cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0')).toBeUndefined();
    expect(parseServiceName('com.amazonaws.us-east-1.vpce-svc-0123456789abcdef0')).toBeUndefined();
  });

  test('is undefined for another name', () => {
    expect(parseServiceName('aws.sagemaker.us-east-1.notebook')).toBeUndefined();
    expect(parseServiceName('com.amazonaws.us-east-1')).toBeUndefined();
    expect(parseServiceName('')).toBeUndefined();
  });
});

describe('clientHostName', () => {
  test('is the host a non-SDK client calls, in the Region\'s partition', () => {
    expect(clientHostName('ssmmessages', 'us-east-1')).toMatchObject({ host: 'ssmmessages.us-east-1.amazonaws.com', client: 'SSM Agent (Session Manager)' });
    expect(clientHostName('ecr.dkr', 'cn-north-1')?.host).toBe('example.dkr.ecr.cn-north-1.amazonaws.com.cn');
    expect(clientHostName('execute-api', 'eu-west-1')?.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  test('is undefined for a service no such client calls, or a Region of no partition', () => {
    expect(clientHostName('sts', 'us-east-1')).toBeUndefined();
    expect(clientHostName('ssmmessages', 'xx-nowhere-1')).toBeUndefined();
  });
});
