import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { PrivateServiceNetwork } from '../../src';
test('spike', () => {
  const app = new App({ treeMetadata: false, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'S');
  const arn = new CfnParameter(stack, 'P', { type: 'String' }).valueAsString;
  new PrivateServiceNetwork(stack, 'N', { serviceNetworkArn: arn });
  const t = app.synth().getStackByName('S').template;
  console.log(JSON.stringify(t, null, 1));
});
