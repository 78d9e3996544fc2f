export interface AttachmentLimits {
  maxFileBytes: number;
  maxFiles: number;
  quotaBytes: number;
}

export interface AttachmentUsage {
  count: number;
  totalBytes: number;
}

export type LimitProblem = 'too_large' | 'count_reached' | 'quota_exceeded';

/** Whether one more file of `size` bytes fits the application's limits; the first problem found. */
export function limitProblem(usage: AttachmentUsage, size: number, limits: AttachmentLimits): LimitProblem | null {
  if (size > limits.maxFileBytes) return 'too_large';
  if (usage.count >= limits.maxFiles) return 'count_reached';
  if (usage.totalBytes + size > limits.quotaBytes) return 'quota_exceeded';
  return null;
}
