/**
 * Where the JSON API answers, for the links a page offers to the machine-readable form of what it
 * shows (results, allocation, the 360Giving export).
 */
export const API_BASE = '/api';
