import { describe, expect, it } from 'vitest';
import { GroupCommit } from './groupCommit';

describe('GroupCommit', () => {
  it('commits what arrives in one turn of the event loop as one batch, and resolves only after it', async () => {
    const commits: number[][] = [];
    const group = new GroupCommit<number>((items) => void commits.push(items));
    let resolved = 0;
    const waits = [1, 2, 3].map((n) => group.enqueue(n).then(() => resolved++));
    expect(commits).toEqual([]);
    expect(resolved).toBe(0);
    await Promise.all(waits);
    expect(commits).toEqual([[1, 2, 3]]);
    await group.enqueue(4);
    expect(commits).toEqual([[1, 2, 3], [4]]);
  });

  it('rejects every caller of a batch whose commit failed, and goes on with the next', async () => {
    let fail = true;
    const group = new GroupCommit<string>(() => {
      if (fail) throw new Error('disk I/O error');
    });
    const results = await Promise.allSettled([group.enqueue('a'), group.enqueue('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason.message).toBe('disk I/O error');
    fail = false;
    await expect(group.enqueue('c')).resolves.toBeUndefined();
  });

  it('writes a full batch at once, so one transaction stays bounded', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number>((items) => void sizes.push(items.length), 4);
    await Promise.all(Array.from({ length: 10 }, (_, i) => group.enqueue(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('flush writes what is waiting without waiting for the event loop', () => {
    const commits: string[][] = [];
    const group = new GroupCommit<string>((items) => void commits.push(items));
    void group.enqueue('x');
    group.flush();
    expect(commits).toEqual([['x']]);
  });
});
