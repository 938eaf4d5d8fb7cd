package dev.baton.sync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.baton.order.domain.NodeData;
import dev.baton.shared.infra.BatonConfig;
import dev.baton.sync.app.SyncStore;
import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.DeadReason;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.RuleSource;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.RetryPolicies;
import dev.baton.sync.domain.SyncState;
import dev.baton.support.OrderSyncProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The migration step of issue 16 against DynamoDB Local: sync items as the old design wrote them (state and
 * change time for bySyncState, dueState/dueAt for bySyncDue, no listKey/dueKey) are invisible to the new listing
 * and sweeper until the backfill rewrites them; it is idempotent and resumes from any reported position.
 */
@QuarkusTest
@TestProfile(OrderSyncProfile.class)
class SyncIndexBackfillTest {

    @Inject
    DynamoDbClient dynamo;
    @Inject
    BatonConfig config;
    @Inject
    SyncStore store;

    /** An item as the old design stored {@code s}. */
    private void putOldItem(OrderSync s) {
        Map<String, AttributeValue> item = new HashMap<>(SyncItems.write(s));
        List.of(SyncIndexes.LIST_KEY, SyncIndexes.LIST_SK, SyncIndexes.DUE_KEY, SyncIndexes.DUE_AT)
                .forEach(item::remove);
        Instant due = s.state() == SyncState.ASYNC_PENDING ? s.nextAttemptAt() : s.leaseUntil();
        if (due != null) {
            item.put("dueState", AttributeValue.fromS(s.state().name()));
            item.put("dueAt", AttributeValue.fromN(Long.toString(due.toEpochMilli())));
        }
        dynamo.putItem(b -> b.tableName(config.tables().orders()).item(item));
    }

    private static OrderSync pending(String id, Instant now) {
        OrderSync syncing = OrderSync.never(id, now.minusSeconds(600)).start("k-" + id, "ins", null,
                new NodeData("{\"a\":1}"), now.minusSeconds(500), now.minusSeconds(600));
        Classification busy = new Classification(Category.TRANSIENT, "rule-1", RuleSource.DEFAULT,
                Failure.of(FailureKind.HTTP_STATUS));
        return syncing.failed(busy, "busy", RetryPolicies.DEFAULT, now.minusSeconds(590), new SplittableRandom(1));
    }

    @Test
    void oldItems_areRewrittenOnce_thenListedAndSwept_andTheBackfillResumes() {
        // given an ASYNC_PENDING order whose retry is long overdue and a DEAD one, both stored the old way
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String pendingId = "o-" + UUID.randomUUID();
        String deadId = "o-" + UUID.randomUUID();
        putOldItem(pending(pendingId, now));
        putOldItem(pending(deadId, now).claimRetry(2, now.plusSeconds(5), now.minusSeconds(2))
                .dead(DeadReason.ATTEMPTS_EXHAUSTED, now.minusSeconds(1)));
        assertThat(store.due(SyncState.ASYNC_PENDING, now, 1000)).noneMatch(d -> d.orderId().equals(pendingId));
        // when the backfill runs page by page (two items a page), as if resumed after every page
        List<SyncIndexBackfill.Progress> pages = new ArrayList<>();
        SyncIndexBackfill backfill = new SyncIndexBackfill(dynamo, config.tables().orders());
        String position = null;
        long rewritten = 0;
        do {
            SyncIndexBackfill.Progress page = backfill.page(position, 2);
            pages.add(page);
            rewritten += page.rewritten();
            position = page.resumeAfter();
        } while (position != null);
        // then both were rewritten, the sweeper finds the overdue one and operators see the dead one
        assertThat(rewritten).isGreaterThanOrEqualTo(2);
        assertThat(pages.size()).isGreaterThan(1);
        assertThat(store.due(SyncState.ASYNC_PENDING, now, 1000)).anyMatch(d -> d.orderId().equals(pendingId));
        assertThat(listed(SyncState.DEAD)).contains(deadId);
        assertThat(listed(SyncState.ASYNC_PENDING)).contains(pendingId);
        assertThat(store.find(deadId).orElseThrow().state()).isEqualTo(SyncState.DEAD);
        // and a second run writes nothing
        assertThat(backfill.run(null, 100, p -> { }).rewritten()).isZero();
    }

    private List<String> listed(SyncState state) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            SyncStore.Page page = store.list(List.of(state), 100, cursor);
            page.orders().forEach(o -> ids.add(o.orderId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }
}
