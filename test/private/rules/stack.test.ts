import { validateStackResourceBudget } from '../../../src/private/rules/stack';

describe('validateStackResourceBudget', () => {
  test('takes a stack of up to 500 resources', () => {
    expect(validateStackResourceBudget('App/Network', 500, [{ path: 'App/Network/Hub', resources: 480 }])).toEqual([]);
  });

  test('names the constructs that fill a stack over 500 resources, and the fixes', () => {
    expect(validateStackResourceBudget('App/Network', 512, [
      { path: 'App/Network/Hub', resources: 470 },
      { path: 'App/Network/Egress', resources: 30 },
    ]).map(finding => `${finding.severity}: ${finding.message}`)).toEqual([
      'error: the stack App/Network would declare 512 CloudFormation resources, over the 500 a stack can hold (CloudFormation '
      + 'quotas, https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html); of this library\'s '
      + 'constructs, App/Network/Hub has 470, App/Network/Egress has 30. Move services to a second hub or endpoint VPC in another '
      + 'stack, or give a hub `dnsMode: HubDnsMode.PROFILE_ENDPOINTS` (2 resources per service instead of 4 to 5).',
    ]);
  });
});
