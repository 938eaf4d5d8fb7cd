package dev.baton.support;

/**
 * The {@code order-sync} Lambda with the endpoint policy as deployed: no {@code http}, no loopback, only ports
 * 443 and 8443 (the local opt-in is off).
 */
public class StrictOrderSyncProfile extends OrderSyncProfile {

    @Override
    protected boolean allowInsecureLocal() {
        return false;
    }
}
