package ke.invoiceiq.bootstrap.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, at a phone's viewport (412×915 CSS pixels). Both
 * binaries are named explicitly, so Selenium Manager never runs and nothing is downloaded; the browser runs with a
 * fresh profile and its background networking off, so it only talks to the application under test. When either
 * binary is missing the test fails (it is never skipped): {@code .ci/run} installs them.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    /** A common Android phone's viewport, in CSS pixels. */
    static final int WIDTH = 412;
    static final int HEIGHT = 915;

    /**
     * Selenium looks for a DevTools (CDP) binding matching the browser and warns when there is none. Nothing here
     * uses CDP, and only the Chrome driver is on the class path (see the root pom's {@code selenium.version}).
     */
    private static final java.util.logging.Logger CDP_FINDER =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_FINDER.setLevel(java.util.logging.Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    public static HeadlessChromium start() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new AssertionError("The pay page's browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (missing: " + (CHROMIUM.canExecute() ? "" : CHROMIUM + " ")
                    + (CHROMEDRIVER.canExecute() ? "" : CHROMEDRIVER.toString()) + "). Run `bash .ci/run`, which"
                    + " installs them, or: sudo apt-get install -y chromium chromium-driver");
        }
        // belt and braces: the driver is named here too, and Selenium's tracing (OpenTelemetry) stays off
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.getPath());
        System.setProperty("webdriver.remote.enableTracing", "false");
        Path profile;
        try {
            profile = Files.createTempDirectory("invoiceiq-pay-page-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=412,915");
        // a headless window is at least 500 px wide: the phone's viewport comes from chromedriver's emulation
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", WIDTH, "height", HEIGHT, "pixelRatio", 1.0, "mobile", true, "touch", true)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        try {
            return new HeadlessChromium(profile, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits until {@code condition} gives a non-null, non-false answer, and returns it. */
    public <T> T await(Duration timeout, String what, Function<WebDriver, T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T answer = condition.apply(driver);
                if (answer != null && !Boolean.FALSE.equals(answer)) {
                    return answer;
                }
            } catch (RuntimeException e) {
                last = e; // the page was reloading: look again
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("not within " + timeout + ": " + what + "; the page was:\n" + driver.getPageSource(),
                last);
    }

    /** Saves what the browser shows as a PNG. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no failure
        }
    }
}
