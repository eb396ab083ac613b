package dev.chainbreaker.store;

import java.nio.file.Path;

/**
 * How the store is opened.
 *
 * <p>Retention of events is {@link Retention}'s, run by the server; phone states and the identity
 * graph are never deleted (a restart loads them). WAL files are
 * deleted once their data is flushed to SST files ({@code walTtlSeconds} = 0) and the total WAL is
 * capped by {@code maxWalMb} (forcing a memtable flush when reached). Compaction is level-style with
 * dynamic level sizes and LZ4 compression for the log (events compress ~3x), so space amplification
 * stays near 1.1x.
 *
 * @param dir the data directory (RocksDB lives in {@code dir/rocksdb})
 * @param durability what an acknowledgement survives
 * @param writeBufferMb memtable size per column family
 * @param maxWalMb total WAL size before column families are flushed
 */
public record StoreOptions(Path dir, Durability durability, int writeBufferMb, int maxWalMb) {
  public static StoreOptions defaults(Path dir) {
    return new StoreOptions(dir, Durability.PROCESS_CRASH, 32, 256);
  }

  public StoreOptions withDurability(Durability d) {
    return new StoreOptions(dir, d, writeBufferMb, maxWalMb);
  }
}
