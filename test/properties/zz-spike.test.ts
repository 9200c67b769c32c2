import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { PortRange, PrivateDnsPreference, PrivateServiceNetworkEndpoint } from '../../src';
import { schemaViolations } from '../schema';
test('spike', () => {
  const app = new App({ treeMetadata: false, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'S', { env: { account: '123456789012', region: 'us-east-1' } });
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0aaaaaaaaaaaaaaaa', vpcCidrBlock: '10.50.0.0/16',
    availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-0aaaaaaaaaaaaaa00'] });
  new PrivateServiceNetworkEndpoint(stack, 'E', { vpc, serviceNetworkArn: 'arn:aws:vpc-lattice:us-east-1:210987654321:servicenetwork/sn-0123456789abcdef0',
    portRanges: [PortRange.tcp(443)], privateDnsPreference: PrivateDnsPreference.SPECIFIED_DOMAINS_ONLY,
    privateDnsSpecifiedDomains: ['orders.example.com', 'orders.example.com', 'Orders.Example.Com.'] });
  const t = app.synth().getStackByName('S').template;
  console.log(JSON.stringify(t.Resources.E5C9F7F2A ?? Object.values(t.Resources).find((r: any) => r.Type === 'AWS::EC2::VPCEndpoint')), schemaViolations(t, 'us-east-1'));
});
