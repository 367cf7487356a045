import { z } from 'zod';

// zod probes `new Function` to compile fast parsers; under our CSP (no 'unsafe-eval') that
// probe would raise a violation report, so it is told not to try.
z.config({ jitless: true });
