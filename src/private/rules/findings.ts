/**
 * One problem found by a validation rule: an error fails `cdk synth`, a warning is reported and can be
 * acknowledged with `Annotations.of(scope).acknowledgeWarning(id)`.
 */
export interface Finding {
  readonly severity: 'error' | 'warning';
  /** For warnings, the slug of the stable ID `cdk-private-endpoints:<Construct>.<slug>`. */
  readonly slug?: string;
  readonly message: string;
}

export function error(message: string): Finding {
  return { severity: 'error', message };
}

export function warning(slug: string, message: string): Finding {
  return { severity: 'warning', slug, message };
}
