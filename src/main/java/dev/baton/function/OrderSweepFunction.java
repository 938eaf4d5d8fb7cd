package dev.baton.function;

import dev.baton.sync.app.SweepService;
import io.quarkus.funqy.Funq;

/**
 * Lambda entry point of the sweeper, run on a schedule (the scheduled event's content is not needed).
 * Deployed with {@code QUARKUS_FUNQY_EXPORT=order-sweep}.
 */
public class OrderSweepFunction {

    private final SweepService sweeper;

    OrderSweepFunction(SweepService sweeper) {
        this.sweeper = sweeper;
    }

    /** One sweep; answers what it recovered. */
    @Funq("order-sweep")
    public SweepService.Report sweep() {
        return sweeper.sweep();
    }
}
