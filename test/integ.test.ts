import { App } from 'aws-cdk-lib';
import { centralEndpointHubIntegApp } from './integ.central-endpoint-hub';
import { endpointServiceIntegApp } from './integ.endpoint-service';
import { privateEgressVpcIntegApp } from './integ.private-egress-vpc';
import { expectSchemaValid } from './schema';

// The deployable integration tests (test/integ.*.ts) are checked here without deploying: each stack's template must
// conform to the resource schemas and match its committed snapshot (`npx projen test:update` updates them on purpose).

describe('integration test apps', () => {
  test.each([
    ['integ.private-egress-vpc', privateEgressVpcIntegApp],
    ['integ.endpoint-service', endpointServiceIntegApp],
    ['integ.central-endpoint-hub', centralEndpointHubIntegApp],
  ])('%s synthesizes the templates in its snapshot', (_, integApp: () => App) => {
    const assembly = integApp().synth();
    for (const stack of assembly.stacks) {
      expectSchemaValid(stack.template);
      expect(stack.template).toMatchSnapshot(stack.stackName);
    }
  });
});
