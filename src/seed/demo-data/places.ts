import { ABAY_REGION } from './abay';
import { MANGISTAU_PLANS, MANGISTAU_REGION } from './mangistau';
import { DemoPlan, DemoRegion } from './types';
import { ULYTAU_REGION } from './ulytau';

/**
 * The places the programme works in, and a small demo around them. KATO codes are the national
 * classifier's (9 digits) where a published source was at hand: the Abay region's from the
 * classifier file of 17.10.2022, the Ulytau and Mangistau codes from published classifier extracts.
 * A place without a code is left without one rather than given an invented code.
 */
export const PLACES: DemoRegion[] = [MANGISTAU_REGION, ABAY_REGION, ULYTAU_REGION];

/** Development plans of demo villages: only Mangistau's villages have one so far. */
export const PLANS: DemoPlan[] = [...MANGISTAU_PLANS];
