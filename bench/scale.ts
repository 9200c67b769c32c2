import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import * as byHand from './hand-written';
import { CONTEXT, ENV, isolatedVpc, SERVICE_TARGETS } from './hand-written';
import { EndpointBundle, EndpointConsumer, EndpointServiceProvider, PrivateEgressVpc } from '../src';

// A platform team's app: one shared stack with a PrivateLink service, and many workload stacks, each with an
// isolated VPC with Session Manager endpoints and a consumer of a PrivateLink service (the shared one, or one in
// another account named by a string) with split-horizon DNS. Defined with the library, and hand-written.

const PORT = 443;
const PRINCIPAL = `arn:aws:iam::${ENV.account}:root`;
const OTHER_ACCOUNT_SERVICE = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';
const DOMAIN = 'orders.internal.example.com';

/** Even workload stacks consume the shared service, odd ones the other account's. */
const usesSharedService = (index: number) => index % 2 === 0;

export function libraryApp(workloadStacks: number): App {
  const app = new App({ context: CONTEXT });
  const shared = new Stack(app, 'Shared', { env: ENV });
  const provider = new EndpointServiceProvider(shared, 'Provider', {
    vpc: isolatedVpc(shared, 'Vpc'),
    port: PORT,
    targets: SERVICE_TARGETS,
    allowedPrincipals: [new iam.ArnPrincipal(PRINCIPAL)],
  });
  for (let i = 0; i < workloadStacks; i++) {
    const stack = new Stack(app, `Workload${i}`, { env: ENV });
    const network = new PrivateEgressVpc(stack, 'Network', { bundles: [EndpointBundle.SESSION_MANAGER] });
    new EndpointConsumer(stack, 'Orders', {
      vpc: network.vpc,
      service: usesSharedService(i) ? provider : new ec2.InterfaceVpcEndpointService(OTHER_ACCOUNT_SERVICE, PORT),
      domainName: DOMAIN,
    });
  }
  return app;
}

export function handWrittenApp(workloadStacks: number): App {
  const app = new App({ context: CONTEXT });
  const shared = new Stack(app, 'Shared', { env: ENV });
  const service = byHand.provider(new Construct(shared, 'Provider'), isolatedVpc(shared, 'Vpc'), PORT, PRINCIPAL);
  for (let i = 0; i < workloadStacks; i++) {
    const stack = new Stack(app, `Workload${i}`, { env: ENV });
    const vpc = byHand.egressVpc(new Construct(stack, 'Network'), EndpointBundle.SESSION_MANAGER.interfaceEndpoints);
    const serviceName = usesSharedService(i) ? service.vpcEndpointServiceName : OTHER_ACCOUNT_SERVICE;
    byHand.consumer(new Construct(stack, 'Orders'), vpc, serviceName, PORT, DOMAIN);
  }
  return app;
}
