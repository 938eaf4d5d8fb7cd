package dev.baton.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void businessTypesAndPlatforms_areLowercaseWordsWithHyphens() {
        // given / when / then
        assertTrue(Ids.isBusinessType("auto-policy"));
        assertTrue(Ids.isBusinessType("a".repeat(64)));
        assertFalse(Ids.isBusinessType("a".repeat(65)));
        assertFalse(Ids.isBusinessType("-auto"));
        assertFalse(Ids.isBusinessType("Auto"));
        assertFalse(Ids.isBusinessType(null));
        assertTrue(Ids.isPlatform("web2"));
        assertTrue(Ids.isPlatform("p".repeat(32)));
        assertFalse(Ids.isPlatform("p".repeat(33)));
        assertFalse(Ids.isPlatform("mobile\n"));
        assertFalse(Ids.isPlatform(""));
    }

    @Test
    void nodeOrderAndTerminalIds_followTheirCharacterSets() {
        // given / when / then
        assertTrue(Ids.isNodeId("Vehicle_Details-2"));
        assertFalse(Ids.isNodeId("a.b"));
        assertFalse(Ids.isNodeId("n".repeat(65)));
        assertTrue(Ids.isOrderId("ORD-2024_001"));
        assertFalse(Ids.isOrderId("ord 1"));
        assertFalse(Ids.isOrderId(null));
        assertTrue(Ids.isTerminalId("agent@desk:7.eu-1"));
        assertTrue(Ids.isTerminalId("t".repeat(128)));
        assertFalse(Ids.isTerminalId("t".repeat(129)));
        assertFalse(Ids.isTerminalId("a/b"));
    }

    @Test
    void require_namesFieldAndRuleButNotTheValue() {
        // when
        var refused = assertThrows(IllegalArgumentException.class, () -> Ids.requirePlatform("Secret Value", "to"));

        // then
        assertEquals("to must match " + Ids.PLATFORM, refused.getMessage());
        assertEquals("web", Ids.requirePlatform("web", "to"));
    }

    @Test
    void invalidInput_messageListsFieldNamesOnly() {
        // given
        List<Violation> violations = List.of(new Violation("nodes[0].id", "must match " + Ids.NODE_ID),
                new Violation("links[1].to[0]", "is not a node of the associated flow"),
                new Violation("nodes[0].id", "again"));

        // when
        InvalidInputException exception = new InvalidInputException(violations);

        // then
        assertEquals("invalid input: nodes[0].id, links[1].to[0]", exception.getMessage());
        assertEquals(violations, exception.violations());
        assertThrows(UnsupportedOperationException.class, () -> exception.violations().clear());
        assertEquals(List.of(new Violation("to", "is required")),
                new InvalidInputException("to", "is required").violations());
    }
}
