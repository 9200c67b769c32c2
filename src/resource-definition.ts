import { Token, Tokenization } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { DefinitionFacts } from './private/rules/resource';

/**
 * TCP ports that consumers may use to reach a resource: one port or a range. Resource configurations accept TCP
 * only ("Resource configurations for VPC resources", protocol).
 */
export class PortRange {
  /** One TCP port, like `PortRange.tcp(5432)`. */
  public static tcp(port: number): PortRange {
    return new PortRange(port, port);
  }

  /** The TCP ports from `fromPort` to `toPort`, both included. */
  public static tcpRange(fromPort: number, toPort: number): PortRange {
    return new PortRange(fromPort, toPort);
  }

  /** The first port of the range. */
  public readonly fromPort: number;

  /** The last port of the range (the same as `fromPort` for one port). */
  public readonly toPort: number;

  private constructor(fromPort: number, toPort: number) {
    this.fromPort = fromPort;
    this.toPort = toPort;
  }

  /** The range as resource configurations write it: `5432`, or `8000-8099`. */
  public toString(): string {
    const render = (port: number) => Token.isUnresolved(port) ? Tokenization.stringifyNumber(port) : String(port);
    return this.fromPort === this.toPort ? render(this.fromPort) : `${render(this.fromPort)}-${render(this.toPort)}`;
  }

  /** The range as a security group rule. */
  public toEc2Port(): ec2.Port {
    return this.fromPort === this.toPort ? ec2.Port.tcp(this.fromPort) : ec2.Port.tcpRange(this.fromPort, this.toPort);
  }
}

/** One resource of a group definition (`ResourceDefinition.group()`). */
export interface ResourceGroupMember {
  /**
   * A name for the member, unique in the group: the construct ID of its child resource configuration.
   */
  readonly name: string;

  /**
   * The resource: a `ResourceDefinition.dnsName()` or `ResourceDefinition.ipAddress()` (a child configuration is a
   * single resource).
   */
  readonly definition: ResourceDefinition;

  /**
   * The name consumers use for this member: a subdomain of the share's `customDomainName`, which is the group's
   * domain.
   *
   * @default - no custom domain name for this member
   */
  readonly customDomainName?: string;
}

/**
 * The resource a `PrivateResourceShare` makes reachable, as "Resource configurations for VPC resources"
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/resource-configuration.html) defines them: an AWS resource by
 * its ARN (RDS databases), a domain name, an IP address in the VPC, or a group of those.
 */
export class ResourceDefinition {
  /**
   * An RDS DB instance, by its ARN (a resource configuration of type ARN). Consumers reach it on its port; the
   * database's security groups admit the resource gateway.
   */
  public static rdsInstance(instance: rds.IDatabaseInstance): ResourceDefinition {
    return ResourceDefinition.database(`the RDS instance at ${instance.node.path}`, instance.instanceArn, () => instance.instanceEndpoint,
      '`DatabaseInstance.fromDatabaseInstanceAttributes()` with `instanceEndpointAddress` and `port`', instance.connections);
  }

  /**
   * An RDS DB cluster (Aurora, or a Multi-AZ DB cluster), by its ARN (a resource configuration of type ARN).
   * Consumers reach it on its port; the cluster's security groups admit the resource gateway.
   */
  public static rdsCluster(cluster: rds.IDatabaseCluster): ResourceDefinition {
    return ResourceDefinition.database(`the RDS cluster at ${cluster.node.path}`, cluster.clusterArn, () => cluster.clusterEndpoint,
      '`DatabaseCluster.fromDatabaseClusterAttributes()` with `clusterEndpointAddress` and `port`', cluster.connections);
  }

  /**
   * A host by its domain name, which must resolve publicly (a resource configuration of type SINGLE).
   *
   * @param domainName the domain name of the host, like `db.example.com`
   * @param ipAddressType the address family the name resolves to: IPv4 or IPv6 (VPC Lattice does not support
   * dual-stack domain-name resources). Default: IPv4
   */
  public static dnsName(domainName: string, ipAddressType?: ec2.IpAddressType): ResourceDefinition {
    return new ResourceDefinition({
      kind: 'dns',
      description: `the domain name '${domainName}'`,
      domainName,
      ipAddressType: ipAddressType === ec2.IpAddressType.IPV6 ? 'IPV6' : 'IPV4',
    });
  }

  /**
   * A host by its IP address, which must be in the VPC (a resource configuration of type SINGLE).
   *
   * @param ipAddress an IPv4 or IPv6 address, like `10.0.1.25`
   */
  public static ipAddress(ipAddress: string): ResourceDefinition {
    return new ResourceDefinition({ kind: 'ip', description: `the IP address ${ipAddress}`, ipAddress });
  }

  /**
   * Several hosts shared as one (a resource configuration of type GROUP with a CHILD configuration per member), like
   * the nodes of a cluster or the hosts of a CIDR block. Consumers reach all of them through one resource endpoint.
   */
  public static group(members: ResourceGroupMember[]): ResourceDefinition {
    return new ResourceDefinition({
      kind: 'group',
      description: `a group of ${members.length} resources`,
      members: members.map(member => ({
        name: member.name,
        customDomainName: member.customDomainName,
        definition: member.definition._facts,
      })),
    }, undefined, undefined, members);
  }

  /**
   * A database by its ARN, reached on its endpoint's port. An import without a port, or with one that is no number
   * (plain JavaScript), gets no ports: the share reports it with `importWithPort`, the way to import it right.
   */
  private static database(description: string, arn: string, endpoint: () => rds.Endpoint, importWithPort: string,
    connections: ec2.Connections): ResourceDefinition {
    const port = endpointPort(endpoint);
    if (port.value === undefined) {
      return new ResourceDefinition({ kind: 'arn', description, arn, importWithPort, importedPort: port.given }, undefined, connections);
    }
    return new ResourceDefinition({ kind: 'arn', description, arn }, [PortRange.tcp(port.value)], connections);
  }

  /**
   * What the rules see of the definition.
   *
   * @internal
   */
  public readonly _facts: DefinitionFacts;

  /**
   * The ports of a database, which consumers use when the share does not give `portRanges`.
   *
   * @internal
   */
  public readonly _ports?: PortRange[];

  /**
   * The connections of a database, so that the resource gateway can be admitted.
   *
   * @internal
   */
  public readonly _connections?: ec2.Connections;

  /**
   * The members of a group.
   *
   * @internal
   */
  public readonly _members: ResourceGroupMember[];

  private constructor(facts: DefinitionFacts, ports?: PortRange[], connections?: ec2.Connections, members: ResourceGroupMember[] = []) {
    this._facts = facts;
    this._ports = ports;
    this._connections = connections;
    this._members = members;
  }
}

/**
 * The IP addresses of a resource gateway's network interfaces, which must suit its subnets and its resource
 * (CreateResourceGateway, https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateResourceGateway.html).
 */
export enum ResourceGatewayIpAddressType {
  /** IPv4 addresses: the subnets have IPv4 ranges, and the resource an IPv4 address. */
  IPV4 = 'IPV4',
  /** IPv6 addresses: the subnets are IPv6-only, and the resource has an IPv6 address. */
  IPV6 = 'IPV6',
  /** Both: the subnets have IPv4 and IPv6 ranges, and the resource either address. */
  DUALSTACK = 'DUALSTACK',
}

/**
 * The port of a database's endpoint when it is a number (or a token for one). aws-cdk-lib throws when the endpoint of a
 * cluster imported without one is read, and keeps whatever an import was given as an instance's port.
 *
 * @returns the port, or what was given instead (undefined when nothing was)
 */
function endpointPort(endpoint: () => rds.Endpoint): { value?: number; given?: string } {
  let port: unknown;
  try {
    port = endpoint().port;
  } catch {
    return {};
  }
  if (typeof port === 'number' && (Token.isUnresolved(port) || (Number.isInteger(port) && port >= 1 && port <= 65535))) {
    return { value: port };
  }
  return { given: port === undefined ? undefined : JSON.stringify(port) ?? String(port) };
}
