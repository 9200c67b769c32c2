import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53profiles from 'aws-cdk-lib/aws-route53profiles';
import { FactName } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { endpointAliasTarget } from './endpoint-alias-target';
import { boundedPath, MAX_DESCRIPTION_LENGTH, physicalName } from './physical-names';
import { endpointConstructId } from '../facts/service-names';
import { serviceZones, zoneNameSource } from '../facts/service-zones';
import { AppInventory } from '../inventory/app-inventory';
import type { ZoneClash } from '../rules/hub';

/** Where a set of service zones lives and who else resolves through it. */
export interface ServiceZoneSetProps {
  /** The VPC every zone is associated with: the one whose endpoints the zones answer with. */
  readonly vpc: ec2.IVpc;
  /** The profile that holds every zone, if any. */
  readonly profile?: route53profiles.CfnProfile;
}

/**
 * The private hosted zones that answer AWS services' public names with central interface endpoints' addresses: one zone
 * per name a service is called at (apex and, where the service has one, wildcard alias records to the endpoint), under
 * `Zones/` of the owner, each in the profile and associated with the owner's VPC and the VPCs added.
 */
export class ServiceZoneSet {
  /** Every zone, by name. */
  public readonly zones = new Map<string, route53.PrivateHostedZone>();
  /** Zones named after a service the zone table does not list, where that name is likely not the service's. */
  public readonly assumedZoneNames: Array<{ shortName: string; zoneName: string }> = [];
  /** The VPCs besides the owner's that every zone is associated with. */
  public readonly associatedVpcs: ec2.IVpc[] = [];
  private readonly scope: Construct;

  constructor(private readonly owner: Construct, private readonly props: ServiceZoneSetProps) {
    this.scope = new Construct(owner, 'Zones');
  }

  /** The zones of an AWS service, answered with its endpoint (`dnsEntries`: the endpoint's, regional name first). */
  public defineServiceZones(service: ec2.IInterfaceVpcEndpointService, shortName: string, dnsEntries: string[]): route53.PrivateHostedZone[] {
    const stack = Stack.of(this.owner);
    // The partition's DNS suffix as a literal where the Region is known: zone names are compared at synth.
    const dnsSuffix = stack.regionalFact(FactName.DOMAIN_SUFFIX, 'amazonaws.com');
    const serviceZoneList = serviceZones(shortName, stack.region, dnsSuffix);
    if (isLikelyMisnamed(shortName, stack.resolve(service.name))) {
      this.assumedZoneNames.push(...serviceZoneList.map(({ zoneName }) => ({ shortName, zoneName })));
    }
    return serviceZoneList.map(({ zoneName, wildcard }) => {
      const zone = this.defineZone(zoneName, stack.region);
      const target = endpointAliasTarget(dnsEntries);
      new route53.ARecord(zone, 'Alias', { zone, recordName: `${zoneName}.`, target });
      if (wildcard) {
        new route53.ARecord(zone, 'WildcardAlias', { zone, recordName: `*.${zoneName}.`, target });
      }
      return zone;
    });
  }

  /** Associates every zone, those defined later too, with a VPC. */
  public associateVpc(vpc: ec2.IVpc): void {
    this.associatedVpcs.push(vpc);
    this.zones.forEach(zone => zone.addVpc(vpc));
  }

  /** The zones that share their name with another private hosted zone of the app in the VPC. */
  public clashes(vpc: ec2.IVpc): ZoneClash[] {
    return [...this.zones].map(([zoneName, zone]) => ({
      zoneName,
      vpc: vpc.node.path,
      otherZonePaths: AppInventory.of(this.owner).privateHostedZones(vpc.vpcId, zoneName)
        .filter(other => other.construct !== zone)
        .map(other => other.construct.node.path),
    })).filter(clash => clash.otherZonePaths.length > 0);
  }

  /** A zone of the VPC, in the profile and associated with the VPCs added; its ID comes from its name. */
  private defineZone(zoneName: string, region: string): route53.PrivateHostedZone {
    // A service answered under two DNS suffixes has two zones of one label (`eks.<region>.amazonaws.com` and the dual-stack
    // `eks.<region>.api.aws`); the zone table lists the partition's first, so the dual-stack one is the second.
    const labelId = zoneConstructId(zoneName, region);
    const id = this.scope.node.tryFindChild(labelId) ? `${labelId}DualStack` : labelId;
    const zone = new route53.PrivateHostedZone(this.scope, id, {
      zoneName,
      vpc: this.props.vpc,
      comment: zoneComment(zoneName, this.owner.node.path),
    });
    this.associatedVpcs.forEach(vpc => zone.addVpc(vpc));
    if (this.props.profile) {
      new route53profiles.CfnProfileResourceAssociation(zone, 'ProfileAssociation', {
        name: physicalName(zone, 64),
        profileId: this.props.profile.attrId,
        resourceArn: zone.hostedZoneArn,
      });
    }
    this.zones.set(zoneName, zone);
    return zone;
  }
}

/**
 * Whether a zone name that neither the zone table nor the SDK data gives is likely wrong: the assumed
 * `<shortName>.<region>.<suffix>` reorders a dotted short name's labels for some services (`ecr.api` is `api.ecr`), and a
 * service outside `com.amazonaws.` (`aws.sagemaker...`) is named under another domain. Read on the resolved service name:
 * aws-cdk-lib builds it from tokens.
 */
function isLikelyMisnamed(shortName: string, resolvedServiceName: unknown): boolean {
  if (zoneNameSource(shortName) !== 'assumed') {
    return false;
  }
  return shortName.includes('.') || (typeof resolvedServiceName === 'string' && !resolvedServiceName.startsWith('com.amazonaws.'));
}

/** A zone's construct ID, from what precedes the Region in its name: `api.ecr.<region>...` -> `ApiEcr`. */
function zoneConstructId(zoneName: string, region: string): string {
  const label = zoneName.split(`.${region}.`)[0];
  return endpointConstructId({ name: `com.amazonaws.region.${label}`, port: 443 });
}

/** The zone's comment, naming the hub; Route 53 takes 256 characters at most. */
function zoneComment(zoneName: string, hubPath: string): string {
  const text = `${zoneName} answered by the central interface endpoint of `;
  return text + boundedPath(hubPath, MAX_DESCRIPTION_LENGTH - text.length);
}
