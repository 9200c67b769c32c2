/**
 * Route 53 Resolver DNS Firewall, as AWS documents it. Each figure cites the page that states it.
 */

/**
 * The priorities a rule group can be associated with a VPC or a Route 53 Profile at: "The allowed values for `Priority` are
 * between 100 and 9900 (excluding 100 and 9900)" (AWS::Route53Resolver::FirewallRuleGroupAssociation, CloudFormation User
 * Guide; the same range for a Profile, https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/profile-associate-dns-firewall.html).
 * DNS Firewall evaluates the rule groups of a VPC from the lowest number up; Firewall Manager keeps 1-99 and 9901-10000.
 */
export const RULE_GROUP_PRIORITY_RANGE = { min: 101, max: 9899 } as const;

/**
 * A domain specification that matches every name: the catch-all of a walled garden, which blocks or alerts on whatever
 * the rules before it did not allow. A specification "can optionally start with * (asterisk)" (UpdateFirewallDomains,
 * Route 53 Resolver API Reference), and a leading `*.` matches every name under the rest: `*.example.com` matches
 * `sub.example.com` and `deep.sub.example.com` but not `example.com` (AWS's DNS Firewall guidance in
 * aws/agent-toolkit-for-aws, identifying-the-effective-dns-firewall-rule.md); `*` alone, with nothing after it, matches
 * every name.
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
