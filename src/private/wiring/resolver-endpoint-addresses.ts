import { CustomResource } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { customResourceHandlerSource, defineSinglePurposeFunction } from './single-purpose-function';

/**
 * The handler: lists the endpoint's addresses and returns them comma-separated, in the order of `SubnetIds` (one address
 * per subnet). An endpoint has at most 20 addresses (the `IpAddresses` of AWS::Route53Resolver::ResolverEndpoint), fewer
 * than the 100 that one call returns by default ("ListResolverEndpointIpAddresses",
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_ListResolverEndpointIpAddresses.html).
 */
export const HANDLER_SOURCE = customResourceHandlerSource({
  setup: "const { Route53ResolverClient, ListResolverEndpointIpAddressesCommand } = require('@aws-sdk/client-route53resolver');\n"
    + 'const resolver = new Route53ResolverClient({});',
  properties: ['ResolverEndpointId', 'SubnetIds'],
  physicalResourceId: 'ResolverEndpointId',
  work: [
    '      const { IpAddresses } = await resolver.send(new ListResolverEndpointIpAddressesCommand({ ResolverEndpointId }));',
    '      const bySubnet = new Map(IpAddresses.map(address => [address.SubnetId, address.Ip]));',
    '      const missing = SubnetIds.filter(subnetId => !bySubnet.get(subnetId));',
    '      if (missing.length > 0) {',
    "        throw new Error(`${ResolverEndpointId} has no IPv4 address in ${missing.join(', ')}`);",
    '      }',
    "      response.Data = { IpAddresses: SubnetIds.map(subnetId => bySubnet.get(subnetId)).join(',') };",
  ].join('\n'),
});

export interface ResolverEndpointAddressesProps {
  /** The endpoint's ID, like `rslvr-in-0123456789abcdef0`. */
  readonly resolverEndpointId: string;
  /** The endpoint's ARN: the only resource the handler may read. */
  readonly resolverEndpointArn: string;
  /** The subnets of the endpoint's addresses: a change of them reads the addresses again. */
  readonly subnetIds: string[];
}

/**
 * The IPv4 addresses of a Resolver endpoint, read when it is deployed: AWS::Route53Resolver::ResolverEndpoint returns
 * none (its attributes are the endpoint's ID, ARN, direction, VPC, name and address count), and the addresses are those
 * Resolver chose in each subnet. A function of its own may list the addresses of this one endpoint
 * (`route53resolver:ListResolverEndpointIpAddresses` takes the `resolver-endpoint` resource type, "Actions, resources,
 * and condition keys for Amazon Route 53 Resolver",
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonroute53resolver.html).
 */
export class ResolverEndpointAddresses extends Construct {
  /** The addresses, comma-separated, in the order of the subnets. */
  public readonly commaSeparated: string;

  constructor(scope: Construct, id: string, props: ResolverEndpointAddressesProps) {
    super(scope, id);

    const handler = defineSinglePurposeFunction(this, HANDLER_SOURCE, new iam.PolicyStatement({
      actions: ['route53resolver:ListResolverEndpointIpAddresses'],
      resources: [props.resolverEndpointArn],
    }));

    const addresses = new CustomResource(this, 'Resource', {
      serviceToken: handler.functionArn,
      resourceType: 'Custom::ResolverEndpointIpAddresses',
      properties: { ResolverEndpointId: props.resolverEndpointId, SubnetIds: props.subnetIds },
    });
    this.commaSeparated = addresses.getAttString('IpAddresses');
  }
}
