/**
 * AWS services whose clients reach an interface endpoint on TCP ports other than the one aws-cdk-lib gives the
 * service (`IInterfaceVpcEndpointService.port`, 443 for almost every service). The endpoint's security group must
 * admit all of them, or those clients time out. One row per service short name, each with the page it comes from.
 */
interface ServicePortsRow {
  readonly shortName: string;
  readonly ports: number[];
  readonly source: string;
}

const SERVICE_PORTS: ServicePortsRow[] = [
  {
    // STARTTLS on 25, 587 and 2587; TLS Wrapper on 465 and 2465 ("Connecting to an Amazon SES SMTP endpoint").
    shortName: 'email-smtp',
    ports: [25, 465, 587, 2465, 2587],
    source: 'https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html',
  },
  {
    // Git over HTTPS (443) and over SSH (22) through the `git-codecommit` endpoints ("Using AWS CodeCommit with
    // interface VPC endpoints").
    shortName: 'git-codecommit',
    ports: [443, 22],
    source: 'https://docs.aws.amazon.com/codecommit/latest/userguide/codecommit-and-interface-VPC.html',
  },
  {
    shortName: 'git-codecommit-fips',
    ports: [443, 22],
    source: 'https://docs.aws.amazon.com/codecommit/latest/userguide/codecommit-and-interface-VPC.html',
  },
];

/**
 * The TCP ports clients use to reach a service's endpoint: the service's own port and those the table lists for it,
 * in ascending order.
 */
export function clientPortsOf(shortName: string, servicePort: number): number[] {
  const row = SERVICE_PORTS.find(r => r.shortName === shortName);
  return [...new Set([servicePort, ...row?.ports ?? []])].sort((a, b) => a - b);
}
