import { serviceDomains } from '../../../src/private/wiring/dns-egress-domains';

describe('serviceDomains', () => {
  test('names the host the SDKs call and the names under it, in the Region\'s partition', () => {
    expect(serviceDomains('ssm', 'us-east-1')).toEqual(['ssm.us-east-1.amazonaws.com', '*.ssm.us-east-1.amazonaws.com']);
    expect(serviceDomains('s3', 'cn-north-1')).toEqual(['s3.cn-north-1.amazonaws.com.cn', '*.s3.cn-north-1.amazonaws.com.cn']);
  });

  test('names the hosts of the other clients AWS documents, and the SDK host where it differs from the service name', () => {
    expect(serviceDomains('ecr.dkr', 'eu-west-1')).toEqual(['dkr.ecr.eu-west-1.amazonaws.com', '*.dkr.ecr.eu-west-1.amazonaws.com']);
    expect(serviceDomains('ecr.api', 'eu-west-1')).toEqual(['api.ecr.eu-west-1.amazonaws.com', '*.api.ecr.eu-west-1.amazonaws.com']);
    expect(serviceDomains('ssmmessages', 'eu-west-1')).toEqual(['ssmmessages.eu-west-1.amazonaws.com', '*.ssmmessages.eu-west-1.amazonaws.com']);
  });

  test('names nothing for a service no source names a host for', () => {
    expect(serviceDomains('no-such-service', 'us-east-1')).toEqual([]);
  });
});
