import { Fn } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';

/**
 * An alias target for an interface endpoint's regional DNS name. EC2 lists the endpoint's DNS entries as
 * `<hosted zone ID>:<DNS name>`, the regional name first ("DnsEntries", AWS::EC2::VPCEndpoint return values,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html).
 */
export function endpointAliasTarget(dnsEntries: string[]): route53.RecordTarget {
  const regionalEntry = Fn.split(':', Fn.select(0, dnsEntries));
  return route53.RecordTarget.fromAlias({
    bind: () => ({
      hostedZoneId: Fn.select(0, regionalEntry),
      dnsName: Fn.select(1, regionalEntry),
    }),
  });
}
