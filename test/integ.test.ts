import { App } from 'aws-cdk-lib';
import { centralEndpointHubIntegApp } from './integ.central-endpoint-hub';
import { endpointServiceIntegApp } from './integ.endpoint-service';
import { privateEgressVpcIntegApp } from './integ.private-egress-vpc';
import { expectSchemaValid } from './schema';

// The deployable integration tests (test/integ.*.ts) are checked here without deploying: each stack's template must
// conform to the resource schemas and match its committed snapshot (`npx projen test:update` updates them on purpose).

/**
 * integ-tests salts each assertion with the time of synth, so that it runs again on every deploy; the salt is masked.
 */
function withoutSalt(template: unknown): unknown {
  return JSON.parse(JSON.stringify(template).replace(/"salt":"\d+"/g, '"salt":"SYNTH-TIME"'));
}
describe('integration test apps', () => {
  test.each([
    ['integ.private-egress-vpc', privateEgressVpcIntegApp],
    ['integ.endpoint-service', endpointServiceIntegApp],
    ['integ.central-endpoint-hub', centralEndpointHubIntegApp],
  ])('%s synthesizes the templates in its snapshot', (_, integApp: () => App) => {
    const assembly = integApp().synth();
    for (const stack of assembly.stacks) {
      expectSchemaValid(stack.template);
      expect(withoutSalt(stack.template)).toMatchSnapshot(stack.stackName);
    }
  });
});
