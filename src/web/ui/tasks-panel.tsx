import { usePage } from '../render/page-context';

/** One kind of task as StaffTasksService counts it. */
export interface TaskItem {
  kind: 'approvals' | 'reports' | 'screening' | 'answered' | 'failedRuns' | 'conflicts' | 'scoring' | 'payments';
  count: number;
  href: string;
}

/** "My tasks": what waits for a member of staff, each with its count and a link to where it is done. */
export function TasksPanel(props: { tasks: TaskItem[] }) {
  const { t } = usePage();
  const waiting = props.tasks.filter((task) => task.count > 0);
  return (
    <section class="tasks-panel" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t.t('staffTasks.title')}</h2>
      {waiting.length === 0 ? (
        <p>{t.t('staffTasks.none')}</p>
      ) : (
        <ul>
          {waiting.map((task) => (
            <li>
              <a href={task.href}>
                {t.t(`staffTasks.${task.kind}`)}: <strong>{t.number(task.count)}</strong>
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="hint">{t.t('staffTasks.digest')}</p>
    </section>
  );
}
