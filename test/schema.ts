import * as path from 'path';
import { Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

// Checks templates against the CloudFormation resource provider schemas (property types, required properties,
// enums, patterns, lengths, ranges) with AWS's offline validator `@aws/cloudformation-validate`: the copy that
// aws-cdk-lib bundles for its own synth-time validation, so nothing is downloaded and the schemas are those of
// the aws-cdk-lib version under test. aws-cdk-lib runs the whole rule set on every `app.synth()` and only warns;
// this runs the schema validator alone (about 10 ms a template, once it is loaded) and makes findings failures.

interface Diagnostic {
  readonly ruleId: string;
  readonly severity: 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
  readonly message: string;
  readonly entity?: { readonly logicalId: string; readonly resourceType?: string };
  readonly propertyPath?: string;
}

interface SchemaValidator {
  validate(template: unknown, region?: string): Diagnostic[];
}

interface CloudFormationValidate {
  readonly SchemaValidator: new () => SchemaValidator;
  readonly TemplateContent: new (content: string, name?: string) => unknown;
}

// Findings at these levels are violations. INFO findings are notes (I9001 "create-only property"), and the enum rule
// (W3030) reports at WARN, so WARN is in.
const VIOLATION_SEVERITIES = ['FATAL', 'ERROR', 'WARN'];

let loaded: { module: CloudFormationValidate; validator: SchemaValidator } | undefined;

// Each resource is checked against its type's schema alone (a reference to another resource is not followed), so a
// resource already found valid in the same Region need not be checked again: property runs repeat most resources.
const validResources = new Set<string>();

function validator() {
  if (!loaded) {
    // Resolved from the project's own aws-cdk-lib, where it is installed as a bundled dependency; by path, because
    // `test:floor` maps the module name `aws-cdk-lib` to the peer floor, whose older validator has another API.
    const awsCdkLib = path.join(__dirname, '..', 'node_modules', 'aws-cdk-lib');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module: CloudFormationValidate = require(require.resolve('@aws/cloudformation-validate', { paths: [awsCdkLib] }));
    loaded = { module, validator: new module.SchemaValidator() };
  }
  return loaded;
}

interface TemplateJson {
  readonly Resources?: Record<string, { readonly Type: string }>;
}

/**
 * The schema violations of a synthesized template, one line each (`<logical ID> (<type>) <property>: <message>`);
 * empty when every resource conforms.
 *
 * @param region the Region whose resource types and properties apply; all Regions when not given
 */
export function schemaViolations(template: TemplateJson, region?: string): string[] {
  const { module, validator: schemaValidator } = validator();
  const resources = Object.entries(template.Resources ?? {});
  const key = ([id, resource]: [string, unknown]) => `${region}\n${id}\n${JSON.stringify(resource)}`;
  const unchecked = resources.filter(entry => !validResources.has(key(entry)));
  if (unchecked.length === 0) {
    return [];
  }
  const diagnostics = schemaValidator.validate(
    new module.TemplateContent(JSON.stringify({ Resources: Object.fromEntries(unchecked) })), region);
  const violations = diagnostics.filter(d => VIOLATION_SEVERITIES.includes(d.severity));
  const invalid = new Set(violations.map(d => d.entity?.logicalId));
  unchecked.filter(([id]) => !invalid.has(id)).forEach(entry => validResources.add(key(entry)));
  return violations.map(d => `${d.entity?.logicalId ?? '(template)'} (${d.entity?.resourceType ?? '-'}) ${d.propertyPath ?? ''}: `
    + `${d.ruleId} ${d.message}`);
}

/** Fails the test with every schema violation of the template. */
export function expectSchemaValid(template: TemplateJson, region?: string): void {
  expect(schemaViolations(template, region)).toEqual([]);
}

/** The stack's template, once it is found valid against the resource schemas of the stack's Region. */
export function schemaCheckedTemplate(stack: Stack): { [key: string]: any } {
  const template = Template.fromStack(stack).toJSON();
  expectSchemaValid(template, Token.isUnresolved(stack.region) ? undefined : stack.region);
  return template;
}
