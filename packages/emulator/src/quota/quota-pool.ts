import type { EmulatorSnapshot } from '../types.js'

/** Outcome of {@link QuotaPool.lock}. */
export type LockResult = 'locked' | 'refreshed' | 'running' | 'no-idle'

interface ProjectQuota {
  /** UserId → lock expiry (ms). Kept in expiry order: a refreshed lock is deleted and re-inserted. */
  readonly locks: Map<string, number>
  readonly running: Set<string>
}

/**
 * Per-project concurrency quota as CAR keeps it: `capacity` slots per project, a slot is either
 * locked by `ApplyConcurrent` (expiring after `lockTtlMs` unless `CreateSession` follows) or
 * running a session until `DestroySession`. A UserId holds at most one slot in the whole emulator.
 *
 * @example
 * const pool = new QuotaPool(['cap-demo'], 2, 30_000)
 * pool.lock('u1', 'cap-demo', Date.now()) // 'locked'
 * pool.startSession('u1', Date.now())     // true
 * pool.release('u1', Date.now())          // true
 */
export class QuotaPool {
  #capacity: number
  readonly #lockTtlMs: number
  readonly #projects = new Map<string, ProjectQuota>()
  /** UserId → the project whose slot it holds. */
  readonly #owners = new Map<string, string>()

  constructor(projects: readonly string[], capacity: number, lockTtlMs: number) {
    this.#capacity = capacity
    this.#lockTtlMs = lockTtlMs
    for (const id of projects) this.#projects.set(id, { locks: new Map(), running: new Set() })
  }

  get capacity(): number {
    return this.#capacity
  }

  set capacity(value: number) {
    this.#capacity = value
  }

  /** Whether the ProjectId is one the emulator knows. */
  has(projectId: string): boolean {
    return this.#projects.has(projectId)
  }

  /**
   * ApplyConcurrent: locks a slot for the user. The same user gets its own slot back (a lock is
   * refreshed; a running session stays running, as the new device takes it over with CreateSession).
   * A user holding a slot in another project moves to this one when it has room.
   */
  lock(userId: string, projectId: string, now: number): LockResult {
    const project = this.#project(projectId)
    this.#expire(project, now)
    const ownerProject = this.#owners.get(userId)
    if (ownerProject === projectId) {
      if (project.running.has(userId)) return 'running'
      project.locks.delete(userId)
      project.locks.set(userId, now + this.#lockTtlMs)
      return 'refreshed'
    }
    if (project.locks.size + project.running.size >= this.#capacity) return 'no-idle'
    if (ownerProject !== undefined) this.release(userId, now)
    project.locks.set(userId, now + this.#lockTtlMs)
    this.#owners.set(userId, projectId)
    return 'locked'
  }

  /** CreateSession: turns the user's live lock (or running session) into a running session. False when there is none. */
  startSession(userId: string, now: number): boolean {
    const projectId = this.#owners.get(userId)
    if (projectId === undefined) return false
    const project = this.#project(projectId)
    this.#expire(project, now)
    if (project.running.has(userId)) return true
    if (!project.locks.delete(userId)) return false
    project.running.add(userId)
    return true
  }

  /** DestroySession: frees the user's slot. Returns whether it held one (an expired lock is no longer held). */
  release(userId: string, now: number): boolean {
    const projectId = this.#owners.get(userId)
    if (projectId === undefined) return false
    const project = this.#project(projectId)
    this.#expire(project, now)
    if (!this.#owners.delete(userId)) return false
    return project.locks.delete(userId) || project.running.delete(userId)
  }

  /** Slots in use (locked or running) in one project, or in all projects when `projectId` is omitted. */
  occupied(now: number, projectId?: string): { total: number; occupied: number } {
    const ids = projectId === undefined ? [...this.#projects.keys()] : [projectId]
    let occupied = 0
    for (const id of ids) {
      const project = this.#project(id)
      this.#expire(project, now)
      occupied += project.locks.size + project.running.size
    }
    return { total: this.#capacity * ids.length, occupied }
  }

  /** Every project's capacity and occupied slots. */
  snapshot(now: number): EmulatorSnapshot {
    const projects: EmulatorSnapshot['projects'] = {}
    for (const [id, project] of this.#projects) {
      this.#expire(project, now)
      projects[id] = {
        capacity: this.#capacity,
        slots: [
          ...[...project.running].map((userId) => ({ userId, state: 'running' as const })),
          ...[...project.locks].map(([userId, expiresAt]) => ({ userId, state: 'locked' as const, expiresAt })),
        ],
      }
    }
    return { projects }
  }

  #project(projectId: string): ProjectQuota {
    const project = this.#projects.get(projectId)
    if (project === undefined) throw new RangeError(`Unknown project \`${projectId}\`.`)
    return project
  }

  #expire(project: ProjectQuota, now: number): void {
    for (const [userId, expiresAt] of project.locks) {
      if (expiresAt > now) break
      project.locks.delete(userId)
      this.#owners.delete(userId)
    }
  }
}
