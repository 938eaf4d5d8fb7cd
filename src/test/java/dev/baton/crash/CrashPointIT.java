package dev.baton.crash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.baton.local.LocalInsurer;

/**
 * Kills the local stack (SIGKILL of every process) at each point of a sync attempt, restarts it on the same data
 * without the crash point, and proves every order ends SYNCED with exactly one accepted submission (one
 * idempotency key) at a recording insurer that lives in this JVM and so outlives the stack.
 * Needs {@code target/function.zip}: a failsafe IT, run after {@code package}.
 */
class CrashPointIT {

    static final int ORDERS = 3;
    static final int TIMEOUT_MS = 1500;

    private static LocalInsurer insurer;

    @BeforeAll
    static void startInsurer() throws Exception {
        insurer = new LocalInsurer(0);
    }

    @AfterAll
    static void stopInsurer() {
        insurer.close();
    }

    @Test
    void crashAfterTheClaim_everyOrderIsSyncedOnce() throws Exception {
        crashDuringSyncCall("sync.after-claim");
    }

    @Test
    void crashAfterTheInsurerAnswered_beforeTheOutcomeIsRecorded_everyOrderIsSyncedOnce() throws Exception {
        crashDuringSyncCall("sync.after-answer");
    }

    @Test
    void killWhileTheInsurerHoldsItsAnswer_everyOrderIsSyncedOnce() throws Exception {
        // a timeout well above the time the suite needs to see the hold and kill, so the kill lands inside it
        try (Scenario s = Scenario.start("hold", null, insurer, 10_000, 10, ORDERS)) {
            // given an insurer that holds its answer, and sync calls waiting on it
            insurer.mode("hold");
            s.syncAllInBackground();
            Poll.until("the insurer holding a submission", Scenario.CRASH_LIMIT, () -> insurer.holding() > 0);

            // when the stack dies while the insurer answers, and the insurer then accepts what it held
            s.stack.kill();
            insurer.mode("up");
            s.stack.start(null);

            // then
            s.assertEveryOrderSyncedOnce(true);
        }
    }

    @Test
    void crashAfterTheRetryWorkerClaimed_everyOrderIsSyncedOnce() throws Exception {
        crashDuringRetry("retry.after-claim");
    }

    @Test
    void crashAfterTheInsurerAnsweredARetry_everyOrderIsSyncedOnce() throws Exception {
        crashDuringRetry("retry.after-answer");
    }

    @Test
    void crashAfterTheSweeperRequeued_beforeItSentTheMessage_everyOrderIsSyncedOnce() throws Exception {
        try (Scenario s = Scenario.start("sweep", null, insurer, TIMEOUT_MS, 10, ORDERS)) {
            // given orders in async processing whose retry messages die with the stack (ElasticMQ is in memory)
            insurer.mode("busy");
            s.syncEach();
            insurer.mode("up");

            // when the sweeper recovers them and the stack dies between its requeue write and the message
            s.stack.restart("sweep.after-requeue").awaitCrash("sweep.after-requeue", Scenario.CRASH_LIMIT);
            s.stack.restart(null);

            // then
            s.assertEveryOrderSyncedOnce(false);
        }
    }

    @Test
    void redriveOfDeadOrders_onceTheInsurerIsHealthy_syncsThemOnce_evenWhenTheStackDiesRightAfter()
            throws Exception {
        try (Scenario s = Scenario.start("redrive", null, insurer, TIMEOUT_MS, 2, ORDERS)) {
            // given orders that ended DEAD while the insurer was busy (two attempts allowed)
            insurer.mode("busy");
            s.syncEach();
            assertThat(s.baton.awaitFinal(s.orders, Scenario.RECOVERY)).allSatisfy((id, state) ->
                    assertThat(state).isEqualTo("DEAD"));

            // when the insurer recovers, an operator redrives them, and the stack dies at once
            insurer.mode("up");
            for (String id : s.orders) {
                s.baton.redrive(id);
            }
            s.stack.restart(null);

            // then
            s.assertEveryOrderSyncedOnce(false);
        }
    }

    private static void crashDuringSyncCall(String point) throws Exception {
        try (Scenario s = Scenario.start(point, point, insurer, TIMEOUT_MS, 10, ORDERS)) {
            // given an insurer that accepts, when a sync call halts the function at the point
            insurer.mode("up");
            s.syncAllInBackground();
            s.stack.awaitCrash(point, Scenario.CRASH_LIMIT);

            // and the whole stack is killed and restarted without the crash point
            s.stack.restart(null);

            // then
            s.assertEveryOrderSyncedOnce(true);
        }
    }

    private static void crashDuringRetry(String point) throws Exception {
        try (Scenario s = Scenario.start(point, point, insurer, TIMEOUT_MS, 10, ORDERS)) {
            // given orders in async processing after a busy answer, when the insurer recovers and the retry
            // worker halts at the point
            insurer.mode("busy");
            s.syncEach();
            insurer.mode("up");
            s.stack.awaitCrash(point, Scenario.CRASH_LIMIT);

            // and the whole stack is killed and restarted without the crash point
            s.stack.restart(null);

            // then
            s.assertEveryOrderSyncedOnce(false);
        }
    }
}
