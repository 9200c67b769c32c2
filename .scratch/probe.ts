import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { CentralEndpointHub, CentralEndpointSpoke, PrivateEgressVpc, EndpointServiceProvider, PrivateResourceShare, PrivateResourceEndpoint, ResourceDefinition } from '../src';

const ENV = { account: '123456789012', region: 'us-east-1' };
function attempt(name: string, build: (app: App, stack: Stack) => void) {
  const app = new App({ context: { 'availability-zones:account=123456789012:region=us-east-1': ['us-east-1a', 'us-east-1b'] } });
  const stack = new Stack(app, 'S', { env: ENV });
  try {
    build(app, stack);
    const asm = app.synth();
    const warnings = asm.getStackByName('S').messages.filter(m => m.level === 'warning').map(m => String(m.entry.data).slice(0, 100));
    console.log(`PASS-SILENT? ${name} :: warnings=${warnings.length} ${warnings.join(' | ')}`);
  } catch (e: any) {
    const first = String(e.message).split('\n').slice(0, 3).join(' / ').slice(0, 260);
    const ours = /\[S\//.test(e.message) || (e.stack ?? '').split('\n')[1]?.includes('/src/');
    console.log(`${ours ? 'CLEAN' : 'CRASH'} ${name} :: ${e.constructor.name}: ${first}`);
  }
}
attempt('hub ipAddresses /8', (_a, s) => new CentralEndpointHub(s, 'Hub', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/8'), interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] }));
attempt('hub ipAddresses /29', (_a, s) => new CentralEndpointHub(s, 'Hub', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/29'), interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] }));
attempt('hub clientCidrs IPv6 upper+lower', (_a, s) => new CentralEndpointHub(s, 'Hub', { clientCidrs: ['2001:DB8::/32', '2001:db8::/32'], transitGatewayId: 'tgw-123', interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] }));
attempt('hub clientCidrs IPv6 two spellings', (_a, s) => new CentralEndpointHub(s, 'Hub', { clientCidrs: ['2001:db8:0:0::/64', '2001:db8::/64'], transitGatewayId: 'tgw-123', interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] }));
attempt('spoke overlaps hub', (_a, s) => {
  const hub = new CentralEndpointHub(s, 'Hub', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'), clientCidrs: ['10.0.0.0/8'], interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });
  const vpc = new ec2.Vpc(s, 'SpokeVpc', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'), natGateways: 0, subnetConfiguration: [{ name: 'w', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  new CentralEndpointSpoke(s, 'Spoke', { vpc, hub, transitGatewayId: 'tgw-1' });
});
attempt('tgw route covers own vpc (hubCidrs contains spoke)', (_a, s) => {
  const vpc = new ec2.Vpc(s, 'SpokeVpc', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'), natGateways: 0, subnetConfiguration: [{ name: 'w', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  new CentralEndpointSpoke(s, 'Spoke', { vpc, profileId: 'rp-1234', transitGatewayId: 'tgw-1', hubCidrs: ['10.0.0.0/8'] });
});
attempt('profileId empty', (_a, s) => {
  const vpc = new ec2.Vpc(s, 'SpokeVpc', { natGateways: 0, subnetConfiguration: [{ name: 'w', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  new CentralEndpointSpoke(s, 'Spoke', { vpc, profileId: '' });
});
attempt('associateVpc other account', (a, s) => {
  const hub = new CentralEndpointHub(s, 'Hub', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });
  const other = new Stack(a, 'Other', { env: { account: '210987654321', region: 'us-east-1' } });
  hub.associateVpc(new ec2.Vpc(other, 'V', { natGateways: 0, subnetConfiguration: [{ name: 'w', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] }));
});
attempt('associateVpc agnostic', (a, s) => {
  const hub = new CentralEndpointHub(s, 'Hub', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });
  const other = new Stack(a, 'Other');
  hub.associateVpc(new ec2.Vpc(other, 'V', { natGateways: 0, subnetConfiguration: [{ name: 'w', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] }));
});
attempt('region typo eu-west1', (a) => {
  const s2 = new Stack(a, 'T', { env: { account: '123456789012', region: 'eu-west1' } });
  new PrivateEgressVpc(s2, 'Egress', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });
});
attempt('service typo secretmanager', (_a, s) => new PrivateEgressVpc(s, 'Egress', { interfaceEndpoints: [new ec2.InterfaceVpcEndpointAwsService('secretmanager')] }));
attempt('service typo ecr.dkrr', (_a, s) => new PrivateEgressVpc(s, 'Egress', { interfaceEndpoints: [new ec2.InterfaceVpcEndpointAwsService('ecr.dkrr')] }));
attempt('service name with space', (_a, s) => new PrivateEgressVpc(s, 'Egress', { interfaceEndpoints: [new ec2.InterfaceVpcEndpointAwsService('secrets manager')] }));
attempt('bare account as ArnPrincipal', (_a, s) => {
  const vpc = new ec2.Vpc(s, 'V', { natGateways: 0, subnetConfiguration: [{ name: 'w', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const nlb = new elbv2.NetworkLoadBalancer(s, 'Nlb', { vpc });
  new EndpointServiceProvider(s, 'Provider', { vpc, networkLoadBalancer: nlb, allowedPrincipals: [new iam.ArnPrincipal('210987654321')] });
});
attempt('hub long path zone comment', (_a, s) => {
  let scope: any = s; for (let i = 0; i < 12; i++) scope = new (require('constructs').Construct)(scope, 'AVeryLongConstructIdSegmentNumber' + i);
  new CentralEndpointHub(scope, 'Hub', { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });
});
attempt('hub parameterPrefix token', (_a, s) => new CentralEndpointHub(s, 'Hub', { parameterPrefix: new (require('aws-cdk-lib').CfnParameter)(s, 'P').valueAsString, interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] }));
