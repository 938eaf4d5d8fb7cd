package dev.baton.sync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The shard function and sort keys of the sparse sync indexes: plain JUnit. */
class SyncIndexesTest {

    @Test
    void anOrderAlwaysLandsInTheSameShard_andTenThousandOrdersSpreadEvenly() {
        // given
        int[] listed = new int[SyncIndexes.LISTED_SHARDS];
        int[] due = new int[SyncIndexes.DUE_SHARDS];
        // when
        for (int i = 0; i < 10_000; i++) {
            String id = "o-" + UUID.randomUUID();
            assertThat(SyncIndexes.shard(id, SyncIndexes.DUE_SHARDS)).isEqualTo(SyncIndexes.shard(id,
                    SyncIndexes.DUE_SHARDS));
            listed[SyncIndexes.shard(id, SyncIndexes.LISTED_SHARDS)]++;
            due[SyncIndexes.shard(id, SyncIndexes.DUE_SHARDS)]++;
        }
        // then no shard takes more than 1.3x its fair share (a hot shard is what sharding must prevent)
        assertThat(java.util.Arrays.stream(listed).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(10_000 / 16 * 7 / 10, 10_000 / 16 * 13 / 10));
        assertThat(java.util.Arrays.stream(due).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(10_000 / 64 * 6 / 10, 10_000 / 64 * 14 / 10));
        assertThat(SyncIndexes.shard("A-1001", 16)).isEqualTo(SyncIndexes.shard("A-1001", 64) % 16);
    }

    @Test
    void listingSortKeys_sortAsTheirTimes_andTieBreakOnTheOrderId() {
        String early = SyncIndexes.listSk(Instant.ofEpochMilli(999), "b");
        String late = SyncIndexes.listSk(Instant.ofEpochMilli(1_000), "a");
        assertThat(early).isEqualTo("0000000000999#b").isLessThan(late);
        assertThat(SyncIndexes.listSk(Instant.ofEpochMilli(1_000), "b")).isGreaterThan(late);
    }
}
