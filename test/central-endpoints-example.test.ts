import { App, Stack } from 'aws-cdk-lib';
import { schemaCheckedTemplate } from './schema';
import { addCentralEndpointStacks } from '../examples/central-endpoints';
import { CONSUMER_ACCOUNT, PROVIDER_ACCOUNT, REGION } from '../examples/private-link';
import { summarize } from '../examples/summary';

/** The example app's hub and its two spokes, with the AZs both accounts see. */
function exampleApp(): App {
  const app = new App({
    context: Object.fromEntries([PROVIDER_ACCOUNT, CONSUMER_ACCOUNT].map(account =>
      [`availability-zones:account=${account}:region=${REGION}`, ['a', 'b', 'c'].map(letter => `${REGION}${letter}`)])),
  });
  addCentralEndpointStacks(app);
  return app;
}

describe('central endpoints example', () => {
  test.each(['EndpointHub', 'NetworkSpoke', 'PartnerSpoke'])('%s matches its snapshot and the resource schemas', stackName => {
    // GIVEN
    const app = exampleApp();

    // THEN
    expect(schemaCheckedTemplate(app.node.findChild(stackName) as Stack)).toMatchSnapshot();
  });

  test('the summary prints the hub against its spokes, priced, with the break-even', () => {
    // GIVEN
    const app = exampleApp();

    // WHEN
    const lines = summarize(app, app.synth());

    // THEN
    const table = lines.slice(lines.findIndex(line => line.includes('estimated cost, USD/month (hub:')));
    expect(table.slice(0, 7)).toEqual([
      '    estimated cost, USD/month (hub: 12 endpoints, a profile, a Transit Gateway attachment per VPC; break-even 4 spokes):',
      '      spokes       hub  own endpoints  savings',
      '           2    919.80         525.60   -394.20',
      '           5   1029.30        1314.00    284.70',
      '          20   1576.80        5256.00   3679.20',
      '          50   2671.80       13140.00  10468.20',
      '      on top: 0.02 USD/GB through the Transit Gateway, so 20 spokes stay cheaper up to 183960 GB/month through the hub',
    ]);
    expect(lines).toContain('  CentralEndpointSpoke PartnerSpoke/Spoke: 4 resources (3 AWS::EC2::Route, 1 AWS::Route53Profiles::ProfileAssociation)');
  });
});
