import { App, Stack } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { knownZoneName, validateZoneNameKnown } from '../../../src/private/rules/hosted-zones';

describe('knownZoneName', () => {
  test('is the name of a zone imported with it, and undefined for one imported by ID only', () => {
    const stack = new Stack(new App(), 'Stack');
    expect(knownZoneName(route53.HostedZone.fromHostedZoneAttributes(stack, 'WithName', { hostedZoneId: 'Z1', zoneName: 'example.com' })))
      .toEqual('example.com');
    expect(knownZoneName(route53.HostedZone.fromHostedZoneId(stack, 'ById', 'Z1'))).toBeUndefined();
  });
});

describe('validateZoneNameKnown', () => {
  test('fails on a zone without a name, naming the prop and the import that keeps the name', () => {
    expect(validateZoneNameKnown('hostedZone', { given: true }, 'HostedZone.fromHostedZoneAttributes()').map(f => f.message)).toEqual([
      '`hostedZone` was imported by ID only (`fromHostedZoneId()` or `fromPublicHostedZoneId()`), so its name is unknown and the records '
      + 'for it can be neither named nor checked; import it with `HostedZone.fromHostedZoneAttributes()`, giving its `zoneName` too',
    ]);
  });

  test('accepts no zone, and a zone with a name', () => {
    expect([
      ...validateZoneNameKnown('hostedZone', { given: false }, 'x'),
      ...validateZoneNameKnown('hostedZone', { given: true, name: 'example.com' }, 'x'),
    ]).toEqual([]);
  });
});
