// Days as the workflows count them: today by the injected clock, in the county's own time.

import { chinaDay, daysBetween } from '../../domain/dates.ts';
import type { Ctx } from '../../store/ctx.ts';

/** Today's date in the county (UTC+8) by the app's clock, `YYYY-MM-DD`. */
export const today = (ctx: Ctx): string => chinaDay(ctx.now());

export { daysBetween };
