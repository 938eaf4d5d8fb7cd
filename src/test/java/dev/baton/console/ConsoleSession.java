package dev.baton.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.baton.local.LocalBaton;

/**
 * What the console's browser tests share: the local stack (every function running from the packaged
 * function.zip, DynamoDB Local and ElasticMQ, the stand-in insurer; started once for all of them), a fresh
 * headless Chromium per test with the console open on a business type of its own, and the steps a user takes.
 * Every test fails if the page logged a script error or a CSP violation.
 */
abstract class ConsoleSession {

    protected static LocalBaton baton;
    protected static StackCalls stack;
    protected Browser browser;
    protected final String type = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startStack() throws Exception {
        Browser.requireInstalled();
        baton = SharedStack.get();
        stack = new StackCalls(baton);
    }

    @BeforeEach
    void openConsole() throws Exception {
        browser = Browser.start();
        browser.driver.get(baton.baseUri() + "/console");
        browser.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        type(By.id("business-type"), type);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            try {
                assertThat(browser.scriptErrors()).as("script errors and CSP violations on the page").isEmpty();
            } finally {
                browser.close();
            }
        }
    }

    /** Opens the mapping editor on {@code base} → {@code associated} from the Mappings tab. */
    protected void openMapping(String base, String associated) {
        click(By.id("tab-mappings"));
        browser.waiting().until(d -> new Select(d.findElement(By.id("mapping-base"))).getOptions().size() >= 2);
        new Select(element(By.id("mapping-base"))).selectByValue(base);
        new Select(element(By.id("mapping-associated"))).selectByValue(associated);
        click(By.id("mapping-open"));
    }

    protected void publishFlow(String platform, String... nodeIds) {
        click(By.id("flows-new"));
        type(By.id("flow-platform"), platform);
        for (int i = 0; i < nodeIds.length; i++) {
            if (i > 0) {
                click(By.id("flow-add-node"));
            }
            List<WebElement> ids = browser.driver.findElements(By.cssSelector("#flow-nodes .node-id"));
            List<WebElement> names = browser.driver.findElements(By.cssSelector("#flow-nodes .node-name"));
            ids.get(i).sendKeys(nodeIds[i]);
            names.get(i).sendKeys("Step " + nodeIds[i]);
        }
        click(By.id("flow-publish"));
        awaitText("flow-result", "Published " + platform + " v1 with " + nodeIds.length + " nodes.");
    }

    /**
     * Chooses a base node (unless it is still chosen: it stays chosen after a link, for 1:N), then clicks an
     * associated node: links them, or unlinks them when linked.
     */
    protected void link(String base, String associated) {
        if (!"true".equals(node("base", base).getAttribute("aria-pressed"))) {
            node("base", base).click();
        }
        node("associated", associated).click();
        browser.waiting().until(d -> text("status").endsWith(base + " → " + associated));
    }

    protected WebElement node(String side, String id) {
        return element(By.cssSelector("#mapping-editor .node[data-side='" + side + "'][data-node='" + id + "']"));
    }

    /** The classes of one matrix row's node cells (carried, resume, pending) for the point {@code reached}. */
    protected List<String> matrixRow(String from, String to, String reached) {
        By row = By.xpath("//table[@data-from='" + from + "' and @data-to='" + to + "']//tr[th/code='"
                + reached + "']");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(row));
        return element(row).findElements(By.cssSelector("td:not(.resume-at)")).stream()
                .map(td -> td.getAttribute("class")).toList();
    }

    /** Presses Tab until {@code target} has the focus (at most 60 times): proof it is reachable by keyboard. */
    protected WebElement tabTo(By target) {
        WebElement wanted = element(target);
        for (int i = 0; i < 60; i++) {
            WebElement focused = browser.driver.switchTo().activeElement();
            if (focused.equals(wanted)) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + target);
    }

    /** The value of one fact of the order shown (e.g. "Sync state"). */
    protected String fact(String name) {
        List<WebElement> found = browser.driver.findElements(By.xpath(
                "//dl[@class='facts']/dt[.='" + name + "']/following-sibling::dd[1]"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    protected void awaitText(String id, String expected) {
        browser.waiting().until(d -> text(id).contains(expected));
    }

    protected String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    protected WebElement element(By by) {
        return browser.driver.findElement(by);
    }

    protected void click(By by) {
        browser.waiting().until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Types into an input and leaves it (Tab), so its change event fires. */
    protected void type(By by, String text) {
        WebElement input = browser.waiting().until(ExpectedConditions.elementToBeClickable(by));
        input.clear();
        input.sendKeys(text);
        if (!text.endsWith("\n")) {
            input.sendKeys(Keys.TAB);
        }
    }
}
