import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as rds from 'aws-cdk-lib/aws-rds';
import { hostShare } from './lattice-fixtures';
import { ACCOUNT, AWS_SOLUTIONS_CHECKS, AZS, isolatedVpc, REGION, testStack, validationErrors } from './util';
import { PrivateResourceShare } from '../src/private-resource-share';
import { PrivateServiceNetwork } from '../src/private-service-network';
import { ResourceDefinition } from '../src/resource-definition';

const RESOURCE_CONFIGURATION_ARN = 'arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0';
const SERVICE_ARN = 'arn:aws:vpc-lattice:us-east-1:123456789012:service/svc-0123456789abcdef0';
const NETWORK_ARN = 'arn:aws:vpc-lattice:us-east-1:123456789012:servicenetwork/sn-0123456789abcdef0';

const logicalId = (stack: Stack, element: unknown) => stack.getLogicalId(element as CfnElement);

describe('PrivateServiceNetwork', () => {
  test('defines a service network, unshared and not shareable, with no principals', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const network = new PrivateServiceNetwork(stack, 'Network');

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::VpcLattice::ServiceNetwork', {
      Name: Match.stringLikeRegexp('^teststack-network-[0-9a-f]{8}$'),
      SharingConfig: { enabled: false },
    });
    template.resourceCountIs('AWS::RAM::ResourceShare', 0);
    expect(Object.values(template.findOutputs('*'))).toEqual([
      expect.objectContaining({ Value: { 'Fn::GetAtt': [logicalId(stack, network.node.findChild('ServiceNetwork')), 'Arn'] } }),
    ]);
  });

  test('associates each share with private DNS, lets its configuration join a shareable network, and shares the network with RAM', () => {
    // GIVEN
    const { stack } = testStack();
    const orders = hostShare(stack, 'Orders');
    const billing = hostShare(stack, 'Billing');

    // WHEN
    const network = new PrivateServiceNetwork(stack, 'Network', { resources: [orders], allowedPrincipals: ['111122223333'] });
    network.addResource(billing);
    network.addAllowedPrincipal('arn:aws:organizations::111122223333:organization/o-abcdefghij');

    // THEN
    const template = Template.fromStack(stack);
    const networkId = logicalId(stack, network.node.findChild('ServiceNetwork'));
    template.hasResourceProperties('AWS::VpcLattice::ServiceNetwork', { SharingConfig: { enabled: true } });
    for (const share of [orders, billing]) {
      const configurationId = logicalId(stack, share.node.findChild('ResourceConfiguration'));
      template.hasResourceProperties('AWS::VpcLattice::ServiceNetworkResourceAssociation', {
        ServiceNetworkId: { 'Fn::GetAtt': [networkId, 'Id'] },
        ResourceConfigurationId: { 'Fn::GetAtt': [configurationId, 'Id'] },
        PrivateDnsEnabled: true,
      });
      template.hasResourceProperties('AWS::VpcLattice::ResourceConfiguration', {
        Name: Match.stringLikeRegexp(share.node.id.toLowerCase()),
        AllowAssociationToSharableServiceNetwork: true,
      });
    }
    template.hasResourceProperties('AWS::RAM::ResourceShare', {
      ResourceArns: [{ 'Fn::GetAtt': [networkId, 'Arn'] }],
      Principals: ['111122223333', 'arn:aws:organizations::111122223333:organization/o-abcdefghij'],
      AllowExternalPrincipals: false,
    });
    expect(network.resourceShares).toEqual([orders, billing]);
    expect(network.carriesExternalTargets).toBe(false);
  });

  test('keeps the logical ID of an association when another resource is added or removed', () => {
    const associationIds = (withBilling: boolean) => {
      const { stack } = testStack();
      const resources = [...(withBilling ? [hostShare(stack, 'Billing')] : []), hostShare(stack, 'Orders')];
      new PrivateServiceNetwork(stack, 'Network', { resources });
      return Object.keys(Template.fromStack(stack).findResources('AWS::VpcLattice::ServiceNetworkResourceAssociation'));
    };

    expect(associationIds(true)).toEqual(expect.arrayContaining(associationIds(false)));
    expect(associationIds(true)).toHaveLength(2);
  });

  test('adds a share twice as one association', () => {
    // GIVEN
    const { app, stack } = testStack();
    const orders = hostShare(stack, 'Orders');

    // WHEN
    const network = new PrivateServiceNetwork(stack, 'Network', { resources: [orders] });
    network.addResource(orders);

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::VpcLattice::ServiceNetworkResourceAssociation', 1);
    expect(validationErrors(app)).toEqual([]);
  });

  test('carries resource configurations by ARN and VPC Lattice services, by their IDs', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const network = new PrivateServiceNetwork(stack, 'Network', { privateDnsEnabled: false });
    network.addResourceConfiguration('Inventory', RESOURCE_CONFIGURATION_ARN);
    network.addService('Checkout', SERVICE_ARN);

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::VpcLattice::ServiceNetworkResourceAssociation', {
      ResourceConfigurationId: 'rcfg-0123456789abcdef0',
      PrivateDnsEnabled: false,
    });
    template.hasResourceProperties('AWS::VpcLattice::ServiceNetworkServiceAssociation', { ServiceIdentifier: SERVICE_ARN });
    expect(network.carriesExternalTargets).toBe(true);
  });

  test('leaves private DNS unset for a database, which AWS keeps on, whatever the network\'s setting', () => {
    // GIVEN
    const { stack } = testStack();
    const database = rds.DatabaseInstance.fromDatabaseInstanceAttributes(stack, 'Db', {
      instanceIdentifier: 'orders',
      instanceEndpointAddress: 'orders.abc.us-east-1.rds.amazonaws.com',
      port: 5432,
      securityGroups: [],
    });
    const orders = new PrivateResourceShare(stack, 'Orders', { vpc: isolatedVpc(stack), resource: ResourceDefinition.rdsInstance(database) });

    // WHEN
    new PrivateServiceNetwork(stack, 'Network', { resources: [orders, hostShare(stack, 'Billing')], privateDnsEnabled: false });

    // THEN
    const associations = Object.values(Template.fromStack(stack).findResources('AWS::VpcLattice::ServiceNetworkResourceAssociation'))
      .map(association => association.Properties.PrivateDnsEnabled);
    expect(associations.sort()).toEqual([false, undefined]);
  });

  test('adopts an existing network by ARN, defining no network', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const network = new PrivateServiceNetwork(stack, 'Network', { serviceNetworkArn: NETWORK_ARN, resources: [hostShare(stack, 'Orders')] });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::VpcLattice::ServiceNetwork', 0);
    template.hasResourceProperties('AWS::VpcLattice::ServiceNetworkResourceAssociation', { ServiceNetworkId: NETWORK_ARN });
    expect(network.serviceNetworkId).toBe('sn-0123456789abcdef0');
  });

  test('names a network defined in a stack called ServiceNetwork without the prefix its IDs reserve', () => {
    // GIVEN
    const app = new App({ context: { [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS } });
    const stack = new Stack(app, 'ServiceNetwork', { env: { account: ACCOUNT, region: REGION } });

    // WHEN
    new PrivateServiceNetwork(stack, 'Network');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::VpcLattice::ServiceNetwork', {
      Name: Match.stringLikeRegexp('^servicenetwork[0-9a-f]{8}$'),
    });
  });

  test('publishes the ARN in an SSM parameter when asked', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new PrivateServiceNetwork(stack, 'Network', { serviceNetworkArnParameter: '/network/shared-data/service-network-arn' });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/network/shared-data/service-network-arn',
      Value: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
    });
  });

  describe('validation', () => {
    test('reports every mistake at once', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      const network = new PrivateServiceNetwork(stack, 'Network', {
        serviceNetworkName: 'Shared_Data',
        serviceNetworkArn: 'sn-0123456789abcdef0',
        allowedPrincipals: ['arn:aws:iam::111122223333:role/admin'],
      });
      network.addResourceConfiguration('Bad', 'rcfg-0123456789abcdef0');
      network.addResourceConfiguration('Bad', RESOURCE_CONFIGURATION_ARN);
      network.addService('Wrong', 'checkout');

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Network\] both `serviceNetworkName` and `serviceNetworkArn` are given/),
        expect.stringMatching(/^\[TestStack\/Network\] `serviceNetworkName` must be 3 to 63 lowercase letters, .* got 'Shared_Data'/),
        expect.stringMatching(/^\[TestStack\/Network\] `serviceNetworkArn` must be the ARN of a VPC Lattice service network, .* got 'sn-0123456789abcdef0'/),
        expect.stringMatching(/^\[TestStack\/Network\] `allowedPrincipals` must hold AWS account IDs .*Service networks are shared with/),
        expect.stringMatching(/^\[TestStack\/Network\] the resource configuration 'rcfg-0123456789abcdef0' is added to the service network more than once/),
        expect.stringMatching(/^\[TestStack\/Network\] `resourceConfigurationArn` must be the ARN of a resource configuration/),
        expect.stringMatching(/^\[TestStack\/Network\] the association ID 'Bad' is given twice/),
        expect.stringMatching(/^\[TestStack\/Network\] the VPC Lattice service 'checkout' must be given by its ID/),
      ]);
    });

    test('refuses a service added by ID and again by ARN', () => {
      // GIVEN
      const { app, stack } = testStack();
      const network = new PrivateServiceNetwork(stack, 'Network');

      // WHEN
      network.addService('Checkout', 'svc-0123456789abcdef0');
      network.addService('CheckoutAgain', SERVICE_ARN);

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/Network\] the VPC Lattice service 'svc-0123456789abcdef0' is added to the service network more than once/),
      ]);
    });

    test('refuses to adopt a network of another Region, or to share one of another account', () => {
      // GIVEN
      const { app, stack } = testStack();

      // WHEN
      new PrivateServiceNetwork(stack, 'OtherRegion', { serviceNetworkArn: NETWORK_ARN.replace('us-east-1', 'eu-west-1') });
      new PrivateServiceNetwork(stack, 'OtherAccount', { serviceNetworkArn: NETWORK_ARN.replace(ACCOUNT, '111122223333'), allowedPrincipals: ['444455556666'] });
      new PrivateServiceNetwork(stack, 'SharedWithUs', { serviceNetworkArn: NETWORK_ARN.replace(ACCOUNT, '111122223333') });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[TestStack\/OtherRegion\] `serviceNetworkArn` is a service network in eu-west-1, but this stack is in us-east-1/),
        expect.stringMatching(/^\[TestStack\/OtherAccount\] `serviceNetworkArn` is a service network of account 111122223333, .*only its owner can share it/),
      ]);
    });

    test('refuses a share of another account, without defining its association', () => {
      // GIVEN
      const app = new App({
        context: {
          [`availability-zones:account=222222222222:region=${REGION}`]: AZS,
          [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: AZS,
        },
      });
      const providerStack = new Stack(app, 'Provider', { env: { account: '222222222222', region: REGION } });
      const networkStack = new Stack(app, 'Network', { env: { account: ACCOUNT, region: REGION } });
      const orders = hostShare(providerStack, 'Orders');

      // WHEN
      new PrivateServiceNetwork(networkStack, 'Network', { resources: [orders] });

      // THEN
      expect(validationErrors(app)).toEqual([
        expect.stringMatching(/^\[Network\/Network\] the resource share at Provider\/Orders is in account 222222222222, but the service network is in account 123456789012/),
      ]);
    });
  });

  test.each(AWS_SOLUTIONS_CHECKS)('passes %s AwsSolutions', (_, errors) => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    new PrivateServiceNetwork(stack, 'Network', { resources: [hostShare(stack, 'Orders')], allowedPrincipals: ['111122223333'] });

    // THEN
    expect(errors(stack).filter(finding => finding.includes('/Network'))).toEqual([]);
  });

  test('snapshot', () => {
    // GIVEN
    const { stack } = testStack();

    // WHEN
    const network = new PrivateServiceNetwork(stack, 'Network', {
      serviceNetworkName: 'shared-data',
      resources: [hostShare(stack, 'Orders', { customDomainName: 'orders.example.com', verified: true })],
      allowedPrincipals: ['111122223333'],
      serviceNetworkArnParameter: '/network/shared-data/service-network-arn',
    });
    network.addService('Checkout', SERVICE_ARN);

    // THEN
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
