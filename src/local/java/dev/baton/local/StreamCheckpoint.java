package dev.baton.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the local event relay stands in the orders table's stream: per shard the sequence number of the last
 * record whose event was delivered, in {@code <data dir>/events-checkpoint.properties} (written to a temporary
 * file and moved over the old one, so a crash leaves the old or the new checkpoint, never half of one). Saved only
 * after delivery: a crash in between re-reads and re-delivers (at least once, duplicates carry the same event id).
 * Without a data directory the checkpoint lives in memory, like the data.
 */
public final class StreamCheckpoint {

    private final Path file;
    private final Map<String, String> positions = new ConcurrentHashMap<>();

    private StreamCheckpoint(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            Properties stored = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                stored.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the event checkpoint " + file, e);
            }
            stored.forEach((k, v) -> positions.put(k.toString(), v.toString()));
        }
    }

    /** The checkpoint kept in {@code dataDir} (null: in memory). */
    public static StreamCheckpoint in(Path dataDir) {
        return new StreamCheckpoint(dataDir == null ? null : dataDir.resolve("events-checkpoint.properties"));
    }

    /** The sequence number of the last delivered record of {@code shardId}, or null to start at the shard's start. */
    public String position(String streamArn, String shardId) {
        return positions.get(streamArn + "|" + shardId);
    }

    /** Records that {@code shardId}'s records up to {@code sequenceNumber} are delivered, durably. */
    public synchronized void advance(String streamArn, String shardId, String sequenceNumber) {
        positions.put(streamArn + "|" + shardId, sequenceNumber);
        if (file == null) {
            return;
        }
        Properties out = new Properties();
        out.putAll(positions);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (var writer = Files.newBufferedWriter(tmp)) {
                out.store(writer, "Baton local: last delivered stream record per shard");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the event checkpoint " + file, e);
        }
    }
}
