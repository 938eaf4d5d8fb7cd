package dev.baton.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's {@code chromium} package, driven through its {@code chromium-driver}: never a
 * downloaded browser (Selenium Manager is not used). Without them the browser tests are skipped, loudly; with
 * {@code BATON_REQUIRE_BROWSER=1} (set by {@code .ci/run}) they fail instead, so CI never passes without them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(env("BATON_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(env("BATON_CHROMEDRIVER", "/usr/bin/chromedriver"));

    final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips (or with BATON_REQUIRE_BROWSER=1 fails) the calling tests when Chromium is not installed. */
    static void requireInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "BROWSER TESTS SKIPPED: no " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM)
                + ". Install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver), "
                + "as .ci/run does.";
        System.err.println("\n" + "!".repeat(message.length()) + "\n" + message + "\n" + "!".repeat(message.length()));
        if ("1".equals(System.getenv("BATON_REQUIRE_BROWSER"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    /** A fresh browser (empty profile) with a 1280×800 window. */
    static Browser start() throws IOException {
        Path profile = Files.createTempDirectory("baton-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The closed network of CI refuses Chromium's own background connections: switch them off.
        // keep the page's console so tests can fail on script errors and CSP violations
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions",
                "--lang=en-US", "--user-data-dir=" + profile));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    /**
     * Waits for a condition of the page (never for a time): up to 20 s, then fails. An element the page
     * re-rendered while the condition read it is read again.
     */
    WebDriverWait waiting() {
        return waiting(Duration.ofSeconds(20));
    }

    /**
     * Waits for something the retry worker does (an SQS delivery, then a sync against the stand-in insurer): up to
     * 60 s, the limit the black-box suites give the stack for one answer. On a loaded 2-core CI machine the worker's
     * first delivery has taken longer than the 20 s a page gets.
     */
    WebDriverWait waitingForWorker() {
        return waiting(Duration.ofSeconds(60));
    }

    private WebDriverWait waiting(Duration limit) {
        WebDriverWait wait = new WebDriverWait(driver, limit);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * The page's script errors and CSP violations logged since the last call: SEVERE console entries except
     * failed resource loads (the API's 4xx answers, which tests provoke on purpose, are logged that way).
     */
    List<String> scriptErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource")).toList();
    }

    /** Saves what the browser shows as a PNG under target/console-screenshots. */
    Path screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target/console-screenshots"));
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
