import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { PrivateEgressVpc } from '../src';
import { synthesizeAndSummarize } from './summary';

/** The AZs these example accounts see, as `cdk synth` would read them from the account into cdk.context.json. */
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const WORKLOAD_ACCOUNT = '111111111111';

const app = new App({
  outdir: 'cdk.out',
  context: {
    [`availability-zones:account=${WORKLOAD_ACCOUNT}:region=us-east-1`]: AZS,
  },
});

// Workloads in isolated subnets that use Session Manager, pull images from ECR and ship logs and metrics.
const workloads = new Stack(app, 'PrivateWorkloads', { env: { account: WORKLOAD_ACCOUNT, region: 'us-east-1' } });
new PrivateEgressVpc(workloads, 'Network', {
  interfaceEndpoints: [
    ec2.InterfaceVpcEndpointAwsService.SSM,
    ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES,
    ec2.InterfaceVpcEndpointAwsService.EC2_MESSAGES,
    ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
    ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING,
    ec2.InterfaceVpcEndpointAwsService.ECR,
    ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
  ],
});

synthesizeAndSummarize(app);
