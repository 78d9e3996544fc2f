/**
 * Configuration read from environment variables once at start. Every variable is checked and every
 * problem is reported together, naming the variable, so a bad deployment stops before it serves.
 */
export type NodeEnv = 'development' | 'test' | 'production';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  redisPrefix: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** A browser session ends after this many minutes without a request... */
  webSessionIdleMinutes: number;
  /** ...and in any case this many hours after sign-in. */
  webSessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginWindowSeconds: number;
  registrationsPerHour: number;
  trustProxy: string;
  migrationsRun: boolean;
  bodyLimit: string;
  logLevel: string;
  /** `pretty` lines for a person at a terminal (the default in development), `json` for log collectors. */
  logFormat: 'pretty' | 'json';
  adminEmail?: string;
  adminPassword?: string;
  competitionCloseEveryMs: number;
  draftReminderEveryMs: number;
  /** How often the worker withdraws applications whose return for changes was not answered by its date. */
  returnLapseEveryMs: number;
  /** How often the worker sends scoring reminders and re-queues review jobs Redis lost. */
  reviewSweepEveryMs: number;
  /** How often the worker lapses award offers past their deadline and reminds grantees of reports due. */
  awardSweepEveryMs: number;
  staffDigestEveryMs: number;
  /** Days before a milestone report is due when the grantee is reminded (and again once overdue). */
  reportReminderDays: number;
  publicUrl: string;
  smtpUrl?: string;
  smtpPoolSize: number;
  mailFrom: string;
  mailDir: string;
  mailTimeZone: string;
  notificationAttempts: number;
  notificationBackoffMs: number;
  relayIntervalMs: number;
  relayBatchSize: number;
  relayLeaseMs: number;
  sendLeaseMs: number;
  staleQueuedMs: number;
  queueAddTimeoutMs: number;
  senderConcurrency: number;
  jobLockMs: number;
  emailTokenTtlHours: number;
  resetTokenTtlMinutes: number;
  attachmentDir: string;
  attachmentMaxBytes: number;
  attachmentMaxCount: number;
  attachmentQuotaBytes: number;
  /** Keys the stable pseudonyms of grantees and jurors in open data; JWT_SECRET when unset. */
  pseudonymSecret: string;
  /** How long public reads may be served from memory and by proxies (0: not cached). */
  publicCacheSeconds: number;
  /** The publisher of the open data: grant identifier prefix and the funding organisation. */
  openData: { grantIdPrefix: string; funderId: string; funderName: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const DEV_JWT_SECRET = 'development-only-secret-change-me-0123456789';
const MB = 1024 * 1024;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  string(name: string, fallback?: string): string {
    const value = this.env[name]?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback;
    this.problems.push(`${name} is required`);
    return '';
  }

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  }

  url(name: string, fallback: string, protocols: string[]): string {
    const value = this.string(name, fallback);
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL`);
    }
    return value;
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const read = new Reader(env);
  const nodeEnv = read.oneOf<NodeEnv>('NODE_ENV', ['development', 'test', 'production'], 'development');
  const production = nodeEnv === 'production';

  const jwtSecret = read.string('JWT_SECRET', production ? undefined : DEV_JWT_SECRET);
  if (jwtSecret && jwtSecret.length < 32) read.problems.push('JWT_SECRET must be at least 32 characters');
  if (production && jwtSecret === DEV_JWT_SECRET) read.problems.push('JWT_SECRET must not be the development default');

  const adminEmail = read.optional('ADMIN_EMAIL');
  const adminPassword = read.optional('ADMIN_PASSWORD');
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    read.problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminPassword && adminPassword.length < 10) read.problems.push('ADMIN_PASSWORD must be at least 10 characters');

  const logLevel = read.string('LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) read.problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const bodyLimit = read.string('BODY_LIMIT', '100kb');
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit)) read.problems.push('BODY_LIMIT must look like 100kb or 1mb');

  const port = read.int('PORT', 3000, 1, 65535);
  const smtpUrl = read.optional('SMTP_URL');
  if (smtpUrl) {
    try {
      if (!['smtp:', 'smtps:'].includes(new URL(smtpUrl).protocol))
        read.problems.push('SMTP_URL must be an smtp: or smtps: URL');
    } catch {
      read.problems.push('SMTP_URL is not a valid URL');
    }
  }
  const mailTimeZone = read.string('MAIL_TIME_ZONE', 'Asia/Almaty');
  try {
    new Intl.DateTimeFormat('en', { timeZone: mailTimeZone });
  } catch {
    read.problems.push(`MAIL_TIME_ZONE is not a time zone (got "${mailTimeZone}")`);
  }

  const config: AppConfig = {
    nodeEnv,
    port,
    databaseUrl: read.url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/startup', ['postgres:', 'postgresql:']),
    databasePoolSize: read.int('DATABASE_POOL_SIZE', 10, 1, 200),
    redisUrl: read.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisPrefix: read.string('REDIS_PREFIX', 'startup'),
    jwtSecret,
    accessTokenTtlSeconds: read.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 3600),
    refreshTokenTtlDays: read.int('REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    webSessionIdleMinutes: read.int('WEB_SESSION_IDLE_MINUTES', 120, 1, 10080),
    webSessionAbsoluteHours: read.int('WEB_SESSION_ABSOLUTE_HOURS', 24, 1, 720),
    loginMaxFailures: read.int('LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowSeconds: read.int('LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    registrationsPerHour: read.int('REGISTRATIONS_PER_HOUR', 20, 1, 100000),
    trustProxy: read.string('TRUST_PROXY', 'loopback'),
    migrationsRun: read.bool('MIGRATIONS_RUN', true),
    bodyLimit,
    logLevel,
    logFormat: read.oneOf<'pretty' | 'json'>(
      'LOG_FORMAT',
      ['pretty', 'json'],
      nodeEnv === 'development' ? 'pretty' : 'json',
    ),
    adminEmail: adminEmail?.toLowerCase(),
    adminPassword,
    competitionCloseEveryMs: read.int('COMPETITION_CLOSE_EVERY_MS', 60000, 1000, 86400000),
    draftReminderEveryMs: read.int('DRAFT_REMINDER_EVERY_MS', 900000, 1000, 86400000),
    returnLapseEveryMs: read.int('RETURN_LAPSE_EVERY_MS', 300000, 1000, 86400000),
    reviewSweepEveryMs: read.int('REVIEW_SWEEP_EVERY_MS', 300000, 1000, 86400000),
    awardSweepEveryMs: read.int('AWARD_SWEEP_EVERY_MS', 300000, 1000, 86400000),
    staffDigestEveryMs: read.int('STAFF_DIGEST_EVERY_MS', 900000, 1000, 86400000),
    reportReminderDays: read.int('REPORT_REMINDER_DAYS', 7, 1, 90),
    publicUrl: read.url('PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']).replace(/\/+$/, ''),
    smtpUrl,
    smtpPoolSize: read.int('SMTP_POOL_SIZE', 5, 1, 100),
    mailFrom: read.string('MAIL_FROM', 'Start Up <no-reply@startup.local>'),
    mailDir: read.string('MAIL_DIR', '.data/mail'),
    mailTimeZone,
    notificationAttempts: read.int('NOTIFICATION_ATTEMPTS', 8, 1, 50),
    notificationBackoffMs: read.int('NOTIFICATION_BACKOFF_MS', 2000, 10, 3600000),
    relayIntervalMs: read.int('RELAY_INTERVAL_MS', 1000, 50, 600000),
    relayBatchSize: read.int('RELAY_BATCH_SIZE', 200, 1, 10000),
    relayLeaseMs: read.int('RELAY_LEASE_MS', 30000, 100, 3600000),
    sendLeaseMs: read.int('SEND_LEASE_MS', 120000, 100, 3600000),
    staleQueuedMs: read.int('STALE_QUEUED_MS', 300000, 100, 86400000),
    queueAddTimeoutMs: read.int('QUEUE_ADD_TIMEOUT_MS', 2000, 50, 60000),
    senderConcurrency: read.int('SENDER_CONCURRENCY', 5, 1, 200),
    jobLockMs: read.int('JOB_LOCK_MS', 30000, 500, 600000),
    emailTokenTtlHours: read.int('EMAIL_TOKEN_TTL_HOURS', 72, 1, 720),
    resetTokenTtlMinutes: read.int('RESET_TOKEN_TTL_MINUTES', 60, 5, 1440),
    attachmentDir: read.string('ATTACHMENT_DIR', '.data/attachments'),
    // Uploads are held in memory while they are checked: the ceiling keeps one request bounded.
    attachmentMaxBytes: read.int('ATTACHMENT_MAX_BYTES', 10 * MB, 1, 100 * MB),
    attachmentMaxCount: read.int('ATTACHMENT_MAX_COUNT', 10, 1, 1000),
    attachmentQuotaBytes: read.int('ATTACHMENT_QUOTA_BYTES', 30 * MB, 1, 100 * 1024 * MB),
    pseudonymSecret: read.string('PSEUDONYM_SECRET', jwtSecret),
    publicCacheSeconds: read.int('PUBLIC_CACHE_SECONDS', 60, 0, 86400),
    openData: {
      grantIdPrefix: read.string('GRANT_ID_PREFIX', '360G-startup'),
      funderId: read.string('FUNDER_ORG_ID', 'XI-STARTUP-MANGISTAU'),
      funderName: read.string('FUNDER_ORG_NAME', 'Start Up programme, Mangistau oblast'),
    },
  };
  if (config.pseudonymSecret !== jwtSecret && config.pseudonymSecret.length < 32)
    read.problems.push('PSEUDONYM_SECRET must be at least 32 characters');
  if (!/^360G-[A-Za-z0-9-]+$/.test(config.openData.grantIdPrefix))
    read.problems.push('GRANT_ID_PREFIX must look like 360G-yourname (letters, digits, dashes)');
  if (config.attachmentQuotaBytes < config.attachmentMaxBytes) {
    read.problems.push('ATTACHMENT_QUOTA_BYTES must be at least ATTACHMENT_MAX_BYTES');
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
