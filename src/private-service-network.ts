import { CfnOutput, Fn, Names, Stack, Token } from 'aws-cdk-lib';
import * as vpclattice from 'aws-cdk-lib/aws-vpclattice';
import { Construct } from 'constructs';
import { error, Finding } from './private/rules/findings';
import { validateParameterName } from './private/rules/provider';
import { validateSharePrincipals } from './private/rules/ram';
import { validateResourceConfigurationArn } from './private/rules/resource';
import {
  duplicateAssociationId,
  validateAdoptedNetwork,
  shareElsewhereMessage,
  validateNetworkChoice,
  validateServiceIdentifier,
  validateServiceNetworkArn,
  validateServiceNetworkName,
  validateUniqueAssociations,
} from './private/rules/service-network';
import { addRules } from './private/wiring/add-rules';
import { checkProps } from './private/wiring/check-props';
import { physicalName } from './private/wiring/physical-names';
import { PrincipalShare } from './private/wiring/principal-share';
import { publishParameter } from './private/wiring/published-parameter';
import { PrivateResourceShare } from './private-resource-share';

/**
 * Properties of a `PrivateServiceNetwork`.
 */
export interface PrivateServiceNetworkProps {
  /**
   * The name of a new service network, unique in the account: 3..63 lowercase letters, digits and hyphens. Not with
   * `serviceNetworkArn`.
   *
   * @default - a name made from the construct path
   */
  readonly serviceNetworkName?: string;

  /**
   * The ARN of an existing service network of this Region to adopt instead of defining one: the resources and services
   * added here are associated with it. A network of this account is shared with `allowedPrincipals` (it must have sharing
   * on, `SharingConfig`, which only its own definition can set); one of another account that is shared with this one can
   * carry this account's resources, but only its owner can share it.
   *
   * @default - a new service network is defined
   */
  readonly serviceNetworkArn?: string;

  /**
   * Resource shares of this account whose resources the network carries. More can be added with `addResource()`, and
   * resource configurations defined elsewhere with `addResourceConfiguration()`.
   *
   * @default - none
   */
  readonly resources?: PrivateResourceShare[];

  /**
   * Whether consumers may get private DNS for the resources' custom domain names through the network (the private DNS
   * of each resource association). Consumers still choose which names they accept (`privateDnsPreference`). A database
   * (type ARN) always has it: AWS keeps it on, and the construct leaves it unset.
   *
   * @default true
   */
  readonly privateDnsEnabled?: boolean;

  /**
   * Who may use the network, shared with AWS RAM: AWS account IDs (`'111122223333'`), organization ARNs or organizational
   * unit ARNs. More can be added with `addAllowedPrincipal()`.
   *
   * @default - none: only VPCs of this account can use the network
   */
  readonly allowedPrincipals?: string[];

  /**
   * Whether accounts outside your AWS organization may be principals of the share. Off by default, unlike AWS RAM's
   * default, so that a mistyped account ID cannot share the network outside the organization.
   *
   * @default false
   */
  readonly allowExternalPrincipals?: boolean;

  /**
   * The name of an SSM parameter (like `/network/shared-data/service-network-arn`) that receives the service network ARN,
   * for consumers in other stacks.
   *
   * @default - no parameter; the ARN is still a stack output (`ServiceNetworkArn`)
   */
  readonly serviceNetworkArnParameter?: string;
}

/**
 * The provider side of a VPC Lattice service network: one network that carries many resources (resource configurations
 * of `PrivateResourceShare`s, or of other stacks by ARN) and VPC Lattice services, shared with AWS RAM to accounts,
 * organizational units or the organization, nobody by default.
 *
 * A consumer reaches every resource and service of the network through one `PrivateServiceNetworkEndpoint` (a VPC
 * endpoint of type `ServiceNetwork`), or through a `PrivateServiceNetworkAssociation` of its VPC.
 */
export class PrivateServiceNetwork extends Construct {
  /** The ARN of the service network, the handle consumers need. */
  public readonly serviceNetworkArn: string;

  /** The ID of the service network, like `sn-0123456789abcdef0`. */
  public readonly serviceNetworkId: string;

  /** Whether the resource associations give consumers private DNS for custom domain names. */
  public readonly privateDnsEnabled: boolean;

  /** How the associations name the network: its ID when defined here, its ARN when adopted (it may be another account's). */
  private readonly networkIdentifier: string;

  private readonly shares: PrivateResourceShare[] = [];
  private readonly configurationIdentifiers: string[] = [];
  private readonly serviceIdentifiers: string[] = [];
  private readonly findings: Finding[] = [];
  private readonly share: PrincipalShare;
  private readonly network?: vpclattice.CfnServiceNetwork;

  constructor(scope: Construct, id: string, props: PrivateServiceNetworkProps = {}) {
    super(scope, id);
    checkProps(this, 'PrivateServiceNetwork', props);

    this.privateDnsEnabled = props.privateDnsEnabled ?? true;
    if (props.serviceNetworkArn === undefined) {
      this.network = new vpclattice.CfnServiceNetwork(this, 'ServiceNetwork', {
        name: props.serviceNetworkName ?? physicalName(this, 63, 'servicenetwork-'),
        // Shareable once shared with RAM (addAllowedPrincipal), and only then.
        sharingConfig: { enabled: false },
      });
      this.serviceNetworkArn = this.network.attrArn;
      this.serviceNetworkId = this.network.attrId;
      this.networkIdentifier = this.serviceNetworkId;
    } else {
      this.serviceNetworkArn = props.serviceNetworkArn;
      this.serviceNetworkId = lastArnPart(props.serviceNetworkArn);
      this.networkIdentifier = props.serviceNetworkArn;
    }
    this.share = new PrincipalShare(this, 'ServiceNetworkShare', {
      resourceArn: this.serviceNetworkArn,
      allowExternalPrincipals: props.allowExternalPrincipals ?? false,
    });

    (props.resources ?? []).forEach(share => this.addResource(share));
    (props.allowedPrincipals ?? []).forEach(principal => this.addAllowedPrincipal(principal));
    // An invalid name is reported at synth; aws-cdk-lib's parameter would throw on some first.
    const parameterNameFindings = validateParameterName(props.serviceNetworkArnParameter, Stack.of(this),
      { prop: 'serviceNetworkArnParameter', example: '/network/shared-data/service-network-arn' });
    this.publishArn(parameterNameFindings.length === 0 ? props.serviceNetworkArnParameter : undefined);

    addRules(this, 'PrivateServiceNetwork', () => [
      ...parameterNameFindings,
      ...validateNetworkChoice(props.serviceNetworkName !== undefined, props.serviceNetworkArn !== undefined),
      ...validateServiceNetworkName(props.serviceNetworkName),
      ...validateServiceNetworkArn('serviceNetworkArn', props.serviceNetworkArn),
      ...validateAdoptedNetwork(props.serviceNetworkArn, Stack.of(this), this.share.allowedPrincipals.length > 0),
      ...validateSharePrincipals(this.share.allowedPrincipals, 'Service networks are'),
      ...validateUniqueAssociations('the resource configuration', this.configurationIdentifiers),
      ...validateUniqueAssociations('the VPC Lattice service', this.serviceIdentifiers),
      ...this.findings,
    ]);
  }

  /** The resource shares of this app that the network carries, in the order they were added. */
  public get resourceShares(): PrivateResourceShare[] {
    return [...this.shares];
  }

  /**
   * Whether the network carries anything this app does not define (resource configurations by ARN, VPC Lattice services),
   * whose ports and domain names consumers cannot read from here.
   */
  public get carriesExternalTargets(): boolean {
    return this.configurationIdentifiers.length > this.shares.length || this.serviceIdentifiers.length > 0;
  }

  /**
   * Carries the resource of a `PrivateResourceShare` of this account. Its resource configuration is made associable
   * with a shareable service network (`AllowAssociationToSharableServiceNetwork`, off by AWS's default).
   */
  public addResource(share: PrivateResourceShare): void {
    // A share added again is the same association.
    if (this.shares.includes(share)) {
      return;
    }
    const elsewhere = shareElsewhereMessage(share.node.path, Stack.of(share), Stack.of(this));
    if (elsewhere) {
      this.findings.push(error(elsewhere));
      return;
    }
    this.shares.push(share);
    this.configurationIdentifiers.push(share.resourceConfigurationId);
    share._allowServiceNetworkAssociation();
    // Named after the share's path, so that adding or removing another resource leaves this association as it is.
    this.associateResource(Names.nodeUniqueId(share.node), share.resourceConfigurationId, share._arnType ? undefined : this.privateDnsEnabled);
  }

  /**
   * Carries a resource configuration of this account defined elsewhere, by its ARN. It must allow association with a
   * shareable service network if the network is shared.
   *
   * @param id the construct ID of the association, unique among this network's
   */
  public addResourceConfiguration(id: string, resourceConfigurationArn: string): void {
    this.configurationIdentifiers.push(resourceConfigurationArn);
    this.findings.push(...validateResourceConfigurationArn(resourceConfigurationArn));
    this.associateResource(id, lastArnPart(resourceConfigurationArn), this.privateDnsEnabled);
  }

  /**
   * Carries a VPC Lattice service, by its ARN or ID. Its listeners and auth policy decide who reaches it and on which
   * ports; consumers need those ports (`portRanges`).
   *
   * @param id the construct ID of the association, unique among this network's
   */
  public addService(id: string, serviceIdentifier: string): void {
    this.serviceIdentifiers.push(serviceIdentifier);
    this.findings.push(...validateServiceIdentifier(serviceIdentifier));
    if (this.idTaken('Services', id)) {
      return;
    }
    new vpclattice.CfnServiceNetworkServiceAssociation(this.group('Services'), id, {
      serviceNetworkIdentifier: this.networkIdentifier,
      serviceIdentifier,
    });
  }

  /**
   * Shares the network with a principal: an AWS account ID (`'111122223333'`), an organization ARN or an organizational
   * unit ARN. Its accounts can then connect VPCs to the network; the principal accepts the share in AWS RAM unless it is
   * in your organization and sharing with AWS Organizations is on.
   */
  public addAllowedPrincipal(principal: string): void {
    this.share.addPrincipal(principal);
    if (this.network) {
      this.network.sharingConfig = { enabled: true };
    }
  }

  /** @param privateDnsEnabled undefined for a database, whose association AWS keeps with private DNS on */
  private associateResource(id: string, resourceConfigurationId: string, privateDnsEnabled: boolean | undefined): void {
    if (this.idTaken('Resources', id)) {
      return;
    }
    new vpclattice.CfnServiceNetworkResourceAssociation(this.group('Resources'), id, {
      serviceNetworkId: this.networkIdentifier,
      resourceConfigurationId,
      privateDnsEnabled,
    });
  }

  /** Whether an association of the same ID exists, which is reported rather than left to crash the construct tree. */
  private idTaken(group: string, id: string): boolean {
    const exists = this.node.tryFindChild(group)?.node.tryFindChild(id) !== undefined;
    if (exists) {
      this.findings.push(...duplicateAssociationId(id));
    }
    return exists;
  }

  private group(id: string): Construct {
    return (this.node.tryFindChild(id) as Construct | undefined) ?? new Construct(this, id);
  }

  private publishArn(parameterName?: string): void {
    const description = 'ARN of the VPC Lattice service network, for consumers\' service-network endpoints and VPC associations';
    new CfnOutput(this, 'ServiceNetworkArn', { description, value: this.serviceNetworkArn });
    if (parameterName !== undefined) {
      publishParameter(this, 'ServiceNetworkArnParameter', { parameterName, description, stringValue: this.serviceNetworkArn });
    }
  }
}

/** The last part of an ARN (`.../rcfg-...` gives `rcfg-...`); an ID is its own last part. */
function lastArnPart(arn: string): string {
  if (Token.isUnresolved(arn)) {
    return Fn.select(1, Fn.split('/', arn));
  }
  return arn.split('/').pop()!;
}
