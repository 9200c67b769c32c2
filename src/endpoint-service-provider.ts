import { CfnOutput, Fn, Lazy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as sns from 'aws-cdk-lib/aws-sns';
import { FactName } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { EndpointServiceProviderCostEstimate } from './cost';
import { estimateProviderCost } from './private/cost/cost-model';
import { AppInventory } from './private/inventory/app-inventory';
import { knownZoneName, validateZoneNameKnown } from './private/rules/hosted-zones';
import { subnetFamilies } from './private/rules/ip-family';
import {
  validateAllowedRegions,
  validateCreatedLoadBalancerProps,
  validateExistingLoadBalancerProps,
  validateLoadBalancer,
  validateLoadBalancerSubnets,
  validateLoadBalancerVpc,
  validateLoadBalancerIpv6,
  validateParameterName,
  validatePort,
  validatePrincipalArns,
  validatePrincipals,
  validatePrivateDnsName,
  validateUniqueOutputKey,
  VpcIdentity,
} from './private/rules/provider';
import { toPlacement } from './private/rules/vpc';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { PrivateDnsVerification } from './private/wiring/private-dns-verification';
import {
  defaultLoadBalancerSubnets,
  defineProviderLoadBalancer,
  givenCreatedLoadBalancerProps,
  loadBalancerIpAddressType,
  schemeOf,
  supportsIpv6,
} from './private/wiring/provider-load-balancer';
import { publishParameter } from './private/wiring/published-parameter';
import { selectSubnets, SubnetSelectionResult } from './private/wiring/subnet-selection';

/** The endpoint events a connection notification reports: every one there is. */
const CONNECTION_EVENTS = ['Connect', 'Accept', 'Reject', 'Delete'];

/**
 * Properties of an `EndpointServiceProvider`.
 */
export interface EndpointServiceProviderProps {
  /**
   * The VPC that hosts the service. The NLB defined from `targets` goes into its private subnets; an existing
   * `networkLoadBalancer` must be in it.
   */
  readonly vpc: ec2.IVpc;

  /**
   * The TCP port consumers connect to: the port of the NLB's listener. With `targets`, the construct defines a
   * TCP listener on it; with `networkLoadBalancer`, it is the port of that NLB's listener.
   */
  readonly port: number;

  /**
   * An existing Network Load Balancer to put the service on. It must be internal and not already back another
   * endpoint service. Give either this or `targets`.
   *
   * @default - an internal NLB defined from `targets`
   */
  readonly networkLoadBalancer?: elbv2.INetworkLoadBalancer;

  /**
   * The targets of an internal NLB that the construct defines: one subnet per AZ, cross-zone load balancing on,
   * a TCP listener on `port` and a target group on `targetPort`. Give either this or `networkLoadBalancer`.
   *
   * @default - none; `networkLoadBalancer` must be given
   */
  readonly targets?: elbv2.INetworkLoadBalancerTarget[];

  /**
   * The port the targets listen on. Only with `targets`.
   *
   * @default - `port`
   */
  readonly targetPort?: number;

  /**
   * The health check of the target group. Only with `targets`.
   *
   * @default - a TCP health check on the traffic port (the Elastic Load Balancing default)
   */
  readonly healthCheck?: elbv2.HealthCheck;

  /**
   * The subnets of the NLB defined from `targets`; one subnet per AZ of the selection is used. Only with `targets`.
   *
   * @default - the VPC's private subnets with egress, or its isolated subnets when it has none
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Security groups of the NLB defined from `targets`, so that targets can allow traffic from them. Only with
   * `targets`. An NLB defined without security groups can never get one later (an Elastic Load Balancing
   * rule), so choose at creation.
   *
   * @default - no security groups (the NLB does not filter traffic; the targets' security groups do)
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Whether the inbound rules of `securityGroups` also apply to the traffic that reaches the NLB through
   * PrivateLink. Only with `securityGroups`.
   *
   * The provider cannot know the addresses of the consumers' endpoints (they live in other VPCs and
   * accounts), and access is already controlled by `allowedPrincipals` and `acceptanceRequired`, so PrivateLink
   * traffic is not filtered unless you opt in here. The Elastic Load Balancing default is on.
   *
   * @default false
   */
  readonly enforceSecurityGroupInboundRulesOnPrivateLinkTraffic?: boolean;

  /**
   * The Availability Zones an existing `networkLoadBalancer` serves, which the construct cannot read from
   * an NLB it did not define. Only with `networkLoadBalancer`; with one zone, synth warns.
   *
   * @default - unknown: `availabilityZones` is empty
   */
  readonly availabilityZones?: string[];

  /**
   * Whether each connection request from a consumer's endpoint must be accepted by the provider.
   *
   * @default true
   */
  readonly acceptanceRequired?: boolean;

  /**
   * The principals (accounts, IAM roles or users) allowed to connect, like
   * `new iam.ArnPrincipal('arn:aws:iam::111122223333:root')`. More can be added with `addAllowedPrincipal()`.
   * The wildcard `*` is an error unless `allowAnyPrincipal` is true.
   *
   * @default - none: nobody can connect until a principal is added
   */
  readonly allowedPrincipals?: iam.ArnPrincipal[];

  /**
   * Allow the wildcard principal `*`, which lets every AWS account request a connection (a public service).
   *
   * @default false
   */
  readonly allowAnyPrincipal?: boolean;

  /**
   * Other Regions whose consumers may connect (cross-Region PrivateLink). The stack's own Region is always
   * served and must not be listed.
   *
   * @default - consumers in the stack's Region only
   */
  readonly allowedRegions?: string[];

  /**
   * The IP address types the service supports.
   *
   * @default - IPv4 (the EC2 default)
   */
  readonly supportedIpAddressTypes?: ec2.IpAddressType[];

  /**
   * Whether to turn on the built-in Contributor Insights rules of PrivateLink for the service.
   *
   * @default false
   */
  readonly contributorInsights?: boolean;

  /**
   * A private DNS name for the service (like `api.example.com`), which consumers' endpoints resolve privately
   * once AWS has verified that you own the domain.
   *
   * With `publicHostedZone`, the construct writes the verification TXT record into that zone and starts the
   * verification. Without it, the record's name and value are stack outputs (`<id>PrivateDnsVerificationName`,
   * `<id>PrivateDnsVerificationValue`, where `<id>` is the provider's construct ID): publish the record with your DNS provider, then start the verification
   * (`aws ec2 start-vpc-endpoint-service-private-dns-verification --service-id <id>`).
   *
   * @default - no private DNS name
   */
  readonly privateDnsName?: string;

  /**
   * The public hosted zone that holds `privateDnsName` (the zone of the name or of a parent domain), where
   * the verification TXT record is written. Its name must be known: import it with
   * `fromPublicHostedZoneAttributes()`, not `fromPublicHostedZoneId()`.
   *
   * @default - the verification record is not written; see `privateDnsName`
   */
  readonly publicHostedZone?: route53.IPublicHostedZone;

  /**
   * An SNS topic that receives the service's connection events (Connect, Accept, Reject, Delete). The
   * construct adds a statement to the topic's policy that lets PrivateLink publish for this service only.
   * An encrypted topic's KMS key must also allow `vpce.amazonaws.com` to use it.
   *
   * @default - no notifications
   */
  readonly connectionNotificationTopic?: sns.ITopic;

  /**
   * The name of an SSM parameter (like `/services/orders/endpoint-service-name`) that receives the service
   * name, for consumers in other stacks.
   *
   * @default - no parameter; the service name is still a stack output (`serviceNameOutputKey`)
   */
  readonly serviceNameParameter?: string;
}

/**
 * The provider side of AWS PrivateLink: a VPC endpoint service on an internal Network Load Balancer, closed
 * to everyone until principals are allowed, with an optional private DNS name whose ownership verification is
 * wired up.
 *
 * It is an `ec2.IInterfaceVpcEndpointService`, so a consumer in the same environment can take the provider
 * object itself; consumers elsewhere use `vpcEndpointServiceName` (a stack output, and optionally an SSM
 * parameter).
 */
export class EndpointServiceProvider extends Construct implements ec2.IInterfaceVpcEndpointService {
  /** The service name consumers connect to, like `com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0`. */
  public readonly name: string;

  /** The TCP port consumers connect to. */
  public readonly port: number;

  /**
   * Whether consumers' endpoints turn on private DNS by default: false, even with a `privateDnsName`, because
   * AWS accepts private DNS on an endpoint only once the name is verified, which happens after this stack is
   * deployed. Consumers set `privateDnsEnabled: true` once the verification state is `verified`.
   */
  public readonly privateDnsDefault?: boolean = false;

  /** The service name, like `com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0` (the same as `name`). */
  public readonly vpcEndpointServiceName: string;

  /** The service ID, like `vpce-svc-0123456789abcdef0`. */
  public readonly vpcEndpointServiceId: string;

  /**
   * The key of the stack output that holds the service name: the construct ID (its letters and digits) followed
   * by `ServiceName`, like `OrdersServiceName` for a provider with the ID `Orders`. It is fixed, so that the CLI
   * and pipelines can read it (`aws cloudformation describe-stacks --query "Stacks[0].Outputs[?OutputKey=='OrdersServiceName']"`).
   */
  public readonly serviceNameOutputKey: string;

  /** The VPC endpoint service. */
  public readonly endpointService: ec2.IVpcEndpointService;

  /** The Network Load Balancer behind the service: the one given, or the one defined from `targets`. */
  public readonly networkLoadBalancer: elbv2.INetworkLoadBalancer;

  /**
   * The Availability Zones the NLB serves, from its subnets (tokens for a VPC imported without AZ names),
   * or for an existing NLB the `availabilityZones` prop (empty when not given). Consumers can connect from
   * the AZs they share with these, by AZ ID.
   */
  public readonly availabilityZones: string[];

  /** The private DNS name of the service, if any. */
  public readonly privateDnsName?: string;

  /** The other Regions whose consumers may connect (`allowedRegions`). */
  public readonly allowedRegions: string[];

  private readonly allowedPrincipals: iam.ArnPrincipal[] = [];
  private readonly definesLoadBalancer: boolean;
  private permissions?: ec2.CfnVPCEndpointServicePermissions;

  constructor(scope: Construct, id: string, props: EndpointServiceProviderProps) {
    super(scope, id);
    checkProps(this, 'EndpointServiceProvider', props);

    if ((props.networkLoadBalancer === undefined) === (props.targets === undefined)) {
      throw new Error(`EndpointServiceProvider ${this.node.path}: give exactly one of \`networkLoadBalancer\` (an existing NLB) `
        + 'or `targets` (to define an internal NLB in front of them)');
    }

    this.port = props.port;
    this.privateDnsName = props.privateDnsName;
    this.allowedRegions = [...props.allowedRegions ?? []];
    this.serviceNameOutputKey = this.outputKey('ServiceName');
    this.definesLoadBalancer = props.networkLoadBalancer === undefined;

    let loadBalancerSubnets: SubnetSelectionResult | undefined;
    if (props.networkLoadBalancer) {
      this.networkLoadBalancer = props.networkLoadBalancer;
      this.availabilityZones = props.availabilityZones ?? [];
    } else {
      // A selection that selects nothing is reported at synth; the NLB is defined without subnets until then.
      loadBalancerSubnets = selectSubnets(props.vpc, { ...(props.vpcSubnets ?? defaultLoadBalancerSubnets(props.vpc)), onePerAz: true });
      this.networkLoadBalancer = defineProviderLoadBalancer(this, props, props.targets!, loadBalancerSubnets.subnets);
      this.availabilityZones = loadBalancerSubnets.subnets.map(subnet => subnet.availabilityZone);
    }

    const service = new ec2.VpcEndpointService(this, 'EndpointService', {
      vpcEndpointServiceLoadBalancers: [this.networkLoadBalancer],
      acceptanceRequired: props.acceptanceRequired ?? true,
      contributorInsights: props.contributorInsights,
      supportedIpAddressTypes: props.supportedIpAddressTypes,
      allowedRegions: props.allowedRegions,
    });
    this.endpointService = service;
    this.vpcEndpointServiceId = service.vpcEndpointServiceId;
    // The L2's name uses AWS::Region, which a consumer stack in another Region would resolve to its own Region. The
    // prefix is the partition's: `cn.com.amazonaws.vpce` in the China Regions (aws-cdk-lib's RegionInfo).
    const stack = Stack.of(this);
    const prefix = stack.regionalFact(FactName.VPC_ENDPOINT_SERVICE_NAME_PREFIX, 'com.amazonaws.vpce');
    this.vpcEndpointServiceName = Fn.join('.', [prefix, stack.region, this.vpcEndpointServiceId]);
    this.name = this.vpcEndpointServiceName;

    // Permissions go in a resource of our own (not the L2's allowedPrincipals) so that principals added later
    // are rendered too.
    for (const principal of props.allowedPrincipals ?? []) {
      this.addAllowedPrincipal(principal);
    }

    // A zone imported by ID only cannot take the record (its name is unknown); that is reported at synth.
    const publicHostedZoneName = props.publicHostedZone && knownZoneName(props.publicHostedZone);
    if (props.privateDnsName !== undefined) {
      this.configurePrivateDnsName(service, props.privateDnsName, publicHostedZoneName === undefined ? undefined : props.publicHostedZone);
    }
    if (props.connectionNotificationTopic) {
      this.notifyConnections(props.connectionNotificationTopic);
    }
    const parameterNameFindings = validateParameterName(props.serviceNameParameter, Stack.of(this),
      { prop: 'serviceNameParameter', example: '/services/orders/endpoint-service-name' });
    // An invalid name is reported at synth; aws-cdk-lib's parameter would throw on some first.
    this.publishServiceName(parameterNameFindings.length === 0 ? props.serviceNameParameter : undefined);

    const ownService = cfnServiceOf(service);
    addRules(this, 'EndpointServiceProvider', () => [
      ...validatePrincipals(this.allowedPrincipals.map(p => p.arn), props.allowAnyPrincipal ?? false, props.acceptanceRequired ?? true),
      ...validatePrincipalArns(this.allowedPrincipals.map(p => p.arn)),
      ...validateLoadBalancer({
        scheme: schemeOf(this.networkLoadBalancer),
        otherEndpointServices: AppInventory.of(this).endpointServicesOfLoadBalancer(this.networkLoadBalancer.loadBalancerArn)
          .filter(other => other !== ownService).map(other => other.node.path),
        availabilityZones: this.availabilityZones,
      }),
      ...validateZoneNameKnown('publicHostedZone', { given: props.publicHostedZone !== undefined, name: publicHostedZoneName },
        'PublicHostedZone.fromPublicHostedZoneAttributes()'),
      ...validatePrivateDnsName(props.privateDnsName, publicHostedZoneName),
      ...validateAllowedRegions(props.allowedRegions ?? [], Stack.of(this).region),
      ...validateUniqueOutputKey(this.serviceNameOutputKey, this.otherProvidersWithOutputKey()),
      ...parameterNameFindings,
      ...validatePort('port', props.port),
      ...validateLoadBalancerIpv6(supportsIpv6(props), loadBalancerIpAddressType(this.networkLoadBalancer),
        (loadBalancerSubnets?.subnets ?? []).map(subnet => subnetFamilies(subnet, toPlacement(subnet).subnetId))),
      ...validatePort('targetPort', props.targetPort),
      ...(props.networkLoadBalancer
        ? [
          ...validateExistingLoadBalancerProps(givenCreatedLoadBalancerProps(props)),
          ...validateLoadBalancerVpc(vpcIdentity(props.networkLoadBalancer.vpc), vpcIdentity(props.vpc)!),
        ]
        : [
          ...validateCreatedLoadBalancerProps({
            availabilityZones: props.availabilityZones,
            securityGroupCount: props.securityGroups?.length ?? 0,
            enforceSecurityGroupInboundRules: props.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic,
          }),
          ...validateLoadBalancerSubnets(loadBalancerSubnets!.subnets.length, props.vpcSubnets !== undefined, loadBalancerSubnets!.problem),
        ]),
    ]);
  }

  /**
   * Allows a principal (an account, IAM role or user) to connect to the service, like
   * `new iam.ArnPrincipal('arn:aws:iam::111122223333:root')`.
   */
  public addAllowedPrincipal(principal: iam.ArnPrincipal): void {
    this.allowedPrincipals.push(principal);
    // Without principals there is no permissions resource at all, which means nobody may connect.
    this.permissions ??= new ec2.CfnVPCEndpointServicePermissions(this, 'Permissions', {
      serviceId: this.vpcEndpointServiceId,
      allowedPrincipals: Lazy.list({ produce: () => [...new Set(this.allowedPrincipals.map(p => p.arn))] }),
    });
  }

  /**
   * Estimates the monthly cost of the provider's own resources at list prices: the hourly charge of the NLB it
   * defines from `targets` (nothing for an existing `networkLoadBalancer`), with the rate per NLCU-hour that
   * traffic adds. The endpoint service itself has no charge. Not priced where the stack's Region is unresolved
   * or not in the library's price table.
   */
  public estimateMonthlyCost(): EndpointServiceProviderCostEstimate {
    return estimateProviderCost({ region: Stack.of(this).region, networkLoadBalancers: this.definesLoadBalancer ? 1 : 0 });
  }

  /**
   * CloudFormation sets the name and returns the verification record; the record goes into the zone and
   * verification starts once it exists, so one deploy ends with verification under way.
   */
  private configurePrivateDnsName(service: ec2.VpcEndpointService, privateDnsName: string, zone?: route53.IPublicHostedZone) {
    const cfnService = cfnServiceOf(service);
    // The L2 has no private DNS prop; its L1 has.
    cfnService.privateDnsName = privateDnsName;
    // The record is `<verification name>.<domain>`, at the domain being verified:
    // https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html
    const recordName = `${cfnService.attrPrivateDnsNameConfigurationName}.${privateDnsName}`;
    const recordValue = cfnService.attrPrivateDnsNameConfigurationValue;

    if (!zone) {
      this.defineOutput('PrivateDnsVerificationName', `Name of the TXT record that proves ownership of ${privateDnsName}`, recordName);
      this.defineOutput('PrivateDnsVerificationValue', `Value of the TXT record that proves ownership of ${privateDnsName}`, recordValue);
      return;
    }

    const record = new route53.TxtRecord(this, 'PrivateDnsVerificationRecord', {
      zone,
      recordName,
      values: [recordValue],
    });
    new PrivateDnsVerification(this, 'PrivateDnsVerification', {
      serviceId: this.vpcEndpointServiceId,
      serviceArn: this.serviceArn(),
      privateDnsName,
      record,
    });
  }

  private notifyConnections(topic: sns.ITopic) {
    const policy = topic.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('vpce.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      // Only for this service, against the confused deputy problem:
      // https://docs.aws.amazon.com/vpc/latest/privatelink/create-notification-endpoint-service.html
      conditions: {
        ArnLike: { 'aws:SourceArn': this.serviceArn() },
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
      },
    }));
    const notification = new ec2.CfnVPCEndpointConnectionNotification(this, 'ConnectionNotification', {
      serviceId: this.vpcEndpointServiceId,
      connectionNotificationArn: topic.topicArn,
      connectionEvents: CONNECTION_EVENTS,
    });
    if (policy.policyDependable) {
      notification.node.addDependency(policy.policyDependable);
    }
  }

  private publishServiceName(parameterName?: string) {
    const description = 'Name of the VPC endpoint service, for consumers\' interface endpoints';
    this.defineOutput('ServiceName', description, this.vpcEndpointServiceName);
    if (parameterName !== undefined) {
      publishParameter(this, 'ServiceNameParameter', {
        parameterName,
        description,
        stringValue: this.vpcEndpointServiceName,
      });
    }
  }

  /**
   * A stack output whose key is fixed (`<id><name>`) rather than CDK's logical ID from the construct path and a
   * hash, so that people and pipelines can read it by name.
   */
  private defineOutput(name: string, description: string, value: string): void {
    new CfnOutput(this, name, { description, value }).overrideLogicalId(this.outputKey(name));
  }

  /** Paths of the other providers in this stack whose outputs would have the same keys. */
  private otherProvidersWithOutputKey(): string[] {
    const stack = Stack.of(this);
    return stack.node.findAll()
      .filter((c): c is EndpointServiceProvider => c instanceof EndpointServiceProvider && c !== this && Stack.of(c) === stack)
      .filter(other => other.serviceNameOutputKey === this.serviceNameOutputKey)
      .map(other => other.node.path);
  }

  private outputKey(name: string): string {
    return `${this.node.id.replace(/[^A-Za-z0-9]/g, '')}${name}`;
  }

  private serviceArn(): string {
    return Stack.of(this).formatArn({ service: 'ec2', resource: 'vpc-endpoint-service', resourceName: this.vpcEndpointServiceId });
  }
}

/** The L1 under the L2 endpoint service (which names it after itself, so it is not the default child). */
function cfnServiceOf(service: ec2.VpcEndpointService): ec2.CfnVPCEndpointService {
  const cfnService = service.node.children.find(ec2.CfnVPCEndpointService.isCfnVPCEndpointService);
  if (!cfnService) {
    throw new Error(`${service.node.path} has no AWS::EC2::VPCEndpointService child; this aws-cdk-lib version is not supported`);
  }
  return cfnService;
}

function vpcIdentity(vpc: ec2.IVpc | undefined): VpcIdentity | undefined {
  return vpc && { vpcId: vpc.vpcId, path: vpc.node.path };
}
