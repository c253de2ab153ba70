/** The timing QA rules in force, as a facet (profile plus user changes from settings). */
import { Facet } from '@codemirror/state';
import { QA_PROFILES, type QaRules } from '../../../shared/timing/qa';

export const qaRules = Facet.define<Partial<QaRules>, QaRules>({
  combine: (values) => Object.assign({}, QA_PROFILES.subtitle, ...values),
});
