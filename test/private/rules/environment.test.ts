import { Token } from 'aws-cdk-lib';
import { validateStackRegion } from '../../../src/private/rules/environment';

describe('validateStackRegion', () => {
  test('takes a Region aws-cdk-lib knows, in every partition, or a Region known only at deploy time', () => {
    for (const region of ['us-east-1', 'cn-north-1', 'us-gov-west-1', 'eusc-de-east-1', Token.asString({ Ref: 'AWS::Region' })]) {
      expect(validateStackRegion(region)).toEqual([]);
    }
  });

  test.each(['eu-west1', 'euwest-1', 'EU-WEST-1', 'eu west 1'])('refuses %j, which is no Region name', region => {
    expect(validateStackRegion(region)).toEqual([{
      severity: 'error',
      message: `the stack's Region '${region}' is not a Region name (like eu-west-1 or us-gov-west-1). Fix \`env.region\` of the stack.`,
    }]);
  });

  test('warns about a Region name aws-cdk-lib does not know, which may be a typo or a newer Region', () => {
    expect(validateStackRegion('eu-westt-1')).toEqual([{
      severity: 'warning',
      slug: 'unknownRegion',
      message: 'the stack\'s Region \'eu-westt-1\' is not one this aws-cdk-lib knows (RegionInfo.regions): check its spelling, or '
        + 'acknowledge this warning for a Region newer than this aws-cdk-lib.',
    }]);
  });
});
