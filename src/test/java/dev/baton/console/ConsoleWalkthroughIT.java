package dev.baton.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's main path in a browser: an analyst publishes two flows, builds a mapping by clicking, reads the
 * lint and the handoff matrix, publishes it; an order handed off through the API is then found in the console.
 * The README's screenshots come from here (target/console-screenshots, copied by infra/console/screenshots.sh).
 */
class ConsoleWalkthroughIT extends ConsoleSession {

    @Test
    void anAnalystBuildsAMappingByClicking_andAnOperatorFindsTheHandedOffOrder() throws Exception {
        // given two flows published in the console
        publishFlow("phone", "identity", "vehicle", "driver", "coverage", "quote", "pay");
        publishFlow("mobile", "applicant", "car", "quote", "pay");
        click(By.id("flows-load"));
        browser.waiting().until(d -> d.findElements(By.cssSelector("#flows-table tbody tr")).size() == 2);
        // when the mapping is built by clicking (one link by keyboard), with a crossing link added and removed
        openMapping("phone", "mobile");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-editor")));
        link("identity", "applicant");
        link("vehicle", "car");
        link("driver", "car");
        link("coverage", "applicant");
        awaitText("lint-crossings", "2: ");
        link("coverage", "applicant");
        awaitText("lint-crossings", "none");
        link("quote", "quote");
        node("base", "pay").sendKeys(Keys.ENTER);
        node("associated", "pay").sendKeys(Keys.ENTER);
        // then the lint and both matrices show what the links mean before anything is published
        awaitText("lint-coverage", "phone 5/6");
        assertThat(text("lint-unmapped-base")).isEqualTo("coverage");
        assertThat(matrixRow("phone", "mobile", "vehicle")).containsExactly("carried", "resume", "pending", "pending");
        assertThat(matrixRow("phone", "mobile", "driver")).containsExactly("carried", "carried", "resume", "pending");
        assertThat(matrixRow("mobile", "phone", "car"))
                .containsExactly("carried", "carried", "carried", "resume", "pending", "pending");
        browser.screenshot("mapping-editor");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('mapping-matrix-forward').scrollIntoView()");
        browser.screenshot("preview-matrix");
        assertThat(element(By.id("mapping-unpublished")).isDisplayed()).isTrue();
        // when published
        click(By.id("mapping-publish"));
        awaitText("mapping-result", "Published phone → mobile v1 with 5 link(s).");
        assertThat(element(By.id("mapping-unpublished")).isDisplayed()).isFalse();
        // and an order is handed off phone → mobile through the API
        String orderId = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        stack.api("POST", "/v1/orders", "{\"orderId\":\"" + orderId + "\",\"businessType\":\"" + type
                + "\",\"platform\":\"phone\",\"terminalId\":\"agent-0042\"}", 201);
        stack.completeOnPhone(orderId, "identity", "{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\"}");
        stack.completeOnPhone(orderId, "vehicle", "{\"plate\":\"沪A12345\"}");
        stack.completeOnPhone(orderId, "driver", "{}");
        stack.api("POST", "/v1/orders/" + orderId + "/handoffs",
                "{\"toPlatform\":\"mobile\",\"terminalId\":\"app-7f3a\"}", 200);
        // then the console shows its owner, the handoff and what was carried over, never the personal data
        click(By.id("tab-orders"));
        type(By.id("order-id"), orderId + "\n");
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#order-view article")));
        String view = text("order-view");
        assertThat(view).contains("mobile / app-7f3a", "Handoff history", "phone / agent-0042", "applicant, car",
                "Progress on mobile", "phone: identity", "idNumber, name");
        assertThat(browser.driver.getPageSource()).doesNotContain("张三", "11010519491231002X", "沪A12345");
        browser.screenshot("order-view");
    }
}
