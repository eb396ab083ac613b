package dev.chainbreaker.store;

import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Power-loss durability without one fsync per request: writers append to the WAL without syncing,
 * then wait here; one thread syncs the WAL for everything written so far and releases every writer
 * it covered. While one sync runs, the next writers queue up, so the batch size adapts to load.
 */
final class GroupCommitter implements AutoCloseable {
  private final RocksDB db;
  private final Thread thread;
  private long written;
  private long durable;
  private boolean closed;
  private RocksDBException failure;

  GroupCommitter(RocksDB db, long start) {
    this.db = db;
    this.written = start;
    this.durable = start;
    this.thread = new Thread(this::loop, "chainbreaker-group-commit");
    thread.setDaemon(true);
    thread.start();
  }

  /** Called after a write returned: {@code seq} (and everything before it) is in the WAL. */
  synchronized void written(long seq) {
    if (seq > written) {
      written = seq;
      notifyAll();
    }
  }

  /** Blocks until the WAL holding {@code seq} is synced. */
  synchronized void await(long seq) {
    boolean interrupted = false;
    while (durable < seq && failure == null && !closed) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true; // the acknowledgement must not go out before the sync
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw new StoreException("WAL sync failed: " + failure.getMessage(), failure);
    }
    if (durable < seq) {
      throw new StoreException("store closed before the write was synced", null);
    }
  }

  private void loop() {
    while (true) {
      long target;
      synchronized (this) {
        while (written <= durable && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed && written <= durable) {
          return;
        }
        target = written;
      }
      try {
        db.syncWal();
      } catch (RocksDBException e) {
        synchronized (this) {
          failure = e;
          notifyAll();
        }
        return;
      }
      synchronized (this) {
        durable = target;
        notifyAll();
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
