import * as fs from 'fs';
import { GENERATED_FILE, generatePropShapes, REFRESH_COMMAND } from './prop-shapes-generator';

describe('prop-shapes.generated.ts', () => {
  let generated: string;
  beforeAll(() => {
    // The compiler reads src/ and the aws-cdk-lib typings it uses: seconds.
    generated = generatePropShapes();
  }, 120_000);

  test('is what the props interfaces in src/ generate', () => {
    const committed = fs.readFileSync(GENERATED_FILE, 'utf-8');

    if (generated !== committed) {
      throw new Error(`src/private/facts/prop-shapes.generated.ts is stale: a props interface changed. Refresh it with\n  ${REFRESH_COMMAND}`);
    }
  });

  test('describes every construct\'s props, inherited ones included, with required props unmarked', () => {
    expect(generated).toContain('  PrivateEgressVpc: \'PrivateEgressVpcProps\',');
    // PrivateEgressVpcProps extends InterfaceEndpointVpcProps, which declares `bundles`.
    expect(generated).toMatch(/'PrivateEgressVpcProps': \{\n {4}struct: \{\n[^}]*'bundles\?': 'EndpointBundle\[\]',/);
    expect(generated).toContain('\'service\': \'ec2.IInterfaceVpcEndpointService\',');
    expect(generated).toContain('\'allowedPrincipals?\': \'iam.ArnPrincipal[]\',');
  });
});
