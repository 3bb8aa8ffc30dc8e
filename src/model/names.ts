// Project identity // 项目名称: the normalised name that tells one project from another within a
// department, used by the parser's checks, the load's identity rules and the read side alike.

/**
 * A project name without the variation documents print around it: （通用项目）, quotes, spaces and
 * dashes, a trailing 项目, and 和.
 */
export function normaliseProjectName(name: string): string {
  return name
    .replace(/[（(](通用项目|通用)[)）]/g, '')
    .replace(/["“”'‘’「」《》\s\-—–－·]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/项目$/, '')
    .replace(/和/g, '');
}
