// Many small file operations at once, a bounded number in flight: enough to keep libuv's threads
// busy, few enough that thousands of files never mean thousands of open handles.

export async function inBatches<T>(items: readonly T[], size: number, each: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(each));
}
