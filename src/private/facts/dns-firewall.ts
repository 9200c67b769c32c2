/**
 * Route 53 Resolver DNS Firewall, as AWS documents it. Each figure cites the page that states it.
 */

/**
 * The priorities a rule group can be associated with a VPC or a Route 53 Profile at: "The allowed values for Priority are
 * between 100 and 9900" (AssociateFirewallRuleGroup, Route 53 Resolver API Reference; the same range for a Profile,
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/profile-associate-dns-firewall.html). DNS Firewall evaluates
 * the rule groups of a VPC from the lowest number up.
 */
export const RULE_GROUP_PRIORITY_RANGE = { min: 100, max: 9900 } as const;

/**
 * A domain specification that matches every name: the catch-all of a walled garden, which blocks or alerts on whatever
 * the rules before it did not allow ("Route 53 Resolver DNS Firewall domain lists", Managing your own domain lists:
 * `*` alone matches all domains; `*.example.com` matches the names under example.com, not example.com itself,
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-dns-firewall-user-managed-domain-lists.html).
 */
export const EVERY_DOMAIN = '*';

/**
 * The domain of the private DNS hostnames EC2 gives instances in the VPC: `ec2.internal` in us-east-1,
 * `<region>.compute.internal` elsewhere ("Amazon EC2 instance hostname types", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-naming.html).
 * DNS Firewall filters these names too ("It can also block requests for public or private Amazon EC2 instance names",
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-dns-firewall.html), so a walled garden allows them.
 */
export function instanceHostnameDomain(region: string): string {
  return region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
}

/**
 * The Regions whose CloudFormation has no `AWS::Route53Resolver::FirewallConfig` (fail-open), by the per-Region resource
 * schemas that aws-cdk-lib 2.276.0 bundles for its template validation (`@aws/cloudformation-validate`);
 * test/private/facts/dns-firewall.test.ts checks this list against them.
 */
export const REGIONS_WITHOUT_FIREWALL_CONFIG: readonly string[] = ['cn-north-1', 'cn-northwest-1', 'me-central-1', 'us-gov-east-1', 'us-gov-west-1'];
