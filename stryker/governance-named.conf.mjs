import { libraryConfig } from './base.mjs';

// The code of the mutants issue 18 named as surviving (the frame check, the consent time box and
// early close, the spend filter by area), against the team specs that cover it: a run that fits
// in minutes on a loaded machine, where the whole library takes hours.
export default libraryConfig('governance-named', 'libs/governance/domain', {
  mutate: ['libs/governance/domain/src/shared/boundary.model.ts:117-143', 'libs/governance/domain/src/team/consent.rules.ts:40-55', 'libs/governance/domain/src/team/consent.rules.ts:142-158', 'libs/governance/domain/src/team/mandate.ts:44-58'],
  testMatch: ['<rootDir>/src/team/{boundary,consent,decision}.spec.ts'],
});
