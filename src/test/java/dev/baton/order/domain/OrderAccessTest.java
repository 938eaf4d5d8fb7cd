package dev.baton.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.baton.order.domain.OrderAccess.TakeoverVerdict.Kind;
import dev.baton.order.domain.OrderAccess.Verdict;

/** The authorization model, rule by rule, on plain orders in memory (no Quarkus, fixed clock). */
class OrderAccessTest {

    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");
    private static final String CODE = "7K3M-Q9PZ-WX2D-HB4T-0R8N";

    /** An order owned by app-2 on mobile, which agent-1 on phone owned before. */
    private static Order order() {
        Order started = Order.start("o-1", "auto", new Owner("phone", "agent-1", NOW), Pins.NONE, NodeData.EMPTY,
                "h", NOW);
        Handoff moved = new Handoff("phone", "mobile", "agent-1", "app-2", NOW, List.of(), 1, null, null);
        return new Order(started.id(), "auto", new Owner("mobile", "app-2", NOW), Pins.NONE, Map.of(),
                List.of(moved), List.of(), null, NodeData.EMPTY, "h", 2, NOW, NOW);
    }

    private static Caller caller(String who) {
        return switch (who) {
            case "trusted" -> Caller.TRUSTED;
            case "operator" -> Caller.verified(null, true);
            default -> Caller.verified(who, false);
        };
    }

    @ParameterizedTest(name = "{0}: read {1}, write {2}, issue grant {3}")
    @CsvSource({
        "trusted,  FULL,      FULL,      FULL",
        "app-2,    FULL,      FULL,      FULL",
        "operator, MASKED,    NOT_OWNER, FULL",
        "agent-1,  NOT_OWNER, NOT_OWNER, NOT_OWNER",
        "intruder, HIDDEN,    HIDDEN,    HIDDEN"})
    void eachCaller_getsWhatTheModelSays(String who, Verdict read, Verdict write, Verdict issue) {
        assertThat(OrderAccess.toRead(order(), caller(who))).isEqualTo(read);
        assertThat(OrderAccess.toWrite(order(), caller(who))).isEqualTo(write);
        assertThat(OrderAccess.toIssueGrant(order(), caller(who))).isEqualTo(issue);
    }

    @ParameterizedTest(name = "{0} takes over to {1} as {2}, version named {3} → {4}")
    @CsvSource({
        "trusted,  web,    web-1,    false, ALLOWED",
        "trusted,  mobile, app-9,    false, UNNAMED_STEAL",
        "trusted,  mobile, app-9,    true,  ALLOWED",
        "app-2,    web,    app-2,    false, ALLOWED",
        "agent-1,  phone,  agent-1,  true,  NOT_OWNER",
        "intruder, mobile, intruder, true,  HIDDEN"})
    void takeoversWithoutGrant(String who, String to, String terminal, boolean namesVersion, Kind expected) {
        assertThat(OrderAccess.toTakeOver(order(), caller(who), to, terminal, Optional.empty(), namesVersion, NOW)
                .kind()).isEqualTo(expected);
    }

    @Test
    void aLiveGrant_letsAStrangerTakeOver_onItsPlatformOnly_untilItExpires() {
        // given a grant for mobile, valid for ten minutes
        String hash = GrantCode.hash(GrantCode.normalise(CODE).orElseThrow());
        Order order = order().withGrant(new HandoffGrant(hash, "mobile", NOW, NOW.plus(Duration.ofMinutes(10)),
                "app-2"), NOW);
        Caller stranger = caller("app-9");
        // then
        var allowed = OrderAccess.toTakeOver(order, stranger, "mobile", "app-9", Optional.of(hash), false, NOW);
        assertThat(allowed.kind()).isEqualTo(Kind.ALLOWED);
        assertThat(allowed.grant().id()).isEqualTo(hash.substring(0, 12));
        assertThat(OrderAccess.toTakeOver(order, stranger, "web", "app-9", Optional.of(hash), false, NOW).kind())
                .isEqualTo(Kind.HIDDEN);
        assertThat(OrderAccess.toTakeOver(order, stranger, "mobile", "app-9", Optional.of(hash), false,
                NOW.plus(Duration.ofMinutes(10))).kind()).isEqualTo(Kind.HIDDEN);
        assertThat(OrderAccess.toTakeOver(order, Caller.TRUSTED, "web", "w", Optional.of(hash), false, NOW).kind())
                .isEqualTo(Kind.INVALID_GRANT);
    }

    @Test
    void aGrant_cannotBePresentedByItsIssuer_theOwnersTerminalOrTheOperatorsSubject() {
        String hash = GrantCode.hash(GrantCode.normalise(CODE).orElseThrow());
        Caller alice = Caller.verified("alice", "desk-7", true);
        Order byOperator = order().withGrant(new HandoffGrant(hash, "mobile", NOW, NOW.plusSeconds(600),
                HandoffGrant.issuer(alice, "app-2")), NOW);
        assertThat(byOperator.grants().get(0).issuedBy()).isEqualTo("operator:alice");
        // the operator, under any terminal and with or without the operator scope, is refused
        assertThat(OrderAccess.toTakeOver(byOperator, alice, "mobile", "desk-7", Optional.of(hash), false, NOW)
                .kind()).isEqualTo(Kind.SELF_ISSUED_GRANT);
        assertThat(OrderAccess.toTakeOver(byOperator, Caller.verified("alice", "app-5", false), "mobile", "app-5",
                Optional.of(hash), false, NOW).kind()).isEqualTo(Kind.SELF_ISSUED_GRANT);
        // another subject may present it
        assertThat(OrderAccess.toTakeOver(byOperator, Caller.verified("carol", "app-5", false), "mobile", "app-5",
                Optional.of(hash), false, NOW).kind()).isEqualTo(Kind.ALLOWED);
        // the owner's grant: refused from the owner's terminal, fine from another terminal of the same person
        Caller owner = Caller.verified("bob", "app-2", false);
        Order byOwner = order().withGrant(new HandoffGrant(hash, "web", NOW, NOW.plusSeconds(600),
                HandoffGrant.issuer(owner, "app-2")), NOW);
        assertThat(byOwner.grants().get(0).issuedBy()).isEqualTo("app-2");
        assertThat(OrderAccess.toTakeOver(byOwner, owner, "web", "app-2", Optional.of(hash), false, NOW).kind())
                .isEqualTo(Kind.SELF_ISSUED_GRANT);
        assertThat(OrderAccess.toTakeOver(byOwner, Caller.verified("bob", "web-1", false), "web", "web-1",
                Optional.of(hash), false, NOW).kind()).isEqualTo(Kind.ALLOWED);
        // with authentication off nothing is checked
        assertThat(HandoffGrant.issuer(Caller.TRUSTED, "app-2")).isNull();
    }

    @Test
    void aHandoff_consumesItsGrant_andVoidsTheOthers() {
        String hash = GrantCode.hash(GrantCode.normalise(CODE).orElseThrow());
        Order order = order().withGrant(new HandoffGrant(hash, "mobile", NOW, NOW.plusSeconds(600), null), NOW)
                .withGrant(new HandoffGrant("b".repeat(64), "web", NOW, NOW.plusSeconds(600), null), NOW);
        Order after = order.withCompleted("mobile", List.of(), new Owner("mobile", "app-9", NOW),
                new Handoff("mobile", "mobile", "app-2", "app-9", NOW, List.of(), null, hash.substring(0, 12), null),
                order.pins(), NOW);
        assertThat(after.grants()).isEmpty();
        assertThat(after.handoffs().get(1).grantId()).isEqualTo(hash.substring(0, 12));
    }

    @Test
    void codes_readBackForgivingly_andDifferEveryTime() {
        assertThat(GrantCode.normalise("7k3m q9pz wx2d hb4t or8n")).contains("7K3MQ9PZWX2DHB4T0R8N");
        assertThat(GrantCode.normalise("7K3M-Q9PZ-WX2D-HB4T-0R8")).isEmpty();
        assertThat(GrantCode.normalise("7K3M-Q9PZ-WX2D-HB4T-0R8U")).isEmpty();
        var random = new java.security.SecureRandom();
        String a = GrantCode.generate(random);
        assertThat(a).matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(GrantCode.generate(random)).isNotEqualTo(a);
    }
}
