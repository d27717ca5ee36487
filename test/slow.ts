// Tests that take minutes of CPU (whole record nights): run by `npm run test:all` and `.ci/run`,
// skipped — and listed as skipped — by the fast `npm test` (BULWARK_TESTS=fast).

import { it } from 'vitest';

export const slowIt = it.skipIf(process.env.BULWARK_TESTS === 'fast');
