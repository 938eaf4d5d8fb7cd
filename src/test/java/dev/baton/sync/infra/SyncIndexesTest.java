package dev.baton.sync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

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
            String id = "o-" + i; // deterministic: order ids as a client might number them
            assertThat(SyncIndexes.shard(id, SyncIndexes.DUE_SHARDS)).isEqualTo(SyncIndexes.shard(id,
                    SyncIndexes.DUE_SHARDS));
            listed[SyncIndexes.shard(id, SyncIndexes.LISTED_SHARDS)]++;
            due[SyncIndexes.shard(id, SyncIndexes.DUE_SHARDS)]++;
        }
        // then no shard takes more than 1.3x its fair share (a hot shard is what sharding must prevent)
        assertThat(java.util.Arrays.stream(listed).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(
                10_000 / SyncIndexes.LISTED_SHARDS * 7 / 10, 10_000 / SyncIndexes.LISTED_SHARDS * 13 / 10));
        assertThat(java.util.Arrays.stream(due).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(
                10_000 / SyncIndexes.DUE_SHARDS / 2, 10_000 / SyncIndexes.DUE_SHARDS * 3 / 2));
    }

    @Test
    void listingSortKeys_sortAsTheirTimes_andTieBreakOnTheOrderId() {
        String early = SyncIndexes.listSk(Instant.ofEpochMilli(999), "b");
        String late = SyncIndexes.listSk(Instant.ofEpochMilli(1_000), "a");
        assertThat(early).isEqualTo("0000000000999#b").isLessThan(late);
        assertThat(SyncIndexes.listSk(Instant.ofEpochMilli(1_000), "b")).isGreaterThan(late);
    }
}
