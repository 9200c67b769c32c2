import { Quota } from '../../../src/private/facts/quotas';
import { Finding } from '../../../src/private/rules/findings';
import { exceedsQuota } from '../../../src/private/rules/quotas';

const messages = (findings: Finding[]) => findings.map(finding => `${finding.severity} ${finding.slug}: ${finding.message}`);

const adjustable: Quota = { name: 'Widgets per gadget', value: 5, adjustable: true, source: 'https://docs.aws.amazon.com/widgets/quotas.html' };
const fixed: Quota = { ...adjustable, adjustable: false };

describe('exceedsQuota', () => {
  test('says nothing up to the quota', () => {
    expect(exceedsQuota('widgetsPerGadget', adjustable, 0, 'widgets of the gadget:')).toEqual([]);
    expect(exceedsQuota('widgetsPerGadget', adjustable, 5, 'widgets of the gadget:')).toEqual([]);
    expect(exceedsQuota('widgetsPerGadget', fixed, 5, 'widgets of the gadget:', 'Use two gadgets.')).toEqual([]);
  });

  test('warns above an adjustable quota, with its slug, and asks for an increase', () => {
    expect(messages(exceedsQuota('widgetsPerGadget', adjustable, 6, 'widgets of the gadget:', 'Use two gadgets.'))).toEqual([
      "warning widgetsPerGadget: widgets of the gadget: 6, above the quota 'Widgets per gadget' of 5 "
      + '(https://docs.aws.amazon.com/widgets/quotas.html); the deploy fails unless the quota has been raised. Request an increase '
      + 'in Service Quotas first.',
    ]);
  });

  test('refuses a count above a quota AWS does not raise, with the fix', () => {
    expect(messages(exceedsQuota('widgetsPerGadget', fixed, 6, 'widgets of the gadget:', 'Use two gadgets.'))).toEqual([
      "error undefined: widgets of the gadget: 6, above the quota 'Widgets per gadget' of 5 "
      + '(https://docs.aws.amazon.com/widgets/quotas.html), which AWS does not raise. Use two gadgets.',
    ]);
  });

  test('ends the error at the quota without a fix', () => {
    expect(messages(exceedsQuota('widgetsPerGadget', fixed, 7, 'widgets of the gadget:'))).toEqual([
      expect.stringMatching(/^error undefined: widgets of the gadget: 7, above the quota 'Widgets per gadget' of 5 \(.*\), which AWS does not raise\.$/),
    ]);
  });
});
